"""Reads of Parties, countries and regions, shared by the pages, the API and the exports."""

from django.db.models import Case, F, When
from django.shortcuts import get_object_or_404

from .models import Party, Region

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
    return queryset.order_by("country__name")


def party_get(iso3, *, convention=STOCKHOLM):
    """One Party by its country's ISO code, or 404."""
    return get_object_or_404(party_list(convention=convention), country__iso3=iso3.upper())


def region_list():
    return Region.objects.order_by("code")
