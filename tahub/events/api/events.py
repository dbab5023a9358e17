"""The events router, and its public reads: the calendar (JSON and iCalendar) and one event (JSON and its own
`.ics`), with the schemas and field types the other modules of this package share. Same selectors as the pages.
"""

import datetime
from enum import StrEnum
from typing import Annotated

from django.urls import reverse
from django.utils.translation import gettext_lazy
from ninja import Field, Router, Schema
from ninja.pagination import paginate

from tahub.core.api_errors import ErrorOut, check_known, get_or_404
from tahub.core.api_pagination import PageNumberPagination
from tahub.core.api_types import Code, stored_in_every_language
from tahub.parties.selectors import region_codes
from tahub.vocabularies.models import Theme

from .. import feed, ical, selectors
from ..models import EventState, Kind, Mode, RegistrationMode

# Under its own name in the OpenAPI document: the model's enum is called just "Kind", like other apps' enums.
EventKind = StrEnum("EventKind", {kind.name: kind.value for kind in Kind})

router = Router(tags=["events"])
NOT_FOUND = gettext_lazy("No published event has this code.")
# 400: a JSON body that cannot be read (tahub.core.api_errors).
ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}
Month = Annotated[str, Field(pattern=r"^(19|2[01])\d{2}-(0[1-9]|1[0-2])$", description="A month, local time: 2026-07")]
Language = Annotated[str, Field(pattern=r"^[a-z]{2}$", description="A language code: en, fr, es")]
# A message may have line breaks; ONE_LINE (core.api_types) may not.
TEXT = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$"
ICS = {200: {"description": "iCalendar (RFC 5545)", "content": {"text/calendar": {"schema": {"type": "string"}}}}}
FEED = {**ICS, 304: {"description": "Not modified: the client's copy (If-None-Match, If-Modified-Since) is current"}}


class EventOut(stored_in_every_language("title")):
    slug: str
    kind: EventKind
    title: str = Field(description="In the language asked for (?lang=, else Accept-Language), else English, else any")
    description: str
    start: datetime.datetime
    end: datetime.datetime
    time_zone: str
    starts_on: datetime.date = Field(description="The first day in the event's time zone")
    ends_on: datetime.date
    mode: Mode
    venue: str
    region: str | None = Field(None, alias="region.code")
    languages: list[str] = Field(alias="language_list")
    interpretation: str
    organisers: list[str]
    themes: list[str]
    capacity: int
    party_quota: int
    registration_mode: RegistrationMode
    registration_deadline: datetime.date
    state: EventState

    @staticmethod
    def resolve_organisers(obj):
        return [o.slug for o in obj.organisers.all()]

    @staticmethod
    def resolve_themes(obj):
        return [t.slug for t in obj.themes.all()]


class MaterialOut(Schema):
    kind: str
    title: str
    url: str = Field(description="The recording's or link's address, or the document's download address")

    @staticmethod
    def resolve_url(obj):
        return obj.url or reverse("events:material", args=[obj.event.slug, obj.pk])


class EventDetailOut(EventOut, stored_in_every_language("description")):
    partners: list[str]
    decisions: list[str] = Field(description="Numbers of the decisions the event serves, e.g. SC-5/20")
    programme_activity: str | None = Field(None, description="The plan activity it delivers: biennium/number")
    eligible_parties_only: bool = Field(description="Only developing-country and transition Parties nominate")
    eligible_regions: list[str]
    eligible_roles: str
    agenda: str
    materials: list[MaterialOut] = Field(description="Public materials")
    version: int = Field(description="Raised by every edit: send it back to edit the event (staff)")

    @staticmethod
    def resolve_partners(obj):
        return [o.slug for o in obj.partners.all()]

    @staticmethod
    def resolve_decisions(obj):
        return [d.number for d in obj.decisions.all()]

    @staticmethod
    def resolve_programme_activity(obj):
        activity = obj.programme_activity
        return f"{activity.biennium.start_year}/{activity.number}" if activity else None

    @staticmethod
    def resolve_eligible_regions(obj):
        return [r.code for r in obj.eligible_regions.all()]

    @staticmethod
    def resolve_materials(obj):
        return [m for m in obj.materials.all() if m.public]


def _filters(kind, theme, region, month, language, mode):
    check_known("theme", theme, lambda: list(Theme.objects.values_list("slug", flat=True)))
    check_known("region", region, region_codes)
    first = datetime.date(int(month[:4]), int(month[5:]), 1) if month else None
    return {"kind": kind, "theme": theme, "region": region, "month": first, "language": language, "mode": mode}


@router.get("/events", response={200: list[EventOut], 422: ErrorOut}, operation_id="tahub_events_api_list_events")
@paginate(PageNumberPagination)
def list_events(
    request,
    kind: EventKind | None = None,
    theme: Code | None = None,
    region: Code | None = None,
    month: Month | None = None,
    language: Language | None = None,
    mode: Mode | None = None,
):
    """Published events (cancelled ones marked), by start; filters as on the calendar page."""
    return selectors.calendar(**_filters(kind, theme, region, month, language, mode))


@router.get(
    "/events/calendar.ics",
    response={422: ErrorOut},
    openapi_extra={"responses": FEED},
    operation_id="tahub_events_api_events_feed",
)
def events_feed(
    request,
    kind: EventKind | None = None,
    theme: Code | None = None,
    region: Code | None = None,
    month: Month | None = None,
    language: Language | None = None,
    mode: Mode | None = None,
):
    """The calendar as iCalendar, filtered: the events of `month`, else those that ended in the last 90 days and
    every later one (at most 1,000); older events are in their month's feed and have their own `event.ics`.
    Answers carry an `ETag` and `Last-Modified`: send `If-None-Match` (or `If-Modified-Since`) when polling
    and an unchanged feed answers 304 with no body."""
    return feed.response(request, _filters(kind, theme, region, month, language, mode))


def visible_event(request, slug):
    """The event the request's user may see (drafts: staff only), else 404 with NOT_FOUND."""
    return get_or_404(selectors.event_get, request.user, slug, message=str(NOT_FOUND))


@router.get(
    "/events/{slug}",
    response={200: EventDetailOut, 404: ErrorOut, 422: ErrorOut},
    operation_id="tahub_events_api_get_event",
)
def get_event(request, slug: Code):
    """One event with its title and description in each language, partners, decisions, plan activity, eligibility,
    agenda and public materials."""
    return visible_event(request, slug)


@router.get(
    "/events/{slug}/event.ics",
    response={404: ErrorOut, 422: ErrorOut},
    openapi_extra={"responses": ICS},
    operation_id="tahub_events_api_event_ics",
)
def event_ics(request, slug: Code):
    event = visible_event(request, slug)
    return ical.response([event], f"{event.slug}.ics")
