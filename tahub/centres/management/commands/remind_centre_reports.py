from django.core.management.base import BaseCommand

from tahub.centres.tasks import task_remind_reports


class Command(BaseCommand):
    help = "Queue reminders to centres whose activity reports are due within two weeks or overdue (run daily)."

    def handle(self, *args, **options):
        result = task_remind_reports.enqueue()
        self.stdout.write(f"Queued the centre report reminders (task {result.id}); the worker sends them.")
