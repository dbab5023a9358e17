"""Reminders to donors of pledges not yet paid. Runs in the worker (tasks.py), never in the web request."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from . import selectors, services


def send_donor_reminders(today=None):
    """E-mail the donor of each pledge whose payment date has come and that is not fully received (at most once
    every 30 days per pledge); returns the number of e-mails sent."""
    today = today or timezone.localdate()
    sent, reminded = 0, []
    for pledge in selectors.pledges_to_remind(today):
        body = render_to_string("funding/email/donor_reminder.txt", {"pledge": pledge, "site_url": settings.SITE_URL})
        subject = _("Your pledge to the %(fund)s trust fund: %(currency)s %(amount)s outstanding") % {
            "fund": pledge.trust_fund.code, "currency": pledge.currency, "amount": f"{pledge.outstanding:,.2f}",
        }  # fmt: skip
        sent += send_mail(subject, body, None, [pledge.donor.email])
        reminded.append(pledge.pk)
    services.mark_reminded(reminded, on=today)
    return sent
