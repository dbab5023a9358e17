"""A centre's work plan: drafted and submitted by the centre, its approval by the COP recorded by the Secretariat."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tahub.core import workflow
from tahub.core.rules import require

from ..models import RegionalCentre, WorkPlan

if TYPE_CHECKING:
    from tahub.accounts.models import User
    from tahub.planning.models import Decision


@transaction.atomic
def draft_work_plan(*, centre: RegionalCentre, by: User, data: dict[str, Any]) -> WorkPlan:
    """The centre drafts its work plan for an endorsement period (template sections, optional document)."""
    require(by, "centres.report_activities", centre)
    plan = WorkPlan(centre=centre, **data)
    plan.full_clean(exclude=["state"])
    plan._change_reason = "centres.workplan.drafted"
    plan.save()
    return plan


@transaction.atomic
def submit_work_plan(plan: WorkPlan, *, by: User) -> WorkPlan:
    return workflow.move(WorkPlan, plan, "submit", by=by, reason="centres.workplan.submitted")


@transaction.atomic
def approve_work_plan(plan: WorkPlan, *, by: User, decision: Decision | None) -> WorkPlan:
    """The Secretariat records that the COP approved the work plan by the decision that endorses the centre."""
    workflow.require_transition(by, plan, "approve")
    if decision is None:
        raise ValidationError({"decision": _("Name the COP decision that approved the work plan.")})
    return workflow.move(
        WorkPlan, plan, "approve", by=by, reason="centres.workplan.approved", changes={"approved_by": decision}
    )
