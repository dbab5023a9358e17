"""Reminders to centres of their report deadlines. Runs in the worker."""

import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from tahub.core.mail import send_localized

from .models import ActivityReport, RegionalCentre, ReportingPeriod

REMIND_DAYS_BEFORE = 14


def _due_subject(period, centre):
    return _("Activity report %(period)s of %(centre)s is due on %(date)s") % {
        "period": period.title, "centre": centre.name, "date": period.deadline.isoformat(),
    }  # fmt: skip


def send_report_reminders(today=None):
    """E-mail the members of every centre that has not submitted its report for a period due within two
    weeks (or overdue); returns how many e-mails were sent."""
    today = today or timezone.localdate()
    periods = ReportingPeriod.objects.filter(deadline__lte=today + datetime.timedelta(days=REMIND_DAYS_BEFORE))
    sent = 0
    for period in periods:
        done = ActivityReport.objects.filter(period=period, state__in=ActivityReport.REPORTED_STATES).values("centre")
        for centre in RegionalCentre.objects.exclude(pk__in=done).select_related("organisation"):
            members = centre.organisation.members.filter(is_active=True) if centre.organisation else []
            sent += send_localized(
                list(members),
                subject=lambda period=period, centre=centre: _due_subject(period, centre),
                body=lambda centre=centre: (
                    _("Please submit the report at %(url)s") % {"url": f"{settings.SITE_URL}/centres/{centre.code}/"}
                ),
            )
    return sent


def send_report_returned(*, report_id):
    """E-mail the centre's members that their report was returned for revision, with the reason and the link
    to the report; returns how many e-mails were sent."""
    report = ActivityReport.objects.select_related("centre__organisation", "period").get(pk=report_id)
    organisation = report.centre.organisation
    recipients = list(organisation.members.filter(is_active=True)) if organisation else []
    link = settings.SITE_URL.rstrip("/") + reverse("centres:report", args=[report.centre.code, report.period_id])
    return send_localized(
        recipients,
        subject=lambda: _("Activity report %(period)s of %(centre)s: returned for revision") % {
            "period": report.period.title, "centre": report.centre.name,
        },
        template="centres/email/report_returned.txt",
        context={"report": report, "link": link},
    )  # fmt: skip
