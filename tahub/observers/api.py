"""API of observer admission: public meetings and observer bodies; applications for the Secretariat (token)."""

from datetime import date, datetime

from django.utils.translation import gettext as _
from ninja import Field, Path, Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from tahub.accounts.api import token_auth
from tahub.accounts.rules import REASONS
from tahub.core.api_errors import ErrorOut, get_or_404
from tahub.core.api_pagination import PageNumberPagination
from tahub.directory.models import Organisation

from . import selectors
from .models import ObserverApplication, ObserverMeeting

router = Router(tags=["observers"])


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
    kind: Organisation.Kind
    country: str | None = Field(description="ISO 3166 alpha-3 code of the country of seat")

    @staticmethod
    def resolve_country(obj):
        return obj.country.iso3 if obj.country else None


class ApplicationOut(Schema):
    id: int
    name: str
    short_name: str
    kind: Organisation.Kind
    country: str = Field(alias="country.iso3")
    state: ObserverApplication.State
    organisation: str | None = Field(description="Code of the organisation, once admitted")
    created_at: datetime
    decided_at: datetime | None

    @staticmethod
    def resolve_organisation(obj):
        return obj.organisation.slug if obj.organisation else None


@router.get("/observer-meetings", response={200: list[MeetingOut], 422: ErrorOut})
@paginate(PageNumberPagination)
def list_observer_meetings(request):
    """Meetings open to observers, latest first, with their registration deadlines."""
    return selectors.meeting_list()


@router.get("/observer-meetings/{code}/observers", response={200: list[ObserverOut], 404: ErrorOut, 422: ErrorOut})
@paginate(PageNumberPagination)
def list_meeting_observers(request, code: Path[str]):
    """The observer bodies with approved representatives at the meeting (no personal data), by name."""
    message = _("No meeting open to observers has the code “%(code)s”.") % {"code": code}
    return selectors.meeting_observers(get_or_404(selectors.meeting_get, code, message=message))


@router.get(
    "/observer-applications",
    response={200: list[ApplicationOut], 401: ErrorOut, 403: ErrorOut, 422: ErrorOut},
    auth=token_auth,
)
@paginate(PageNumberPagination)
def list_observer_applications(request, state: ObserverApplication.State | None = None):
    """Applications for admission, for the Secretariat: needs a personal API token of a staff member."""
    if not request.auth.has_perm("observers.review_application"):
        raise HttpError(403, str(REASONS["observers.review_application"]))
    applications = selectors.applications_to_review().order_by("-created_at")
    return applications.filter(state=state) if state else applications
