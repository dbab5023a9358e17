from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tahub.core.reference import ReferenceDataError
from tahub.needs.services.questionnaires import load_questionnaire


class Command(BaseCommand):
    help = "Load one questionnaire version from its JSON file (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)

    def handle(self, *args, path, **options):
        try:
            questionnaire, stats = load_questionnaire(path)
        except ReferenceDataError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"{questionnaire}: {stats['created']} created, {stats['updated']} updated, {stats['unchanged']} unchanged"
        )
        if stats["stale"]:
            self.stdout.write(f"not in the file any more (kept): {', '.join(stats['stale'])}")
