"""Reads of Parties, countries and regions, shared by the pages, the API and the exports."""

from django.db.models import Case, Count, F, When
from django.shortcuts import get_object_or_404

from .models import Convention, Eligibility, Party, Region

STOCKHOLM = "SC"


def _with_eligibility(queryset):
    """Annotate the class in force (override, else source) so it can be filtered and sorted in SQL."""
    return queryset.annotate(
        eligibility=Case(
            When(country__eligibility_override="", then=F("country__eligibility_class")),
            default=F("country__eligibility_override"),
        )
    )


def party_list(*, region=None, eligibility=None, search=None, convention=STOCKHOLM):
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


def party_counts_by_eligibility(parties):
    """How many of these Parties are in each eligibility class, in one aggregate query, in the classes' order.

    Classes with no Party are listed with 0, so the summary always has the same shape.
    """
    counted = dict(parties.order_by().values_list("eligibility").annotate(n=Count("id")))
    return [(choice, counted.get(choice.value, 0)) for choice in Eligibility]


def party_get(iso3, *, convention=STOCKHOLM):
    """One Party by its country's ISO code, or 404."""
    return get_object_or_404(party_list(convention=convention), country__iso3=iso3.upper())


def region_list():
    return Region.objects.order_by("code")


def region_list_with_counts():
    """The UN regional groups, each with the number of countries in it, in one query."""
    return Region.objects.annotate(countries_count=Count("countries")).order_by("code")


def region_codes():
    """The codes of the UN regional groups, to check a filter value against."""
    return list(Region.objects.order_by("code").values_list("code", flat=True))


def convention_codes():
    """The codes of the conventions (BC, RC, SC), to check a filter value against."""
    return list(Convention.objects.order_by("code").values_list("code", flat=True))
