"""API for correcting the money (a pledge, a donor) and the public money per trust fund.

The same services and refusals as the staff pages: a pledge is corrected only with the `version` last read
(409 when someone changed it since), never below what is already committed or received (422). Its endpoints are
on the funding router (api.py imports this module at its end).
"""

import datetime

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Path, Schema
from ninja.pagination import paginate

from tahub.accounts.api import token_auth
from tahub.accounts.rules import require
from tahub.core.api_errors import ErrorOut, get_or_404
from tahub.core.api_pagination import PageNumberPagination
from tahub.core.api_types import BodyIn, Code, Id, resolve, resolve_fields
from tahub.directory.models import Organisation
from tahub.planning.models import ProgrammeActivity

from . import selectors, services
from .api import (
    STAFF_ERRORS,
    Amount,
    Currency,
    DonorKind,
    DonorOut,
    EntryKind,
    Money,
    PledgeKind,
    PledgeOut,
    Rate,
    _party,
    router,
)
from .models import Donor, Proposal, TrustFund

MONEY = "funding.change_pledge"


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


class EntryPatch(BodyIn):
    """A correction of a commitment or receipt: only the fields given change; `version` is the pledge's."""

    version: int = Field(ge=1, le=2**31 - 1, description="The pledge's version you read: 409 if it changed since")
    kind: EntryKind = None
    date: datetime.date = None
    amount: Amount = None
    rate_to_usd: Rate | None = None
    rate_date: datetime.date | None = None
    note: str = Field(None, max_length=5000, description="Required when the total would exceed the pledge")


class VoidIn(BodyIn):
    version: int = Field(ge=1, le=2**31 - 1, description="The pledge's version you read: 409 if it changed since")
    reason: str = Field(max_length=5000, description="Why the entry is voided (required); kept in its history")


class DonorPatch(BodyIn):
    """Only the fields given change; changing `kind` needs the party, organisation or name of the new kind;
    `version` is the one you read."""

    version: int = Field(ge=1, le=2**31 - 1, description="The donor's version you read: 409 if it changed since")
    kind: DonorKind = None
    party: Code | None = Field(None, description="ISO 3166 alpha-3 code of a Party")
    organisation: Code | None = Field(None, description="its slug in the directory")
    name: str = Field(None, max_length=200)
    email: str = Field(None, max_length=254, pattern=r"^$|^[^@\s]+@[^@\s]+$")


LOOKUPS = {
    "donor": (Donor, "pk"),
    "trust_fund": (TrustFund, "code"),
    "activity": (ProgrammeActivity, "pk"),
    "proposal": (Proposal, "pk"),
}


@router.get("/trust-funds", response={200: list[TrustFundOut], 422: ErrorOut})
@paginate(PageNumberPagination)
def list_trust_funds(request):
    """Money per trust fund, as the public page shows it (USD): approved budget, pledged, committed, received,
    still to raise. A pledge is counted as funding only once committed or received."""
    return selectors.trust_funds_with_money()


@router.get("/pledges/{pledge_id}", response={200: PledgeOut, **STAFF_ERRORS}, auth=token_auth)
def get_pledge(request, pledge_id: Path[Id]):
    require(request.auth, MONEY)
    return get_or_404(selectors.pledge_get, pledge_id, message=_("No pledge has this id."))


@router.patch("/pledges/{pledge_id}", response={200: PledgeOut, **STAFF_ERRORS}, auth=token_auth)
def update_pledge(request, pledge_id: Path[Id], payload: PledgePatch):
    """Correct a pledge, with the `version` you read: 409 if someone changed it since (nothing saved)."""
    require(request.auth, MONEY)
    pledge = get_or_404(selectors.pledge_get, pledge_id, message=_("No pledge has this id."))
    data = payload.dict(exclude_unset=True)
    seen = data.pop("version")
    resolve_fields(data, LOOKUPS)
    services.update_pledge(pledge, by=request.auth, data=data, seen_version=seen)
    return selectors.pledge_list().get(pk=pledge_id)


@router.patch("/donors/{donor_id}", response={200: DonorOut, **STAFF_ERRORS}, auth=token_auth)
def update_donor(request, donor_id: Path[Id], payload: DonorPatch):
    """Change a donor: its e-mail for reminders, its name, or what it is, with the `version` you read: 409 if
    someone changed it since (nothing saved; the answer names what they changed)."""
    require(request.auth, MONEY)
    donor = get_or_404(lambda pk: get_object_or_404(Donor, pk=pk), donor_id, message=_("No donor has this id."))

    data = payload.dict(exclude_unset=True)
    seen = data.pop("version")
    if data.get("party"):
        data["party"] = _party(data["party"])
    if data.get("organisation"):
        data["organisation"] = resolve(Organisation, data["organisation"], "slug", name="organisation")
    services.save_donor(by=request.auth, data=data, donor=donor, seen_version=seen)
    return selectors.donor_list().get(pk=donor_id)


def _entry(pledge_id, entry_id):
    return get_or_404(lambda pk: selectors.entry_get(pledge_id, pk), entry_id,
                      message=_("This pledge has no commitment or receipt with this id."))  # fmt: skip


@router.patch("/pledges/{pledge_id}/entries/{entry_id}", response={200: PledgeOut, **STAFF_ERRORS}, auth=token_auth)
def correct_entry(request, pledge_id: Path[Id], entry_id: Path[Id], payload: EntryPatch):
    """Correct a commitment or receipt (the same checks as recording it), with the pledge's `version` you read:
    409 if someone changed the pledge since; the pledge as it is now."""
    require(request.auth, MONEY)
    entry = _entry(pledge_id, entry_id)
    data = payload.dict(exclude_unset=True)
    seen = data.pop("version")
    services.correct_entry(entry, by=request.auth, data=data, seen_version=seen)
    return selectors.pledge_list().get(pk=pledge_id)


@router.post("/pledges/{pledge_id}/entries/{entry_id}/void", response={200: PledgeOut, **STAFF_ERRORS}, auth=token_auth)
def void_entry(request, pledge_id: Path[Id], entry_id: Path[Id], payload: VoidIn):
    """Void a commitment or receipt recorded in error, with a reason and the pledge's `version` you read: it no
    longer counts; its history keeps it. 409 if someone changed the pledge since; the pledge as it is now."""
    require(request.auth, MONEY)
    entry = _entry(pledge_id, entry_id)
    services.void_entry(entry, by=request.auth, reason=payload.reason, seen_version=payload.version)
    return selectors.pledge_list().get(pk=pledge_id)
