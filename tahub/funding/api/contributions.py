"""API for the contributions per programme activity, as the public table shows them (USD): the same selectors
as the page."""

from typing import Annotated

from ninja import Field, Router, Schema
from ninja.pagination import paginate

from tahub.core.api_errors import ErrorOut, check_known
from tahub.core.api_pagination import PageNumberPagination
from tahub.core.api_types import Code

from .. import selectors
from ..models import TrustFund
from .fields import Money

router = Router()


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


def _contributions(biennium, fund):
    check_known("fund", fund, lambda: list(TrustFund.objects.values_list("code", flat=True)))
    return selectors.activity_contributions(biennium=biennium, trust_fund=fund)


class ContributionPage(PageNumberPagination):
    """Donors are attached to the rows of the page only: one query for the page."""

    def paginate_queryset(self, queryset, pagination, request, **params):
        page = super().paginate_queryset(queryset, pagination, request, **params)
        return page | {"items": selectors.attach_donors(page["items"])}


@router.get(
    "/contributions",
    response={200: list[ContributionOut], 422: ErrorOut},
    operation_id="tahub_funding_api_list_contributions",
)
@paginate(ContributionPage)
def list_contributions(
    request, biennium: Annotated[int, Field(ge=1900, le=2999)] | None = None, fund: Code | None = None
):
    """Contributions per programme activity, as the public table shows them (USD; see docs/api.md)."""
    return _contributions(biennium, fund)
