"""Assistance delivered, by theme × region: what the gap analysis sets beside the needs and the offers.

- A **technical assistance request** counts once for each theme it names, in its Party's region, when it was
  delivered or closed (its delivery date, or its closing date when it has none, on or after `since`).
- An **event** (issue 7: an event is assistance delivered to the Parties of its attendees) counts once for each
  Party whose nominees attended it, however many they were, for each of its themes, in that Party's region, when
  it is published and began on or after `since` (as `tahub.events.selectors.parties_assisted` counts them).

One aggregate statement (a UNION of the two), whatever the number of requests and events.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from django.apps import apps
from django.db import connection
from django.db.models import Count, Value
from django.db.models.functions import Coalesce
from django.utils import timezone

from tahub.assistance.models import State, TARequest

if TYPE_CHECKING:
    from django.db.models import QuerySet

    from ..models import Cycle

DELIVERED = (State.DELIVERED, State.CLOSED)
NO_REGION = "—"
REQUESTS, EVENTS = "requests", "events"  # the Delivered fields
# The UNION's columns summed over Parties, named by its first query (`_requests_delivered`).
COLUMNS = 'u."themes__slug", u."party__country__region__code", u."source"'


@dataclass
class Delivered:
    requests: int = 0
    events: int = 0

    @property
    def total(self) -> int:
        return self.requests + self.events


def _start_of(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def _requests_delivered(since: datetime.date | None) -> QuerySet[Any, Any]:
    """(theme slug, region code, Party pk, "requests", requests) rows."""
    queryset = TARequest.objects.filter(state__in=DELIVERED, themes__isnull=False)
    if since:
        queryset = queryset.alias(on=Coalesce("delivered_at", "closed_at")).filter(on__gte=_start_of(since))
    return (
        queryset.values_list("themes__slug", "party__country__region__code", "party_id")
        .annotate(source=Value(REQUESTS), n=Count("pk", distinct=True))
        .order_by()
    )


def _events_attended(since: datetime.date | None) -> QuerySet[Any, Any] | None:
    """(theme slug, region code, Party pk, "events", events) rows, or None without the events app."""
    if not apps.is_installed("tahub.events"):
        return None
    from tahub.events.models import EventState, Registration

    queryset = Registration.objects.filter(
        attended=True, party__isnull=False, event__state=EventState.PUBLISHED, event__themes__isnull=False
    )
    if since:
        queryset = queryset.filter(event__starts_on__gte=since)
    return (
        queryset.values_list("event__themes__slug", "party__country__region__code", "party_id")
        .annotate(source=Value(EVENTS), n=Count("event", distinct=True))
        .order_by()
    )


def delivered_by_theme_region(since: datetime.date | None = None) -> dict[tuple[str, str], Delivered]:
    """{(theme slug, region code): Delivered} since the day `since` (None: ever): one statement (a UNION).

    The UNION's rows (one per theme, region, Party and source: ~5,800 at scale 10) are summed by the database,
    not in Python (~7 calls a row through the ORM): the page reads one row per theme, region and source."""
    rows = _requests_delivered(since)
    events = _events_attended(since)
    if events is not None:
        rows = rows.union(events, all=True)
    sql, params = rows.query.sql_with_params()
    table: dict[tuple[str, str], Delivered] = {}
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {COLUMNS}, SUM(u.n) FROM ({sql}) u GROUP BY {COLUMNS}", params)  # noqa: S608 (the ORM's)
        for slug, region, source, n in cursor:
            counts = table.setdefault((slug, region or NO_REGION), Delivered())
            setattr(counts, source, getattr(counts, source) + int(n))
    return table


def window_start(previous: Cycle | None) -> datetime.date | None:
    """The first day counted for a cycle: the day after the previous cycle's deadline (None: no earlier cycle)."""
    return previous.deadline + datetime.timedelta(days=1) if previous else None
