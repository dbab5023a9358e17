"""API for the Secretariat's proposals (a staff member's API token): every proposal, drafts included; draft one,
edit a draft, and move it draft → in review → published.

The same services, permission and refusals as the staff pages: an unknown code or a decision paragraph that does
not exist answers 422 naming it; editing a proposal that is not a draft, or a move its state does not allow,
answers 409 with the reason. Every /staff/proposals endpoint is on this module's router, as ninja serves one
path from one router only: GET and POST /staff/proposals share one address.
"""

import datetime
from decimal import Decimal
from typing import Annotated, Literal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import Field, Path, Router, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from tahub.accounts.api import token_auth
from tahub.core.api_errors import get_or_404
from tahub.core.api_pagination import PageNumberPagination
from tahub.core.api_types import BodyIn, Code, Id, resolve
from tahub.core.rules import require
from tahub.directory.models import Organisation
from tahub.parties.models import Convention
from tahub.planning import selectors as planning_selectors
from tahub.planning.models import Decision, ProgrammeActivity

from .. import selectors, services
from ..models import TrustFund
from .fields import STAFF_ERRORS, Currency
from .proposals import ProposalDetailOut, ProposalOut

router = Router()

EDIT = "funding.change_proposal"
Year = Annotated[int, Field(ge=1900, le=2999)]
LineAmount = Annotated[Decimal, Field(ge=0, max_digits=14, decimal_places=2)]


class ParagraphRef(BodyIn):
    decision: str = Field(max_length=20, description="e.g. SC-5/20")
    paragraph: str = Field(max_length=20, description="e.g. 8")


class ActivityRef(BodyIn):
    biennium: Year = Field(description="First year of the biennium, e.g. 2012")
    number: int = Field(ge=1, le=32767)


class BudgetLineIn(BodyIn):
    component: str = Field(min_length=1, max_length=300)
    amount: LineAmount


class CoFundingIn(BodyIn):
    donor_name: str = Field("", max_length=200)
    organisation: Code | None = Field(None, description="its slug in the directory, instead of donor_name")
    amount: LineAmount


class ProposalIn(BodyIn):
    convention: Code = Field(description="BC, RC or SC")
    title: str = Field(min_length=1, max_length=5000)
    decisions: list[Annotated[str, Field(max_length=20)]] = Field([], max_length=50, description="e.g. SC-5/28")
    legal_basis: list[ParagraphRef] = Field([], max_length=50)
    activities: list[ActivityRef] = Field([], max_length=100)
    legal_basis_notes: str = Field("", max_length=5000)
    work_programme_activities: str = Field("", max_length=200, pattern=r"^$|^[0-9]+(\s*,\s*[0-9]+)*$")
    background: str = Field("", max_length=20000)
    proposed_activities: str = Field("", max_length=20000)
    results: str = Field("", max_length=20000)
    currency: Currency = "USD"
    rate_to_usd: Annotated[Decimal, Field(gt=0, max_digits=18, decimal_places=6)] | None = Field(
        None, description="USD for one unit; required unless the currency is USD"
    )
    rate_date: datetime.date | None = None
    approved_budget: LineAmount | None = None
    trust_fund: Code | None = None
    budget_lines: list[BudgetLineIn] = Field(min_length=1, max_length=200)
    co_funding: list[CoFundingIn] = Field([], max_length=200)


class ProposalUpdate(ProposalIn):
    """A draft's whole content, with the `version` you read."""

    version: int = Field(ge=1, le=2**31 - 1, description="The proposal's version you read: 409 if it changed since")


def _codes(model, key, values, field, errors):
    """The records of `model` whose `key` is in `values` (core.api_types.resolve); the refusal of unknown ones
    kept in errors[field], so every field's unknown codes are named at once."""
    try:
        return resolve(model, values, key, name=field)
    except ValidationError as error:
        errors.update(error.message_dict)
        return []


def _activities(refs, errors):
    """The programme activities named by (biennium, number); missing ones named in errors["activities"]."""
    wanted = {(ref["biennium"], ref["number"]) for ref in refs}
    rows = ProgrammeActivity.objects.filter(biennium__start_year__in={y for y, _n in wanted}).select_related("biennium")
    found = {(a.biennium.start_year, a.number): a for a in rows}
    missing = sorted(f"{y}/{n}" for y, n in wanted - found.keys())
    if missing:
        errors["activities"] = _("No such programme activity: %s.") % ", ".join(missing)
    return [found[key] for key in sorted(wanted) if key in found]


def _resolve(payload):
    """The payload as the services take it (codes as records); every unknown reference at once, by field."""
    data, errors = payload.dict(), {}
    data.pop("version", None)  # checked by the service, not a field it writes
    lines, co_funding = data.pop("budget_lines"), data.pop("co_funding")
    refs = [(r["decision"], r["paragraph"]) for r in data["legal_basis"]]
    found = planning_selectors.paragraphs_by_reference(refs)
    missing = [f"{d} paragraph {n}" for d, n in refs if (d, n) not in found]
    if missing:
        errors["legal_basis"] = _("No such decision paragraph: %s.") % ", ".join(missing)
    data["legal_basis"] = [found[ref] for ref in refs if ref in found]
    data["decisions"] = _codes(Decision, "number", data["decisions"], "decisions", errors)
    (data["convention"],) = _codes(Convention, "code", [data["convention"]], "convention", errors) or [None]
    if data["trust_fund"]:
        (data["trust_fund"],) = _codes(TrustFund, "code", [data["trust_fund"]], "trust_fund", errors) or [None]
    data["activities"] = _activities(data["activities"], errors)
    slugs = [c["organisation"] for c in co_funding if c["organisation"]]
    organisations = {o.slug: o for o in _codes(Organisation, "slug", slugs, "co_funding", errors)}
    for row in co_funding:
        row["organisation"] = organisations.get(row["organisation"])
        if not row["donor_name"] and row["organisation"] is None and "co_funding" not in errors:
            errors["co_funding"] = _("Name the donor of each co-funding pledge or give its organisation.")
    if errors:
        raise ValidationError(errors)
    return data, lines, co_funding


def _detail(pk):
    return selectors.proposal_get(pk, include_unpublished=True)


def _not_draft(call):
    """A proposal in review or published is final: its refusal answers 409, like a stale version."""
    try:
        return call()
    except services.ProposalNotDraft as error:
        raise HttpError(409, " ".join(error.messages)) from None


@router.get(
    "/staff/proposals",
    response={200: list[ProposalOut], **STAFF_ERRORS},
    auth=token_auth,
    operation_id="tahub_funding_api_list_all_proposals",
)
@paginate(PageNumberPagination)
def list_all_proposals(request):
    """Every proposal, drafts included — a staff member's API token."""
    require(request.auth, "funding.change_proposal")
    return selectors.proposal_list(include_unpublished=True)


@router.get(
    "/staff/proposals/{proposal_id}",
    response={200: ProposalDetailOut, **STAFF_ERRORS},
    auth=token_auth,
    operation_id="tahub_funding_proposal_api_get_any_proposal",
)
def get_any_proposal(request, proposal_id: Path[Id]):
    """One proposal, a draft or in review too — a staff member's API token."""
    require(request.auth, EDIT)
    return get_or_404(_detail, proposal_id, message=_("No proposal has this id."))


@router.post(
    "/staff/proposals",
    response={201: ProposalDetailOut, **STAFF_ERRORS},
    auth=token_auth,
    operation_id="tahub_funding_proposal_api_create_proposal",
)
def create_proposal(request, payload: ProposalIn):
    """Draft a proposal with its budget lines (at least one), co-funding and legal basis."""
    require(request.auth, EDIT)

    data, lines, co_funding = _resolve(payload)
    proposal = services.draft_proposal(by=request.auth, data=data, lines=lines, co_funding=co_funding)
    return Status(201, _detail(proposal.pk))


@router.put(
    "/staff/proposals/{proposal_id}",
    response={200: ProposalDetailOut, **STAFF_ERRORS},
    auth=token_auth,
    operation_id="tahub_funding_proposal_api_update_proposal",
)
def update_proposal(request, proposal_id: Path[Id], payload: ProposalUpdate):
    """Replace a draft's content, lines and co-funding, with the `version` you read: a proposal in review or
    published, or one someone saved since that version, answers 409 (nothing saved)."""
    require(request.auth, EDIT)
    proposal = get_or_404(_detail, proposal_id, message=_("No proposal has this id."))

    data, lines, co_funding = _resolve(payload)
    _not_draft(lambda: services.update_proposal(proposal, by=request.auth, data=data, lines=lines,
                                                co_funding=co_funding, seen_version=payload.version))  # fmt: skip
    return _detail(proposal_id)


@router.post(
    "/staff/proposals/{proposal_id}/{action}",
    response={200: ProposalOut, **STAFF_ERRORS},
    auth=token_auth,
    operation_id="tahub_funding_proposal_api_move_proposal",
)
def move_proposal(request, proposal_id: Path[Id], action: Path[Literal["submit", "return-to-draft", "publish"]]):
    """draft → in review (submit), back to draft, in review → published; a move the state refuses answers 409."""
    require(request.auth, EDIT)
    proposal = get_or_404(_detail, proposal_id, message=_("No proposal has this id."))
    try:
        services.move_proposal(proposal, by=request.auth, action=action.replace("-", "_"))
    except ValidationError as error:  # a move the state does not allow
        raise HttpError(409, " ".join(error.messages)) from None
    return selectors.proposal_list(include_unpublished=True).get(pk=proposal_id)
