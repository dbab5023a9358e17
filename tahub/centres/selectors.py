"""Reads of the regional centres and their endorsements, shared by the pages, the API and the exports."""

from django.db.models import Avg, Count, Prefetch, Q
from django.shortcuts import get_object_or_404
from django.utils import timezone

from tahub.parties.models import Party

from .models import Activity, ActivityReport, Criterion, Endorsement, Evaluation, RegionalCentre, Score, WorkPlan


def centre_list(*, region=None):
    """The centres with host country, region and endorsements (newest first): three queries, however many."""
    queryset = RegionalCentre.objects.select_related("host_country", "region").prefetch_related(
        Prefetch("endorsements", queryset=Endorsement.objects.select_related("decision").order_by("-start_year"))
    )
    if region:
        queryset = queryset.filter(region__code=region)
    return queryset.order_by("name")


def centres_for_country(country):
    """The centres hosted by this country or serving its UN region (a country without a region: hosted only)."""
    condition = Q(host_country=country)
    if country.region_id:
        condition |= Q(region_id=country.region_id)
    return centre_list().filter(condition)


def centre_get(code):
    return get_object_or_404(centre_list(), code=code)


def centre_page(code):
    """One centre with its directory entry (contact, Parties served), for its public page."""
    queryset = (
        centre_list()
        .select_related("organisation")
        .prefetch_related("organisation__parties_served__country", "organisation__themes")
    )
    return get_object_or_404(queryset, code=code)


def _activities_in(centre, start, end):
    """Activities the centre logged in submitted reports that fall within the period."""
    return Activity.objects.filter(
        report__centre=centre, report__state__in=ActivityReport.REPORTED_STATES, start__gte=start, end__lte=end
    )


def countable_indicators(centre, start, end):
    """The counts the methodology scores: capacity-building activities, and distinct Parties benefited."""
    activities = _activities_in(centre, start, end)
    return {
        Criterion.Counts.ACTIVITIES: activities.count(),
        Criterion.Counts.PARTIES: activities.values("parties_benefited")
        .exclude(parties_benefited=None)
        .distinct()
        .count(),
    }


def evidence_for(evaluation):
    """The activities (with their evidence files) behind an evaluation's counts."""
    return (
        _activities_in(evaluation.centre, evaluation.start, evaluation.end)
        .select_related("assistance_type")
        .prefetch_related("parties_benefited__country")
    )


def evaluation_get(pk):
    return get_object_or_404(
        Evaluation.objects.select_related("centre", "evaluator").prefetch_related(
            Prefetch("scores", queryset=Score.objects.select_related("criterion"))
        ),
        pk=pk,
    )


def centre_record(centre):
    """For the public centre page: the current (latest approved) work plan, the activities of submitted
    reports (latest first), and the Parties' feedback summary."""
    plan = centre.work_plans.filter(state=WorkPlan.State.APPROVED).select_related("approved_by").first()
    activities = reported_activities(centre)[:50]
    feedback = centre.feedback.aggregate(n=Count("pk"), average=Avg("rating"))
    return {"work_plan": plan, "activities": activities, "feedback": feedback}


def reported_activities(centre):
    """What the centre reported in its submitted reports, latest first."""
    return (
        Activity.objects.filter(report__centre=centre, report__state__in=ActivityReport.REPORTED_STATES)
        .select_related("assistance_type")
        .prefetch_related("parties_benefited__country")
        .order_by("-start", "pk")
    )


def report_for_review(pk):
    """A report with its centre and period, for the Secretariat's review page."""
    return get_object_or_404(ActivityReport.objects.select_related("centre", "period", "accepted_by"), pk=pk)


def report_activities(report):
    """The activities logged in one report (draft or not), with their type and the programme activity each
    delivers."""
    return (
        report.activities.select_related("assistance_type", "programme_activity__biennium")
        .prefetch_related("parties_benefited__country", "themes", "partners")
        .order_by("start", "pk")
    )


def endorsements_expiring(today, *, within_years=1):
    """Each centre with its latest endorsement, flagged when it ends this year or next (for staff)."""
    rows = []
    for centre in centre_list():
        latest = next(iter(centre.endorsements.all()), None)
        ends = latest.end_year if latest else None
        rows.append((centre, latest, ends is not None and ends <= today.year + within_years))
    return rows


def report_status(period):
    """Every centre and its report for a period (or None): who has not reported yet."""
    reports = {r.centre_id: r for r in ActivityReport.objects.filter(period=period)}
    return [(centre, reports.get(centre.pk)) for centre in RegionalCentre.objects.order_by("name")]


def parties_of(user):
    """The Parties a person acts for, to give feedback in their name."""
    return Party.objects.filter(contact_points__user=user).select_related("country")


def today():
    return timezone.localdate()
