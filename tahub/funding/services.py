"""Every write of a proposal: draft and edit (with its budget lines and co-funding), review, publish; and of
the money: donors, pledges, and the commitments and receipts that settle them.

Each runs in one transaction, checks the permission, and records a dotted audit reason. A proposal can be
edited only while it is a draft, and only from the version the editor read; its totals are never written, they
are computed from its lines. A commitment or receipt is corrected or voided (with a reason) from the pledge's
version the editor read; its history keeps what it was.
"""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tahub.accounts.rules import require
from tahub.core import workflow

from .models import BudgetLine, CoFunding, Donor, Pledge, PledgeEntry, Proposal

EDIT = "funding.change_proposal"

NOT_A_DRAFT = gettext_lazy(
    "A proposal that is “%(state)s” cannot be edited: a published proposal is final, and one in review must be "
    "returned to draft first."
)
NO_LINES = gettext_lazy("Give at least one budget line.")
M2M = ("decisions", "legal_basis", "activities")


def _same_donor(row, donor):
    """A co-funding row (a name, or an organisation of the directory) names this donor of the money."""
    organisation = row.get("organisation")
    if organisation is not None and donor.organisation_id == organisation.pk:
        return True
    name = (row.get("donor_name") or "").strip().casefold()
    return bool(name) and name == donor.display_name.strip().casefold()


CO_FUNDING_RECORDED = gettext_lazy(
    "%(donor)s's pledge to this proposal is recorded with the money (%(currency)s %(amount)s, pledged on "
    "%(date)s) and counts as co-funding already: remove this co-funding row, so the money is not counted twice."
)
PLEDGE_TYPED = gettext_lazy(
    "This proposal's co-funding already lists %(donor)s (%(amount)s %(currency)s): remove that row from the "
    "proposal before earmarking this pledge to it, so the money is not counted twice."
)


def _not_recorded_twice(proposal, co_funding):
    """Refuse a co-funding row for money a pledge earmarked to the proposal already records (issue 16.4)."""
    pledges = Pledge.objects.filter(proposal=proposal).select_related("donor__party__country", "donor__organisation")
    for pledge in pledges:
        if any(_same_donor(row, pledge.donor) for row in co_funding):
            raise ValidationError({"co_funding": CO_FUNDING_RECORDED % {
                "donor": pledge.donor.display_name, "currency": pledge.currency, "amount": pledge.amount,
                "date": pledge.pledged_on,
            }})  # fmt: skip


def _pledge_not_typed(pledge):
    """Refuse to earmark a pledge to a proposal whose co-funding rows already list its donor (issue 16.4)."""
    if pledge.proposal_id is None or pledge.donor_id is None:
        return
    for row in pledge.proposal.co_funding.select_related("organisation"):
        if _same_donor({"organisation": row.organisation, "donor_name": row.donor_name}, pledge.donor):
            raise ValidationError({"proposal": PLEDGE_TYPED % {
                "donor": row.donor, "amount": row.amount, "currency": pledge.proposal.currency,
            }})  # fmt: skip


def _write_rows(proposal, lines, co_funding):
    """Replace the proposal's budget lines and co-funding with the given ones (dicts of field values)."""
    if not lines:
        raise ValidationError({"__all__": NO_LINES})
    _not_recorded_twice(proposal, co_funding)
    proposal.budget_lines.all().delete()
    proposal.co_funding.all().delete()
    for position, fields in enumerate(lines):
        _save(BudgetLine(proposal=proposal, position=position, **fields), "funding.proposal.budget_set")
    for fields in co_funding:
        _save(CoFunding(proposal=proposal, **fields), "funding.proposal.co_funding_set")


def _set_m2m(proposal, data):
    """The decisions, decision paragraphs (legal basis) and programme activities the proposal cites; one left
    out of `data` is left as it is."""
    for name in M2M:
        if name in data:
            getattr(proposal, name).set(data[name] or [])


class ProposalNotDraft(ValidationError):
    """The proposal is in review or published: its content is frozen (answered 409 by the API)."""


def _proposal_fields(data):
    """The proposal's own fields (not its citations), its rate to USD filled in for USD or required otherwise."""
    fields = {k: v for k, v in data.items() if k not in M2M}
    if "currency" in fields or "rate_to_usd" in fields:
        fields = _with_rate(fields, date_field="rate_date")
    return fields


def _save(obj, reason):
    obj.full_clean(exclude=["state"] if isinstance(obj, Proposal) else None)
    obj._change_reason = reason
    obj.save()
    return obj


@transaction.atomic
def draft_proposal(*, by, data, lines, co_funding=()):
    """Staff draft a proposal on the template, with its budget lines (at least one) and co-funding pledged."""
    require(by, EDIT)
    proposal = Proposal(**_proposal_fields({"currency": "USD"} | data))
    _save(proposal, "funding.proposal.drafted")
    _set_m2m(proposal, data)
    _write_rows(proposal, lines, co_funding)
    return proposal


@transaction.atomic
def update_proposal(proposal, *, by, data, lines, co_funding=(), seen_version=None):
    """Staff edit a draft: its fields, and its budget lines and co-funding replaced by the given ones. Refused,
    with nothing written, if it is no longer a draft or if it changed since the editor read `seen_version`."""
    require(by, EDIT)
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.state != Proposal.State.DRAFT:  # checked before the version: a frozen proposal says so first
        raise ProposalNotDraft(NOT_A_DRAFT % {"state": proposal.get_state_display()})
    if seen_version is not None and proposal.version != seen_version:
        raise workflow.stale(proposal, by=by, seen=seen_version)
    proposal._history_user = by
    for name, value in _proposal_fields(data).items():
        setattr(proposal, name, value)
    proposal.version += 1
    _save(proposal, "funding.proposal.edited")
    _set_m2m(proposal, data)
    _write_rows(proposal, lines, co_funding)
    return proposal


ACTIONS = {
    "submit": "funding.proposal.submitted",
    "return_to_draft": "funding.proposal.returned",
    "publish": "funding.proposal.published",
}


@transaction.atomic
def move_proposal(proposal, *, by, action):
    """Staff move a proposal one step: draft → in review (submit), back to draft, or in review → published."""
    require(by, EDIT)
    if action not in ACTIONS:
        raise ValidationError(_("Unknown step."))
    return workflow.move(Proposal, proposal, action, reason=ACTIONS[action])


# --- the money ------------------------------------------------------------------------------------------------

MONEY = "funding.change_pledge"
NO_RATE = gettext_lazy(
    "An amount in %(currency)s needs its exchange rate to USD (USD for one %(currency)s) and the date of that rate."
)
EXCEEDS = gettext_lazy(
    "With this %(kind)s, %(total)s %(currency)s would be %(kinds)s against a pledge of %(pledged)s %(currency)s. "
    "Check the amount, or explain the excess in the note."
)
BELOW_SETTLED = gettext_lazy(
    "%(settled)s %(currency)s of this pledge is already committed or received; the pledge cannot be less."
)


def _with_rate(fields, *, date_field):
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


@transaction.atomic
def save_donor(*, by, data, donor=None, seen_version=None):
    """Staff record a donor (a Party, an organisation, or another named donor) or change one, from the
    `seen_version` they read (a change made meanwhile is refused, naming the fields it changed)."""
    require(by, MONEY)
    if donor is not None and donor.pk:
        donor = workflow.lock_at_version(Donor, donor, seen_version, by=by)
        donor.version += 1
    donor = donor or Donor()
    donor._history_user = by  # named in a later stale refusal, also when the edit came by API token
    for name, value in data.items():
        setattr(donor, name, value)
    kind = donor.kind
    if kind != Donor.Kind.PARTY:
        donor.party = None
    if kind != Donor.Kind.ORGANISATION:
        donor.organisation = None
    if kind != Donor.Kind.OTHER:
        donor.name = ""
    required = {Donor.Kind.PARTY: "party", Donor.Kind.ORGANISATION: "organisation", Donor.Kind.OTHER: "name"}
    if kind in required and not getattr(donor, required[kind]):
        raise ValidationError({required[kind]: _("Choose or name the donor.")})
    return _save(donor, "funding.donor.saved")


def _settled(pledge, kind=None):
    entries = pledge.entries.all() if kind is None else pledge.entries.filter(kind=kind)
    return entries.aggregate(total=Sum("amount"))["total"] or Decimal(0)


def _locked_pledge(pledge, seen_version, by):
    return workflow.lock_at_version(Pledge, pledge, seen_version, by=by)


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


def _as_date(value):
    """The value as a date, or None if it is empty or not a date (full_clean then reports it by its field)."""
    try:
        return models.DateField().to_python(value)
    except ValidationError:
        return None


def _check_dates(obj, past=(), due=None):
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


def _check_pledge_dates(pledge):
    _check_dates(pledge, past=("pledged_on", "rate_date"), due="due_on")


@transaction.atomic
def record_pledge(*, by, data):
    """Staff record a pledge (cash, or in kind with its description and value) to a trust fund."""
    require(by, MONEY)
    pledge = Pledge(**_with_rate(data, date_field="pledged_on"))
    _check_pledge_dates(pledge)
    _pledge_not_typed(pledge)
    return _save(pledge, "funding.pledge.recorded")


@transaction.atomic
def update_pledge(pledge, *, by, data, seen_version):
    """Staff correct a pledge; refused if it changed since they saw it, or below what is already settled."""
    require(by, MONEY)
    pledge = _locked_pledge(pledge, seen_version, by)
    current = {name: getattr(pledge, name) for name in ("currency", "rate_to_usd", "rate_date", "pledged_on")}
    if data.get("currency", pledge.currency) != pledge.currency:
        current |= {"rate_to_usd": None, "rate_date": None}  # a new currency needs its own rate
    for name, value in _with_rate(current | dict(data), date_field="pledged_on").items():
        setattr(pledge, name, value)
    settled = max(_settled(pledge, PledgeEntry.Kind.COMMITMENT), _settled(pledge, PledgeEntry.Kind.RECEIPT))
    if pledge.amount is not None and pledge.amount < settled:
        raise ValidationError({"amount": BELOW_SETTLED % {"settled": settled, "currency": pledge.currency}})
    _check_pledge_dates(pledge)
    if "proposal" in data or "donor" in data:
        _pledge_not_typed(pledge)
    pledge.version += 1
    return _save(pledge, "funding.pledge.edited")


def _checked_entry(pledge, entry):
    """The checks of recording and of correcting: the entry's own (a positive Decimal amount, a rate), and the
    pledge's: with this entry, the total committed (or received) may exceed the pledge only with a note. Its
    dates lie in the frame of the money's dates (EARLIEST to today)."""
    _check_dates(entry, past=("date", "rate_date"))
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


def _entry_fields(pledge, data):
    """The entry's fields as given, its rate filled in for the pledge's currency if USD, else required."""
    fields = _with_rate({**data, "currency": pledge.currency}, date_field="date")
    fields.pop("currency")
    return fields


def _touch(pledge, by, reason):
    """A commitment or receipt changed: the pledge's version goes up, so edits based on what it was are refused."""
    pledge.version += 1
    pledge._change_reason = reason
    pledge._history_user = by
    pledge.save(update_fields=["version", "updated_at"])


@transaction.atomic
def record_entry(pledge, *, by, data, seen_version=None):
    """Staff record a commitment or a receipt against a pledge, in the pledge's currency. The total committed
    (or received) may exceed the pledge only with an explicit note."""
    require(by, MONEY)
    pledge = _locked_pledge(pledge, seen_version, by)
    entry = _checked_entry(pledge, PledgeEntry(pledge=pledge, **_entry_fields(pledge, data)))
    entry._change_reason = f"funding.pledge.{entry.kind}"
    entry._history_user = by
    entry.save()
    _touch(pledge, by, f"funding.pledge.{entry.kind}")
    return entry


ENTRY_GONE = gettext_lazy("This commitment or receipt was voided meanwhile. Reload the pledge to see what it holds.")
ENTRY_FIELDS = ("kind", "date", "amount", "rate_to_usd", "rate_date", "note")
NO_VOID_REASON = gettext_lazy("Say why this commitment or receipt is voided: the reason is kept in its history.")


def _locked_entry(entry, seen_version, by):
    """The pledge and the entry, both locked; stale (never silently overwritten) if either changed meanwhile."""
    pledge = _locked_pledge(entry.pledge, seen_version, by)
    locked = PledgeEntry.objects.select_for_update().filter(pk=entry.pk, pledge=pledge).first()
    if locked is None:
        raise workflow.Stale(ENTRY_GONE)
    return pledge, locked


@transaction.atomic
def correct_entry(entry, *, by, data, seen_version):
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
def void_entry(entry, *, by, reason, seen_version):
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


@transaction.atomic
def mark_reminded(pledge_ids, *, on):
    """The worker notes the day it reminded the donors of these pledges (no version bump: not an edit)."""
    return Pledge.objects.filter(pk__in=pledge_ids).update(last_reminded_on=on)
