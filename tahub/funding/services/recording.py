"""What every write of this app does to a row it records: `save` checks it (full_clean) and saves it with its
dotted audit reason; `with_rate` gives an amount its rate to USD (1 for USD, required for another currency);
`check_dates` keeps the money's dates in their frame (issues 18.11, 17.4). Shared by the use cases of proposals,
donors, pledges and entries."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy

from ..models import Pledge, Proposal

if TYPE_CHECKING:
    from tahub.core.models import DomainModel

M = TypeVar("M", bound="DomainModel")

# The permission every write of the money (donors, pledges, commitments and receipts) asks.
MONEY = "funding.change_pledge"


def save(obj: M, reason: str) -> M:
    """Check the row (a proposal's state is the workflow's to check) and save it with its audit reason."""
    obj.full_clean(exclude=["state"] if isinstance(obj, Proposal) else None)
    obj._change_reason = reason
    obj.save()
    return obj


NO_RATE = gettext_lazy(
    "An amount in %(currency)s needs its exchange rate to USD (USD for one %(currency)s) and the date of that rate."
)


def with_rate(fields: dict[str, Any], *, date_field: str) -> dict[str, Any]:
    """USD is at rate 1 on the record's own date; another currency needs a rate and its date (or is refused)."""
    fields = dict(fields)
    currency = fields.get("currency") or "USD"
    if currency == "USD":
        fields["rate_to_usd"] = Decimal(1)
        fields["rate_date"] = fields.get("rate_date") or fields.get(date_field)
        return fields
    missing = {name: NO_RATE % {"currency": currency} for name in ("rate_to_usd", "rate_date") if not fields.get(name)}
    if missing:
        raise ValidationError(missing)
    return fields


# The frame of the money's dates (issues 18.11, 17.4). A pledge, a rate, a commitment or a receipt records
# something that happened: on or after 22 March 1989 (the adoption of the Basel Convention, the oldest of the
# three conventions whose trust funds TA Hub records, so no trust fund of theirs can have money dated earlier)
# and not after today. The payment a pledge expects comes on or after the pledge, and at most ten years after
# it (longer than the COP's two-year budgets and the four-year technical assistance plan that a pledge funds).
EARLIEST = datetime.date(1989, 3, 22)
DUE_WITHIN_YEARS = 10
DATE_OUTSIDE = gettext_lazy(
    "Give a date between %(earliest)s and today (%(today)s): money recorded here cannot be dated before the "
    "conventions' trust funds existed, or in the future."
)
DUE_BEFORE_PLEDGE = gettext_lazy("The payment cannot be expected before the pledge is made (%(pledged)s).")
DUE_TOO_LATE = gettext_lazy(
    "Give a payment date at most %(years)s years after the pledge (by %(latest)s); record a later tranche as a "
    "new pledge when it is made."
)


def _as_date(value: Any) -> datetime.date | None:
    """The value as a date, or None if it is empty or not a date (full_clean then reports it by its field)."""
    try:
        return models.DateField().to_python(value)
    except ValidationError:
        return None


def check_dates(obj: Any, past: Iterable[str] = (), due: str | None = None) -> None:  # a Pledge or PledgeEntry
    """Refuse, each next to its field, a date of `past` outside [EARLIEST, today], and a `due` date before the
    pledge or more than DUE_WITHIN_YEARS after it."""
    today, errors = timezone.localdate(), {}
    frame = {"earliest": EARLIEST.isoformat(), "today": today.isoformat()}
    for name in past:
        value = _as_date(getattr(obj, name))
        if value is not None and not EARLIEST <= value <= today:
            errors[name] = DATE_OUTSIDE % frame
    if due:
        expected, pledged = _as_date(getattr(obj, due)), _as_date(obj.pledged_on)
        if expected is not None and pledged is not None:
            try:
                latest = pledged.replace(year=pledged.year + DUE_WITHIN_YEARS)
            except ValueError:  # 29 February
                latest = pledged.replace(year=pledged.year + DUE_WITHIN_YEARS, day=28)
            if expected < pledged:
                errors[due] = DUE_BEFORE_PLEDGE % {"pledged": pledged.isoformat()}
            elif expected > latest:
                errors[due] = DUE_TOO_LATE % {"years": DUE_WITHIN_YEARS, "latest": latest.isoformat()}
    if errors:
        raise ValidationError(errors)


def check_pledge_dates(pledge: Pledge) -> None:
    check_dates(pledge, past=("pledged_on", "rate_date"), due="due_on")
