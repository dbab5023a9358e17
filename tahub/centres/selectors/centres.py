"""Reads of the regional centres and their endorsements, and a centre's public record, shared by the pages, the
API and the exports."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.db.models import Avg, Count, Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from tahub.core import compiled
from tahub.core.translated import language_fields, reading_order

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


def _near_query(country_id: int, region_id: int | None = None) -> QuerySet[Any]:
    condition = Q(host_country_id=country_id)
    if region_id:
        condition |= Q(region_id=region_id)
    centres = RegionalCentre.objects.filter(condition).order_by("name_en")
    return centres.rewrite(False).values_list("code", "host_country_id", "host_country__name", *language_fields("name"))


def centres_near(country: Country) -> list[dict[str, Any]]:
    """`centres_for_country` as a Party's page shows them: {"code", "name" (in the reader's language),
    "host_country_id", "host_country" (its name)}, by name. One query, compiled once per process
    (`core.compiled`; as centres with their host countries and regions, ~2,000 Python calls a request)."""
    if country.region_id:
        found = compiled.rows("centres.near", _near_query, country.pk, country.region_id)
    else:
        found = compiled.rows("centres.hosted", _near_query, country.pk)
    names = {name: i for i, name in enumerate(language_fields("name"), start=3)}
    order = [names[name] for name in reading_order(RegionalCentre, "name")]
    return [
        {
            "code": row[0],
            "name": next((row[i] for i in order if row[i]), ""),
            "host_country_id": row[1],
            "host_country": row[2],
        }
        for row in found
    ]


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
