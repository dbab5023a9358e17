"""API for pledges (a staff member's API token): list them with what is committed, received and outstanding,
record one, read one, and correct one.

The same services and refusals as the staff pages: a pledge is corrected only with the `version` last read
(409 when someone changed it since), never below what is already committed or received (422).
"""

import datetime
from decimal import Decimal
from enum import StrEnum

from django.utils.translation import gettext as _
from ninja import Field, Path, Router, Schema, Status
from ninja.pagination import paginate

from tahub.accounts.api import token_auth
from tahub.core.api_errors import get_or_404
from tahub.core.api_pagination import PageNumberPagination
from tahub.core.api_types import BodyIn, Code, Id, resolve, resolve_fields
from tahub.core.rules import require
from tahub.planning.models import ProgrammeActivity

from .. import selectors, services
from ..models import Donor, Pledge, Proposal, TrustFund
from .fields import STAFF_ERRORS, Amount, Currency, Money, Rate

# Under its own name in the OpenAPI document: the model's enum is called just "Kind", like other apps' enums.
PledgeKind = StrEnum("PledgeKind", {kind.name: kind.value for kind in Pledge.Kind})
MONEY = "funding.change_pledge"

router = Router()


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


class PledgePatch(BodyIn):
    """Only the fields given change; `version` is the one you read."""

    version: int = Field(ge=1, le=2**31 - 1, description="The pledge's version you read: 409 if it changed since")
    donor: Id = None
    trust_fund: Code = None
    activity: Id | None = None
    proposal: Id | None = None
    kind: PledgeKind = None
    in_kind_description: str = Field(None, max_length=5000)
    currency: Currency = None
    amount: Amount = None
    rate_to_usd: Rate | None = None
    rate_date: datetime.date | None = None
    pledged_on: datetime.date = None
    due_on: datetime.date | None = None
    note: str = Field(None, max_length=5000)


LOOKUPS = {
    "donor": (Donor, "pk"),
    "trust_fund": (TrustFund, "code"),
    "activity": (ProgrammeActivity, "pk"),
    "proposal": (Proposal, "pk"),
}


@router.get(
    "/pledges",
    response={200: list[PledgeOut], **STAFF_ERRORS},
    auth=token_auth,
    operation_id="tahub_funding_api_list_pledges",
)
@paginate(PageNumberPagination)
def list_pledges(request, unpaid: bool = False):
    """Pledges, newest first, with what is committed, received and outstanding (own currency)."""
    require(request.auth, "funding.change_pledge")
    return selectors.pledge_list(unpaid=unpaid)


@router.post(
    "/pledges",
    response={201: PledgeOut, **STAFF_ERRORS},
    auth=token_auth,
    operation_id="tahub_funding_api_create_pledge",
)
def create_pledge(request, payload: PledgeIn):
    require(request.auth, "funding.change_pledge")

    data = payload.dict()
    data["donor"] = resolve(Donor, data["donor"], "pk", name="donor")
    data["trust_fund"] = resolve(TrustFund, data["trust_fund"], "code", name="trust_fund")
    data["activity"] = resolve(ProgrammeActivity, data["activity"], "pk", name="activity")
    data["proposal"] = resolve(Proposal, data["proposal"], "pk", name="proposal")
    pledge = services.record_pledge(by=request.auth, data=data)
    return Status(201, selectors.pledge_list().get(pk=pledge.pk))


@router.get(
    "/pledges/{pledge_id}",
    response={200: PledgeOut, **STAFF_ERRORS},
    auth=token_auth,
    operation_id="tahub_funding_money_api_get_pledge",
)
def get_pledge(request, pledge_id: Path[Id]):
    require(request.auth, MONEY)
    return get_or_404(selectors.pledge_get, pledge_id, message=_("No pledge has this id."))


@router.patch(
    "/pledges/{pledge_id}",
    response={200: PledgeOut, **STAFF_ERRORS},
    auth=token_auth,
    operation_id="tahub_funding_money_api_update_pledge",
)
def update_pledge(request, pledge_id: Path[Id], payload: PledgePatch):
    """Correct a pledge, with the `version` you read: 409 if someone changed it since (nothing saved)."""
    require(request.auth, MONEY)
    pledge = get_or_404(selectors.pledge_get, pledge_id, message=_("No pledge has this id."))
    data = payload.dict(exclude_unset=True)
    seen = data.pop("version")
    resolve_fields(data, LOOKUPS)
    services.update_pledge(pledge, by=request.auth, data=data, seen_version=seen)
    return selectors.pledge_list().get(pk=pledge_id)
