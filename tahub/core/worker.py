"""Keeping the task queue moving when a worker dies: stale RUNNING tasks are put back after a lease.

django-tasks-db marks a task RUNNING when a worker claims it and never looks at it again, so a worker killed
mid-task (out of memory, SIGKILL, a lost machine) would leave it RUNNING for ever. Our `db_worker`
(tahub/core/management/commands/db_worker.py) reclaims such tasks when it starts and then every quarter of a
lease, from a background thread: a task RUNNING for longer than TASK_LEASE_SECONDS is ready again, for any worker.
Tasks are short (each e-mail is its own task, with an SMTP timeout), so the lease is far longer than a task runs;
a task reclaimed TASK_MAX_CLAIMS times (a task that kills its worker) fails instead of looping.
"""

import datetime
import logging
import threading

from django.conf import settings
from django.db import close_old_connections, connection, transaction
from django.db.utils import OperationalError
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)

LEASE_EXPIRED = "tahub.core.worker.LeaseExpired"


class LeaseExpired(Exception):
    """The workers running this task stopped without finishing it, too many times."""


def reclaim_stale_tasks(now=None):
    """Put RUNNING tasks older than the lease back in the queue (or fail those claimed too often).
    Returns (reclaimed, failed) counts."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(seconds=settings.TASK_LEASE_SECONDS)
    reclaimed = failed = 0
    with transaction.atomic():
        stale = DBTaskResult.objects.running().filter(started_at__lt=cutoff).select_for_update(skip_locked=True)
        for result in stale:
            if len(result.worker_ids) >= settings.TASK_MAX_CLAIMS:
                result.status = TaskResultStatus.FAILED
                result.finished_at = now
                result.exception_class_path = LEASE_EXPIRED
                result.traceback = (
                    f"{LEASE_EXPIRED}: {len(result.worker_ids)} workers stopped while running this task "
                    f"(each gave no result within {settings.TASK_LEASE_SECONDS} s)."
                )
                result.save(update_fields=["status", "finished_at", "exception_class_path", "traceback"])
                failed += 1
            else:
                result.status = TaskResultStatus.READY
                result.save(update_fields=["status"])
                reclaimed += 1
            logger.warning(
                "Task %s (%s) was RUNNING since %s on worker %s: %s",
                result.id,
                result.task_path,
                result.started_at,
                result.worker_ids[-1] if result.worker_ids else "?",
                "failed" if result.status == TaskResultStatus.FAILED else "back in the queue",
            )
    return reclaimed, failed


class LeaseKeeper(threading.Thread):
    """Reclaims stale tasks every `every` seconds while the worker runs (a daemon thread: it dies with it)."""

    def __init__(self, every):
        super().__init__(name="tahub-lease-keeper", daemon=True)
        self.every = every
        self.stopped = threading.Event()

    def run(self):
        while not self.stopped.wait(self.every):
            try:
                reclaim_stale_tasks()
            except OperationalError as error:  # e.g. SQLite busy: the next round will do it
                logger.info("Reclaiming stale tasks postponed: %s", error)
            finally:
                close_old_connections()
                connection.close()
