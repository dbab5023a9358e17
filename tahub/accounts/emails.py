"""The e-mails accounts sends. The token is made here, in the worker, so no live link waits in the task queue."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from . import invitations


def accept_url(invitation):
    path = reverse(
        "accounts:accept_invitation",
        kwargs={"uidb64": invitations.encode_id(invitation), "token": invitations.make_token(invitation)},
    )
    return settings.SITE_URL + path


def send_invitation(invitation):
    """Send the invitation e-mail, in the site's default language."""
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "invitation": invitation,
            "accept_url": accept_url(invitation),
            "days": settings.INVITATION_TIMEOUT // 86400,
        }
        subject = render_to_string("accounts/email/invitation_subject.txt", context).strip()
        body = render_to_string("accounts/email/invitation_body.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [invitation.email])
