"""Every write of the needs assessment: opening a cycle, answering, submitting and reopening a response,
requests to reopen, publishing results.

Each runs in one transaction, checks the permission first, locks the row it changes (and checks its version
when the caller gives the one it read), and records a dotted audit reason; nothing is half-saved. Callers
import this package for the use cases (`services.save_answers`); they live in `cycles`, `responses`,
`reopen_requests` and `results`. `answering` (answers as values) and `questionnaires` (loading a
questionnaire file) are the helpers they share with the workbook, the forms and the API, imported by name.
"""

from .cycles import open_cycle, schedule_errors, update_cycle
from .reopen_requests import decline_reopen_request, request_reopen
from .responses import missing_questions, reopen_response, save_answers, submit_response
from .results import publish_results, withdraw_results

__all__ = [
    "decline_reopen_request",
    "missing_questions",
    "open_cycle",
    "publish_results",
    "reopen_response",
    "request_reopen",
    "save_answers",
    "schedule_errors",
    "submit_response",
    "update_cycle",
    "withdraw_results",
]
