"""Every write of observer admission: applications and their review, registrations of representatives.

Callers import this package; the use cases live in `applications` and `registrations`.
"""

from .applications import (
    admit_application,
    answer_application,
    ask_application_information,
    decline_application,
    review_application,
    submit_application,
)
from .registrations import approve_registration, refuse_registration, register_representative

__all__ = [
    "admit_application",
    "answer_application",
    "approve_registration",
    "ask_application_information",
    "decline_application",
    "refuse_registration",
    "register_representative",
    "review_application",
    "submit_application",
]
