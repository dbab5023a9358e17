"""Every write about accounts and roles: invitations and their acceptance."""

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tahub.core.i18n import offered
from tahub.core.rules import require
from tahub.parties.models import ContactPoint, Party

from . import invitations, selectors, tokens
from .models import ApiToken, Invitation, User
from .tasks import task_send_invitation

MAX_ACTIVE_API_TOKENS = 10

ERRORS = {
    "account_exists": _("An account with this e-mail address already exists. Ask its owner to sign in instead."),
    "used": _("This invitation has already been used. Sign in with the account it created."),
    "invalid": _("This invitation link has expired or is not valid. Ask whoever invited you for a new one."),
    "language": _("Choose one of the languages in the list."),
}

# The permission each kind of invitation needs.
INVITE_PERMISSION = {
    ContactPoint.Kind.OFFICIAL: "accounts.invite_contact_point",
    ContactPoint.Kind.FOCAL: "accounts.invite_focal_point",
}


@transaction.atomic
def invite_contact_point(
    *, email: str, party: Party, kind: ContactPoint.Kind, by: User, language: str = ""
) -> Invitation:
    """Invite someone by e-mail to act for a Party, as its official contact point or as a focal point.

    - checks the permission: Secretariat staff may invite either kind for any Party; a Party's official
      contact point may invite focal points of its own Party only (PermissionDenied otherwise);
    - refuses an address that already has an account (ValidationError on "email"), and a `language` that is
      not offered (on "language"), writing nothing; no language means the site's default;
    - saves the Invitation (audited, reason "accounts.invitation.created");
    - enqueues task_send_invitation in this same transaction, so the e-mail goes if and only if the
      invitation is committed.
    """
    require(by, INVITE_PERMISSION[kind], party)
    email = User.objects.normalize_email(email.strip()).lower()
    if selectors.account_exists(email):
        raise ValidationError({"email": ERRORS["account_exists"]})
    if language and not offered(language):
        raise ValidationError({"language": ERRORS["language"]})
    invitation = Invitation(email=email, party=party, kind=kind, invited_by=by, language=offered(language))
    invitation._change_reason = "accounts.invitation.created"
    invitation._history_user = by
    invitation.full_clean()
    invitation.save()
    task_send_invitation.enqueue(invitation_id=invitation.pk)
    return invitation


def validate_invitation_link(invitation: Invitation | None, token: str) -> None:
    """Raise ValidationError with a message for the person when the link cannot be used; else return None."""
    if invitation is None:
        raise ValidationError(ERRORS["invalid"])
    if invitation.accepted_at is not None:
        raise ValidationError(ERRORS["used"])
    if not invitations.check_token(invitation, token):
        raise ValidationError(ERRORS["invalid"])


@transaction.atomic
def accept_invitation(*, invitation_id: int, token: str, name: str, password: str) -> User:
    """Accept an invitation: create the account and the role it offers.

    - locks the invitation row, so two clicks on the same link cannot both create an account;
    - refuses an expired, reused or garbled link, and an address that meanwhile got an account
      (ValidationError), writing nothing;
    - creates the User (name, password, the invitation's language as preferred language) and its
      parties.ContactPoint (delegated by the inviter when it is
      a focal point), and marks the invitation accepted (audited, "accounts.invitation.accepted"), which
      makes its link unusable.
    """
    invitation = Invitation.objects.select_for_update().filter(pk=invitation_id).first()
    validate_invitation_link(invitation, token)
    assert invitation is not None  # noqa: S101 (refused above when missing)
    if selectors.account_exists(invitation.email):
        raise ValidationError(ERRORS["account_exists"])
    user = User.objects.create_user(invitation.email, password, name=name.strip(), language=invitation.language)
    contact_point = ContactPoint(user=user, party=invitation.party, kind=invitation.kind)
    if invitation.kind == ContactPoint.Kind.FOCAL:
        contact_point.delegated_by = invitation.invited_by
    contact_point._change_reason = "parties.contact_point.created_from_invitation"
    contact_point._history_user = user
    contact_point.save()
    invitation.accepted_at = timezone.now()
    invitation.accepted_user = user
    invitation._change_reason = "accounts.invitation.accepted"
    invitation._history_user = user
    invitation.save()
    return user


@transaction.atomic
def update_profile(user: User, *, name: str, language: str, by: User) -> User:
    """A person changes their own name and preferred language (the language of their pages and of every e-mail
    sent to them). Only their own account (PermissionDenied otherwise); a language not offered is refused
    (ValidationError on "language"), writing nothing; "" means no preference (the language switch decides)."""
    require(by, "accounts.edit_own_profile", user)
    if language and not offered(language):
        raise ValidationError({"language": ERRORS["language"]})
    user.name, user.language = (name or "").strip()[:200], offered(language)
    user.save(update_fields=["name", "language"])
    return user


def remember_language(user: User | AnonymousUser, language: str) -> None:
    """The language switch, used by a signed-in person: their account keeps the choice (an offered language
    only; anything else is ignored: the switch itself refuses it with a message)."""
    if user.is_authenticated and offered(language) and user.language != offered(language):
        user.language = offered(language)
        user.save(update_fields=["language"])


@transaction.atomic
def create_personal_api_token(*, by: User, name: str) -> str:
    """A signed-in person creates a personal API token for themself; returns it in clear (shown once).

    - checks "accounts.manage_own_api_tokens" (PermissionDenied otherwise);
    - needs a name saying what the token is for, and refuses more than MAX_ACTIVE_API_TOKENS unrevoked
      tokens (ValidationError on "name"), writing nothing;
    - saves the token's digest only (audited, reason "accounts.api_token.created")."""
    require(by, "accounts.manage_own_api_tokens")
    name = (name or "").strip()
    if not name:
        raise ValidationError({"name": _("Say what the token is for, for example “reporting script”.")})
    User.objects.select_for_update().filter(pk=by.pk).first()  # one creation at a time per person
    if ApiToken.objects.filter(user=by, revoked_at__isnull=True).count() >= MAX_ACTIVE_API_TOKENS:
        raise ValidationError(
            {"name": _("You have %(count)s tokens in use: revoke one you no longer need first.")
             % {"count": MAX_ACTIVE_API_TOKENS}}
        )  # fmt: skip
    return tokens.create_api_token(user=by, name=name[:100], by=by)


@transaction.atomic
def revoke_api_token(token: ApiToken, *, by: User) -> ApiToken:
    """The token's owner revokes it: it stops working at once (audited, reason "accounts.api_token.revoked").
    A token already revoked is refused (ValidationError), so a double click changes nothing."""
    require(by, "accounts.revoke_api_token", token)
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if token.revoked_at is not None:
        raise ValidationError(_("This token was already revoked."))
    token.revoked_at = timezone.now()
    token._change_reason = "accounts.api_token.revoked"  # type: ignore[attr-defined]  # simple_history reads it on save
    token._history_user = by  # type: ignore[attr-defined]
    token.save(update_fields=["revoked_at"])
    return token
