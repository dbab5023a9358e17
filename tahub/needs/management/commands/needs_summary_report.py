from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tahub.needs import report
from tahub.needs.models import Cycle
from tahub.needs.selectors import analysis


class Command(BaseCommand):
    help = "Write a cycle's summary for the Conference of the Parties as XLSX or PDF (the staff button's file)."

    def add_arguments(self, parser):
        parser.add_argument("cycle", help="the cycle's code, e.g. needs-2024")
        parser.add_argument("--format", choices=sorted(report.FORMATS), default="xlsx")
        parser.add_argument("--output", type=Path, required=True, help="the file to write")

    def handle(self, *args, cycle, format, output, **options):  # noqa: A002 (the option's name)
        cycles = list(Cycle.objects.select_related("questionnaire"))
        found = next((c for c in cycles if c.slug == cycle), None)
        if found is None:
            raise CommandError(f"No cycle “{cycle}”; there are: {', '.join(sorted(c.slug for c in cycles)) or 'none'}")
        data = report.build(analysis.CycleAnalysis(found, cycles), format)
        output.write_bytes(data)
        self.stdout.write(f"{output}: {len(data):,} bytes ({format})")
