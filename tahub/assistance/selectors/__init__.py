"""Every read of requests used by pages, the API, exports and e-mails: each costs a fixed number of queries.
`requests_visible_to(user)` decides what a user may see; pages, API and exports all start from it, so a
Party's focal point never sees another Party's requests.

Callers import this package (`selectors.request_get`); the reads live in `requests` (what a person may see,
the lists, a request and its timeline), `api_rows` (the requests as the API shows them), `recipients` (who is
told of a move) and `providers` (providers to assign, their assignments and delivery reports, their record).
"""

from .api_rows import API_FIELDS, API_TAGS, api_request_get, api_request_list, api_request_rows
from .providers import assignments_reportable_by, delivery_record, delivery_report_get, provider_search
from .recipients import notification_recipients, request_for_notification
from .requests import (
    age_in_days,
    assigned_requests,
    overdue_requests,
    parties_user_may_file_for,
    party_ids_of,
    party_requests,
    request_get,
    request_list,
    request_timeline,
    requests_visible_to,
)

__all__ = [
    "API_FIELDS",
    "API_TAGS",
    "age_in_days",
    "api_request_get",
    "api_request_list",
    "api_request_rows",
    "assigned_requests",
    "assignments_reportable_by",
    "delivery_record",
    "delivery_report_get",
    "notification_recipients",
    "overdue_requests",
    "parties_user_may_file_for",
    "party_ids_of",
    "party_requests",
    "provider_search",
    "request_for_notification",
    "request_get",
    "request_list",
    "request_timeline",
    "requests_visible_to",
]
