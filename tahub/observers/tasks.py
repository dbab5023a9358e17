"""Background e-mails of observer admission: each step of an application, each registration decision."""

from django_tasks import task

from . import notifications


@task()
def task_notify_application(*, application_id, event):
    notifications.send_application_event(application_id=application_id, event=event)


@task()
def task_notify_registration(*, registration_id, event):
    notifications.send_registration_event(registration_id=registration_id, event=event)
