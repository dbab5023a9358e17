"""Delivery and closure: the providers start and finish the delivery and report what they delivered (staff
correct a report), and the Party closes the delivered request with its feedback."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..models import Assignment, DeliveryReport, State, TARequest
from .moves import check, move_request

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile

    from tahub.accounts.models import User
    from tahub.parties.models import Party

NOT_IN_FUTURE = gettext_lazy("A delivery report covers what was delivered: this date is after today (%(today)s).")
NOT_BEFORE_SUBMISSION = gettext_lazy("The delivery cannot lie before the request was submitted (%(submitted)s).")
END_BEFORE_START = gettext_lazy("The end must come after the start.")


@transaction.atomic
def start_delivery(request: TARequest, *, by: User, seen_state: str | None = State.ASSIGNED) -> TARequest:
    return move_request(
        request,
        by=by,
        action="start_delivery",
        reason="assistance.request.delivery_started",
        seen_state=seen_state,
    )


@transaction.atomic
def mark_delivered(request: TARequest, *, by: User, seen_state: str | None = State.IN_DELIVERY) -> TARequest:
    return move_request(
        request,
        by=by,
        action="mark_delivered",
        reason="assistance.request.delivered",
        seen_state=seen_state,
        changes={"delivered_at": timezone.now()},
    )


def _check_delivery_dates(
    request: TARequest, start: datetime.date | None, end: datetime.date | None, today: datetime.date | None = None
) -> None:
    """A delivery lies inside its frame: not after today, not before the request was submitted."""
    today = today or timezone.localdate()
    errors: dict[str, Any] = {}
    submitted = timezone.localdate(request.submitted_at) if request.submitted_at else None
    for name, day in (("start", start), ("end", end)):
        if day and day > today:
            errors[name] = NOT_IN_FUTURE % {"today": today.isoformat()}
        elif day and submitted and day < submitted:
            errors[name] = NOT_BEFORE_SUBMISSION % {"submitted": submitted.isoformat()}
    if start and end and end < start and "end" not in errors:
        errors["end"] = END_BEFORE_START
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def report_delivery(
    assignment: Assignment,
    *,
    by: User,
    start: datetime.date,
    end: datetime.date,
    activities: str,
    parties_benefited: Iterable[Party],
    document: UploadedFile | None = None,
) -> DeliveryReport:
    """A provider reports what it delivered under its assignment: dates, activities, Parties, evidence.
    The dates lie between the request's submission and today."""
    check(by, "assistance.report_delivery", assignment.request)
    _check_delivery_dates(assignment.request, start, end)
    report = DeliveryReport(
        assignment=assignment, start=start, end=end, activities=activities, reported_by=by, document=document or ""
    )
    report.full_clean()
    report._change_reason = "assistance.delivery.reported"
    report._history_user = by
    report.save()
    report.parties_benefited.set(parties_benefited)
    return report


@transaction.atomic
def correct_delivery_report(
    report: DeliveryReport,
    *,
    by: User,
    correction: str,
    start: datetime.date,
    end: datetime.date,
    activities: str,
    parties_benefited: Iterable[Party],
    document: UploadedFile | None = None,
) -> DeliveryReport:
    """Staff correct a delivery report (wrong dates, activities or Parties): the same checks as reporting,
    the reason required; the history keeps the values before, who corrected and why."""
    report = DeliveryReport.objects.select_for_update().select_related("assignment__request").get(pk=report.pk)
    request = report.assignment.request
    check(by, "assistance.correct_delivery", request)
    if not correction.strip():
        raise ValidationError({"correction": _("Say what was wrong: the history keeps it with the correction.")})
    _check_delivery_dates(request, start, end)
    report.start, report.end, report.activities, report.correction = start, end, activities, correction.strip()
    if document:
        report.document = document
    report.full_clean()
    report._change_reason = "assistance.delivery.corrected"
    report._history_user = by
    report.save()
    report.parties_benefited.set(parties_benefited)
    return report


@transaction.atomic
def close_request(
    request: TARequest, *, by: User, satisfaction: int, comment: str = "", seen_state: str | None = State.DELIVERED
) -> TARequest:
    """The Party closes a delivered request with its feedback: satisfaction 1–5 and a comment."""
    if satisfaction not in range(1, 6):
        raise ValidationError({"satisfaction": _("Rate your satisfaction from 1 (poor) to 5 (excellent).")})
    changes = {"closed_at": timezone.now(), "satisfaction": satisfaction, "feedback": comment}
    return move_request(
        request,
        by=by,
        action="close",
        reason="assistance.request.closed",
        seen_state=seen_state,
        changes=changes,
    )
