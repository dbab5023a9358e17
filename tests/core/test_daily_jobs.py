"""Each daily job only enqueues its task; the worker does the sending (tests of the sending sit with each app)."""

from io import StringIO

import pytest
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("command", "task"),
    [
        ("remind_overdue_requests", "tahub.assistance.tasks.task_remind_overdue"),
        ("remind_centre_reports", "tahub.centres.tasks.task_remind_reports"),
        ("remind_directory_reviews", "tahub.directory.tasks.task_remind_reviews"),
    ],
)
def test_daily_job_enqueues_its_task(command, task):
    out = StringIO()
    call_command(command, stdout=out)
    queued = DBTaskResult.objects.get()
    assert queued.task_path == task
    assert str(queued.id) in out.getvalue()
