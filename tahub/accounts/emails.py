"""The e-mails accounts sends. The token is made here, in the worker, so no live link waits in the task queue."""

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse

from tahub.core.mail import send_localized

from . import invitations


def accept_url(invitation):
    path = reverse(
        "accounts:accept_invitation",
        kwargs={"uidb64": invitations.encode_id(invitation), "token": invitations.make_token(invitation)},
    )
    return settings.SITE_URL + path


def send_invitation(invitation):
    """Send the invitation e-mail, in the language the inviter chose (else the site's default)."""
    context = {
        "invitation": invitation,
        "accept_url": accept_url(invitation),
        "days": settings.INVITATION_TIMEOUT // 86400,
    }
    send_localized(
        [(invitation.email, invitation.language or settings.LANGUAGE_CODE)],
        subject=lambda: render_to_string("accounts/email/invitation_subject.txt", context).strip(),
        template="accounts/email/invitation_body.txt",
        context=context,
        from_email=settings.DEFAULT_FROM_EMAIL,
    )
