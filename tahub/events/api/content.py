"""The Secretariat's writes of an event's content through the API, with a staff token: create and edit an event
(with the `version` read: a stale edit answers 409), publish or cancel it. The same services (content.py) and
permission ("events.manage_events") as the staff pages, so the checks and audit reasons are those of the pages;
refusals answer 422 by field. On the events router (events.py), as ninja serves one path from one router only.
"""

import datetime
from typing import Annotated, Literal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from ninja import Field, Path, Status
from ninja.errors import HttpError

from tahub.accounts.api import token_auth
from tahub.core.api_errors import ErrorOut
from tahub.core.api_types import ONE_LINE, BodyIn, Code, resolve_fields
from tahub.core.rules import require
from tahub.directory.models import Organisation
from tahub.parties.models import Region
from tahub.planning.models import Decision, ProgrammeActivity
from tahub.vocabularies.models import Theme

from .. import content, selectors, services
from ..models import Event, Mode, RegistrationMode
from .events import TEXT, EventDetailOut, EventKind, router

STAFF_ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}
NO_EVENT = _("No event has this code.")
SmallInt = Annotated[int, Field(ge=0, le=32767)]
Line = Annotated[str, Field(max_length=300, pattern=ONE_LINE)]
Text = Annotated[str, Field(max_length=20000, pattern=TEXT)]
Codes = Annotated[list[Code], Field(max_length=100)]
LocalTime = Annotated[
    datetime.datetime,
    Field(description="The wall-clock time at the event, without an offset (2030-07-16T09:00), placed in time_zone"),
]


class EventStaffOut(EventDetailOut):
    joining_instructions: str
    follow_up_after_days: int


class EventFields(BodyIn):
    kind: EventKind = None
    title_en: str = Field(None, min_length=1, max_length=300, pattern=ONE_LINE)
    title_fr: Line = None
    title_es: Line = None
    title_ar: Line = None
    title_zh_hans: Line = None
    title_ru: Line = None
    description_en: Text = None
    description_fr: Text = None
    description_es: Text = None
    description_ar: Text = None
    description_zh_hans: Text = None
    description_ru: Text = None
    time_zone: str = Field(None, max_length=60, pattern=ONE_LINE, description="IANA name, e.g. Africa/Nairobi")
    start: LocalTime = None
    end: LocalTime = None
    mode: Mode = None
    venue: Line = None
    region: Code | None = Field(None, description="UN regional group, e.g. AFR")
    languages: str = Field(None, max_length=60, pattern=r"^[a-z]{2}(;[a-z]{2})*$", description="e.g. en;fr")
    interpretation: str = Field(None, max_length=200, pattern=ONE_LINE)
    organisers: Codes = Field(None, description="Slugs of directory organisations")
    partners: Codes = Field(None, description="Slugs of directory organisations")
    themes: Codes = Field(None, description="Theme slugs")
    decisions: Annotated[list[Line], Field(max_length=100)] = Field(None, description="Decision numbers: SC-5/20")
    programme_activity: str | None = Field(None, pattern=r"^\d{4}/\d{1,4}$", description="biennium/number: 2026/3")
    capacity: int = Field(None, ge=1, le=2_147_483_647)
    party_quota: SmallInt = None
    registration_mode: RegistrationMode = None
    eligible_parties_only: bool = None
    eligible_regions: Codes = None
    eligible_roles: Line = None
    registration_deadline: datetime.date = Field(None, description="The last day, in the event's time zone")
    agenda: Text = None
    joining_instructions: Text = None
    follow_up_after_days: SmallInt = None


class EventPatch(EventFields):
    """Only the fields given change. Times are read in the event's `time_zone` (send `start` and `end` with a
    new zone to keep their wall-clock times); `version` is the one you read."""

    version: int = Field(ge=0, le=2_147_483_647, description="The event's version you read: 409 if it changed since")


class EventIn(EventFields):
    """A new event (a draft until published). Times are wall-clock times in `time_zone`."""

    slug: str = Field(min_length=1, max_length=80, pattern=r"^[-a-zA-Z0-9_]+$", description="Its code and address")
    kind: EventKind
    title_en: str = Field(min_length=1, max_length=300, pattern=ONE_LINE)
    time_zone: str = Field(max_length=60, pattern=ONE_LINE, description="IANA name, e.g. Africa/Nairobi")
    start: LocalTime
    end: LocalTime
    mode: Mode
    capacity: int = Field(ge=1, le=2_147_483_647)
    registration_mode: RegistrationMode
    registration_deadline: datetime.date = Field(description="The last day, in the event's time zone")


class MoveIn(BodyIn):
    action: Literal["publish", "cancel"] = Field(description="Publish a draft; cancel (everyone registered is told)")


# Field → (model, its key): the values clients send name rows by their natural keys, as the API shows them.
LOOKUPS = {
    "region": (Region, "code"),
    "organisers": (Organisation, "slug"),
    "partners": (Organisation, "slug"),
    "themes": (Theme, "slug"),
    "decisions": (Decision, "number"),
    "eligible_regions": (Region, "code"),
}
UNKNOWN = _("Not known: %(values)s. Use the codes the API lists for this field.")  # a plan activity


def _activity(value):
    year, number = value.split("/")
    found = ProgrammeActivity.objects.filter(biennium__start_year=int(year), number=int(number)).first()
    return found, [] if found else [value]


def _resolve(data):
    """The natural keys in `data` replaced by rows; every unknown value named by field (ValidationError)."""
    errors = {}
    if data.get("programme_activity") is not None:
        data["programme_activity"], unknown = _activity(data["programme_activity"])
        if unknown:
            errors["programme_activity"] = UNKNOWN % {"values": ", ".join(unknown)}
    try:
        resolve_fields(data, LOOKUPS)
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)
    return data


def any_event(slug):
    """Any event (drafts too) by its code, for the staff's writes; else 404 with NO_EVENT."""
    event = Event.objects.filter(slug=slug).first()
    if event is None:
        raise HttpError(404, str(NO_EVENT))
    return event


def _answer(request, slug, status=200):
    return Status(status, selectors.event_get(request.auth, slug))


@router.post(
    "/events",
    auth=token_auth,
    response={201: EventStaffOut, **STAFF_ERRORS},
    operation_id="tahub_events_staff_api_create_event",
)
def create_event(request, payload: EventIn):
    """Staff create an event, a draft until published. Refused (422, by field): a code already used or
    reserved, an unknown zone, organisation, theme, region, decision or plan activity, an end not after the
    start or a deadline after the last day (in the event's zone)."""
    require(request.auth, content.MANAGE)
    data = payload.dict(exclude_none=True)  # what is not given takes the model's default
    event = content.create_event(by=request.auth, data=_resolve(data))
    return _answer(request, event.slug, 201)


@router.patch(
    "/events/{slug}",
    auth=token_auth,
    response={200: EventStaffOut, **STAFF_ERRORS},
    operation_id="tahub_events_staff_api_update_event",
)
def update_event(request, slug: Path[Code], payload: EventPatch):
    """Staff edit an event with the `version` they read: 409 if someone saved it since (nothing saved); 422 by
    field as on creation, and for a capacity below those accepted or a registration mode changed once people
    registered. The code (`slug`) cannot change."""
    require(request.auth, content.MANAGE)
    event = any_event(slug)
    data = payload.dict(exclude_unset=True)
    version = data.pop("version")
    content.update_event(event, by=request.auth, data=_resolve(data), version=version)
    return _answer(request, slug)


@router.post(
    "/events/{slug}/move",
    auth=token_auth,
    response={200: EventStaffOut, **STAFF_ERRORS},
    operation_id="tahub_events_staff_api_move_event",
)
def move_event(request, slug: Path[Code], payload: MoveIn):
    """Publish a draft event (it appears in the calendar, the feed and the API) or cancel an event (everyone
    holding or awaiting a place is told). A move its state does not allow answers 422."""
    require(request.auth, content.MANAGE)
    event = any_event(slug)
    move = services.publish_event if payload.action == "publish" else services.cancel_event
    move(event, by=request.auth)
    return _answer(request, slug)
