"""The API of who takes part: with a token, a Party's nominations (listed and made, with the letter) and the
staff's decisions on them; without one, open registration for webinars. Same selectors, services and permissions
as the pages: another Party's list is 404."""

import datetime
from typing import Literal

from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Field, File, Form, Path, Schema, Status, UploadedFile
from ninja.errors import HttpError
from ninja.pagination import paginate

from tahub.accounts.api import token_auth
from tahub.core.api_errors import ErrorOut, get_or_404
from tahub.core.api_pagination import PageNumberPagination
from tahub.core.api_services import checked_uploads
from tahub.core.api_types import ONE_LINE, BodyIn, Code, Id
from tahub.parties.models import Party

from .. import selectors, services
from ..models import Registration, RegistrationState
from .events import ERRORS, NOT_FOUND, TEXT, router, visible_event


class RegistrationOut(Schema):
    id: int
    party: str | None = Field(None, alias="party.country.iso3")
    name: str
    email: str
    position: str
    state: RegistrationState
    attended: bool | None
    created_at: datetime.datetime


@router.get(
    "/events/{slug}/registrations",
    auth=token_auth,
    response={200: list[RegistrationOut], **ERRORS},
    operation_id="tahub_events_api_list_registrations",
)
@paginate(PageNumberPagination)
def list_registrations(request, slug: Code, party: Code | None = None):
    """Nominations and registrations. Staff: all (or one Party's); a Party's contact and focal points: their
    Party's only, naming it with `party` (another Party's answers 404, as on the pages)."""
    event = visible_event(request, slug)
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
    name: str = Field(min_length=1, max_length=200, pattern=ONE_LINE, description="The participant's full name")
    email: str = Field(min_length=3, max_length=254, pattern=ONE_LINE, description="The participant's e-mail address")
    position: str = Field("", max_length=300, pattern=ONE_LINE, description="Position and institution")


class RegisterIn(BodyIn):
    name: str = Field(min_length=1, max_length=200, pattern=ONE_LINE)
    email: str = Field(min_length=3, max_length=254, pattern=ONE_LINE)
    position: str = Field("", max_length=300, pattern=ONE_LINE)


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


@router.post(
    "/events/{slug}/nominations",
    auth=token_auth,
    response={201: RegistrationOut, 400: ErrorOut, **ERRORS},
    operation_id="tahub_events_api_nominate_participant",
)
def nominate_participant(request, slug: Path[Code], payload: Form[NominationIn], letter: File[UploadedFile]):
    """A Party's contact or focal point nominates a participant (multipart: `party`, `name`, `email`,
    `position`, and `letter`, the signed nomination letter: PDF or Word, 10 MB at most). Refused (422, by field)
    after the deadline (event's time zone), beyond the Party's quota, for the same person twice, for a Party not
    eligible or an event with open registration; 403 for staff (they do not nominate); 404 for a Party the token's
    user does not act for."""
    event = visible_event(request, slug)
    party = _party_acted_for(request, payload.party)
    checked_uploads("letter", [letter], *Registration._meta.get_field("letter").validators)
    data = payload.dict(exclude={"party"})
    registration = services.nominate(event, party=party, by=request.auth, letter=letter, language=_language(), **data)
    return Status(201, registration)


@router.post(
    "/events/{slug}/register",
    response={202: RegisteredOut, 400: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    operation_id="tahub_events_api_register_for_event",
)
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
    operation_id="tahub_events_api_decide_registration",
)
def decide_registration(request, slug: Path[Code], registration_id: Path[Id], payload: DecisionIn):
    """Staff accept (within capacity and the Party's quota), waitlist, decline (with a `message`) or cancel; a
    Party's contact or focal point may cancel its own nominations. A cancelled accepted place goes to the first
    on the waiting list who fits (`promoted`). With `seen_state`, a registration changed since is refused (409)."""
    event = visible_event(request, slug)
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
