"""API of observer admission: a body applies once (with documents) and follows its application by the private
token; the Secretariat reviews it with a staff member's API token (admit, ask for more, decline). The same
services, selectors and permissions as the pages."""

from datetime import datetime
from enum import StrEnum
from typing import Literal

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, File, Form, Path, Router, Schema, Status, UploadedFile
from ninja.errors import AuthenticationError
from ninja.pagination import paginate

from tahub.accounts.api import token_auth
from tahub.core import throttle
from tahub.core.api_errors import ErrorOut, get_or_404
from tahub.core.api_pagination import PageNumberPagination
from tahub.core.api_services import checked_uploads
from tahub.core.api_types import BodyIn, Code, Id, Token
from tahub.core.application_api import ApplicationMessageOut, ApplicationStatusOut
from tahub.core.rules import require
from tahub.directory.api import OrganisationKind
from tahub.parties.models import Country

from .. import selectors, services
from ..models import ObserverApplication

# Under its own name in the OpenAPI document: the model's enum is called just "State", like other apps' enums.
ApplicationState = StrEnum("ApplicationState", {state.name: state.value for state in ObserverApplication.State})

router = Router()
STAFF_ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


class ApplicationOut(Schema):
    id: int
    name: str
    short_name: str
    kind: OrganisationKind
    country: str = Field(alias="country.iso3")
    state: ApplicationState
    organisation: str | None = Field(description="Code of the organisation, once admitted")
    created_at: datetime
    decided_at: datetime | None

    @staticmethod
    def resolve_organisation(obj):
        return obj.organisation.slug if obj.organisation else None


# --- The Secretariat reviews applications: a staff member's API token. ---


class ObserverApplicationReviewOut(ApplicationOut):
    """What the Secretariat reviews: the whole application, its thread and its documents."""

    website: str
    description: str
    affiliations: str
    programmes: str
    network: str
    contact_name: str
    contact_email: str
    messages: list[ApplicationMessageOut] = Field(description="The Secretariat's questions and the answers, in order")
    reason: str = Field(description="Why the application was declined")
    documents: list[str] = Field(description="Names of the documents sent")

    @staticmethod
    def resolve_messages(obj):
        return list(obj.messages.all())

    @staticmethod
    def resolve_documents(obj):
        return [str(d) for d in obj.documents.all()]


class ObserverApplicationDecisionIn(BodyIn):
    action: Literal["admit", "ask", "decline"] = Field(description="admit, ask (for more), decline")
    message: str = Field("", max_length=5000, description="ask: what is needed; decline: the reason")


@router.get(
    "/observer-applications",
    response={200: list[ObserverApplicationReviewOut], 401: ErrorOut, 403: ErrorOut, 422: ErrorOut},
    auth=token_auth,
    operation_id="tahub_observers_api_list_observer_applications",
)
@paginate(PageNumberPagination)
def list_observer_applications(request, state: ApplicationState | None = None):
    """Applications for admission, for the Secretariat: needs a personal API token of a staff member."""
    require(request.auth, "observers.review_application")
    applications = selectors.applications_to_review().order_by("-created_at")
    return applications.filter(state=state) if state else applications


@router.post(
    "/staff/observer-applications/{application_id}/decision",
    response={200: ObserverApplicationReviewOut, **STAFF_ERRORS},
    auth=token_auth,
    operation_id="tahub_observers_api_decide_observer_application",
)
def decide_observer_application(request, application_id: Path[Id], payload: ObserverApplicationDecisionIn):
    """The Secretariat's decision: admit (the criteria appear met), ask for more information, or decline with a
    reason. The applicant is e-mailed. A decision on an application that has moved since is refused (422)."""
    require(request.auth, "observers.review_application")
    queryset = selectors.applications_to_review()
    message = _("No such application.")
    application = get_or_404(lambda pk: get_object_or_404(queryset, pk=pk), application_id, message=message)
    services.review_application(application, by=request.auth, action=payload.action, message=payload.message)
    return Status(200, queryset.get(pk=application_id))


# --- A body applies once, with documents, and follows the application by its private token. ---


class ObserverApplicationIn(BodyIn):
    name: str = Field(max_length=300, description="Name of the body")
    short_name: str = Field("", max_length=60)
    kind: OrganisationKind
    country: Code = Field(description="ISO 3166 alpha-3 code of the country of seat, e.g. CHE")
    website: str = Field("", max_length=200)
    description: str = Field(max_length=20000, description="Description of the body")
    affiliations: str = Field("", max_length=20000)
    programmes: str = Field(
        max_length=20000, description="Programmes and activities showing its qualification in the Convention's matters"
    )
    network: str = Field("", max_length=20000, description="Network or membership")
    contact_name: str = Field(max_length=200)
    contact_email: str = Field(max_length=254)


class ObserverApplicationStatusOut(ApplicationStatusOut):
    kind: OrganisationKind
    state: ApplicationState
    organisation: str | None = Field(description="Code of the organisation, once admitted")


class ObserverApplicationAnswerIn(BodyIn):
    answer: str = Field("", max_length=20000)


def _applicant(request):
    """Who applies: the owner of the API token when one is sent (they become the body's observer focal point
    once it is admitted, as a signed-in applicant on the pages), else anyone. A bad token answers 401."""
    if not request.headers.get("Authorization"):
        return AnonymousUser()
    user = token_auth(request)
    if user is None:
        raise AuthenticationError()
    return user


def _application_data(payload):
    data = payload.dict()
    data["country"] = Country.objects.filter(iso3=data["country"].upper()).first()
    if data["country"] is None:
        raise ValidationError({"country": _("Unknown country code.")})
    return data


def _by_token(token):
    message = _("No application has this private token.")
    return get_or_404(selectors.application_by_token, token, message=message)


@router.post(
    "/observer-applications",
    response={201: ObserverApplicationStatusOut, 400: ErrorOut, 401: ErrorOut, 422: ErrorOut, 429: ErrorOut},
    operation_id="tahub_observers_api_apply_for_admission",
)
def apply_for_admission(request, payload: Form[ObserverApplicationIn], documents: File[list[UploadedFile]]):
    """A non-governmental or intergovernmental body applies once for admission as an observer, with supporting
    documents (statutes, reports; PDF, Office or images, 10 MB each). The answer carries the private token that
    follows the application; the contact is e-mailed the private link too. Exempt bodies (Parties, the UN and
    its agencies, …), bodies already admitted and bodies already applying are refused (422) with what to do.
    An API token, when sent, makes its owner the body's observer focal point once admitted. At most five
    applications an hour from one address, pages and API together (429 after that)."""
    by = _applicant(request)
    throttle.check("observer-application", throttle.client_ip(request))
    application = services.submit_application(
        data=_application_data(payload), documents=checked_uploads("documents", documents), by=by
    )
    return Status(201, _by_token(application.token))


@router.get(
    "/observer-applications/{token}",
    response={200: ObserverApplicationStatusOut, 404: ErrorOut, 422: ErrorOut},
    operation_id="tahub_observers_api_get_observer_application",
)
def get_observer_application(request, token: Path[Token]):
    """Where an application for admission is, by its private token (no contact data)."""
    return _by_token(token)


@router.post(
    "/observer-applications/{token}/answer",
    response={200: ObserverApplicationStatusOut, 400: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    operation_id="tahub_observers_api_answer_observer_application",
)
def answer_observer_application(
    request, token: Path[Token], payload: Form[ObserverApplicationAnswerIn], documents: File[list[UploadedFile]] = None
):
    """The applicant answers the Secretariat's request for information, with more documents if need be."""
    application = _by_token(token)
    documents = documents or []
    services.answer_application(application, answer=payload.answer, documents=checked_uploads("documents", documents))
    return Status(200, _by_token(token))
