"""The writes of an event as a whole: publishing and cancelling it, recording who attended; and the two
helpers every write about its places shares (locking the event's row, telling a participant on commit)."""

from __future__ import annotations

import datetime
from collections.abc import Collection
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.utils import bulk_update_with_history

from tahub.core import workflow
from tahub.core.rules import require

from ..models import Event, EventState, Registration, RegistrationState
from ..tasks import task_notify_registration

if TYPE_CHECKING:
    from tahub.accounts.models import User


def lock_event(event: Event) -> Event:
    """The event's row, locked until the transaction ends: who holds a place changes one writer at a time."""
    return Event.objects.select_for_update().get(pk=event.pk)


def notify(registration: Registration, what: str) -> None:
    """E-mail the participant about `what` (a dotted event name) once the transaction commits, by the worker."""
    transaction.on_commit(
        lambda: task_notify_registration.enqueue(registration_id=registration.pk, event=what), robust=True
    )


@transaction.atomic
def publish_event(event: Event, *, by: User) -> Event:
    """Publish a draft event: it appears in the calendar, the feed and the API."""
    return workflow.move(Event, event, "publish", by=by, reason="events.event.published")


@transaction.atomic
def cancel_event(event: Event, *, by: User) -> Event:
    """Cancel an event; everyone holding or awaiting a place is told."""
    event = workflow.move(Event, event, "cancel", by=by, reason="events.event.cancelled")
    for registration in event.registrations.filter(state__in=RegistrationState.active()):
        notify(registration, "events.event.cancelled")
    return event


@transaction.atomic
def record_attendance(event: Event, *, by: User, attended_ids: Collection[int]) -> int:
    """Mark who attended among the accepted participants; the others are marked absent. Returns the count."""
    require(by, "events.manage_events")
    accepted = event.registrations.filter(state=RegistrationState.ACCEPTED)
    unknown = set(attended_ids) - set(accepted.values_list("pk", flat=True))
    if unknown:
        raise ValidationError(_("Only accepted participants can be marked as attending."))
    rows = list(accepted)
    for row in rows:
        row.attended = row.pk in set(attended_ids)
    bulk_update_with_history(
        rows, Registration, ["attended"], batch_size=500, default_change_reason="events.registration.attendance"
    )
    return len(attended_ids)


def is_event_over(event: Event, now: datetime.datetime | None = None) -> bool:
    return (now or timezone.now()) >= event.end and event.state == EventState.PUBLISHED
