"""API: the four-year plans with their objectives, and the bienniums of the programme of work. Public reads; a
staff member's API token records and edits them through the same services as the staff pages (audited; an edit
against an `updated_at` that changed since is refused). Amounts are decimal strings ("1190000.00"), never floats.

Reads and writes share this router: ninja serves one path (`/plans/{start_year}`) from one router only."""

import datetime

from django.utils.translation import gettext as _
from ninja import Field, Path, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from tahub.accounts.api import token_auth
from tahub.core.api_errors import ErrorOut, get_or_404
from tahub.core.api_pagination import PageNumberPagination
from tahub.core.api_types import ONE_LINE, BodyIn, Moment
from tahub.core.rules import require

from .. import selectors, services
from ..models import Decision, TAPlan
from .fields import EDIT, STAFF_ERRORS, TITLES, Money, Title, Year

router = Router(tags=["plan"])


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


@router.get(
    "/plans",
    response={200: list[PlanOut], 422: ErrorOut},
    operation_id="tahub_planning_programme_api_list_plans",
)
@paginate(PageNumberPagination)
def list_plans(request):
    """The four-year technical assistance plans with their objectives."""
    return selectors.plan_list()


@router.get(
    "/plans/{start_year}",
    response={200: PlanOut, 404: ErrorOut, 422: ErrorOut},
    operation_id="tahub_planning_programme_api_get_plan",
)
def get_plan(request, start_year: Path[Year]):
    return get_or_404(selectors.plan_get, start_year, message=_("No plan starts in %(year)s.") % {"year": start_year})


@router.get(
    "/objectives",
    response={200: list[ObjectiveOut], 422: ErrorOut},
    operation_id="tahub_planning_programme_api_list_objectives",
)
@paginate(PageNumberPagination)
def list_objectives(request, plan: Year | None = None):
    return selectors.objective_list(plan=plan)


@router.get(
    "/bienniums",
    response={200: list[BienniumOut], 422: ErrorOut},
    operation_id="tahub_planning_programme_api_list_bienniums",
)
@paginate(PageNumberPagination)
def list_bienniums(request):
    return selectors.biennium_list()


# --- The staff's writes: a staff member's API token. ---


class ObjectiveIn(BodyIn):
    number: int = Field(ge=1, le=32767, description="An objective is known by its number: an existing one is edited")
    title: str = Field(min_length=1, max_length=300, pattern=ONE_LINE, description="In English")
    title_fr: Title = ""
    title_es: Title = ""
    title_ar: Title = ""
    title_zh_hans: Title = ""
    title_ru: Title = ""
    description: str = Field("", max_length=5000)


class PlanChangeIn(BodyIn):
    title: str = Field(min_length=1, max_length=300, pattern=ONE_LINE, description="In English")
    title_fr: Title = ""
    title_es: Title = ""
    title_ar: Title = ""
    title_zh_hans: Title = ""
    title_ru: Title = ""
    summary: str = Field("", max_length=10000)
    sources: str = Field("", max_length=300)
    notes: str = Field("", max_length=10000)
    objectives: list[ObjectiveIn] = Field([], max_length=50)
    updated_at: Moment | None = Field(None, description="As read: refused if the plan changed since")


class PlanIn(PlanChangeIn):
    start_year: Year = Field(description="The last year follows: start_year + 3")


class PlanSavedOut(TITLES):
    start_year: int
    end_year: int
    title: str = Field(description="In the language asked for (?lang=, else Accept-Language), else English, else any")
    updated_at: datetime.datetime
    objectives: list[ObjectiveOut]

    @staticmethod
    def resolve_objectives(obj):
        return selectors.objective_list(plan=obj.start_year)


class BienniumChangeIn(BodyIn):
    plan: Year | None = Field(None, description="First year of the plan it belongs to")
    budget_decision: str | None = Field(None, max_length=20, description="e.g. SC-11/25")
    notes: str = Field("", max_length=10000)
    updated_at: Moment | None = Field(None, description="As read: refused if the biennium changed since")


class BienniumIn(BienniumChangeIn):
    start_year: Year = Field(description="The last year follows: start_year + 1")


class BienniumSavedOut(BienniumOut):
    updated_at: datetime.datetime


def _plan_data(payload):
    # What a client leaves out keeps what is stored: a client that sends only the English title (as before the
    # six languages) must not blank the translations the Secretariat entered on the staff pages.
    data = payload.dict(exclude={"objectives", "updated_at"}, exclude_unset=True)
    return data, [o.dict(exclude_unset=True) for o in payload.objectives]


def _biennium_data(payload):
    data = payload.dict(exclude={"updated_at"}, exclude_unset=True)
    errors = {}
    if data.get("plan") is not None:
        data["plan"] = TAPlan.objects.filter(start_year=data["plan"]).first()
        if data["plan"] is None:
            errors["plan"] = _("No plan starts in %(year)s.") % {"year": payload.plan}
    if data.get("budget_decision") is not None:
        data["budget_decision"] = Decision.objects.filter(number=data["budget_decision"]).first()
        if data["budget_decision"] is None:
            errors["budget_decision"] = _("No decision has the number “%(number)s”.") % {
                "number": payload.budget_decision
            }
    if errors:
        raise services.ValidationError(errors)
    return data


def _saved_biennium(biennium):
    return selectors.biennium_list().get(pk=biennium.pk)


@router.post(
    "/plans",
    response={201: PlanSavedOut, **STAFF_ERRORS},
    auth=token_auth,
    operation_id="tahub_planning_plan_api_create_plan",
)
def create_plan(request, payload: PlanIn):
    """Record a four-year plan with its objectives — a staff member's API token."""
    require(request.auth, EDIT)
    data, objectives = _plan_data(payload)
    plan = services.create_plan(by=request.auth, data=data, objectives=objectives)
    return Status(201, plan)


@router.put(
    "/plans/{start_year}",
    response={200: PlanSavedOut, **STAFF_ERRORS},
    auth=token_auth,
    operation_id="tahub_planning_plan_api_update_plan",
)
def update_plan(request, start_year: Path[Year], payload: PlanChangeIn):
    """Edit a plan; objectives given are added or edited by number (none is removed); a field left out keeps its
    stored value — a staff member's API token."""
    require(request.auth, EDIT)
    plan = TAPlan.objects.filter(start_year=start_year).first()
    if plan is None:
        raise HttpError(404, _("No plan starts in %(year)s.") % {"year": start_year})
    data, objectives = _plan_data(payload)
    seen = payload.updated_at
    return services.update_plan(plan, by=request.auth, data=data, objectives=objectives, seen=seen)


@router.post(
    "/bienniums",
    response={201: BienniumSavedOut, **STAFF_ERRORS},
    auth=token_auth,
    operation_id="tahub_planning_plan_api_create_biennium",
)
def create_biennium(request, payload: BienniumIn):
    """Open a biennium of the programme of work — a staff member's API token."""
    require(request.auth, EDIT)
    biennium = services.create_biennium(by=request.auth, data=_biennium_data(payload))
    return Status(201, _saved_biennium(biennium))


@router.put(
    "/bienniums/{start_year}",
    response={200: BienniumSavedOut, **STAFF_ERRORS},
    auth=token_auth,
    operation_id="tahub_planning_plan_api_update_biennium",
)
def update_biennium(request, start_year: Path[Year], payload: BienniumChangeIn):
    """Edit a biennium's plan, budget decision and notes; a field left out keeps its stored value (send null to
    clear the plan or the decision) — a staff member's API token."""
    require(request.auth, EDIT)
    biennium = selectors.biennium_list().filter(start_year=start_year).first()
    if biennium is None:
        raise HttpError(404, _("No biennium starts in %(year)s.") % {"year": start_year})
    seen = payload.updated_at
    biennium = services.update_biennium(biennium, by=request.auth, data=_biennium_data(payload), seen=seen)
    return _saved_biennium(biennium)
