from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from tahub.accounts.demo import DEMO_PASSWORD, load_demo_accounts


class Command(BaseCommand):
    help = "Create the demo accounts (one per role, sharing the demo password). Refused in production."

    def handle(self, *args, **options):
        if not settings.DEMO_MODE:
            raise CommandError(
                "Demo data is refused: these settings are not in demo mode (TAHUB_DEMO / TAHUB_PRODUCTION)."
            )
        accounts = load_demo_accounts()
        self.stdout.write(f"Demo accounts (password: {DEMO_PASSWORD}):")
        for role, email in accounts:
            self.stdout.write(f"  {role:<40} {email}")
