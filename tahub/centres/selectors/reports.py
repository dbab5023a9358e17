"""Reads of centres' activity reports and the activities they log: a report's activities, what a centre reported,
a report for the Secretariat's review, who has reported for a period."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from ..models import Activity, ActivityReport, RegionalCentre

if TYPE_CHECKING:
    from ..models import ReportingPeriod


def reported_activities(centre: RegionalCentre) -> QuerySet[Activity]:
    """What the centre reported in its submitted reports, latest first."""
    return (
        Activity.objects.filter(report__centre=centre, report__state__in=ActivityReport.REPORTED_STATES)
        .select_related("assistance_type")
        .prefetch_related("parties_benefited__country")
        .order_by("-start", "pk")
    )


def report_for_review(pk: int) -> ActivityReport:
    """A report with its centre and period, for the Secretariat's review page."""
    return get_object_or_404(ActivityReport.objects.select_related("centre", "period", "accepted_by"), pk=pk)


def report_activities(report: ActivityReport) -> QuerySet[Activity]:
    """The activities logged in one report (draft or not), with their type and the programme activity each
    delivers."""
    return (
        report.activities.select_related("assistance_type", "programme_activity__biennium")
        .prefetch_related("parties_benefited__country", "themes", "partners")
        .order_by("start", "pk")
    )


def report_status(period: ReportingPeriod) -> list[tuple[RegionalCentre, ActivityReport | None]]:
    """Every centre and its report for a period (or None): who has not reported yet."""
    reports = {r.centre_id: r for r in ActivityReport.objects.filter(period=period)}
    return [(centre, reports.get(centre.pk)) for centre in RegionalCentre.objects.order_by("name_en")]
