"""API: decision paragraphs, the plan, its objectives and bienniums, the programme of work, the mandate coverage.

Public reads; a staff member's API token adds activities through the same service as the staff form.
Amounts are decimal strings ("1190000.00"), never floats.
"""

import datetime
from decimal import Decimal
from typing import Annotated

from django.utils.translation import gettext as _
from ninja import Field, Path, Query, Router, Schema, Status
from ninja.pagination import paginate
from pydantic import PlainSerializer

from tahub.accounts.api import token_auth
from tahub.core.api_errors import ErrorOut, check_known, get_or_404
from tahub.core.api_pagination import PageNumberPagination
from tahub.core.api_types import ONE_LINE, BodyIn, Code, resolve_fields, stored_in_every_language
from tahub.core.rules import require
from tahub.parties import selectors as party_selectors
from tahub.parties.models import Convention, Region
from tahub.vocabularies.models import Theme

from . import coverage, selectors, services
from .models import Biennium, Objective, ProgrammeActivity

router = Router(tags=["plan"])
Money = Annotated[Decimal, PlainSerializer(lambda v: f"{v:.2f}", return_type=str)]
Year = Annotated[int, Field(ge=1990, le=2100)]
STAFF_ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}
EDIT = "planning.change_programme"
# The texts in each language (settings.LANGUAGES), as events/api/events.py gives an event's: `title` in the
# reader's language (?lang=, else Accept-Language), else English, else any; and TITLES: title_en ... title_ru as stored.
# A title is one line without control characters (PostgreSQL refuses NUL in a string: a 500, not a 422).
Title = Annotated[str, Field(max_length=300, pattern=ONE_LINE)]
ActivityTitle = Annotated[str, Field(max_length=2000, pattern=ONE_LINE)]
TITLES = stored_in_every_language("title")


class ParagraphOut(stored_in_every_language("text")):
    """text_en ... text_ru: blank where no source gave the text in that language."""

    decision: str = Field(description="e.g. SC-5/20")
    number: str = Field(description="e.g. 8 or 8 (a)")
    asks_for_assistance: bool
    notes: str

    @staticmethod
    def resolve_decision(obj):
        return obj.decision.number


class ParagraphRef(BodyIn):
    decision: str = Field(max_length=20, description="e.g. SC-5/20")
    paragraph: str = Field(max_length=20, description="e.g. 8")


class ObjectiveOut(TITLES):
    id: int
    plan: str = Field(description="e.g. 2026–2029")
    number: int
    title: str = Field(description="In the language asked for (?lang=, else Accept-Language), else English, else any")
    activity_count: int

    @staticmethod
    def resolve_plan(obj):
        return obj.plan.period


class PlanOut(TITLES):
    start_year: int
    end_year: int
    title: str = Field(description="In the language asked for (?lang=, else Accept-Language), else English, else any")
    notes: str
    objectives: list[ObjectiveOut]

    @staticmethod
    def resolve_objectives(obj):
        return obj.objectives.all()


class BienniumOut(Schema):
    start_year: int
    end_year: int
    plan: int | None = Field(description="First year of the plan it belongs to")
    budget_decision: str | None
    activity_count: int
    approved_total: Money | None = Field(description="Sum of its activities' approved budgets, USD")

    @staticmethod
    def resolve_plan(obj):
        return obj.plan.start_year if obj.plan_id else None

    @staticmethod
    def resolve_budget_decision(obj):
        return obj.budget_decision.number if obj.budget_decision_id else None


class ProgrammeActivityOut(TITLES):
    id: int
    biennium: int = Field(description="First year of the biennium, e.g. 2026")
    number: int
    title: str = Field(description="In the language asked for (?lang=, else Accept-Language), else English, else any")
    conventions: list[str]
    objective: int | None = Field(description="The id of its objective (GET /objectives)")
    legal_basis: list[ParagraphRef]
    themes: list[str]
    regions: list[str]
    lead: str
    approved_budget: Money | None = Field(description="USD")
    trust_fund: str | None
    status: str

    @staticmethod
    def resolve_biennium(obj):
        return obj.biennium.start_year

    @staticmethod
    def resolve_objective(obj):
        return obj.objective_id  # the id, as ProgrammeActivityIn takes it (not the Objective: issue 18.6)

    @staticmethod
    def resolve_conventions(obj):
        return [c.code for c in obj.conventions.all()]

    @staticmethod
    def resolve_legal_basis(obj):
        return [{"decision": p.decision.number, "paragraph": p.number} for p in obj.legal_basis.all()]

    @staticmethod
    def resolve_themes(obj):
        return [t.slug for t in obj.themes.all()]

    @staticmethod
    def resolve_regions(obj):
        return [r.code for r in obj.regions.all()]

    @staticmethod
    def resolve_lead(obj):
        return obj.lead_organisation.name if obj.lead_organisation_id else obj.lead

    @staticmethod
    def resolve_trust_fund(obj):
        return obj.trust_fund.code if obj.trust_fund_id else None


class ProgrammeActivityIn(BodyIn):
    biennium: Year
    number: int = Field(ge=1, le=32767)
    title: str = Field(min_length=1, max_length=2000, pattern=ONE_LINE, description="In English")
    title_fr: ActivityTitle = ""
    title_es: ActivityTitle = ""
    title_ar: ActivityTitle = ""
    title_zh_hans: ActivityTitle = ""
    title_ru: ActivityTitle = ""
    conventions: list[Code] = Field(min_length=1, max_length=3)
    objective: int | None = Field(None, ge=1, le=2**31 - 1)
    legal_basis: list[ParagraphRef] = Field([], max_length=50)
    themes: list[Code] = Field([], max_length=30)
    regions: list[Code] = Field([], max_length=5)
    lead: str = Field("", max_length=200)
    approved_budget: Decimal | None = Field(None, ge=0, max_digits=14, decimal_places=2)
    status: ProgrammeActivity.Status = ProgrammeActivity.Status.PLANNED
    start: datetime.date | None = None
    end: datetime.date | None = None


class CoverageOut(Schema):
    decision: str
    paragraph: str
    answered: bool
    answers: dict[str, int] = Field(description="Number of citing records per kind, e.g. programme activities")
    delivered: dict[str, int] = Field(
        description="Number of records that delivered the programme activities citing it, per kind (events, …)"
    )


class ProgrammeActivityFilters(Schema):
    biennium: Year | None = None
    status: ProgrammeActivity.Status | None = None
    convention: Code | None = Field(None, description="BC, RC or SC")


@router.get("/decision-paragraphs", response={200: list[ParagraphOut], 422: ErrorOut})
@paginate(PageNumberPagination)
def list_paragraphs(
    request,
    decision: str | None = Query(
        None, max_length=20, pattern=r"^[A-Za-z0-9][A-Za-z0-9_./-]*$", description="e.g. SC-1/15"
    ),
    asks_for_assistance: bool | None = None,
):
    """Decision paragraphs known to TA Hub (their text only where a source gave it)."""
    return selectors.paragraph_list(decision=decision, asks_for_assistance=asks_for_assistance)


@router.get("/plans", response={200: list[PlanOut], 422: ErrorOut})
@paginate(PageNumberPagination)
def list_plans(request):
    """The four-year technical assistance plans with their objectives."""
    return selectors.plan_list()


@router.get("/plans/{start_year}", response={200: PlanOut, 404: ErrorOut, 422: ErrorOut})
def get_plan(request, start_year: Path[Year]):
    return get_or_404(selectors.plan_get, start_year, message=_("No plan starts in %(year)s.") % {"year": start_year})


@router.get("/objectives", response={200: list[ObjectiveOut], 422: ErrorOut})
@paginate(PageNumberPagination)
def list_objectives(request, plan: Year | None = None):
    return selectors.objective_list(plan=plan)


@router.get("/bienniums", response={200: list[BienniumOut], 422: ErrorOut})
@paginate(PageNumberPagination)
def list_bienniums(request):
    return selectors.biennium_list()


@router.get("/programme-activities", response={200: list[ProgrammeActivityOut], 422: ErrorOut})
@paginate(PageNumberPagination)
def list_activities(request, filters: Query[ProgrammeActivityFilters]):
    """The programme of work, newest biennium first, then by number."""
    check_known("convention", filters.convention, party_selectors.convention_codes)
    return selectors.activity_list(**filters.dict())


@router.get(
    "/programme-activities/{biennium}/{number}", response={200: ProgrammeActivityOut, 404: ErrorOut, 422: ErrorOut}
)
def get_activity(request, biennium: Path[Year], number: Path[Annotated[int, Field(ge=1, le=32767)]]):
    message = _("No activity %(number)s in the biennium starting %(year)s.") % {"number": number, "year": biennium}
    return get_or_404(selectors.activity_get, biennium, number, message=message)


def _resolve(payload):
    """The payload's codes as records; an unknown one is a ValidationError naming its field."""
    data = payload.dict()
    refs = [(r["decision"], r["paragraph"]) for r in data["legal_basis"]]
    found = selectors.paragraphs_by_reference(refs)
    missing = [f"{d} paragraph {n}" for d, n in refs if (d, n) not in found]
    errors = {"legal_basis": _("No such decision paragraph: %s.") % ", ".join(missing)} if missing else {}
    data["legal_basis"] = list(found.values())
    data["biennium"] = Biennium.objects.filter(start_year=data["biennium"]).first()
    if data["biennium"] is None:
        errors["biennium"] = _("No biennium starts in %(year)s.") % {"year": payload.biennium}
    if data["objective"] is not None:
        data["objective"] = Objective.objects.filter(pk=data["objective"]).first()
        if data["objective"] is None:
            errors["objective"] = _("No such objective.")
    codes = {"conventions": (Convention, "code"), "themes": (Theme, "slug"), "regions": (Region, "code")}
    try:
        resolve_fields(data, codes)
    except services.ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise services.ValidationError(errors)
    return data


@router.post("/programme-activities", response={201: ProgrammeActivityOut, **STAFF_ERRORS}, auth=token_auth)
def create_activity(request, payload: ProgrammeActivityIn):
    """Add an activity to a biennium's programme of work — a staff member's API token."""
    require(request.auth, EDIT)
    activity = services.create_activity(by=request.auth, data=_resolve(payload))
    return Status(201, selectors.activity_list().get(pk=activity.pk))


@router.get("/mandate-coverage", response={200: list[CoverageOut], 422: ErrorOut})
def mandate_coverage(request):
    """Each decision paragraph that asks for technical assistance, with how many records of each kind cite it."""
    paragraphs, _kinds = coverage.coverage(request.user)
    return [
        {
            "decision": p.decision.number,
            "paragraph": p.number,
            "answered": p.answered,
            "answers": {str(answer.kind): answer.count for answer in p.answers},
            "delivered": {str(answer.kind): answer.count for answer in p.deliveries},
        }
        for p in paragraphs
    ]
