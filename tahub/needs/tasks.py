"""Background work of the needs assessment: invitations when a cycle opens, reminders before each deadline."""

import datetime

from django.utils import timezone
from django_tasks import task

from . import notifications

# Reminders go this many days before each deadline, to the invitees that have not submitted.
REMINDER_DAYS = (14, 3)


@task()
def task_send_invitations(*, cycle_id):
    notifications.send_invitations(cycle_id)


@task()
def task_notify_reopen_request(*, request_id):
    notifications.send_reopen_request(request_id)


@task()
def task_notify_reopen_declined(*, request_id):
    notifications.send_reopen_declined(request_id)


@task()
def task_remind_respondents(*, today=None):
    """Daily: for each cycle with a deadline REMINDER_DAYS from today, remind those who have not submitted:
    one e-mail per respondent and day even when two parts share the date, and never twice (each reminder sent
    is recorded: running the job again the same day, or a retry, sends nothing more)."""
    from .selectors import respondents

    today = datetime.date.fromisoformat(today) if today else timezone.localdate()
    due = {}
    for days in REMINDER_DAYS:
        day = today + datetime.timedelta(days=days)
        for cycle, kind, part in respondents.open_cycles_with_deadline(day):
            due.setdefault((cycle.pk, kind, day, days), []).append(part)
    for (cycle_id, kind, day, days), parts in due.items():
        notifications.send_reminders(cycle_id, kind, day, parts=parts, days_before=days)
