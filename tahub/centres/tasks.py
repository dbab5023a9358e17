from django_tasks import task

from . import notifications


@task()
def task_remind_reports():
    """Daily: remind centres of report deadlines within two weeks, and of overdue reports."""
    notifications.send_report_reminders()
