"""django-tasks-db's `db_worker`, which also puts back the tasks of workers that died (tahub/core/worker.py).

It takes the place of the library's command of the same name (tahub.core comes before django_tasks_db in
INSTALLED_APPS), with the same options.
"""

from django.conf import settings
from django_tasks_db.management.commands import db_worker

from tahub.core.worker import LeaseKeeper, reclaim_stale_tasks


class Command(db_worker.Command):
    help = "Run a database background worker; tasks left RUNNING by a dead worker are reclaimed after a lease."

    def handle(self, *args, **options):
        self.configure_logging(options["verbosity"])
        reclaimed, failed = reclaim_stale_tasks()
        if reclaimed or failed:
            self.stdout.write(f"Stale tasks: {reclaimed} back in the queue, {failed} failed.")
        LeaseKeeper(every=max(1, settings.TASK_LEASE_SECONDS / 4)).start()
        return super().handle(*args, **options)
