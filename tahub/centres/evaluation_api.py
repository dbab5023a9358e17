"""API of the Secretariat's side of a centre's lifecycle: nominations of institutions (endorsed or not by a COP
decision) and evaluations on the COP's score sheet. A staff member's API token; the same services and
permissions as the pages."""

from datetime import date, datetime
from enum import StrEnum
from typing import Literal

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, File, Form, Path, Router, Schema, Status, UploadedFile
from ninja.pagination import paginate

from tahub.accounts.api import token_auth
from tahub.accounts.rules import require
from tahub.core.api_errors import ErrorOut, get_or_404
from tahub.core.api_pagination import PageNumberPagination
from tahub.core.api_services import checked_uploads
from tahub.core.api_types import BodyIn, Code, Id
from tahub.parties.models import Country, Region
from tahub.planning.models import Decision

from . import selectors, services
from .models import Criterion, Nomination, Score

# Under its own name in the OpenAPI document: the model's enum is called just "State", like other apps' enums.
CentreNominationState = StrEnum("CentreNominationState", {state.name: state.value for state in Nomination.State})

router = Router(tags=["regional centres"], auth=token_auth)
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


# --- Nominations: a region nominates an institution, with a dossier; the COP endorses it or not. ---


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


@router.get("/staff/centre-nominations", response={200: list[CentreNominationOut], **ERRORS})
@paginate(PageNumberPagination)
def list_nominations(request, state: CentreNominationState | None = None):
    """Nominations of institutions to become centres, newest first."""
    require(request.auth, "centres.evaluate")
    return _nominations().filter(state=state) if state else _nominations()


@router.post("/staff/centre-nominations", response={201: CentreNominationOut, **ERRORS})
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


@router.post("/staff/centre-nominations/{nomination_id}/decision", response={200: CentreNominationOut, **ERRORS})
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


# --- Evaluations on the COP's score sheet. ---


class CriterionScoreOut(Schema):
    criterion: str = Field(alias="criterion.code")
    title: str = Field(alias="criterion.title")
    max_score: int = Field(alias="criterion.max_score")
    counts: Criterion.Counts | Literal[""] = Field(alias="criterion.counts", description="What the count counts")
    count: int | None = Field(description="Pre-filled from the activities of submitted reports")
    score: int | None
    comment: str


class CentreEvaluationOut(Schema):
    id: int
    centre: str = Field(alias="centre.code")
    start: date
    end: date
    evaluator: str
    finalised_at: datetime | None
    scores: list[CriterionScoreOut]

    @staticmethod
    def resolve_evaluator(obj):
        return str(obj.evaluator)

    @staticmethod
    def resolve_scores(obj):
        return list(obj.scores.all())


class CentreEvaluationStartIn(BodyIn):
    start: date
    end: date


class CriterionScoreIn(BodyIn):
    score: int = Field(description="From 0 to the criterion's maximum score")
    comment: str = Field("", max_length=20000, description="The evaluator's comments")


def _evaluation(evaluation_id):
    message = _("No evaluation has the id %(id)s.") % {"id": evaluation_id}
    return get_or_404(selectors.evaluation_get, evaluation_id, message=message)


@router.post("/staff/centres/{code}/evaluations", response={201: CentreEvaluationOut, **ERRORS})
def start_evaluation(request, code: Path[Code], payload: CentreEvaluationStartIn):
    """Open a score sheet for the centre over a period; the countable indicators (activities, Parties
    benefited) are pre-filled from the activities of its submitted reports."""
    require(request.auth, "centres.evaluate")
    message = _("No regional centre has the code “%(code)s”.") % {"code": code}
    centre = get_or_404(selectors.centre_get, code, message=message)
    evaluation = services.start_evaluation(centre=centre, by=request.auth, **payload.dict())
    return Status(201, selectors.evaluation_get(evaluation.pk))


@router.get("/staff/evaluations/{evaluation_id}", response={200: CentreEvaluationOut, **ERRORS})
def get_evaluation(request, evaluation_id: Path[Id]):
    """One score sheet: each criterion with its maximum, the pre-filled count, the score and the comments."""
    require(request.auth, "centres.evaluate")
    return _evaluation(evaluation_id)


@router.post("/staff/evaluations/{evaluation_id}/scores/{criterion}", response={200: CentreEvaluationOut, **ERRORS})
def score_criterion(request, evaluation_id: Path[Id], criterion: Path[Code], payload: CriterionScoreIn):
    """Score one criterion (by its code, e.g. b1) from 0 to its maximum, with comments; a score out of range
    answers 422 naming `score`, and nothing changes. A final evaluation cannot be changed."""
    require(request.auth, "centres.evaluate")
    evaluation = _evaluation(evaluation_id)
    message = _("The score sheet has no criterion “%(code)s”.") % {"code": criterion}
    score = get_or_404(
        lambda: get_object_or_404(Score, evaluation=evaluation, criterion__code=criterion), message=message
    )
    services.score_criterion(score, by=request.auth, value=payload.score, comment=payload.comment)
    return Status(200, _evaluation(evaluation_id))


@router.post("/staff/evaluations/{evaluation_id}/complete", response={200: CentreEvaluationOut, **ERRORS})
def complete_evaluation(request, evaluation_id: Path[Id]):
    """Complete (finalise) the evaluation: every criterion must be scored first (422 naming the rest)."""
    require(request.auth, "centres.evaluate")
    services.finalise_evaluation(_evaluation(evaluation_id), by=request.auth)
    return Status(200, _evaluation(evaluation_id))
