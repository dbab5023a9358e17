"""Every write of a pledge: staff record one (cash, or in kind) to a trust fund and correct it from the version
they read; the worker notes the day it reminded the donors. A pledge is never less than what is already
committed or received."""

from __future__ import annotations

import datetime
from collections.abc import Collection
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext_lazy

from tahub.core import workflow
from tahub.core.rules import require

from ..models import Pledge, PledgeEntry
from .co_funding import pledge_not_typed
from .recording import MONEY, check_pledge_dates, save, with_rate

if TYPE_CHECKING:
    from tahub.accounts.models import User

BELOW_SETTLED = gettext_lazy(
    "%(settled)s %(currency)s of this pledge is already committed or received; the pledge cannot be less."
)


def _settled(pledge: Pledge, kind: str | None = None) -> Decimal:
    entries = pledge.entries.all() if kind is None else pledge.entries.filter(kind=kind)
    return entries.aggregate(total=Sum("amount"))["total"] or Decimal(0)


def locked_pledge(pledge: Pledge, seen_version: int | None, by: User) -> Pledge:
    return workflow.lock_at_version(Pledge, pledge, seen_version, by=by)


@transaction.atomic
def record_pledge(*, by: User, data: dict[str, Any]) -> Pledge:
    """Staff record a pledge (cash, or in kind with its description and value) to a trust fund."""
    require(by, MONEY)
    pledge = Pledge(**with_rate(data, date_field="pledged_on"))
    check_pledge_dates(pledge)
    pledge_not_typed(pledge)
    return save(pledge, "funding.pledge.recorded")


@transaction.atomic
def update_pledge(pledge: Pledge, *, by: User, data: dict[str, Any], seen_version: int | None) -> Pledge:
    """Staff correct a pledge; refused if it changed since they saw it, or below what is already settled."""
    require(by, MONEY)
    pledge = locked_pledge(pledge, seen_version, by)
    current = {name: getattr(pledge, name) for name in ("currency", "rate_to_usd", "rate_date", "pledged_on")}
    if data.get("currency", pledge.currency) != pledge.currency:
        current |= {"rate_to_usd": None, "rate_date": None}  # a new currency needs its own rate
    for name, value in with_rate(current | dict(data), date_field="pledged_on").items():
        setattr(pledge, name, value)
    settled = max(_settled(pledge, PledgeEntry.Kind.COMMITMENT), _settled(pledge, PledgeEntry.Kind.RECEIPT))
    if pledge.amount is not None and pledge.amount < settled:
        raise ValidationError({"amount": BELOW_SETTLED % {"settled": settled, "currency": pledge.currency}})
    check_pledge_dates(pledge)
    if "proposal" in data or "donor" in data:
        pledge_not_typed(pledge)
    pledge.version += 1
    return save(pledge, "funding.pledge.edited")


@transaction.atomic
def mark_reminded(pledge_ids: Collection[int], *, on: datetime.date) -> int:
    """The worker notes the day it reminded the donors of these pledges (no version bump: not an edit)."""
    return Pledge.objects.filter(pk__in=pledge_ids).update(last_reminded_on=on)
