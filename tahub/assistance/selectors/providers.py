"""The providers of assistance: those to assign (by search), their assignments to report on, their delivery
reports, and their public record of requests delivered."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import ExtractYear
from django.shortcuts import get_object_or_404

from tahub.core.rules import is_secretariat

from ..models import Assignment, DeliveryReport, State, TARequest

if TYPE_CHECKING:
    from tahub.accounts.models import User
    from tahub.directory.models import Organisation


def assignments_reportable_by(user: User, request: TARequest) -> QuerySet[Assignment]:
    """The assignments of `request` a person may report on: their organisation's; all of them for staff."""
    queryset = request.assignments.select_related("organisation")
    if is_secretariat(user):
        return queryset
    return queryset.filter(organisation__memberships__user=user)


def delivery_record(organisation: Organisation) -> list[tuple[int | None, int]]:
    """[(year, requests)] delivered or closed with this organisation assigned: its public assistance record."""
    return list(
        TARequest.objects.filter(assignments__organisation=organisation, state__in=[State.DELIVERED, State.CLOSED])
        .annotate(year=ExtractYear("delivered_at"))
        .values_list("year")
        .annotate(n=Count("pk", distinct=True))
        .order_by("year")
    )


def provider_search(query: str | None, *, limit: int = 20) -> list[Organisation]:
    """Providers to assign whose name, acronym or country of seat contains `query`, by name (at most `limit`)."""
    from tahub.directory.models import Organisation

    query = (query or "").strip()
    if not query:
        return []
    matches = Q(name__icontains=query) | Q(short_name__icontains=query) | Q(country__name__icontains=query)
    return list(
        Organisation.objects.filter(matches)
        .select_related("country")
        .prefetch_related("themes", "assistance_types")
        .order_by("name", "pk")[:limit]
    )


def delivery_report_get(request: TARequest, pk: int) -> DeliveryReport:
    """A delivery report of `request` (already checked visible), or 404."""
    return get_object_or_404(
        DeliveryReport.objects.select_related("assignment__organisation").prefetch_related("parties_benefited"),
        assignment__request=request,
        pk=pk,
    )
