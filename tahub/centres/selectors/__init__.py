"""Every read of the regional centres used by pages, the API and exports: each costs a fixed number of queries.

Callers import this package (`selectors.centre_get`); the reads live in `centres` (the centres, their
endorsements, a centre's public record), `reports` (activity reports and their activities), `evaluations` (the
score sheet and the counts it pre-fills) and `feedback` (the Parties a person gives feedback for).
"""

from .centres import (
    centre_get,
    centre_list,
    centre_page,
    centre_record,
    centres_for_country,
    centres_near,
    endorsements_expiring,
    today,
)
from .evaluations import countable_indicators, evaluation_get, evidence_for
from .feedback import parties_of
from .reports import report_activities, report_for_review, report_status, reported_activities

__all__ = [
    "centre_get",
    "centre_list",
    "centre_page",
    "centre_record",
    "centres_for_country",
    "centres_near",
    "countable_indicators",
    "endorsements_expiring",
    "evaluation_get",
    "evidence_for",
    "parties_of",
    "report_activities",
    "report_for_review",
    "report_status",
    "reported_activities",
    "today",
]
