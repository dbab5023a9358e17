from django.core.management.base import BaseCommand

from tahub.assistance.tasks import task_remind_overdue


class Command(BaseCommand):
    help = "Queue today's reminders for requests past their service level (run daily, e.g. from cron)."

    def handle(self, *args, **options):
        result = task_remind_overdue.enqueue()
        self.stdout.write(f"Queued the overdue reminders (task {result.id}); the worker sends them.")
