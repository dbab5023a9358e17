"""Personal API tokens: create one (shown once), and find the user a presented token belongs to."""

import hashlib
import secrets

from django.db import transaction
from django.utils import timezone

from .models import ApiToken

TOKEN_BYTES = 32


def _digest(raw):
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def create_api_token(*, user, name="", reason="accounts.api_token.created", by=None):
    """Create a token for `user` and return it in clear; only its SHA-256 digest is kept (audited, `reason`)."""
    raw = "tah_" + secrets.token_urlsafe(TOKEN_BYTES)
    token = ApiToken(user=user, name=name, prefix=raw[:8], digest=_digest(raw))
    token._change_reason = reason
    token._history_user = by or user
    token.save()
    return raw


def user_for_token(raw):
    """The active user a token belongs to, or None for an unknown, revoked or inactive one."""
    if not raw:
        return None
    token = (
        ApiToken.objects.select_related("user")
        .filter(digest=_digest(raw), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user
