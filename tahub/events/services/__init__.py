"""Every write to events and their participants: one function per use case.

`events` publishes and cancels an event and records who attended; `registrations` changes who holds a place
(nominating, registering, the Secretariat's decisions, cancelling, the waiting list moving up), each under a
lock on the event's row, so capacity and quotas hold. E-mails are enqueued for the worker on commit. Callers
import this package (`services.nominate`); the messages the pages and tests read are here too
(`REGISTRATION_SENT`, `NOT_THE_LINK`).
"""

from .events import cancel_event, is_event_over, publish_event, record_attendance
from .registrations import (
    NOT_THE_LINK,
    REGISTRATION_SENT,
    accept_registration,
    cancel_registration,
    decline_registration,
    nominate,
    register,
    waitlist_registration,
)

__all__ = [
    "NOT_THE_LINK",
    "REGISTRATION_SENT",
    "accept_registration",
    "cancel_event",
    "cancel_registration",
    "decline_registration",
    "is_event_over",
    "nominate",
    "publish_event",
    "record_attendance",
    "register",
    "waitlist_registration",
]
