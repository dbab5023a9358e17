"""Reads of a centre's evaluation: the score sheet, the counts it pre-fills and the activities behind them."""

from __future__ import annotations

import datetime

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from ..models import Activity, ActivityReport, Criterion, Evaluation, RegionalCentre, Score


def _activities_in(centre: RegionalCentre, start: datetime.date, end: datetime.date) -> QuerySet[Activity]:
    """Activities the centre logged in submitted reports that fall within the period."""
    return Activity.objects.filter(
        report__centre=centre, report__state__in=ActivityReport.REPORTED_STATES, start__gte=start, end__lte=end
    )


def countable_indicators(centre: RegionalCentre, start: datetime.date, end: datetime.date) -> dict[str, int]:
    """The counts the methodology scores: capacity-building activities, and distinct Parties benefited."""
    activities = _activities_in(centre, start, end)
    return {
        Criterion.Counts.ACTIVITIES: activities.count(),
        Criterion.Counts.PARTIES: activities.values("parties_benefited")
        .exclude(parties_benefited=None)
        .distinct()
        .count(),
    }


def evidence_for(evaluation: Evaluation) -> QuerySet[Activity]:
    """The activities (with their evidence files) behind an evaluation's counts."""
    return (
        _activities_in(evaluation.centre, evaluation.start, evaluation.end)
        .select_related("assistance_type")
        .prefetch_related("parties_benefited__country")
    )


def evaluation_get(pk: int) -> Evaluation:
    return get_object_or_404(
        Evaluation.objects.select_related("centre", "evaluator").prefetch_related(
            Prefetch("scores", queryset=Score.objects.select_related("criterion"))
        ),
        pk=pk,
    )
