"""API of representatives at meetings: an admitted (or exempt) body's members propose representatives and its
observer focal point registers, approves or refuses them. A personal API token; the same services and
permissions as the pages. An organisation's registrations are private: to anyone who does not act for it they
answer 404, as if they were not there. (The Secretariat's list of the observers at a meeting, with their
representatives, is in meetings.py.)"""

from datetime import datetime
from enum import StrEnum
from typing import Literal

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field, File, Form, Path, Router, Schema, Status, UploadedFile
from ninja.errors import HttpError

from tahub.accounts.api import token_auth
from tahub.core.api_errors import ErrorOut, get_or_404
from tahub.core.api_services import checked_uploads
from tahub.core.api_types import BodyIn, Code, Id
from tahub.directory.models import Organisation

from .. import selectors, services
from ..models import Registration
from .meetings import meeting_or_404

# Under its own name in the OpenAPI document: the model's enum is called just "State", like other apps' enums.
RepresentativeState = StrEnum("RepresentativeState", {state.name: state.value for state in Registration.State})

router = Router(auth=token_auth)
ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


class RepresentativeRegistrationOut(Schema):
    id: int
    meeting: str = Field(alias="meeting.code")
    organisation: str = Field(alias="organisation.slug")
    name: str
    function: str
    state: RepresentativeState
    registered_by: str = Field(description="Who registered or proposed the representative")
    photo: str | None = Field(description="Address of the badge photo: for the focal point and the Secretariat")
    nomination_letter: str | None = Field(description="Address of the letter: for the focal point and the Secretariat")
    created_at: datetime

    @staticmethod
    def resolve_registered_by(obj):
        return str(obj.registered_by)

    @staticmethod
    def _file(obj, context, which):
        user = context["request"].auth
        if not user.has_perm("observers.view_registration_files", obj.organisation):
            return None
        return reverse("observers:registration_file", args=[obj.pk, which])

    @staticmethod
    def resolve_photo(obj, context):
        return RepresentativeRegistrationOut._file(obj, context, "photo")

    @staticmethod
    def resolve_nomination_letter(obj, context):
        return RepresentativeRegistrationOut._file(obj, context, "nomination_letter")


class RepresentativeIn(BodyIn):
    name: str = Field(max_length=200, description="Full name, as on the badge")
    function: str = Field(max_length=200, description="For example: Policy adviser")


class RepresentativeDecisionIn(BodyIn):
    action: Literal["approve", "refuse"]


def _acting_for(request, slug):
    """The organisation, when the token's user acts for it (a member or its focal point); else 404."""
    organisation = Organisation.objects.filter(slug=slug).first()
    if organisation is None or not request.auth.has_perm("observers.propose_representative", organisation):
        raise HttpError(404, _("No organisation you act for has the code “%(slug)s”.") % {"slug": slug})
    return organisation


def _registrations():
    return Registration.objects.select_related("meeting", "organisation", "registered_by")


@router.get(
    "/observer-meetings/{code}/organisations/{slug}/registrations",
    response={200: list[RepresentativeRegistrationOut], **ERRORS},
    operation_id="tahub_observers_registration_api_list_representatives",
)
def list_representatives(request, code: Path[Code], slug: Path[Code]):
    """The organisation's representatives at the meeting, by name: for its members and its focal point."""
    organisation = _acting_for(request, slug)
    return list(
        selectors.registrations_of(organisation, meeting_or_404(code)).select_related("meeting", "organisation")
    )


@router.post(
    "/observer-meetings/{code}/organisations/{slug}/registrations",
    response={201: RepresentativeRegistrationOut, **ERRORS},
    operation_id="tahub_observers_registration_api_register_representative",
)
def register_representative(
    request,
    code: Path[Code],
    slug: Path[Code],
    payload: Form[RepresentativeIn],
    photo: File[UploadedFile],
    nomination_letter: File[UploadedFile],
):
    """Register a representative (multipart: `name`, `function`, `photo` PNG or JPEG of at most 2 MB,
    `nomination_letter` PDF). Registered by the focal point, it is approved at once; proposed by another member,
    it waits for the focal point. Refused (422) after the registration deadline (organiser's time zone), for a
    body neither admitted nor exempt, and for a representative already registered."""
    organisation = _acting_for(request, slug)
    meeting = meeting_or_404(code)

    def register():
        fields = {name: Registration._meta.get_field(name) for name in ("photo", "nomination_letter")}
        checked_uploads("photo", [photo], *fields["photo"].validators)
        checked_uploads("nomination_letter", [nomination_letter], *fields["nomination_letter"].validators)
        data = {**payload.dict(), "photo": photo, "nomination_letter": nomination_letter}
        return services.register_representative(meeting=meeting, organisation=organisation, data=data, by=request.auth)

    registration = register()
    return Status(201, _registrations().get(pk=registration.pk))


@router.post(
    "/observer-registrations/{registration_id}/decision",
    response={200: RepresentativeRegistrationOut, **ERRORS},
    operation_id="tahub_observers_registration_api_decide_registration",
)
def decide_registration(request, registration_id: Path[Id], payload: RepresentativeDecisionIn):
    """The organisation's observer focal point approves or refuses a proposed representative, before the
    deadline; the person who proposed it is e-mailed. Another member of the organisation is refused (403)."""
    message = _("No registration you may see has the id %(id)s.") % {"id": registration_id}
    registration = get_or_404(lambda: get_object_or_404(_registrations(), pk=registration_id), message=message)
    if not request.auth.has_perm("observers.propose_representative", registration.organisation):
        raise HttpError(404, message)
    decide = {"approve": services.approve_registration, "refuse": services.refuse_registration}[payload.action]
    decide(registration, by=request.auth)
    return Status(200, _registrations().get(pk=registration_id))
