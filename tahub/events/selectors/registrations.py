"""The reads of who takes part: an event's registrations and a Party's nominations, the participant reached
by the private link, counts of places, who is due a reminder or a survey, and the Parties assisted (the
attended events other apps count as assistance delivered)."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from django.db.models import Count, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from tahub.core import compiled
from tahub.parties.models import Party

from ..models import EventState, Registration, RegistrationState

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from tahub.accounts.models import User

    from ..models import Event

REMIND_DAYS_AHEAD = 2


def registrations_of(event: Event) -> QuerySet[Registration]:
    """The nomination list staff work on: every registration with its Party, in the order received."""
    return event.registrations.select_related("party__country", "nominated_by").order_by("created_at", "pk")


def party_nominations(event: Event, party: Party) -> QuerySet[Registration]:
    return registrations_of(event).filter(party=party)


def registration_by_token(event: Event, token: str) -> Registration:
    return get_object_or_404(Registration.objects.select_related("event", "party__country"), event=event, token=token)


def may_see_participant_materials(registration: Registration) -> bool:
    """Materials not public are shared with the participants holding a place (or who attended)."""
    return registration.state == RegistrationState.ACCEPTED or bool(registration.attended)


def _counts_query(event_id: int) -> QuerySet[Any]:
    return Registration.objects.filter(event_id=event_id).values_list("state").annotate(n=Count("pk")).order_by()


def registration_counts(event: Event) -> dict[str, int]:
    """{state: count} for the event, and how many places remain. One query, compiled once per process
    (`core.compiled`: ~800 Python calls a request fewer)."""
    counts: dict[str, int] = dict(compiled.rows("events.registration_counts", _counts_query, event.pk))
    counts["places_left"] = max(event.capacity - counts.get(RegistrationState.ACCEPTED, 0), 0)
    return counts


def parties_user_may_nominate_for(user: User | AnonymousUser) -> QuerySet[Party]:
    if not user.is_authenticated:
        return Party.objects.none()
    return (
        Party.objects.filter(contact_points__user=user)
        .select_related("country")
        .order_by("country__sort_name", "country__name")
    )


def registrations_to_remind(now: datetime.datetime | None = None) -> QuerySet[Registration]:
    """Accepted participants of published events starting within REMIND_DAYS_AHEAD days, not yet reminded."""
    now = now or timezone.now()
    return Registration.objects.filter(
        state=RegistrationState.ACCEPTED,
        reminded_at__isnull=True,
        event__state=EventState.PUBLISHED,
        event__start__gte=now,
        event__start__lte=now + datetime.timedelta(days=REMIND_DAYS_AHEAD),
    )


def registrations_to_survey(now: datetime.datetime | None = None) -> dict[str, list[int]]:
    """{"evaluation": [ids], "follow-up": [ids]}: attendees of published events to invite now, not yet invited
    and who have not answered. The follow-up delay is per event, so it is compared in Python, over the ids."""
    now = now or timezone.now()
    attendees = Registration.objects.filter(attended=True, event__state=EventState.PUBLISHED, event__end__lte=now)
    evaluation = attendees.filter(evaluation_invited_at__isnull=True).exclude(survey_responses__kind="evaluation")
    follow_up = attendees.filter(follow_up_invited_at__isnull=True).exclude(survey_responses__kind="follow-up")
    rows = follow_up.values_list("pk", "event__ends_on", "event__follow_up_after_days", "event__time_zone")
    due = [pk for pk, ends_on, days, zone in rows if (now.astimezone(ZoneInfo(zone)).date() - ends_on).days >= days]
    return {"evaluation": list(evaluation.values_list("pk", flat=True)), "follow-up": due}


def parties_assisted(*, theme: str | None = None, since: datetime.date | None = None) -> list[tuple[Any, ...]]:
    """[(party_id, theme_slug, events)]: how many events each Party's nominees attended, by theme."""
    queryset = Registration.objects.filter(attended=True, party__isnull=False, event__state=EventState.PUBLISHED)
    if since:
        queryset = queryset.filter(event__starts_on__gte=since)
    if theme:
        queryset = queryset.filter(event__themes__slug=theme)
    return list(
        queryset.values_list("party_id", "event__themes__slug")
        .annotate(events=Count("event", distinct=True))
        .order_by("party_id", "event__themes__slug")
    )
