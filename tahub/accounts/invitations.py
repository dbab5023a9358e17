"""Invitation link tokens, after django's contrib/auth/tokens.py: no token table.

A token is "<timestamp>-<hmac>", the HMAC hashing the invitation's id, address and acceptance time with the
timestamp. Accepting the invitation changes the hashed state, so a used link no longer matches; a link older
than settings.INVITATION_TIMEOUT seconds is refused too.
"""

import time

from django.conf import settings
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.encoding import force_bytes, force_str
from django.utils.http import base36_to_int, int_to_base36, urlsafe_base64_decode, urlsafe_base64_encode

KEY_SALT = "tahub.accounts.invitations.InvitationTokenGenerator"


def _hash(invitation, timestamp):
    accepted = "" if invitation.accepted_at is None else invitation.accepted_at.replace(microsecond=0, tzinfo=None)
    value = f"{invitation.pk}{invitation.email}{accepted}{timestamp}"
    return salted_hmac(KEY_SALT, value, secret=settings.SECRET_KEY, algorithm="sha256").hexdigest()[::2]


def make_token(invitation, *, now=None):
    """A token for this invitation, valid until it is accepted or times out."""
    timestamp = int(now if now is not None else time.time())
    ts_b36 = int_to_base36(timestamp)
    return f"{ts_b36}-{_hash(invitation, timestamp)}"


def check_token(invitation, token, *, now=None):
    """Whether the token was made for this invitation in its present state and has not timed out."""
    if not (invitation and token) or token.count("-") != 1:
        return False
    ts_b36, _digest = token.split("-")
    try:
        timestamp = base36_to_int(ts_b36)
    except ValueError:
        return False
    if not constant_time_compare(f"{ts_b36}-{_hash(invitation, timestamp)}", token):
        return False
    current = int(now if now is not None else time.time())
    return 0 <= current - timestamp <= settings.INVITATION_TIMEOUT


def encode_id(invitation):
    return urlsafe_base64_encode(force_bytes(invitation.pk))


def decode_id(encoded):
    """The invitation id in an accept link, or None when the link is garbled."""
    try:
        return int(force_str(urlsafe_base64_decode(encoded)))
    except (TypeError, ValueError, OverflowError):
        return None
