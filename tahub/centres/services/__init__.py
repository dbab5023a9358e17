"""Every write of a centre's lifecycle: work plans, activity reports, evaluations, Parties' feedback,
nominations and endorsements.

Each runs in one transaction, checks the permission, locks what it moves, and records a dotted audit reason.
A move of a work plan, a report or a nomination asks the permission its transition declares (centres/models/,
core.workflow.move), before anything else when the service checks more than the move. Callers import this
package (`services.submit_report`); the use cases live in `work_plans`, `reports`, `evaluations`, `feedback`
and `endorsements` (nominations, endorsements and their renewal).
"""

from .endorsements import (
    ENDORSEMENT_YEARS,
    decline_nomination,
    endorse_nomination,
    nominate_centre,
    renew_endorsement,
    term_end,
)
from .evaluations import finalise_evaluation, score_criterion, start_evaluation
from .feedback import give_feedback
from .reports import (
    accept_report,
    add_activity,
    attach_evidence,
    open_report,
    remove_activity,
    return_report,
    review_report,
    submit_report,
)
from .work_plans import approve_work_plan, draft_work_plan, submit_work_plan

__all__ = [
    "ENDORSEMENT_YEARS",
    "accept_report",
    "add_activity",
    "approve_work_plan",
    "attach_evidence",
    "decline_nomination",
    "draft_work_plan",
    "endorse_nomination",
    "finalise_evaluation",
    "give_feedback",
    "nominate_centre",
    "open_report",
    "remove_activity",
    "renew_endorsement",
    "return_report",
    "review_report",
    "score_criterion",
    "start_evaluation",
    "submit_report",
    "submit_work_plan",
    "term_end",
]
