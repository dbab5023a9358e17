from django.core.management.base import BaseCommand

from tahub.events.tasks import task_remind_participants


class Command(BaseCommand):
    help = "Queue reminders, with joining instructions, to participants of events starting soon (run daily)."

    def handle(self, *args, **options):
        result = task_remind_participants.enqueue()
        self.stdout.write(f"Queued the event reminders (task {result.id}); the worker sends them.")
