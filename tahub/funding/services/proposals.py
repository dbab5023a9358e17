"""Every write of a proposal: draft and edit (with its budget lines and co-funding), review, publish.

Each runs in one transaction, checks the permission, and records a dotted audit reason. A proposal can be
edited only while it is a draft, and only from the version the editor read; its totals are never written, they
are computed from its lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tahub.core import workflow
from tahub.core.rules import require

from ..models import BudgetLine, CoFunding, Proposal
from .co_funding import not_recorded_twice
from .recording import save, with_rate

if TYPE_CHECKING:
    from tahub.accounts.models import User

EDIT = "funding.change_proposal"

NOT_A_DRAFT = gettext_lazy(
    "A proposal that is “%(state)s” cannot be edited: a published proposal is final, and one in review must be "
    "returned to draft first."
)
NO_LINES = gettext_lazy("Give at least one budget line.")
M2M = ("decisions", "legal_basis", "activities")


def _write_rows(proposal: Proposal, lines: Sequence[dict[str, Any]], co_funding: Sequence[dict[str, Any]]) -> None:
    """Replace the proposal's budget lines and co-funding with the given ones (dicts of field values)."""
    if not lines:
        raise ValidationError({"__all__": NO_LINES})
    not_recorded_twice(proposal, co_funding)
    proposal.budget_lines.all().delete()
    proposal.co_funding.all().delete()
    for position, fields in enumerate(lines):
        save(BudgetLine(proposal=proposal, position=position, **fields), "funding.proposal.budget_set")
    for fields in co_funding:
        save(CoFunding(proposal=proposal, **fields), "funding.proposal.co_funding_set")


def _set_m2m(proposal: Proposal, data: dict[str, Any]) -> None:
    """The decisions, decision paragraphs (legal basis) and programme activities the proposal cites; one left
    out of `data` is left as it is."""
    for name in M2M:
        if name in data:
            getattr(proposal, name).set(data[name] or [])


class ProposalNotDraft(ValidationError):
    """The proposal is in review or published: its content is frozen (answered 409 by the API)."""


def _proposal_fields(data: dict[str, Any]) -> dict[str, Any]:
    """The proposal's own fields (not its citations), its rate to USD filled in for USD or required otherwise."""
    fields = {k: v for k, v in data.items() if k not in M2M}
    if "currency" in fields or "rate_to_usd" in fields:
        fields = with_rate(fields, date_field="rate_date")
    return fields


@transaction.atomic
def draft_proposal(
    *, by: User, data: dict[str, Any], lines: Sequence[dict[str, Any]], co_funding: Sequence[dict[str, Any]] = ()
) -> Proposal:
    """Staff draft a proposal on the template, with its budget lines (at least one) and co-funding pledged."""
    require(by, EDIT)
    proposal = Proposal(**_proposal_fields({"currency": "USD"} | data))
    save(proposal, "funding.proposal.drafted")
    _set_m2m(proposal, data)
    _write_rows(proposal, lines, co_funding)
    return proposal


@transaction.atomic
def update_proposal(
    proposal: Proposal,
    *,
    by: User,
    data: dict[str, Any],
    lines: Sequence[dict[str, Any]],
    co_funding: Sequence[dict[str, Any]] = (),
    seen_version: int | None = None,
) -> Proposal:
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
    save(proposal, "funding.proposal.edited")
    _set_m2m(proposal, data)
    _write_rows(proposal, lines, co_funding)
    return proposal


# Each step's audit reason; who may take it is declared on the transition (models.Proposal).
ACTIONS = {
    "submit": "funding.proposal.submitted",
    "return_to_draft": "funding.proposal.returned",
    "publish": "funding.proposal.published",
}


@transaction.atomic
def move_proposal(proposal: Proposal, *, by: User, action: str) -> Proposal:
    """Staff move a proposal one step: draft → in review (submit), back to draft, or in review → published."""
    if action not in ACTIONS:
        raise ValidationError(_("Unknown step."))
    return workflow.move(Proposal, proposal, action, by=by, reason=ACTIONS[action])
