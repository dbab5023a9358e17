"""API of nominations of institutions to become centres: a region nominates one, with a dossier; the Secretariat
records the COP's decision (endorsed, and the institution becomes a centre, or not). A staff member's API token;
the same services and permissions as the pages."""

from datetime import datetime
from enum import StrEnum
from typing import Literal

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, File, Form, Path, Router, Schema, Status, UploadedFile
from ninja.pagination import paginate

from tahub.accounts.api import token_auth
from tahub.core.api_errors import ErrorOut, get_or_404
from tahub.core.api_pagination import PageNumberPagination
from tahub.core.api_services import checked_uploads
from tahub.core.api_types import BodyIn, Code, Id
from tahub.core.rules import require
from tahub.parties.models import Country, Region
from tahub.planning.models import Decision

from .. import services
from ..models import Nomination

# Under its own name in the OpenAPI document: the model's enum is called just "State", like other apps' enums.
CentreNominationState = StrEnum("CentreNominationState", {state.name: state.value for state in Nomination.State})

router = Router(auth=token_auth)
ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}
DecisionNumber = Field(None, max_length=40, pattern=r"^[A-Za-z0-9][A-Za-z0-9./-]*$", description="e.g. SC-7/17")


def _decision(number):
    """The COP decision by its number (None when not given); an unknown number is a ValidationError."""
    if not number:
        return None
    decision = Decision.objects.filter(number=number).first()
    if decision is None:
        raise ValidationError({"decision": _("No COP decision has the number “%s”.") % number})
    return decision


class CentreNominationIn(BodyIn):
    institution: str = Field(min_length=1, max_length=300)
    host_country: Code = Field(description="ISO 3166 alpha-3 code, e.g. SEN")
    city: str = Field("", max_length=100)
    region: Code = Field(description="Code of the UN regional group that nominates it, e.g. AFR")


class CentreNominationOut(Schema):
    id: int
    institution: str
    host_country: str = Field(alias="host_country.iso3")
    city: str
    region: str = Field(alias="region.code")
    state: CentreNominationState
    dossier: str = Field(description="Name of the nomination dossier")
    decision: str | None = Field(description="Number of the COP decision on it")
    centre: str | None = Field(description="Code of the centre it became, once endorsed")
    note: str
    created_at: datetime

    @staticmethod
    def resolve_dossier(obj):
        return obj.dossier.name.rsplit("/", 1)[-1]

    @staticmethod
    def resolve_decision(obj):
        return obj.decision.number if obj.decision_id else None

    @staticmethod
    def resolve_centre(obj):
        return obj.centre.code if obj.centre_id else None


class CentreNominationDecisionIn(BodyIn):
    action: Literal["endorse", "decline"] = Field(description="endorse (for four years), or decline")
    decision: str | None = DecisionNumber
    start_year: int | None = Field(None, ge=2001, le=2100, description="endorse: the first year of the term")
    note: str = Field("", max_length=5000, description="decline: why it was not endorsed")


def _nominations():
    return Nomination.objects.select_related("host_country", "region", "decision", "centre")


@router.get(
    "/staff/centre-nominations",
    response={200: list[CentreNominationOut], **ERRORS},
    operation_id="tahub_centres_evaluation_api_list_nominations",
)
@paginate(PageNumberPagination)
def list_nominations(request, state: CentreNominationState | None = None):
    """Nominations of institutions to become centres, newest first."""
    require(request.auth, "centres.evaluate")
    return _nominations().filter(state=state) if state else _nominations()


@router.post(
    "/staff/centre-nominations",
    response={201: CentreNominationOut, **ERRORS},
    operation_id="tahub_centres_evaluation_api_nominate_centre",
)
def nominate_centre(request, payload: Form[CentreNominationIn], dossier: File[UploadedFile]):
    """Record a region's nomination (multipart: the fields and the `dossier`, PDF, Office or images, 10 MB)."""
    require(request.auth, "centres.evaluate")

    def nominate():
        data = payload.dict()
        data["host_country"] = Country.objects.filter(iso3=data["host_country"].upper()).first()
        if data["host_country"] is None:
            raise ValidationError({"host_country": _("Unknown country code.")})
        data["region"] = Region.objects.filter(code=data["region"]).first()
        if data["region"] is None:
            raise ValidationError({"region": _("Unknown regional group.")})
        data["dossier"] = checked_uploads("dossier", [dossier], *Nomination._meta.get_field("dossier").validators)[0]
        return services.nominate_centre(by=request.auth, data=data)

    nomination = nominate()
    return Status(201, _nominations().get(pk=nomination.pk))


@router.post(
    "/staff/centre-nominations/{nomination_id}/decision",
    response={200: CentreNominationOut, **ERRORS},
    operation_id="tahub_centres_evaluation_api_decide_nomination",
)
def decide_nomination(request, nomination_id: Path[Id], payload: CentreNominationDecisionIn):
    """Record the COP's decision: endorsed (the institution becomes a centre, endorsed for four years from
    `start_year`) or not endorsed (with a `note` saying why)."""
    require(request.auth, "centres.evaluate")
    message = _("No nomination has the id %(id)s.") % {"id": nomination_id}
    nomination = get_or_404(lambda: get_object_or_404(_nominations(), pk=nomination_id), message=message)

    def decide():
        decision = _decision(payload.decision)
        if payload.action == "decline":
            return services.decline_nomination(nomination, by=request.auth, decision=decision, note=payload.note)
        if payload.start_year is None:
            raise ValidationError({"start_year": _("Give the first year of the term.")})
        return services.endorse_nomination(
            nomination, by=request.auth, decision=decision, start_year=payload.start_year
        )

    decide()
    return Status(200, _nominations().get(pk=nomination_id))
