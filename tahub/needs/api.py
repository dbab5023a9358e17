"""API of the needs assessment: cycles and questionnaire versions (public), and a respondent's response (read
and write for its own people and the Secretariat, with the version check). The same services and reads as the
pages. Someone who may not see a respondent's answers gets 404, as on the pages.
"""

from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Annotated

from django.core.exceptions import ValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError

from tahub.accounts.api import token_auth
from tahub.core.api_errors import ErrorOut
from tahub.core.api_types import BodyIn, Code
from tahub.core.workflow import Stale

from . import selectors, services
from .models import Questionnaire
from .selectors import analysis, published, respondents
from .services import answering

router = Router(tags=["needs assessment"])
ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}
NOT_FOUND = gettext_lazy("No such cycle or respondent is visible to you.")


class ResponseKind(StrEnum):
    NEEDS = "needs"
    OFFERS = "offers"


class RespondentGroup(StrEnum):
    PARTIES = "parties"
    ORGANISATIONS = "organisations"


class CycleOut(Schema):
    slug: str
    title: str
    period: str
    deadline: date = Field(description="Part I (needs)")
    funding_deadline: date | None = Field(description="Part II (funding needs); null: as Part I")
    offers_deadline: date | None = Field(description="Offers; null: as Part I")
    questionnaire: str = Field(description="code/version of the needs questionnaire")
    offers_questionnaire: str | None
    results_published: bool

    @staticmethod
    def resolve_questionnaire(obj):
        return f"{obj.questionnaire.code}/{obj.questionnaire.version}"

    @staticmethod
    def resolve_offers_questionnaire(obj):
        q = obj.offers_questionnaire
        return f"{q.code}/{q.version}" if q else None

    @staticmethod
    def resolve_results_published(obj):
        return obj.results_published_at is not None


class QuestionOut(Schema):
    code: str
    section: str
    section_title: str
    part: str
    kind: str
    label: str
    required: bool
    theme: str | None = Field(None, alias="theme.slug")
    assistance_type: str | None = Field(None, alias="assistance_type.slug")
    options: dict


class QuestionnaireOut(Schema):
    code: str
    version: int
    kind: str
    title: str
    questions: list[QuestionOut]


class AmountIO(Schema):
    year: int = Field(ge=1900, le=2200)
    source: Code
    amount: Decimal = Field(ge=0, max_digits=14, decimal_places=2)


Version = Annotated[int, Field(ge=1, le=9999)]
AnswerValue = str | int | list[AmountIO] | list[str] | None


class ResponseOut(Schema):
    cycle: str
    kind: str
    respondent: str
    state: str
    version: int = Field(description="Send it back with your changes: if someone saved since, the answer is 409.")
    entered_by_secretariat: bool
    submitted_at: str | None
    answers: dict[str, AnswerValue]


class ResponseIn(BodyIn):
    version: int = Field(ge=0, le=2_147_483_647, description="The version you read (0 before the first save).")
    answers: dict[Code, AnswerValue] = Field(description="Question code → value; an empty value clears it.")


class SubmitIn(BodyIn):
    version: int = Field(ge=0, le=2_147_483_647)


@router.get("/needs/cycles", response=list[CycleOut])
def list_cycles(request):
    return list(selectors.cycle_list().select_related("offers_questionnaire"))


@router.get("/needs/cycles/{slug}", response={200: CycleOut, 404: ErrorOut, 422: ErrorOut})
def get_cycle(request, slug: Code):
    try:
        return selectors.cycle_get(slug)
    except Http404:
        raise HttpError(404, _("No cycle with this code.")) from None


@router.get("/needs/questionnaires/{code}/{version}", response={200: QuestionnaireOut, 404: ErrorOut, 422: ErrorOut})
def get_questionnaire(request, code: Code, version: Version):
    questionnaire = Questionnaire.objects.filter(code=code, version=version).first()
    if questionnaire is None:
        raise HttpError(404, _("No questionnaire with this code and version."))
    questionnaire.questions_list = respondents.questions(questionnaire)
    return {**{k: getattr(questionnaire, k) for k in ("code", "version", "kind", "title")},
            "questions": questionnaire.questions_list}  # fmt: skip


def _load(request, cycle, kind, who, key):
    try:
        cycle = selectors.cycle_get(cycle)
        respondent = respondents.invited_respondent(cycle, kind.value, who.value, key)
    except Http404:
        raise HttpError(404, str(NOT_FOUND)) from None
    if not request.user.has_perm("needs.view_response", respondent):
        raise HttpError(404, str(NOT_FOUND))
    return cycle, respondent


def _out(cycle, kind, respondent):
    response = respondents.response_for(cycle, kind, respondent)
    key = respondent.country.iso3 if who_of(respondent) == "parties" else respondent.slug
    return {
        "cycle": cycle.slug, "kind": kind, "respondent": key,
        "state": response.state if response else "draft", "version": response.version if response else 0,
        "entered_by_secretariat": bool(response and response.entered_by_secretariat),
        "submitted_at": response.submitted_at.isoformat() if response and response.submitted_at else None,
        "answers": {a.question.code: answering.raw(a) for a in response.answers.all()} if response else {},
    }  # fmt: skip


def who_of(respondent):
    return "organisations" if respondent.__class__.__name__ == "Organisation" else "parties"


def _call(service):
    """Run a service; its refusals name each answer by its place in the body (answers.<question code>)."""
    try:
        return service()
    except ValidationError as error:
        if isinstance(error, Stale) or not hasattr(error, "error_dict"):
            raise
        raise ValidationError({f"answers.{field}": errors for field, errors in error.error_dict.items()}) from None


RESPONSE_PATH = "/needs/cycles/{cycle}/{kind}/{who}/{key}/response"


@router.get(RESPONSE_PATH, response={200: ResponseOut, **ERRORS}, auth=token_auth)
def get_response(request, cycle: Code, kind: ResponseKind, who: RespondentGroup, key: Code):
    """A respondent's answers: for its own people (a Party's contact and focal points, an organisation's
    members) and the Secretariat."""
    cycle, respondent = _load(request, cycle, kind, who, key)
    return _out(cycle, kind.value, respondent)


@router.put(RESPONSE_PATH, response={200: ResponseOut, **ERRORS}, auth=token_auth)
def save_response(request, cycle: Code, kind: ResponseKind, who: RespondentGroup, key: Code, payload: ResponseIn):
    """Save answers as a draft (the questions named; others stay as they are). 409 if someone saved since
    `version`; 422 names each bad answer; nothing is saved then."""
    cycle, respondent = _load(request, cycle, kind, who, key)
    target = {"party" if who == RespondentGroup.PARTIES else "organisation": respondent}
    answers = {code: [a.dict() for a in v] if isinstance(v, list) and v and isinstance(v[0], AmountIO) else v
               for code, v in payload.answers.items()}  # fmt: skip
    _call(lambda: services.save_answers(cycle=cycle, kind=kind.value, answers=answers, by=request.user,
                                        version=payload.version, **target))  # fmt: skip
    return Status(200, _out(cycle, kind.value, respondent))


@router.post(RESPONSE_PATH + "/submit", response={200: ResponseOut, **ERRORS}, auth=token_auth)
def submit_response(request, cycle: Code, kind: ResponseKind, who: RespondentGroup, key: Code, payload: SubmitIn):
    """Submit: 422 names each required question left unanswered."""
    cycle, respondent = _load(request, cycle, kind, who, key)
    response = respondents.response_for(cycle, kind.value, respondent)
    if response is None:
        raise ValidationError(_("Nothing is saved yet: save answers first."))
    _call(lambda: services.submit_response(response, by=request.user, version=payload.version))
    return Status(200, _out(cycle, kind.value, respondent))


# --- The aggregates and gaps endpoints (needs-analysis) go below this line, on this router. ---


class NeedOut(Schema):
    theme: str
    theme_name: str
    region: str
    high: int
    medium: int
    low: int
    none: int
    weighted: int = Field(description="2 × high + 1 × medium")


class GapOut(NeedOut):
    rank: int
    offers: int = Field(description="submitted offers covering this theme in this region")
    score: float = Field(description="weighted need / (1 + offers); largest first")
    status: str = Field(description="no-offer, too-little or covered")
    requests_delivered: int = Field(description="TA requests delivered or closed since the previous cycle's deadline")
    events_attended: int = Field(
        description="(event, Party) pairs: events attended since the previous cycle's deadline"
    )


class CycleShareOut(Schema):
    cycle: str
    answered: int = Field(description="Parties that gave a level for this theme")
    high: int
    medium: int
    share: float | None = Field(description="% with a high or medium need")


class TrendOut(Schema):
    theme: str
    theme_name: str
    cycles: list[CycleShareOut]


def _analysed(request, slug):
    """Public aggregates: the published cycles, as published (a signed-in Secretariat session also sees
    unpublished ones, and live figures)."""
    try:
        cycle, cycles = selectors.analysed_cycle(request.user, slug)
    except Http404:
        raise HttpError(404, _("No cycle with this code has published results.")) from None
    return published.analysis_for(request.user, cycle, cycles)


def _need(slug, name, region, tally):
    return {"theme": slug, "theme_name": name, "region": region, "weighted": tally.weighted,
            **{level: getattr(tally, level) for level in ("high", "medium", "low", "none")}}  # fmt: skip


@router.get("/needs/cycles/{slug}/needs", response={200: list[NeedOut], 404: ErrorOut, 422: ErrorOut})
def cycle_needs(request, slug: Code):
    result = _analysed(request, slug)
    return [_need(s, name, region, tally) for (s, region), (name, tally) in sorted(result.needs.items())]


@router.get("/needs/cycles/{slug}/gaps", response={200: list[GapOut], 404: ErrorOut, 422: ErrorOut})
def cycle_gaps(request, slug: Code):
    result = _analysed(request, slug)
    return [
        {**_need(row.theme, row.theme_name, row.region, row.needs), "rank": rank, "offers": row.offers,
         "score": row.score, "status": row.status, "requests_delivered": row.delivered.requests,
         "events_attended": row.delivered.events}
        for rank, row in enumerate(result.gaps, start=1)
    ]  # fmt: skip


@router.get("/needs/trend", response=list[TrendOut])
def needs_trend(request):
    cycles = analysis.cycles_ordered(selectors.cycles_visible_to(request.user))
    return [
        {"theme": row.theme, "theme_name": row.theme_name, "cycles": [
            {"cycle": c.slug, "answered": t.answered, "high": t.high, "medium": t.medium, "share": t.share}
            for c in cycles for t in [row.by_cycle.get(c.pk)] if t
        ]}
        for row in published.trend_for(request.user, cycles)
    ]  # fmt: skip
