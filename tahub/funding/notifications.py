"""Reminders to donors of pledges not yet paid. Runs in the worker (tasks.py), never in the web request."""

from django.conf import settings
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from tahub.core.mail import send_localized

from . import selectors, services


def _subject(pledge):
    return _("Your pledge to the %(fund)s trust fund: %(currency)s %(amount)s outstanding") % {
        "fund": pledge.trust_fund.code, "currency": pledge.currency,
        "amount": number_format(pledge.outstanding, 2, force_grouping=True),
    }  # fmt: skip


def send_donor_reminders(today=None):
    """E-mail the donor of each pledge whose payment date has come and that is not fully received (at most once
    every 30 days per pledge); returns the number of e-mails sent."""
    today = today or timezone.localdate()
    sent, reminded = 0, []
    for pledge in selectors.pledges_to_remind(today):
        sent += send_localized(
            [pledge.donor.email],
            subject=lambda pledge=pledge: _subject(pledge),
            template="funding/email/donor_reminder.txt",
            context={"pledge": pledge, "site_url": settings.SITE_URL},
        )  # fmt: skip
        reminded.append(pledge.pk)
    services.mark_reminded(reminded, on=today)
    return sent
