"""Reads of the regional centres and their endorsements, shared by the pages, the API and the exports."""

from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404

from .models import Endorsement, RegionalCentre


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
