"""Generated data at scale: the demo data set (scale 1) and the benchmark's "10 years of a busy programme".

One generator function per model family; how many rows each family gets per unit of scale is in one table,
SCALE. Every row is drawn from its own random stream, seeded by (seed, family, index), so:

- the same seed gives the same data, whatever else is in the database;
- scale 1 is a prefix of scale 100 (the demo's organisations are the first 50 of the benchmark's 5,000);
- a second run with the same seed creates nothing: each row has a natural key built from the seed and its
  index, and rows that already exist are left alone.

Reference data (countries, Parties, regions, vocabularies) is never generated: it must be loaded first
(python manage.py load_reference_data). Later families (requests, assessment cycles, events) add a row to
SCALE and a function to GENERATORS.
"""

import random
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from simple_history.utils import bulk_create_with_history

from tahub.directory.models import Organisation
from tahub.parties.models import Country, Party

CHANGE_REASON = "demo.generated"
DEMO_SEED = 1
BENCH_SCALE = 100  # "10 years of a busy programme"

# Rows per unit of scale. At BENCH_SCALE: 5,000 organisations.
# Parties are reference data: the real Parties are used at every scale (185 today; the 200 do not exist).
# To come with later issues: requests 500, assessment cycles 0.2 (× 200 responses × 60 answers), events 50
# (× 50 registrations).
SCALE = {
    "organisations": 50,
}

REFERENCE_MISSING = (
    "Reference data is not loaded (no countries or Stockholm Convention Parties). "
    "Run `python manage.py load_reference_data` first."
)


class ReferenceDataMissing(Exception):
    pass


@dataclass(frozen=True)
class Context:
    """What every generator needs: the seed, and the reference data rows to draw from."""

    seed: int
    countries: list  # Country rows with a UN region, by ISO code: a stable order

    def rng(self, family, index):
        # A string seed is hashed with SHA-512: stable across processes, unlike hash().
        return random.Random(f"{self.seed}:{family}:{index}")  # noqa: S311 (not for security)


def count_for(family, scale):
    return max(1, round(SCALE[family] * scale))


# --- organisations -------------------------------------------------------------------------------------------

# Kinds a generated organisation may have, with weights: mostly NGOs, research institutions and companies.
ORGANISATION_KINDS = [
    (Organisation.Kind.NGO, 35),
    (Organisation.Kind.RESEARCH, 25),
    (Organisation.Kind.PRIVATE, 20),
    (Organisation.Kind.BILATERAL, 6),
    (Organisation.Kind.IGO, 5),
    (Organisation.Kind.FINANCIAL_INSTITUTION, 3),
    (Organisation.Kind.OTHER, 6),
]
NAME_PATTERNS = {
    Organisation.Kind.NGO: ["{country} Network for {topic}", "Friends of {topic} ({country})"],
    Organisation.Kind.RESEARCH: ["{country} Institute of {topic}", "Centre for {topic} Research, {country}"],
    Organisation.Kind.PRIVATE: ["{country} {topic} Services Ltd", "{topic} Solutions {country}"],
    Organisation.Kind.BILATERAL: ["{country} Agency for Development Cooperation"],
    Organisation.Kind.IGO: ["Intergovernmental Commission on {topic}"],
    Organisation.Kind.FINANCIAL_INSTITUTION: ["{country} Development Bank"],
    Organisation.Kind.OTHER: ["{country} Association for {topic}"],
}
TOPICS = [
    "Chemical Safety",
    "POPs Elimination",
    "Cleaner Production",
    "Hazardous Waste Management",
    "Environmental Health",
    "Pesticide Alternatives",
    "Toxics Monitoring",
    "Sound Chemicals Management",
    "PCB Phase-out",
    "Green Chemistry",
]
ROLES = ["capacity-building", "projects", "guidance", "monitoring", "training", "research"]


def organisation_slug(seed, index):
    return f"gen{seed}-{index:05d}"


def _organisation(context, index):
    rng = context.rng("organisations", index)
    kinds, weights = zip(*ORGANISATION_KINDS, strict=True)
    kind = rng.choices(kinds, weights)[0]
    country = rng.choice(context.countries)
    name = rng.choice(NAME_PATTERNS[kind]).format(country=country.name, topic=rng.choice(TOPICS))
    slug = organisation_slug(context.seed, index)
    return Organisation(
        slug=slug,
        name=f"{name} ({index})"[:300],
        short_name="".join(word[0] for word in name.split() if word[0].isupper())[:20],
        kind=kind,
        roles=";".join(sorted(rng.sample(ROLES, rng.randint(1, 3)))),
        summary=f"A generated {kind.label.lower()} working on {rng.choice(TOPICS).lower()} in {country.name}.",
        website=f"https://{slug}.example.org",
        country=country,
        source=f"generated data (seed {context.seed})",
    )


def generate_organisations(context, count):
    """Partner organisations of the directory, of various kinds and countries; returns how many were created."""
    existing = set(
        Organisation.objects.filter(slug__startswith=organisation_slug(context.seed, 0)[:-5]).values_list(
            "slug", flat=True
        )
    )
    new = [
        _organisation(context, index)
        for index in range(count)
        if organisation_slug(context.seed, index) not in existing
    ]
    bulk_create_with_history(new, Organisation, batch_size=1000, default_change_reason=CHANGE_REASON)
    return len(new)


# --- the framework -------------------------------------------------------------------------------------------

GENERATORS: list[tuple[str, Callable[[Context, int], int]]] = [
    ("organisations", generate_organisations),
]


def _context(seed):
    countries = list(Country.objects.exclude(region=None).order_by("iso3"))
    if not countries or not Party.objects.filter(convention__code="SC").exists():
        raise ReferenceDataMissing(REFERENCE_MISSING)
    return Context(seed=seed, countries=countries)


@transaction.atomic
def generate(*, scale, seed):
    """Bring the database up to the data set for (scale, seed); returns [(family, wanted, created)].

    All or nothing: one transaction. Existing generated rows are kept, so a second run creates nothing.
    """
    context = _context(seed)
    report = []
    for family, generator in GENERATORS:
        wanted = count_for(family, scale)
        report.append((family, wanted, generator(context, wanted)))
    return report
