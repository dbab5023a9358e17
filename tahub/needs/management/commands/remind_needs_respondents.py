import datetime

from django.core.management.base import BaseCommand

from tahub.needs.tasks import REMINDER_DAYS, task_remind_respondents


class Command(BaseCommand):
    help = (
        f"Queue the needs-assessment reminders: {' and '.join(map(str, REMINDER_DAYS))} days before each deadline, "
        "to the invitees that have not submitted (run daily)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--today", type=datetime.date.fromisoformat, help="The day to act as today (YYYY-MM-DD)")

    def handle(self, *args, today=None, **options):
        result = task_remind_respondents.enqueue(today=today.isoformat() if today else None)
        self.stdout.write(f"Queued the needs-assessment reminders (task {result.id}); the worker sends them.")
