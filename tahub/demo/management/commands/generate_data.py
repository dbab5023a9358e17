from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from tahub.demo.generators import BENCH_SCALE, DEMO_SEED, ReferenceDataMissing, generate
from tahub.parties.models import Party

REFUSED = (
    "Generated data is refused: these settings are not in demo mode (TAHUB_DEMO / TAHUB_PRODUCTION). "
    "Generate into a database with development settings, then serve it with production settings."
)


def positive(value):
    number = float(value)
    if number <= 0:
        raise ValueError(value)
    return number


class Command(BaseCommand):
    help = (
        f"Generate deterministic data at a scale: 1 = the demo data set, {BENCH_SCALE} = the benchmark's "
        "10 years of a busy programme. Needs the reference data; refused outside demo mode."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scale", type=positive, default=1, help=f"1 = demo, {BENCH_SCALE} = benchmark")
        parser.add_argument("--seed", type=int, default=DEMO_SEED, help="same seed, same data")

    def handle(self, *args, scale, seed, **options):
        if not settings.DEMO_MODE:
            raise CommandError(REFUSED)
        try:
            report = generate(scale=scale, seed=seed)
        except ReferenceDataMissing as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Generated data at scale {scale:g}, seed {seed}:")
        parties = Party.objects.filter(convention__code="SC").count()
        self.stdout.write(f"  {'parties':<16} {parties:>7} (reference data: the real Parties)")
        for family, wanted, created in report:
            self.stdout.write(f"  {family:<16} {wanted:>7} ({created} created)")
