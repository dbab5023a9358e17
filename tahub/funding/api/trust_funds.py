"""API for the public money per trust fund: the same selectors as the page."""

from ninja import Field, Router, Schema
from ninja.pagination import paginate

from tahub.core.api_errors import ErrorOut
from tahub.core.api_pagination import PageNumberPagination

from .. import selectors
from .fields import Money

router = Router()


class TrustFundOut(Schema):
    code: str
    name: str
    convention: str | None = Field(None, alias="convention.code")
    approved_budget: Money = Field(description="Σ of its programme activities' approved budgets (USD)")
    pledged_usd: Money
    committed_usd: Money
    received_usd: Money
    funding_usd: Money = Field(description="Per pledge, the larger of committed and received (FTS rule)")
    still_to_raise: Money = Field(description="Approved budget − funding, never below zero")


@router.get(
    "/trust-funds",
    response={200: list[TrustFundOut], 422: ErrorOut},
    operation_id="tahub_funding_money_api_list_trust_funds",
)
@paginate(PageNumberPagination)
def list_trust_funds(request):
    """Money per trust fund, as the public page shows it (USD): approved budget, pledged, committed, received,
    still to raise. A pledge is counted as funding only once committed or received."""
    return selectors.trust_funds_with_money()
