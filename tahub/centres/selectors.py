from django.db.models import Prefetch
from django.shortcuts import get_object_or_404

from .models import Endorsement, RegionalCentre


def centre_list(*, region=None):
    queryset = RegionalCentre.objects.select_related("host_country", "region").prefetch_related(
        Prefetch("endorsements", queryset=Endorsement.objects.select_related("decision").order_by("-start_year"))
    )
    if region:
        queryset = queryset.filter(region__code=region)
    return queryset.order_by("name")


def centre_get(code):
    return get_object_or_404(centre_list(), code=code)
