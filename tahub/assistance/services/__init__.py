"""Every write to a technical assistance request: one function per use case.

Each moves the request through one declared transition (models.TARequest), inside one transaction, with the
row locked: it checks the permission, refuses a move from a state the caller did not see (someone else
acted first), records a dotted audit reason, stamps the time and enqueues the e-mails for the worker.

Callers import this package (`services.submit_request`); the use cases live in `filing` (drafts, edits,
attachments, submission, withdrawal), `triage` (review, information asked, the decision, the programme
activity), `assignments` (providers) and `delivery` (delivery, its reports, closure). `moves` holds what
every move does around its transition (the permission, the lock, the audit reason, the e-mails).
"""

from .assignments import assign_providers
from .delivery import (
    END_BEFORE_START,
    NOT_BEFORE_SUBMISSION,
    NOT_IN_FUTURE,
    close_request,
    correct_delivery_report,
    mark_delivered,
    report_delivery,
    start_delivery,
)
from .filing import (
    CHANGED_SINCE,
    CHANGED_SINCE_VERSION,
    NOT_ELIGIBLE,
    add_attachment,
    check_eligible,
    create_request,
    create_request_once,
    next_reference,
    request_created_with,
    submit_request,
    update_draft,
    withdraw_request,
)
from .moves import ALREADY_DONE, NOT_ALLOWED, NOT_PERMITTED, STALE
from .triage import accept_request, ask_information, decline_request, set_programme_activity, start_review

__all__ = [
    "ALREADY_DONE",
    "CHANGED_SINCE",
    "CHANGED_SINCE_VERSION",
    "END_BEFORE_START",
    "NOT_ALLOWED",
    "NOT_BEFORE_SUBMISSION",
    "NOT_ELIGIBLE",
    "NOT_IN_FUTURE",
    "NOT_PERMITTED",
    "STALE",
    "accept_request",
    "add_attachment",
    "ask_information",
    "assign_providers",
    "check_eligible",
    "close_request",
    "correct_delivery_report",
    "create_request",
    "create_request_once",
    "decline_request",
    "mark_delivered",
    "next_reference",
    "report_delivery",
    "request_created_with",
    "set_programme_activity",
    "start_delivery",
    "start_review",
    "submit_request",
    "update_draft",
    "withdraw_request",
]
