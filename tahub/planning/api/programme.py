"""API: the programme of work, biennium by biennium. Public reads; a staff member's API token adds activities
through the same service as the staff form. Amounts are decimal strings ("1190000.00"), never floats."""

import datetime
from decimal import Decimal
from typing import Annotated

from django.utils.translation import gettext as _
from ninja import Field, Path, Query, Router, Schema, Status
from ninja.pagination import paginate

from tahub.accounts.api import token_auth
from tahub.core.api_errors import ErrorOut, check_known, get_or_404
from tahub.core.api_pagination import PageNumberPagination
from tahub.core.api_types import ONE_LINE, BodyIn, Code, resolve_fields
from tahub.core.rules import require
from tahub.parties import selectors as party_selectors
from tahub.parties.models import Convention, Region
from tahub.vocabularies.models import Theme

from .. import selectors, services
from ..models import Biennium, Objective, ProgrammeActivity
from .fields import EDIT, STAFF_ERRORS, TITLES, Money, Year

router = Router(tags=["plan"])
ActivityTitle = Annotated[str, Field(max_length=2000, pattern=ONE_LINE)]


class ParagraphRef(BodyIn):
    decision: str = Field(max_length=20, description="e.g. SC-5/20")
    paragraph: str = Field(max_length=20, description="e.g. 8")


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


class ProgrammeActivityFilters(Schema):
    biennium: Year | None = None
    status: ProgrammeActivity.Status | None = None
    convention: Code | None = Field(None, description="BC, RC or SC")


@router.get(
    "/programme-activities",
    response={200: list[ProgrammeActivityOut], 422: ErrorOut},
    operation_id="tahub_planning_programme_api_list_activities",
)
@paginate(PageNumberPagination)
def list_activities(request, filters: Query[ProgrammeActivityFilters]):
    """The programme of work, newest biennium first, then by number."""
    check_known("convention", filters.convention, party_selectors.convention_codes)
    return selectors.activity_list(**filters.dict())


@router.get(
    "/programme-activities/{biennium}/{number}",
    response={200: ProgrammeActivityOut, 404: ErrorOut, 422: ErrorOut},
    operation_id="tahub_planning_programme_api_get_activity",
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


@router.post(
    "/programme-activities",
    response={201: ProgrammeActivityOut, **STAFF_ERRORS},
    auth=token_auth,
    operation_id="tahub_planning_programme_api_create_activity",
)
def create_activity(request, payload: ProgrammeActivityIn):
    """Add an activity to a biennium's programme of work — a staff member's API token."""
    require(request.auth, EDIT)
    activity = services.create_activity(by=request.auth, data=_resolve(payload))
    return Status(201, selectors.activity_list().get(pk=activity.pk))
