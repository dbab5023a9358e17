"""Every write of observer admission: applications and their review, the meetings open to observers,
registrations of representatives.

Callers import this package; the use cases live in `applications`, `meetings` and `registrations`.
"""

from .applications import (
    admit_application,
    answer_application,
    ask_application_information,
    decline_application,
    review_application,
    submit_application,
)
from .meetings import create_meeting, update_meeting
from .registrations import approve_registration, refuse_registration, register_representative

__all__ = [
    "admit_application",
    "answer_application",
    "approve_registration",
    "ask_application_information",
    "create_meeting",
    "decline_application",
    "refuse_registration",
    "register_representative",
    "review_application",
    "submit_application",
    "update_meeting",
]
