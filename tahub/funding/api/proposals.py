"""API for published proposals (a concept note each) with their totals computed from their lines and pledges:
the same selectors and rules as the pages. The proposal schemas answer the Secretariat's endpoints too (drafts).
"""

from decimal import Decimal
from enum import StrEnum

from django.utils.translation import gettext as _
from ninja import Field, Path, Router, Schema
from ninja.pagination import paginate

from tahub.core.api_errors import ErrorOut, get_or_404
from tahub.core.api_pagination import PageNumberPagination
from tahub.core.api_types import Id

from .. import selectors
from ..models import Proposal
from .fields import Money

# Under its own name in the OpenAPI document: the model's enum is called just "State", like other apps' enums.
ProposalState = StrEnum("ProposalState", {state.name: state.value for state in Proposal.State})

router = Router()


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


@router.get(
    "/proposals", response={200: list[ProposalOut], 422: ErrorOut}, operation_id="tahub_funding_api_list_proposals"
)
@paginate(PageNumberPagination)
def list_proposals(request):
    """Published proposals, newest first, with their totals computed from their lines and pledges."""
    return selectors.proposal_list()


@router.get(
    "/proposals/{proposal_id}",
    response={200: ProposalDetailOut, 404: ErrorOut, 422: ErrorOut},
    operation_id="tahub_funding_api_get_proposal",
)
def get_proposal(request, proposal_id: Path[Id]):
    return get_or_404(selectors.proposal_get, proposal_id, message=_("No published proposal has this id."))
