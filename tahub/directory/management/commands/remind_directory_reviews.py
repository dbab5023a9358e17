from django.core.management.base import BaseCommand

from tahub.directory.tasks import task_remind_reviews


class Command(BaseCommand):
    help = "Queue the yearly review reminders of directory entries whose review date has come (run daily)."

    def handle(self, *args, **options):
        result = task_remind_reviews.enqueue()
        self.stdout.write(f"Queued the directory review reminders (task {result.id}); the worker sends them.")
