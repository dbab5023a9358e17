"""API of the meetings open to observers: public, the meetings with their registration deadlines and the bodies
with approved representatives at one (no personal data); for the Secretariat (a staff member's API token), the
observers at a meeting with their approved representatives (JSON; the pages export CSV and XLSX)."""

from datetime import date, datetime
from typing import Literal

from django.utils.translation import gettext as _
from ninja import Field, Path, Router, Schema
from ninja.pagination import paginate

from tahub.accounts.api import token_auth
from tahub.core.api_errors import ErrorOut, get_or_404
from tahub.core.api_pagination import PageNumberPagination
from tahub.core.api_types import Code
from tahub.core.rules import require
from tahub.directory.api import OrganisationKind

from .. import selectors
from ..models import ObserverMeeting

router = Router()
STAFF_ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


class MeetingOut(Schema):
    code: str
    title: str
    body: ObserverMeeting.Body
    start: date
    end: date
    registration_deadline: date = Field(description="Last day of registration, in the organiser's time zone")
    time_zone: str


class ObserverOut(Schema):
    slug: str
    name: str
    kind: OrganisationKind
    country: str | None = Field(description="ISO 3166 alpha-3 code of the country of seat")

    @staticmethod
    def resolve_country(obj):
        return obj.country.iso3 if obj.country else None


class ApprovedRepresentativeOut(Schema):
    name: str
    function: str
    approved: datetime = Field(alias="updated_at", description="When the registration was last changed")


class MeetingObserverOut(ObserverOut):
    admission: Literal["exempt", "admitted", ""] = Field(description="exempt from admission, or admitted")
    representatives: list[ApprovedRepresentativeOut] = Field(description="Approved representatives, by name")


def meeting_or_404(code):
    """The meeting open to observers with this code; else a 404 that says so."""
    message = _("No meeting open to observers has the code “%(code)s”.") % {"code": code}
    return get_or_404(selectors.meeting_get, code, message=message)


@router.get(
    "/observer-meetings",
    response={200: list[MeetingOut], 422: ErrorOut},
    operation_id="tahub_observers_api_list_observer_meetings",
)
@paginate(PageNumberPagination)
def list_observer_meetings(request):
    """Meetings open to observers, latest first, with their registration deadlines."""
    return selectors.meeting_list()


@router.get(
    "/observer-meetings/{code}/observers",
    response={200: list[ObserverOut], 404: ErrorOut, 422: ErrorOut},
    operation_id="tahub_observers_api_list_meeting_observers",
)
@paginate(PageNumberPagination)
def list_meeting_observers(request, code: Path[str]):
    """The observer bodies with approved representatives at the meeting (no personal data), by name."""
    return selectors.meeting_observers(meeting_or_404(code))


@router.get(
    "/staff/observer-meetings/{code}/observers",
    response={200: list[MeetingObserverOut], **STAFF_ERRORS},
    auth=token_auth,
    operation_id="tahub_observers_registration_api_list_admitted_observers",
)
@paginate(PageNumberPagination)
def list_admitted_observers(request, code: Path[Code]):
    """The observers at a meeting with their approved representatives, by name, for the Secretariat (the
    staff page exports the same list as CSV or XLSX)."""
    require(request.auth, "observers.view_observer_list")
    return selectors.meeting_observers_with_admission(meeting_or_404(code))
