"""Background work for events: confirmations, decisions, joining instructions and reminders by e-mail."""

from django_tasks import task

from . import notifications


@task()
def task_notify_registration(*, registration_id, event):
    """E-mail the participant (and, for a nomination, the nominating contact point) what happened."""
    notifications.send_registration_event(registration_id=registration_id, event=event)


@task()
def task_remind_participants():
    """Daily: remind accepted participants of events starting within two days, with joining instructions."""
    from . import selectors

    for registration_id in selectors.registrations_to_remind().values_list("pk", flat=True):
        notifications.send_registration_event(registration_id=registration_id, event="events.registration.reminder")


@task()
def task_invite_to_surveys():
    """Daily: invite attendees to the evaluation once the event is over, and to the follow-up survey once the
    event's follow-up delay has passed; each e-mail once, and not to those who already answered."""
    from . import selectors

    for kind, registration_ids in selectors.registrations_to_survey().items():
        for registration_id in registration_ids:
            notifications.send_registration_event(registration_id=registration_id, event=f"events.survey.{kind}")
