"""The requests a person may see, and the pages' reads of them. `requests_visible_to(user)` decides what a user
may see; pages, API and exports all start from it, so a Party's focal point never sees another Party's
requests."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.db.models import Prefetch, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from tahub.accounts.models import User
from tahub.core.rules import is_secretariat
from tahub.parties.models import Party

from .. import service_levels
from ..models import Assignment, State, TARequest

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser


def requests_visible_to(user: User | AnonymousUser) -> QuerySet[TARequest]:
    """A draft is the Party's alone: its contact and focal points (and whoever filed it) see it, no one else.
    Out of draft, staff see every request, a Party's people their Party's, providers those assigned to their
    organisation; the public none. The same rule as the "assistance.view_request" permission (rules.py)."""
    queryset = TARequest.objects.all()
    if not user.is_authenticated:
        return queryset.none()
    own = Q(party__in=_parties_of(user)) | Q(created_by=user)
    if is_secretariat(user):
        return queryset.filter(own | ~Q(state=State.DRAFT))
    assigned = Q(assignments__organisation__memberships__user=user) & ~Q(state=State.DRAFT)
    return queryset.filter(own | assigned).distinct()


def _parties_of(user: User) -> QuerySet[Party]:
    return Party.objects.filter(contact_points__user=user)


def party_ids_of(user: User | AnonymousUser) -> set[int]:
    """The Parties a user acts for (as contact or focal point)."""
    return set(_parties_of(user).values_list("pk", flat=True)) if user.is_authenticated else set()


def parties_user_may_file_for(user: User) -> QuerySet[Party]:
    """Staff may record a request for any Party; a contact or focal point for its own Party only."""
    queryset = Party.objects.select_related("country").order_by("country__sort_name", "country__name")
    if is_secretariat(user):
        return queryset.filter(convention__code="SC")
    return queryset.filter(contact_points__user=user)


def _with_relations(queryset: QuerySet[TARequest]) -> QuerySet[TARequest]:
    # Not the filer: only their id is asked (rules.is_filer), and their user row cost the queue ~27 Python calls a
    # row and the request page ~600 (issue 13).
    return queryset.select_related("party__country__region", "owner", "programme_activity__biennium").prefetch_related(
        "themes",
        "assistance_types",
        "chemicals",
        "conventions",
        Prefetch("assignments", queryset=Assignment.objects.select_related("organisation").prefetch_related("reports")),
    )


def request_get(user: User | AnonymousUser, reference: str) -> TARequest:
    """One request the user may see, by reference; 404 (not 403) for others, so references can't be probed."""
    return get_object_or_404(_with_relations(requests_visible_to(user)), reference=reference)


def request_list(
    user: User | AnonymousUser,
    *,
    state: str | None = None,
    region: str | None = None,
    theme: str | None = None,
    assistance_type: str | None = None,
    convention: str | None = None,
    party: str | None = None,
    overdue: bool = False,
    today: datetime.date | None = None,
) -> QuerySet[TARequest]:
    """The requests a user may see, filtered; newest first."""
    queryset = requests_visible_to(user)
    if state:
        queryset = queryset.filter(state=state)
    if region:
        queryset = queryset.filter(party__country__region__code=region)
    if theme:
        queryset = queryset.filter(themes__slug=theme)
    if assistance_type:
        queryset = queryset.filter(assistance_types__slug=assistance_type)
    if convention:
        queryset = queryset.filter(conventions__code=convention)
    if party:
        queryset = queryset.filter(party__country__iso3=party)
    if overdue:
        queryset = queryset.filter(service_levels.overdue_q(today or timezone.localdate()))
    if theme or assistance_type or convention:
        queryset = queryset.distinct()
    return _with_relations(queryset).order_by("-submitted_at", "-created_at")


def party_requests(user: User) -> QuerySet[TARequest]:
    """ "Our requests": the requests of the Parties the user acts for, newest first."""
    return request_list(user).filter(party__in=_parties_of(user))


def assigned_requests(user: User) -> QuerySet[TARequest]:
    """ "Assigned to us": requests (out of draft) assigned to an organisation the user is a member of."""
    assigned = request_list(user).filter(assignments__organisation__memberships__user=user)
    return assigned.exclude(state=State.DRAFT).distinct()


def overdue_requests(today: datetime.date | None = None) -> QuerySet[TARequest]:
    """Requests waiting on the Secretariat past their service level, for the daily reminder."""
    today = today or timezone.localdate()
    return TARequest.objects.filter(service_levels.overdue_q(today)).select_related("owner")


def age_in_days(request: TARequest, today: datetime.date | None = None) -> int:
    start = request.submitted_at or request.created_at
    return ((today or timezone.localdate()) - start.date()).days if start else 0


def request_timeline(request: TARequest) -> list[Any]:  # historical records, one a change of state
    """Every recorded move of the request, oldest first: when, who, to which state, and the audit reason."""
    records = request.history.select_related("history_user").order_by("history_date")
    timeline, previous = [], None
    for record in records:
        if record.state != previous:
            timeline.append(record)
            previous = record.state
    return timeline
