"""API for the commitments and receipts that settle a pledge (a staff member's API token): list them, record
one, correct one, or void one with a reason, each with the pledge's `version` last read (409 when someone
changed the pledge since). Each answers the pledge as it is now."""

import datetime
from decimal import Decimal
from enum import StrEnum

from django.utils.translation import gettext as _
from ninja import Field, Path, Router, Schema, Status
from ninja.errors import HttpError

from tahub.accounts.api import token_auth
from tahub.core.api_errors import get_or_404
from tahub.core.api_types import BodyIn, Id
from tahub.core.rules import require

from .. import selectors, services
from ..models import Pledge, PledgeEntry
from .fields import STAFF_ERRORS, Amount, Money, Rate
from .pledges import PledgeOut

# Under its own name in the OpenAPI document: the model's enum is called just "Kind", like other apps' enums.
EntryKind = StrEnum("EntryKind", {kind.name: kind.value for kind in PledgeEntry.Kind})
MONEY = "funding.change_pledge"

router = Router()


class EntryOut(Schema):
    id: int
    kind: EntryKind
    date: datetime.date
    amount: Money
    rate_to_usd: Decimal
    rate_date: datetime.date
    note: str


class EntryIn(BodyIn):
    kind: EntryKind
    date: datetime.date
    amount: Amount
    rate_to_usd: Rate | None = None
    rate_date: datetime.date | None = None
    note: str = Field("", max_length=5000, description="Required when the total would exceed the pledge")
    seen_version: int | None = Field(None, ge=1, description="The pledge version you last saw; stale answers 409")


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


@router.get(
    "/pledges/{pledge_id}/entries",
    response={200: list[EntryOut], **STAFF_ERRORS},
    auth=token_auth,
    operation_id="tahub_funding_api_list_entries",
)
def list_entries(request, pledge_id: Path[Id]):
    require(request.auth, "funding.change_pledge")
    pledge = get_or_404(selectors.pledge_get, pledge_id, message=_("No pledge has this id."))
    return list(pledge.entries.all())


@router.post(
    "/pledges/{pledge_id}/entries",
    response={201: PledgeOut, **STAFF_ERRORS},
    auth=token_auth,
    operation_id="tahub_funding_api_create_entry",
)
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


def _entry(pledge_id, entry_id):
    return get_or_404(lambda pk: selectors.entry_get(pledge_id, pk), entry_id,
                      message=_("This pledge has no commitment or receipt with this id."))  # fmt: skip


@router.patch(
    "/pledges/{pledge_id}/entries/{entry_id}",
    response={200: PledgeOut, **STAFF_ERRORS},
    auth=token_auth,
    operation_id="tahub_funding_money_api_correct_entry",
)
def correct_entry(request, pledge_id: Path[Id], entry_id: Path[Id], payload: EntryPatch):
    """Correct a commitment or receipt (the same checks as recording it), with the pledge's `version` you read:
    409 if someone changed the pledge since; the pledge as it is now."""
    require(request.auth, MONEY)
    entry = _entry(pledge_id, entry_id)
    data = payload.dict(exclude_unset=True)
    seen = data.pop("version")
    services.correct_entry(entry, by=request.auth, data=data, seen_version=seen)
    return selectors.pledge_list().get(pk=pledge_id)


@router.post(
    "/pledges/{pledge_id}/entries/{entry_id}/void",
    response={200: PledgeOut, **STAFF_ERRORS},
    auth=token_auth,
    operation_id="tahub_funding_money_api_void_entry",
)
def void_entry(request, pledge_id: Path[Id], entry_id: Path[Id], payload: VoidIn):
    """Void a commitment or receipt recorded in error, with a reason and the pledge's `version` you read: it no
    longer counts; its history keeps it. 409 if someone changed the pledge since; the pledge as it is now."""
    require(request.auth, MONEY)
    entry = _entry(pledge_id, entry_id)
    services.void_entry(entry, by=request.auth, reason=payload.reason, seen_version=payload.version)
    return selectors.pledge_list().get(pk=pledge_id)
