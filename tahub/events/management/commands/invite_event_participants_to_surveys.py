from django.core.management.base import BaseCommand

from tahub.events.tasks import task_invite_to_surveys


class Command(BaseCommand):
    help = "Queue the evaluation and follow-up survey invitations to attendees (run daily)."

    def handle(self, *args, **options):
        result = task_invite_to_surveys.enqueue()
        self.stdout.write(f"Queued the survey invitations (task {result.id}); the worker sends them.")
