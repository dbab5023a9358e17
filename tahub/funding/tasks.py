"""Background work of the money: the donor reminders."""

from django_tasks import task

from . import notifications


@task()
def task_remind_donors():
    """Daily: remind donors of pledges due and not fully paid."""
    notifications.send_donor_reminders()
