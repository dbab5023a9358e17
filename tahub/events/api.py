"""API for events: the public calendar (JSON and iCalendar); open registration for webinars; and, with a token,
a Party's nominations (listed and made, with the letter) and staff decisions on them. Same selectors, services
and permissions as the pages: another Party's list is 404."""

import datetime
from enum import StrEnum
from typing import Annotated, Literal

from django.http import Http404
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Field, File, Form, Path, Router, Schema, Status, UploadedFile
from ninja.errors import HttpError
from ninja.pagination import paginate

from tahub.accounts.api import token_auth
from tahub.core.api_errors import ErrorOut, check_known, get_or_404
from tahub.core.api_pagination import PageNumberPagination
from tahub.core.api_services import checked_uploads
from tahub.core.api_types import BodyIn, Code, Id
from tahub.parties.models import Party
from tahub.parties.selectors import region_codes
from tahub.vocabularies.models import Theme

from . import feed, ical, selectors, services
from .models import EventState, Kind, Mode, Registration, RegistrationMode, RegistrationState

# Under its own name in the OpenAPI document: the model's enum is called just "Kind", like other apps' enums.
EventKind = StrEnum("EventKind", {kind.name: kind.value for kind in Kind})

router = Router(tags=["events"])
NOT_FOUND = gettext_lazy("No published event has this code.")
# 400: a JSON body that cannot be read (tahub.core.api_errors).
ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}
Month = Annotated[str, Field(pattern=r"^(19|2[01])\d{2}-(0[1-9]|1[0-2])$", description="A month, local time: 2026-07")]
Language = Annotated[str, Field(pattern=r"^[a-z]{2}$", description="A language code: en, fr, es")]
# One line of text without control characters (PostgreSQL refuses NUL); a message may have line breaks.
LINE = r"^[^\x00-\x1f\x7f]*$"
TEXT = r"^[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f]*$"
ICS = {200: {"description": "iCalendar (RFC 5545)", "content": {"text/calendar": {"schema": {"type": "string"}}}}}
FEED = {**ICS, 304: {"description": "Not modified: the client's copy (If-None-Match, If-Modified-Since) is current"}}


class EventOut(Schema):
    slug: str
    kind: EventKind
    title: str = Field(description="In the language asked for (Accept-Language), else English")
    title_en: str
    title_fr: str
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


class EventDetailOut(EventOut):
    description_en: str
    description_fr: str
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


class RegistrationOut(Schema):
    id: int
    party: str | None = Field(None, alias="party.country.iso3")
    name: str
    email: str
    position: str
    state: RegistrationState
    attended: bool | None
    created_at: datetime.datetime


def _filters(kind, theme, region, month, language, mode):
    check_known("theme", theme, lambda: list(Theme.objects.values_list("slug", flat=True)))
    check_known("region", region, region_codes)
    first = datetime.date(int(month[:4]), int(month[5:]), 1) if month else None
    return {"kind": kind, "theme": theme, "region": region, "month": first, "language": language, "mode": mode}


@router.get("/events", response={200: list[EventOut], 422: ErrorOut})
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


@router.get("/events/calendar.ics", response={422: ErrorOut}, openapi_extra={"responses": FEED})
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


def _event(request, slug):
    return get_or_404(selectors.event_get, request.user, slug, message=str(NOT_FOUND))


@router.get("/events/{slug}", response={200: EventDetailOut, 404: ErrorOut, 422: ErrorOut})
def get_event(request, slug: Code):
    """One event with its description in both languages, partners, decisions, plan activity, eligibility,
    agenda and public materials."""
    return _event(request, slug)


@router.get("/events/{slug}/event.ics", response={404: ErrorOut, 422: ErrorOut}, openapi_extra={"responses": ICS})
def event_ics(request, slug: Code):
    event = _event(request, slug)
    return ical.response([event], f"{event.slug}.ics")


@router.get("/events/{slug}/registrations", auth=token_auth, response={200: list[RegistrationOut], **ERRORS})
@paginate(PageNumberPagination)
def list_registrations(request, slug: Code, party: Code | None = None):
    """Nominations and registrations. Staff: all (or one Party's); a Party's contact and focal points: their
    Party's only, naming it with `party` (another Party's answers 404, as on the pages)."""
    event = _event(request, slug)
    if party is None:
        if not request.user.has_perm("events.manage_events"):
            raise HttpError(403, _("Only Secretariat staff may list every participant; name your Party with party."))
        return selectors.registrations_of(event)
    found = Party.objects.filter(convention__code="SC", country__iso3=party.upper()).first()
    if found is None or not request.user.has_perm("events.view_party_nominations", found):
        raise Http404
    return selectors.party_nominations(event, found)


# Writing: nominations (a Party's contact or focal point, multipart with the letter), staff decisions, and
# open registration for webinars. The same services as the pages; refusals as field-level JSON errors.


class NominationIn(BodyIn):
    party: Code = Field(description="ISO 3166 alpha-3 code of the nominating Party, e.g. KEN")
    name: str = Field(min_length=1, max_length=200, pattern=LINE, description="The participant's full name")
    email: str = Field(min_length=3, max_length=254, pattern=LINE, description="The participant's e-mail address")
    position: str = Field("", max_length=300, pattern=LINE, description="Position and institution")


class RegisterIn(BodyIn):
    name: str = Field(min_length=1, max_length=200, pattern=LINE)
    email: str = Field(min_length=3, max_length=254, pattern=LINE)
    position: str = Field("", max_length=300, pattern=LINE)


class RegisteredOut(Schema):
    detail: str = Field(description="The same for every address: the registration and private link are e-mailed")


class DecisionIn(BodyIn):
    action: Literal["accept", "waitlist", "decline", "cancel"]
    message: str = Field("", max_length=2000, pattern=TEXT, description="For decline: the reason, sent to the Party")
    seen_state: RegistrationState | None = Field(
        None, description="The state you saw: if it changed since, the decision is refused (409)"
    )


class DecisionOut(Schema):
    registration: RegistrationOut
    promoted: RegistrationOut | None = Field(description="Who moved up from the waiting list (after a cancel)")


def _party_acted_for(request, code):
    """The Party, when the token's user acts for it or is staff; otherwise 404, as the pages answer."""
    found = Party.objects.filter(convention__code="SC", country__iso3=code.upper()).select_related("country").first()
    if found is None or not request.auth.has_perm("events.view_party_nominations", found):
        raise HttpError(404, _("No Party you act for has the code “%(code)s”.") % {"code": code})
    return found


@router.post("/events/{slug}/nominations", auth=token_auth, response={201: RegistrationOut, 400: ErrorOut, **ERRORS})
def nominate_participant(request, slug: Path[Code], payload: Form[NominationIn], letter: File[UploadedFile]):
    """A Party's contact or focal point nominates a participant (multipart: `party`, `name`, `email`,
    `position`, and `letter`, the signed nomination letter: PDF or Word, 10 MB at most). Refused (422, by field)
    after the deadline (event's time zone), beyond the Party's quota, for the same person twice, for a Party not
    eligible or an event with open registration; 403 for staff (they do not nominate); 404 for a Party the token's
    user does not act for."""
    event = _event(request, slug)
    party = _party_acted_for(request, payload.party)
    checked_uploads("letter", [letter], *Registration._meta.get_field("letter").validators)
    data = payload.dict(exclude={"party"})
    registration = services.nominate(event, party=party, by=request.auth, letter=letter, language=_language(), **data)
    return Status(201, registration)


@router.post("/events/{slug}/register", response={202: RegisteredOut, 400: ErrorOut, 404: ErrorOut, 422: ErrorOut})
def register_for_event(request, slug: Path[Code], payload: RegisterIn):
    """Anyone registers for an event with open registration (a webinar): accepted while places remain, else on
    the waiting list. The answer (202) is the same whether or not the address was registered already: the
    status and the private page's address are e-mailed to the address only (again, for one already
    registered). Refused (422) after the deadline and for a nomination event."""
    event = get_or_404(selectors.published_event, slug, message=str(NOT_FOUND))
    services.register(event, language=_language(), **payload.dict())
    return Status(202, {"detail": services.REGISTRATION_SENT % {"email": payload.email.strip()}})


DECISIONS = {
    "accept": services.accept_registration,
    "waitlist": services.waitlist_registration,
    "decline": services.decline_registration,
}


@router.post(
    "/events/{slug}/registrations/{registration_id}/decision",
    auth=token_auth,
    response={200: DecisionOut, 409: ErrorOut, **ERRORS},
)
def decide_registration(request, slug: Path[Code], registration_id: Path[Id], payload: DecisionIn):
    """Staff accept (within capacity and the Party's quota), waitlist, decline (with a `message`) or cancel; a
    Party's contact or focal point may cancel its own nominations. A cancelled accepted place goes to the first
    on the waiting list who fits (`promoted`). With `seen_state`, a registration changed since is refused (409)."""
    event = _event(request, slug)
    registration = event.registrations.select_related("party__country").filter(pk=registration_id).first()
    staff = request.auth.has_perm("events.manage_events")
    if registration is None or not (
        staff or (registration.party and request.auth.has_perm("events.view_party_nominations", registration.party))
    ):
        raise HttpError(404, _("This event has no registration with this id that you may see."))
    seen = payload.seen_state
    if payload.action == "cancel":
        moved, promoted = services.cancel_registration(registration, by=request.auth, seen_state=seen)
    else:
        extra = {"message": payload.message} if payload.action == "decline" else {}
        moved, promoted = DECISIONS[payload.action](registration, by=request.auth, seen_state=seen, **extra), None
    return {"registration": moved, "promoted": promoted}


def _language():
    return translation.get_language() or ""


from . import staff_api  # noqa: E402, F401  (the staff's writes, on this router)
