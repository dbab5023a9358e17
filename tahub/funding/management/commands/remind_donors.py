from django.core.management.base import BaseCommand

from tahub.funding.tasks import task_remind_donors


class Command(BaseCommand):
    help = "Queue the reminders to donors of pledges due and not fully paid (run daily)."

    def handle(self, *args, **options):
        result = task_remind_donors.enqueue()
        self.stdout.write(f"Queued the donor reminders (task {result.id}); the worker sends them.")
