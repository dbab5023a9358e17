"""Every write of a commitment or receipt (an entry settling a pledge): staff record one, correct one recorded
wrongly, or void it with a reason, each from the pledge's version they read; the pledge's version moves on with
every change, and the history keeps what an entry was."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tahub.core import workflow
from tahub.core.rules import require

from ..models import Pledge, PledgeEntry
from .pledges import locked_pledge
from .recording import MONEY, check_dates, with_rate

if TYPE_CHECKING:
    from tahub.accounts.models import User

EXCEEDS = gettext_lazy(
    "With this %(kind)s, %(total)s %(currency)s would be %(kinds)s against a pledge of %(pledged)s %(currency)s. "
    "Check the amount, or explain the excess in the note."
)


def _checked_entry(pledge: Pledge, entry: PledgeEntry) -> PledgeEntry:
    """The checks of recording and of correcting: the entry's own (a positive Decimal amount, a rate), and the
    pledge's: with this entry, the total committed (or received) may exceed the pledge only with a note. Its
    dates lie in the frame of the money's dates (EARLIEST to today)."""
    check_dates(entry, past=("date", "rate_date"))
    entry.full_clean()
    others = pledge.entries.filter(kind=entry.kind).exclude(pk=entry.pk)
    total = (others.aggregate(total=Sum("amount"))["total"] or Decimal(0)) + entry.amount
    if total > pledge.amount and not entry.note.strip():
        kinds = _("committed") if entry.kind == PledgeEntry.Kind.COMMITMENT else _("received")
        raise ValidationError({"amount": EXCEEDS % {
            "kind": entry.get_kind_display().lower(), "kinds": kinds, "total": total.quantize(Decimal("0.01")),
            "pledged": pledge.amount, "currency": pledge.currency,
        }})  # fmt: skip
    return entry


def _entry_fields(pledge: Pledge, data: dict[str, Any]) -> dict[str, Any]:
    """The entry's fields as given, its rate filled in for the pledge's currency if USD, else required."""
    fields = with_rate({**data, "currency": pledge.currency}, date_field="date")
    fields.pop("currency")
    return fields


def _touch(pledge: Pledge, by: User, reason: str) -> None:
    """A commitment or receipt changed: the pledge's version goes up, so edits based on what it was are refused."""
    pledge.version += 1
    pledge._change_reason = reason
    pledge._history_user = by
    pledge.save(update_fields=["version", "updated_at"])


@transaction.atomic
def record_entry(pledge: Pledge, *, by: User, data: dict[str, Any], seen_version: int | None = None) -> PledgeEntry:
    """Staff record a commitment or a receipt against a pledge, in the pledge's currency. The total committed
    (or received) may exceed the pledge only with an explicit note."""
    require(by, MONEY)
    pledge = locked_pledge(pledge, seen_version, by)
    entry = _checked_entry(pledge, PledgeEntry(pledge=pledge, **_entry_fields(pledge, data)))
    entry._change_reason = f"funding.pledge.{entry.kind}"
    entry._history_user = by
    entry.save()
    _touch(pledge, by, f"funding.pledge.{entry.kind}")
    return entry


ENTRY_GONE = gettext_lazy("This commitment or receipt was voided meanwhile. Reload the pledge to see what it holds.")
ENTRY_FIELDS = ("kind", "date", "amount", "rate_to_usd", "rate_date", "note")
NO_VOID_REASON = gettext_lazy("Say why this commitment or receipt is voided: the reason is kept in its history.")


def _locked_entry(entry: PledgeEntry, seen_version: int | None, by: User) -> tuple[Pledge, PledgeEntry]:
    """The pledge and the entry, both locked; stale (never silently overwritten) if either changed meanwhile."""
    pledge = locked_pledge(entry.pledge, seen_version, by)
    locked = PledgeEntry.objects.select_for_update().filter(pk=entry.pk, pledge=pledge).first()
    if locked is None:
        raise workflow.Stale(ENTRY_GONE)
    return pledge, locked


@transaction.atomic
def correct_entry(entry: PledgeEntry, *, by: User, data: dict[str, Any], seen_version: int | None) -> PledgeEntry:
    """Staff correct a commitment or receipt recorded wrongly (kind, date, amount, rate, note), with the pledge's
    `version` they read: the same checks as recording it; the history keeps the values it had."""
    require(by, MONEY)
    pledge, entry = _locked_entry(entry, seen_version, by)
    fields = {name: getattr(entry, name) for name in ENTRY_FIELDS} | dict(data)
    if pledge.currency == "USD" and "rate_date" not in data:
        fields["rate_date"] = None  # USD's rate is dated by the entry's (maybe corrected) date
    for name, value in _entry_fields(pledge, fields).items():
        setattr(entry, name, value)
    _checked_entry(pledge, entry)
    entry._change_reason = "funding.entry.corrected"
    entry._history_user = by
    entry.save()
    _touch(pledge, by, "funding.pledge.entry_corrected")
    return entry


@transaction.atomic
def void_entry(entry: PledgeEntry, *, by: User, reason: str, seen_version: int | None) -> PledgeEntry:
    """Staff void a commitment or receipt recorded in error, with a reason and the pledge's `version` they read.
    The row is deleted, so no total counts it any more; its history keeps its values, the reason and who."""
    require(by, MONEY)
    if not (reason or "").strip():
        raise ValidationError({"reason": NO_VOID_REASON})
    pledge, entry = _locked_entry(entry, seen_version, by)
    entry.void_reason = reason.strip()
    entry._change_reason = "funding.entry.voided"
    entry._history_user = by
    entry.delete()
    _touch(pledge, by, "funding.pledge.entry_voided")
    return entry
