"""A centre's activity report for a period: opened and filled in (activities, evidence) and submitted by the
centre; accepted, or returned for revision with a reason, by the Secretariat."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tahub.core import workflow
from tahub.core.rules import require

from ..models import Activity, ActivityReport, RegionalCentre
from ..tasks import task_notify_report_returned

if TYPE_CHECKING:
    from django.core.files.uploadedfile import UploadedFile

    from tahub.accounts.models import User

    from ..models import ReportingPeriod

M2M = ("parties_benefited", "themes", "partners")


@transaction.atomic
def add_activity(report: ActivityReport, *, by: User, data: dict[str, Any]) -> Activity:
    """Log one activity in a draft report: type, dates, Parties benefited, themes, partners, budget, evidence."""
    require(by, "centres.report_activities", report.centre)
    report = ActivityReport.objects.select_for_update().get(pk=report.pk)  # the state now, not as the page saw it
    if report.state != ActivityReport.State.DRAFT:
        raise ValidationError(_("This report is submitted: activities can no longer be added."))
    activity = Activity(report=report, **{k: v for k, v in data.items() if k not in M2M})
    activity.full_clean()
    _check_within_period(activity, report.period)
    if not data.get("parties_benefited"):
        raise ValidationError({"parties_benefited": _("Name at least one Party that benefited.")})
    activity._change_reason = "centres.activity.logged"
    activity.save()
    for name in M2M:
        getattr(activity, name).set(data.get(name) or [])
    return activity


def _check_within_period(activity: Activity, period: ReportingPeriod) -> None:
    """An activity is reported in the report of the period it took place in: its dates lie inside the period."""
    outside = _("The activity must take place within the period of the report, %(start)s to %(end)s.") % {
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
    }
    errors: dict[str, str] = {}
    if not period.start <= activity.start <= period.end:
        errors["start"] = outside
    if not period.start <= activity.end <= period.end:
        errors["end"] = outside
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def remove_activity(activity: Activity, *, by: User) -> None:
    """Take an activity out of a draft report (e.g. one the Secretariat asked to correct); kept in its history."""
    require(by, "centres.report_activities", activity.report.centre)
    report = ActivityReport.objects.select_for_update().get(pk=activity.report_id)
    if report.state != ActivityReport.State.DRAFT:
        raise ValidationError(_("This report is submitted: activities can no longer be removed."))
    activity._change_reason = "centres.activity.removed"
    activity.delete()


@transaction.atomic
def attach_evidence(activity: Activity, *, by: User, evidence: UploadedFile) -> Activity:
    """Attach (or replace) the evidence file of an activity in a draft report; checked as on the page."""
    require(by, "centres.report_activities", activity.report.centre)
    report = ActivityReport.objects.select_for_update().get(pk=activity.report_id)
    if report.state != ActivityReport.State.DRAFT:
        raise ValidationError(_("This report is submitted: its evidence can no longer be changed."))
    activity = Activity.objects.select_for_update().get(pk=activity.pk)
    activity.evidence = evidence
    activity.full_clean()
    activity._change_reason = "centres.activity.evidence_attached"
    activity.save()
    return activity


@transaction.atomic
def submit_report(report: ActivityReport, *, by: User) -> ActivityReport:
    """Submit the period's report; it must log at least one activity (or say none by logging none and the
    Secretariat will follow up)."""
    workflow.require_transition(by, report, "submit")
    if not report.activities.exists():
        raise ValidationError(_("Log the period's activities before submitting the report."))
    return workflow.move(
        ActivityReport, report, "submit", by=by, reason="centres.report.submitted",
        changes={"submitted_at": timezone.now()},
    )  # fmt: skip


@transaction.atomic
def open_report(*, centre: RegionalCentre, period: ReportingPeriod, by: User) -> ActivityReport:
    """The centre's report for a period, opened (as a draft) the first time the centre asks for it."""
    require(by, "centres.report_activities", centre)
    report = ActivityReport.objects.filter(centre=centre, period=period).first()
    if report is None:
        report = ActivityReport(centre=centre, period=period)
        report._change_reason = "centres.report.opened"
        report.save()
    return report


@transaction.atomic
def accept_report(report: ActivityReport, *, by: User) -> ActivityReport:
    """The Secretariat accepts a submitted report; its activities then count in the centre's evaluation as
    before, and the record says who accepted it and when."""
    return workflow.move(
        ActivityReport, report, "accept", by=by, reason="centres.report.accepted",
        changes={"accepted_by": by, "accepted_at": timezone.now()},
    )  # fmt: skip


@transaction.atomic
def return_report(report: ActivityReport, *, by: User, reason: str) -> ActivityReport:
    """The Secretariat returns a submitted report to the centre for revision, saying what to revise: it is a
    draft again (the centre corrects it and submits it again), and the centre's members are e-mailed the
    reason by the worker."""
    workflow.require_transition(by, report, "return_for_revision")
    if not reason.strip():
        raise ValidationError({"reason": _("Say what the centre should revise; the centre will read it.")})
    report = workflow.move(
        ActivityReport, report, "return_for_revision", by=by, reason="centres.report.returned",
        changes={"returned_at": timezone.now(), "return_reason": reason.strip()},
    )  # fmt: skip
    task_notify_report_returned.enqueue(report_id=report.pk)
    return report


@transaction.atomic
def review_report(report: ActivityReport, *, by: User, decision: str, reason: str = "") -> ActivityReport:
    """One review decision on a submitted report: "accept", or "return" for revision with a reason."""
    if decision == "accept":
        return accept_report(report, by=by)
    if decision == "return":
        return return_report(report, by=by, reason=reason)
    raise ValidationError({"decision": _("Choose: accept the report, or return it for revision.")})
