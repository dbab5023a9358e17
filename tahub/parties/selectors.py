"""Reads of Parties, countries and regions, shared by the pages, the API and the exports."""

from collections import Counter
from typing import Any

from django.db.models import Case, Count, F, QuerySet, When
from django.shortcuts import get_object_or_404

from .models import Convention, Eligibility, Party, Region

STOCKHOLM = "SC"


def _with_eligibility(queryset: QuerySet[Party]) -> QuerySet[Any]:  # Any: Parties with `eligibility` annotated
    """Annotate the class in force (override, else source) so it can be filtered and sorted in SQL."""
    return queryset.annotate(
        eligibility=Case(
            When(country__eligibility_override="", then=F("country__eligibility_class")),
            default=F("country__eligibility_override"),
        )
    )


def party_list(
    *, region: str | None = None, eligibility: str | None = None, search: str | None = None, convention: str = STOCKHOLM
) -> QuerySet[Any]:
    """The Parties to a convention, with their country and region in the same query."""
    queryset = _with_eligibility(
        Party.objects.filter(convention__code=convention).select_related("country__region", "convention")
    )
    if region:
        queryset = queryset.filter(country__region__code=region)
    if eligibility:
        queryset = queryset.filter(eligibility=eligibility)
    if search:
        queryset = queryset.filter(country__name__icontains=search)
    return queryset.order_by("country__sort_name", "country__name")  # Côte d'Ivoire before Czechia


def party_rows(
    *, region: str | None = None, eligibility: str | None = None, search: str | None = None, convention: str = STOCKHOLM
) -> list[dict[str, Any]]:
    """The Parties of `party_list` as plain values, for the list page: one dict a Party with its country's `iso3`,
    `name` and `region` (the group's code, or None), the class in force (`eligibility`, or "") and
    `entry_into_force` (a date, or None). No model instances: 185 Parties would be 740 of them (Party, country,
    region, convention), each with its timestamps parsed, for five values."""
    parties = party_list(region=region, eligibility=eligibility, search=search, convention=convention)
    return list(
        parties.values(
            "eligibility",
            "entry_into_force",
            iso3=F("country__iso3"),
            name=F("country__name"),
            region=F("country__region__code"),
        )
    )


def eligibility_counts(rows: list[dict[str, Any]]) -> list[tuple[Eligibility, int]]:
    """How many of these rows (`party_rows`) are in each eligibility class, in the classes' order, counted in
    Python: the rows are all there already. Classes with no Party are listed with 0."""
    counted = Counter(row["eligibility"] for row in rows)
    return [(choice, counted[choice.value]) for choice in Eligibility]


def party_get(iso3: str, *, convention: str = STOCKHOLM) -> Party:
    """One Party by its country's ISO code, or 404."""
    return get_object_or_404(party_list(convention=convention), country__iso3=iso3.upper())


def party_page(iso3: str, *, convention: str = STOCKHOLM) -> Party:
    """One Party by its country's ISO code, with its country, region and convention, for its page; or 404.
    `party_get` without the class in force annotated (the page reads the country's own fields), which would
    cost ~800 Python calls a request to build and compile."""
    parties = Party.objects.select_related("country__region", "convention")
    return get_object_or_404(parties, convention__code=convention, country__iso3=iso3.upper())


def region_list() -> QuerySet[Region]:
    return Region.objects.order_by("code")


def region_list_with_counts() -> QuerySet[Region]:
    """The UN regional groups, each with the number of countries in it, in one query."""
    return Region.objects.annotate(countries_count=Count("countries")).order_by("code")


def region_codes() -> list[str]:
    """The codes of the UN regional groups, to check a filter value against."""
    return list(Region.objects.order_by("code").values_list("code", flat=True))


def convention_codes() -> list[str]:
    """The codes of the conventions (BC, RC, SC), to check a filter value against."""
    return list(Convention.objects.order_by("code").values_list("code", flat=True))
