from django_tasks import task

from . import notifications


@task()
def task_remind_reports():
    """Daily: remind centres of report deadlines within two weeks, and of overdue reports."""
    notifications.send_report_reminders()


@task()
def task_notify_report_returned(*, report_id):
    """Tell the centre's members that the Secretariat returned their report for revision, and why."""
    notifications.send_report_returned(report_id=report_id)
