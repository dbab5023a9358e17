"""Background e-mails of the directory: each step of a listing request, a resolved correction, yearly reviews."""

from django_tasks import task

from . import notifications


@task()
def task_notify_listing(*, listing_id, event):
    notifications.send_listing_event(listing_id=listing_id, event=event)


@task()
def task_notify_correction(*, correction_id):
    notifications.send_correction_reply(correction_id=correction_id)


@task()
def task_remind_reviews():
    """Yearly review: ask the owners of each entry whose review date has come to confirm or update it."""
    notifications.send_review_reminders()
