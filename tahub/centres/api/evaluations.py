"""API of the Secretariat's evaluations of centres on the COP's score sheet: opening one for a period (the
countable indicators pre-filled), scoring each criterion, completing it. A staff member's API token; the same
services and permissions as the pages."""

from datetime import date, datetime
from typing import Literal

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Path, Router, Schema, Status

from tahub.accounts.api import token_auth
from tahub.core.api_errors import ErrorOut, get_or_404
from tahub.core.api_types import BodyIn, Code, Id
from tahub.core.rules import require

from .. import selectors, services
from ..models import Criterion, Score

router = Router(auth=token_auth)
ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 422: ErrorOut}


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


@router.post(
    "/staff/centres/{code}/evaluations",
    response={201: CentreEvaluationOut, **ERRORS},
    operation_id="tahub_centres_evaluation_api_start_evaluation",
)
def start_evaluation(request, code: Path[Code], payload: CentreEvaluationStartIn):
    """Open a score sheet for the centre over a period; the countable indicators (activities, Parties
    benefited) are pre-filled from the activities of its submitted reports."""
    require(request.auth, "centres.evaluate")
    message = _("No regional centre has the code “%(code)s”.") % {"code": code}
    centre = get_or_404(selectors.centre_get, code, message=message)
    evaluation = services.start_evaluation(centre=centre, by=request.auth, **payload.dict())
    return Status(201, selectors.evaluation_get(evaluation.pk))


@router.get(
    "/staff/evaluations/{evaluation_id}",
    response={200: CentreEvaluationOut, **ERRORS},
    operation_id="tahub_centres_evaluation_api_get_evaluation",
)
def get_evaluation(request, evaluation_id: Path[Id]):
    """One score sheet: each criterion with its maximum, the pre-filled count, the score and the comments."""
    require(request.auth, "centres.evaluate")
    return _evaluation(evaluation_id)


@router.post(
    "/staff/evaluations/{evaluation_id}/scores/{criterion}",
    response={200: CentreEvaluationOut, **ERRORS},
    operation_id="tahub_centres_evaluation_api_score_criterion",
)
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


@router.post(
    "/staff/evaluations/{evaluation_id}/complete",
    response={200: CentreEvaluationOut, **ERRORS},
    operation_id="tahub_centres_evaluation_api_complete_evaluation",
)
def complete_evaluation(request, evaluation_id: Path[Id]):
    """Complete (finalise) the evaluation: every criterion must be scored first (422 naming the rest)."""
    require(request.auth, "centres.evaluate")
    services.finalise_evaluation(_evaluation(evaluation_id), by=request.auth)
    return Status(200, _evaluation(evaluation_id))
