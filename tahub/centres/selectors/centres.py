"""Reads of the regional centres and their endorsements, and a centre's public record, shared by the pages, the
API and the exports."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.db.models import Avg, Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from ..models import Endorsement, RegionalCentre, WorkPlan
from .reports import reported_activities

if TYPE_CHECKING:
    from tahub.parties.models import Country


def centre_list(*, region: str | None = None) -> QuerySet[RegionalCentre]:
    """The centres with host country, region and endorsements (newest first): three queries, however many."""
    queryset = RegionalCentre.objects.select_related("host_country", "region").prefetch_related(
        Prefetch("endorsements", queryset=Endorsement.objects.select_related("decision").order_by("-start_year"))
    )
    if region:
        queryset = queryset.filter(region__code=region)
    return queryset.order_by("name_en")


def centres_for_country(country: Country) -> QuerySet[RegionalCentre]:
    """The centres hosted by this country or serving its UN region (a country without a region: hosted only)."""
    condition = Q(host_country=country)
    if country.region_id:
        condition |= Q(region_id=country.region_id)
    return centre_list().filter(condition)


def centre_get(code: str) -> RegionalCentre:
    return get_object_or_404(centre_list(), code=code)


def centre_page(code: str) -> RegionalCentre:
    """One centre with its directory entry (contact, Parties served), for its public page."""
    queryset = (
        centre_list()
        .select_related("organisation")
        .prefetch_related("organisation__parties_served__country", "organisation__themes")
    )
    return get_object_or_404(queryset, code=code)


def centre_record(centre: RegionalCentre) -> dict[str, Any]:
    """For the public centre page: the current (latest approved) work plan, the activities of submitted
    reports (latest first), and the Parties' feedback summary."""
    plan = centre.work_plans.filter(state=WorkPlan.State.APPROVED).select_related("approved_by").first()
    activities = reported_activities(centre)[:50]
    feedback = centre.feedback.aggregate(n=Count("pk"), average=Avg("rating"))
    return {"work_plan": plan, "activities": activities, "feedback": feedback}


def endorsements_expiring(
    today: datetime.date, *, within_years: int = 1
) -> list[tuple[RegionalCentre, Endorsement | None, bool]]:
    """Each centre with its latest endorsement, flagged when it ends this year or next (for staff)."""
    rows: list[tuple[RegionalCentre, Endorsement | None, bool]] = []
    for centre in centre_list():
        latest = next(iter(centre.endorsements.all()), None)
        ends = latest.end_year if latest else None
        rows.append((centre, latest, ends is not None and ends <= today.year + within_years))
    return rows


def today() -> datetime.date:
    return timezone.localdate()
