"""Every write of a proposal: draft and edit (with its budget lines and co-funding), review, publish.

Each runs in one transaction, checks the permission, and records a dotted audit reason. A proposal can be
edited only while it is a draft; its totals are never written, they are computed from its lines.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from tahub.accounts.rules import require
from tahub.core import workflow

from .models import BudgetLine, CoFunding, Proposal

EDIT = "funding.change_proposal"

NOT_A_DRAFT = gettext_lazy("A proposal that is “%(state)s” cannot be edited; return it to draft first.")
NO_LINES = gettext_lazy("Give at least one budget line.")
M2M = ("decisions",)


def _write_rows(proposal, lines, co_funding):
    """Replace the proposal's budget lines and co-funding with the given ones (dicts of field values)."""
    if not lines:
        raise ValidationError({"__all__": NO_LINES})
    proposal.budget_lines.all().delete()
    proposal.co_funding.all().delete()
    for position, fields in enumerate(lines):
        _save(BudgetLine(proposal=proposal, position=position, **fields), "funding.proposal.budget_set")
    for fields in co_funding:
        _save(CoFunding(proposal=proposal, **fields), "funding.proposal.co_funding_set")


def _save(obj, reason):
    obj.full_clean(exclude=["state"] if isinstance(obj, Proposal) else None)
    obj._change_reason = reason
    obj.save()
    return obj


@transaction.atomic
def draft_proposal(*, by, data, lines, co_funding=()):
    """Staff draft a proposal on the template, with its budget lines (at least one) and co-funding pledged."""
    require(by, EDIT)
    proposal = Proposal(**{k: v for k, v in data.items() if k not in M2M})
    _save(proposal, "funding.proposal.drafted")
    proposal.decisions.set(data.get("decisions") or [])
    _write_rows(proposal, lines, co_funding)
    return proposal


@transaction.atomic
def update_proposal(proposal, *, by, data, lines, co_funding=()):
    """Staff edit a draft: its fields, and its budget lines and co-funding replaced by the given ones."""
    require(by, EDIT)
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.state != Proposal.State.DRAFT:
        raise ValidationError(NOT_A_DRAFT % {"state": proposal.get_state_display()})
    for name, value in data.items():
        if name not in M2M:
            setattr(proposal, name, value)
    _save(proposal, "funding.proposal.edited")
    proposal.decisions.set(data.get("decisions") or [])
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
