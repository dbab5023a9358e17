"""API for proposals and the money: the same selectors, services and rules as the pages.

Public: published proposals with their computed totals, and the contributions per activity (what the public
table shows). A staff member's API token: every proposal, donors and pledges, and recording them.
Amounts are decimal strings ("1000000.00"), never floats.
"""

import datetime
from decimal import Decimal
from enum import StrEnum
from typing import Annotated

from django.utils.translation import gettext as _
from ninja import Field, Path, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate
from pydantic import PlainSerializer

from tahub.accounts.api import token_auth
from tahub.accounts.rules import require
from tahub.core.api_errors import ErrorOut, check_known, get_or_404
from tahub.core.api_pagination import PageNumberPagination
from tahub.core.api_types import BodyIn, Code, Id, resolve
from tahub.directory.models import Organisation
from tahub.parties.models import Party
from tahub.planning.models import ProgrammeActivity

from . import selectors, services
from .models import Donor, Pledge, PledgeEntry, Proposal, TrustFund

# Under their own names in the OpenAPI document: the models' enums are called just "State" and "Kind", like other
# apps' enums.
ProposalState = StrEnum("ProposalState", {state.name: state.value for state in Proposal.State})
DonorKind = StrEnum("DonorKind", {kind.name: kind.value for kind in Donor.Kind})
PledgeKind = StrEnum("PledgeKind", {kind.name: kind.value for kind in Pledge.Kind})
EntryKind = StrEnum("EntryKind", {kind.name: kind.value for kind in PledgeEntry.Kind})

router = Router(tags=["funding"])
CENT = Decimal("0.01")
Money = Annotated[Decimal, PlainSerializer(lambda v: str(Decimal(v).quantize(CENT)), return_type=str)]
Amount = Annotated[Decimal, Field(gt=0, max_digits=14, decimal_places=2)]
Rate = Annotated[Decimal, Field(gt=0, max_digits=18, decimal_places=6)]
Currency = Annotated[str, Field(pattern=r"^[A-Z]{3}$", description="ISO 4217, e.g. USD")]
STAFF_ERRORS = {400: ErrorOut, 401: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}


class BudgetLineOut(Schema):
    component: str
    amount: Money


class ProposalOut(Schema):
    id: int
    version: int = Field(description="Send it back with an edit (PUT): 409 if someone saved since")
    convention: str = Field(alias="convention.code")
    title: str
    state: ProposalState
    work_programme_activities: str
    legal_basis_notes: str
    currency: str
    rate_to_usd: Decimal | None = Field(description="USD for one unit of the currency (1 for USD)")
    total_budget: Money
    co_funding_pledged: Money = Field(
        description="The co-funding listed on the proposal plus the pledges earmarked to it (in its currency)"
    )
    co_funding_recorded: Money = Field(
        description="Of co_funding_pledged: the pledges earmarked to the proposal in the money (in its currency)"
    )
    funds_to_raise: Money = Field(
        description="Total budget − co-funding pledged, never below zero: the proposal's one figure of what is left"
    )
    approved_budget: Money | None
    trust_fund: str | None = Field(None, alias="trust_fund.code")
    pledged_usd: Money = Field(description="The pledges earmarked to the proposal, in USD")
    committed_usd: Money
    received_usd: Money
    funding_usd: Money = Field(description="Per pledge, the larger of committed and received (FTS rule)")


class CoFundingOut(Schema):
    donor: str
    organisation: str | None = Field(None, alias="organisation.slug")
    amount: Money


class ProposalDetailOut(ProposalOut):
    background: str
    proposed_activities: str
    results: str
    decisions: list[str]
    legal_basis: list[str]
    activities: list[str] = Field(description="Programme activities, as biennium/number, e.g. 2012/11")
    budget_lines: list[BudgetLineOut]
    co_funding: list[CoFundingOut]

    @staticmethod
    def resolve_decisions(obj):
        return [d.number for d in obj.decisions.all()]

    @staticmethod
    def resolve_legal_basis(obj):
        return [str(p) for p in obj.legal_basis.all()]

    @staticmethod
    def resolve_activities(obj):
        return [f"{a.biennium.start_year}/{a.number}" for a in obj.activities.all()]

    @staticmethod
    def resolve_budget_lines(obj):
        return list(obj.budget_lines.all())

    @staticmethod
    def resolve_co_funding(obj):
        return list(obj.co_funding.all())


class ContributionOut(Schema):
    biennium: str = Field(alias="biennium.period")
    number: int
    title: str
    trust_fund: str | None = Field(None, alias="trust_fund.code")
    approved_budget: Money | None
    pledged_usd: Money
    committed_usd: Money
    funding_received_usd: Money = Field(alias="received_usd")
    still_to_raise: Money | None
    donors: list[str]
    concept_notes: list[int] = Field(description="Ids of the published proposals (GET /proposals/{id})")

    @staticmethod
    def resolve_concept_notes(obj):
        return [p.pk for p in obj.published_proposals]


@router.get("/proposals", response={200: list[ProposalOut], 422: ErrorOut})
@paginate(PageNumberPagination)
def list_proposals(request):
    """Published proposals, newest first, with their totals computed from their lines and pledges."""
    return selectors.proposal_list()


@router.get("/proposals/{proposal_id}", response={200: ProposalDetailOut, 404: ErrorOut, 422: ErrorOut})
def get_proposal(request, proposal_id: Path[Id]):
    return get_or_404(selectors.proposal_get, proposal_id, message=_("No published proposal has this id."))


@router.get("/staff/proposals", response={200: list[ProposalOut], **STAFF_ERRORS}, auth=token_auth)
@paginate(PageNumberPagination)
def list_all_proposals(request):
    """Every proposal, drafts included — a staff member's API token."""
    require(request.auth, "funding.change_proposal")
    return selectors.proposal_list(include_unpublished=True)


def _contributions(biennium, fund):
    check_known("fund", fund, lambda: list(TrustFund.objects.values_list("code", flat=True)))
    return selectors.activity_contributions(biennium=biennium, trust_fund=fund)


class ContributionPage(PageNumberPagination):
    """Donors are attached to the rows of the page only: one query for the page."""

    def paginate_queryset(self, queryset, pagination, request, **params):
        page = super().paginate_queryset(queryset, pagination, request, **params)
        return page | {"items": selectors.attach_donors(page["items"])}


@router.get("/contributions", response={200: list[ContributionOut], 422: ErrorOut})
@paginate(ContributionPage)
def list_contributions(
    request, biennium: Annotated[int, Field(ge=1900, le=2999)] | None = None, fund: Code | None = None
):
    """Contributions per programme activity, as the public table shows them (USD; see docs/api.md)."""
    return _contributions(biennium, fund)


# --- staff: donors, pledges, commitments and receipts (a staff member's API token) ---------------------------


class DonorOut(Schema):
    id: int
    version: int = Field(description="Send it back with an edit (PATCH): 409 if someone changed the donor since")
    kind: DonorKind
    name: str = Field(alias="display_name")
    party: str | None = Field(None, alias="party.country.iso3")
    organisation: str | None = Field(None, alias="organisation.slug")
    email: str


class DonorIn(BodyIn):
    kind: DonorKind
    party: Code | None = Field(None, description="party: ISO 3166 alpha-3 code of a Party to the Stockholm Convention")
    organisation: Code | None = Field(None, description="organisation: its slug in the directory")
    name: str = Field("", max_length=200, description="other: the donor's name")
    email: str = Field("", max_length=254, pattern=r"^$|^[^@\s]+@[^@\s]+$")


class EntryOut(Schema):
    id: int
    kind: EntryKind
    date: datetime.date
    amount: Money
    rate_to_usd: Decimal
    rate_date: datetime.date
    note: str


class PledgeOut(Schema):
    id: int
    version: int
    donor: int = Field(alias="donor_id")
    donor_name: str = Field(alias="donor.display_name")
    trust_fund: str = Field(alias="trust_fund.code")
    activity: int | None = Field(None, alias="activity_id")
    proposal: int | None = Field(None, alias="proposal_id")
    kind: PledgeKind
    in_kind_description: str
    currency: str
    amount: Money
    rate_to_usd: Decimal
    rate_date: datetime.date
    pledged_on: datetime.date
    due_on: datetime.date | None
    committed: Money
    received: Money
    outstanding: Money
    funding_usd: Money


class PledgeIn(BodyIn):
    donor: Id
    trust_fund: Code
    activity: Id | None = None
    proposal: Id | None = None
    kind: PledgeKind = PledgeKind.CASH
    in_kind_description: str = Field("", max_length=5000)
    currency: Currency = "USD"
    amount: Amount
    rate_to_usd: Rate | None = Field(None, description="USD for one unit; required unless the currency is USD")
    rate_date: datetime.date | None = None
    pledged_on: datetime.date
    due_on: datetime.date | None = None
    note: str = Field("", max_length=5000)


class EntryIn(BodyIn):
    kind: EntryKind
    date: datetime.date
    amount: Amount
    rate_to_usd: Rate | None = None
    rate_date: datetime.date | None = None
    note: str = Field("", max_length=5000, description="Required when the total would exceed the pledge")
    seen_version: int | None = Field(None, ge=1, description="The pledge version you last saw; stale answers 409")


def _party(iso3):
    """The Stockholm Convention Party of this country (donors are recorded against the SC Party row)."""
    party = Party.objects.filter(country__iso3=iso3.upper(), convention__code="SC").first()
    if party is None:
        raise services.ValidationError({"party": _("No Party to the Stockholm Convention has the code %s.") % iso3})
    return party


@router.get("/donors", response={200: list[DonorOut], **STAFF_ERRORS}, auth=token_auth)
@paginate(PageNumberPagination)
def list_donors(request):
    require(request.auth, "funding.change_pledge")
    return selectors.donor_list()


@router.post("/donors", response={201: DonorOut, **STAFF_ERRORS}, auth=token_auth)
def create_donor(request, payload: DonorIn):
    require(request.auth, "funding.change_pledge")

    data = payload.dict()
    data["party"] = _party(data["party"]) if data["party"] else None
    data["organisation"] = resolve(Organisation, data["organisation"], "slug", name="organisation")
    donor = services.save_donor(by=request.auth, data=data)
    return Status(201, selectors.donor_list().get(pk=donor.pk))


@router.get("/pledges", response={200: list[PledgeOut], **STAFF_ERRORS}, auth=token_auth)
@paginate(PageNumberPagination)
def list_pledges(request, unpaid: bool = False):
    """Pledges, newest first, with what is committed, received and outstanding (own currency)."""
    require(request.auth, "funding.change_pledge")
    return selectors.pledge_list(unpaid=unpaid)


@router.post("/pledges", response={201: PledgeOut, **STAFF_ERRORS}, auth=token_auth)
def create_pledge(request, payload: PledgeIn):
    require(request.auth, "funding.change_pledge")

    data = payload.dict()
    data["donor"] = resolve(Donor, data["donor"], "pk", name="donor")
    data["trust_fund"] = resolve(TrustFund, data["trust_fund"], "code", name="trust_fund")
    data["activity"] = resolve(ProgrammeActivity, data["activity"], "pk", name="activity")
    data["proposal"] = resolve(Proposal, data["proposal"], "pk", name="proposal")
    pledge = services.record_pledge(by=request.auth, data=data)
    return Status(201, selectors.pledge_list().get(pk=pledge.pk))


@router.get("/pledges/{pledge_id}/entries", response={200: list[EntryOut], **STAFF_ERRORS}, auth=token_auth)
def list_entries(request, pledge_id: Path[Id]):
    require(request.auth, "funding.change_pledge")
    pledge = get_or_404(selectors.pledge_get, pledge_id, message=_("No pledge has this id."))
    return list(pledge.entries.all())


@router.post("/pledges/{pledge_id}/entries", response={201: PledgeOut, **STAFF_ERRORS}, auth=token_auth)
def create_entry(request, pledge_id: Path[Id], payload: EntryIn):
    """Record a commitment or a receipt; the pledge as it is now."""
    require(request.auth, "funding.change_pledge")
    pledge = Pledge.objects.filter(pk=pledge_id).first()
    if pledge is None:
        raise HttpError(404, _("No pledge has this id."))
    data = payload.dict()
    seen = data.pop("seen_version")
    services.record_entry(pledge, by=request.auth, data=data, seen_version=seen)
    return Status(201, selectors.pledge_list().get(pk=pledge_id))


from . import money_api, proposal_api  # noqa: E402, F401  (more endpoints on this router)
