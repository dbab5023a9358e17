from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from tahub.demo.accounts import DEMO_PASSWORD, DEMO_TOTP_SECRET, load_demo_accounts
from tahub.demo.generators import DEMO_SEED, ReferenceDataMissing, generate

REFUSED = "Demo data is refused: these settings are not in demo mode (TAHUB_DEMO / TAHUB_PRODUCTION)."


class Command(BaseCommand):
    help = (
        "Load the demo data set: one account per role (sharing the demo password) and the generated data at "
        "scale 1. Idempotent. Refused in production."
    )

    def handle(self, *args, **options):
        if not settings.DEMO_MODE:
            raise CommandError(REFUSED)
        try:
            report = generate(scale=1, seed=DEMO_SEED)
        except ReferenceDataMissing as exc:
            raise CommandError(str(exc)) from exc
        accounts = load_demo_accounts()
        created = sum(n for _family, _wanted, n in report)
        self.stdout.write(f"Demo data: {created} rows generated ({', '.join(f'{w} {f}' for f, w, _n in report)}).")
        self.stdout.write(f"Demo accounts (password: {DEMO_PASSWORD}):")
        for role, email, *note in accounts:
            self.stdout.write(f"  {role:<40} {email}  {' '.join(note)}".rstrip())
        self.stdout.write(
            f"Staff accounts sign in with a second factor: add the secret {DEMO_TOTP_SECRET} to an authenticator app."
        )
