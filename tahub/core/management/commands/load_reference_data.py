from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.module_loading import import_string

from tahub.core.reference import ReferenceDataError, load_all


class Command(BaseCommand):
    help = "Load reference data (countries, Parties, regions, centres, decisions, vocabularies) from versioned files."

    def add_arguments(self, parser):
        parser.add_argument("--dir", type=Path, default=settings.REFERENCE_DATA_DIR, help="folder of the CSV files")

    def handle(self, *args, dir, **options):
        loaders = [loader for path in settings.REFERENCE_DATA_LOADERS for loader in import_string(path)()]
        try:
            report = load_all(loaders, dir)
        except ReferenceDataError as exc:
            raise CommandError(f"{exc} — nothing was changed") from exc
        for loader, stale in report:
            s = loader.stats
            line = f"{loader.label()}: {s['created']} created, {s['updated']} updated, {s['unchanged']} unchanged"
            if stale:
                line += f", {stale} in the database but no longer in the file (kept)"
            self.stdout.write(line)
