from django.core.management.base import BaseCommand, CommandError

from tahub.accounts.models import User
from tahub.accounts.tokens import create_api_token


class Command(BaseCommand):
    help = "Create a personal API token for the user with this e-mail address and print it (it is shown only once)."

    def add_arguments(self, parser):
        parser.add_argument("email")
        parser.add_argument("--name", default="", help="what the token is for")

    def handle(self, *args, email, name, **options):
        try:
            user = User.objects.get(email__iexact=email)
        except User.DoesNotExist as exc:
            raise CommandError(f"No user with the e-mail address {email}") from exc
        self.stdout.write(create_api_token(user=user, name=name))
