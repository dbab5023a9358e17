"""Generated data at scale: the demo data set (scale 1) and the benchmark's "10 years of a busy programme".

One generator function per model family; how many rows each family gets per unit of scale is in one table,
SCALE. Every row is drawn from its own random stream, seeded by (seed, family, index), so:

- the same seed gives the same data, whatever else is in the database;
- scale 1 is a prefix of scale 100 (the demo's organisations are the first 50 of the benchmark's 5,000);
- a second run with the same seed creates nothing: each row has a natural key built from the seed and its
  index, and rows that already exist are left alone.

Dates are drawn back from `now` (the moment of generation unless given), so the same seed on another day
gives the same data shifted in time: requests are always "ten years up to today", some of them open.

Reference data (countries, Parties, regions, vocabularies) is never generated: it must be loaded first
(python manage.py load_reference_data). Later families (assessment cycles, events) add a row to SCALE and a
function to GENERATORS.
"""

import datetime
import random
from collections.abc import Callable
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history

from tahub.directory.models import Organisation
from tahub.parties.models import Country, Party, Region
from tahub.vocabularies.models import AssistanceType, Theme

from .events import generate_events
from .funding import generate_donors, generate_pledges
from .keys import CHANGE_REASON, organisation_slug
from .needs import generate_needs
from .observers import generate_observer_meetings
from .planning import generate_programme
from .ta_requests import generate_requests

__all__ = ["CHANGE_REASON", "generate", "organisation_slug"]
DEMO_SEED = 1
BENCH_SCALE = 100  # "10 years of a busy programme"


@dataclass(frozen=True)
class Rows:
    """Rows of a family per unit of scale; `demo`, if given, is the count at scale 1 (the demo data set)."""

    per_scale: float
    demo: int | None = None


# At BENCH_SCALE: 5,000 organisations, 50,000 requests. At scale 1 (the demo): 50 organisations, 40 requests.
# Parties are reference data: the real Parties are used at every scale (185 today; the 200 do not exist).
# To come with later issues: assessment cycles 0.2 (× 200 responses × 60 answers), events 50 (× 50
# registrations).
SCALE = {
    "organisations": Rows(50),
    "requests": Rows(500, demo=40),
    "events": Rows(50, demo=20),  # × about 50 registrations; the first event has 500 nominations
    "programme": Rows(500, demo=60),  # programme activities, each citing 1–2 of 200 generated paragraphs
    "donors": Rows(2, demo=12),
    "pledges": Rows(100, demo=40),  # × about 1.4 commitments and receipts
    "needs": Rows(0.2, demo=2),  # assessment cycles × up to 200 responses × 60 answers (tahub/demo/needs.py)
    "observer meetings": Rows(0.01),  # the next COP meeting, open to observers: one at every scale up to 149
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
    now: datetime.datetime  # generated dates lie before it

    def rng(self, family, index):
        # A string seed is hashed with SHA-512: stable across processes, unlike hash().
        return random.Random(f"{self.seed}:{family}:{index}")  # noqa: S311 (not for security)


def count_for(family, scale):
    rows = SCALE[family]
    if scale == 1 and rows.demo is not None:
        return rows.demo
    return max(1, round(rows.per_scale * scale))


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
# Names as real directories show them: per kind, patterns with the country or a topic; a name already taken
# gets another pattern or topic first, and only where every one of those is taken a suffix naming the country,
# as directories do ("… (Kenya)"). No counters.
NAME_PATTERNS = {
    Organisation.Kind.NGO: [
        "{country} Network for {topic}",
        "{country} Alliance for {topic}",
        "Friends of {topic} {country}",
        "{topic} Watch {country}",
        "{country} Citizens for {topic}",
    ],
    Organisation.Kind.RESEARCH: [
        "{country} Institute of {topic}",
        "Centre for {topic} Research, {country}",
        "National Laboratory for {topic}, {country}",
        "{country} Academy of {topic}",
    ],
    Organisation.Kind.PRIVATE: [
        "{country} {topic} Services Ltd",
        "{topic} Solutions {country}",
        "{country} {topic} Consultants",
        "{topic} Engineering {country}",
    ],
    Organisation.Kind.BILATERAL: [
        "{country} Agency for Development Cooperation",
        "{country} Agency for International Development",
        "{country} Ministry of Foreign Affairs, Development Cooperation",
        "{country} Environment Agency, International Programme",
    ],
    Organisation.Kind.IGO: [
        "Intergovernmental Commission on {topic}",
        "Regional Programme for {topic}",
        "International Platform on {topic}",
    ],
    Organisation.Kind.FINANCIAL_INSTITUTION: [
        "{country} Development Bank",
        "{country} Environment Fund",
        "{country} Green Investment Bank",
        "{country} Fund for {topic}",
    ],
    Organisation.Kind.OTHER: [
        "{country} Association for {topic}",
        "{country} Chamber of Commerce, {topic} Committee",
        "{country} Union of Municipalities, {topic} Unit",
    ],
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
    "Safe Food and Farming",
    "Contaminated Sites",
    "Occupational Health",
    "Sustainable Agriculture",
]
ROLES = ["capacity-building", "projects", "guidance", "monitoring", "training", "research"]


def _candidate_names(rng, kind, country):
    """The names an organisation of this kind and country could have: its drawn one first, then the other
    patterns and topics in a drawn order, then the same names with the country as a suffix."""
    pattern, topic = rng.choice(NAME_PATTERNS[kind]), rng.choice(TOPICS)
    others = [(p, t) for p in NAME_PATTERNS[kind] for t in TOPICS if (p, t) != (pattern, topic)]
    rng.shuffle(others)
    names = [p.format(country=country.name, topic=t) for p, t in [(pattern, topic), *others]]
    return names + [f"{name} ({country.name})" for name in names if country.name not in name]


def _unique_name(rng, kind, country, taken):
    """The first candidate name no earlier organisation has (deterministic: it depends on earlier rows only)."""
    candidates = _candidate_names(rng, kind, country)
    name = next((n for n in candidates if n not in taken), candidates[0])
    taken.add(name)
    return name


def _organisation(context, index, taken):
    rng = context.rng("organisations", index)
    kinds, weights = zip(*ORGANISATION_KINDS, strict=True)
    kind = rng.choices(kinds, weights)[0]
    country = rng.choice(context.countries)
    name = _unique_name(rng, kind, country, taken)
    slug = organisation_slug(context.seed, index)
    return Organisation(
        slug=slug,
        name=name[:300],
        short_name="".join(word[0] for word in name.split() if word[0].isupper())[:20],
        kind=kind,
        roles=";".join(sorted(rng.sample(ROLES, rng.randint(1, 3)))),
        summary=f"{kind.label} working on {rng.choice(TOPICS).lower()} in {country.name}.",
        website=f"https://{slug}.example.org",
        country=country,
        source=f"generated data (seed {context.seed})",
    )


LANGUAGE_CODES = ["en", "fr", "es", "ar", "ru", "zh"]


def _offerings(context, organisation, index, vocab):
    """What a generated organisation offers (themes, types of assistance, regions served, languages), drawn
    from its own stream so that adding offerings changed none of the other fields. Returns the M2M pairs."""
    rng = context.rng("offerings", index)
    own_region = organisation.country.region_id
    others = [pk for pk in vocab["regions"] if pk != own_region]
    regions = [own_region, *rng.sample(others, rng.choice([0, 0, 1, 2, 4]))]
    organisation.languages = ";".join(["en", *rng.sample(LANGUAGE_CODES[1:], rng.choice([0, 1, 1, 2]))])
    return {
        "themes": rng.sample(vocab["themes"], rng.randint(2, 6)),
        "assistance_types": rng.sample(vocab["assistance_types"], rng.randint(1, 4)),
        "regions_served": regions,
    }


def _offering_vocabulary():
    return {
        "themes": list(Theme.objects.order_by("slug").values_list("pk", flat=True)),
        "assistance_types": list(AssistanceType.objects.order_by("slug").values_list("pk", flat=True)),
        "regions": list(Region.objects.order_by("code").values_list("pk", flat=True)),
    }


def _link_offerings(organisations, offerings):
    for field_name in ("themes", "assistance_types", "regions_served"):
        field = Organisation._meta.get_field(field_name)
        through, source, target = field.remote_field.through, field.m2m_field_name(), field.m2m_reverse_field_name()
        rows = [
            through(**{f"{source}_id": organisation.pk, f"{target}_id": pk})
            for organisation, offered in zip(organisations, offerings, strict=True)
            for pk in offered[field_name]
        ]
        through.objects.bulk_create(rows, batch_size=5000)


def generate_organisations(context, count):
    """Partner organisations of the directory, of various kinds and countries, with what they offer; returns
    how many were created."""
    existing = set(
        Organisation.objects.filter(slug__startswith=organisation_slug(context.seed, 0)[:-5]).values_list(
            "slug", flat=True
        )
    )
    vocab = _offering_vocabulary()
    new, offerings, taken = [], [], set()
    for index in range(count):
        organisation = _organisation(context, index, taken)  # drawn for existing rows too: their names are taken
        if organisation.slug not in existing:
            offerings.append(_offerings(context, organisation, index, vocab))
            new.append(organisation)
    bulk_create_with_history(new, Organisation, batch_size=1000, default_change_reason=CHANGE_REASON)
    _link_offerings(new, offerings)
    return len(new)


# --- the framework -------------------------------------------------------------------------------------------

GENERATORS: list[tuple[str, Callable[[Context, int], int]]] = [
    ("organisations", generate_organisations),
    ("requests", generate_requests),  # after organisations: requests are assigned to them
    ("events", generate_events),  # after organisations: they organise events
    ("programme", generate_programme),  # before pledges: they are earmarked to activities
    ("donors", generate_donors),  # after organisations: some donors are organisations
    ("pledges", generate_pledges),  # after donors (and the programme activities, if generated)
    ("needs", generate_needs),  # after organisations: they answer the offers questionnaire
    ("observer meetings", generate_observer_meetings),
]


def _context(seed, now):
    countries = list(Country.objects.exclude(region=None).order_by("iso3"))
    if not countries or not Party.objects.filter(convention__code="SC").exists():
        raise ReferenceDataMissing(REFERENCE_MISSING)
    return Context(seed=seed, countries=countries, now=now or timezone.now())


@transaction.atomic
def generate(*, scale, seed, now=None):
    """Bring the database up to the data set for (scale, seed); returns [(family, wanted, created)].

    All or nothing: one transaction. Existing generated rows are kept, so a second run creates nothing.
    Generated dates lie before `now` (default: the present).
    """
    context = _context(seed, now)
    report = []
    for family, generator in GENERATORS:
        wanted = count_for(family, scale)
        report.append((family, wanted, generator(context, wanted)))
    return report
