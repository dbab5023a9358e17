"""Generated events and their registrations: at the benchmark scale 5,000 events and about 250,000
registrations, the first event with 500 nominations (the nomination list of the benchmark).

Events lie over ten years up to a year ahead, in several time zones; past accepted participants are mostly
marked as attending. Rows have natural keys from (seed, index), so a second run creates nothing. Registrations
are bulk-created without history rows (as the requests generator does: the benchmark pages do not read them).
"""

import datetime

from django.db.models import Q
from django.utils import translation
from simple_history.utils import bulk_create_with_history

from tahub.directory.models import Organisation
from tahub.events.models import Event, EventState, Kind, Mode, Registration, RegistrationMode, RegistrationState
from tahub.parties.models import Eligibility, Party
from tahub.vocabularies.models import Theme

from .keys import CHANGE_REASON

ZONES = ["Europe/Zurich", "Africa/Nairobi", "America/Panama", "Asia/Bangkok", "Pacific/Auckland", "Africa/Dakar"]
# (English, French) topics: event titles read like the Secretariat's calendar, without generated counters.
TOPICS = [("PCB management", "gestion des PCB"), ("POPs inventories", "inventaires des POP"),
          ("updating national implementation plans", "mise à jour des plans nationaux de mise en œuvre"),
          ("contaminated sites", "sites contaminés"), ("POPs in products", "POP dans les produits"),
          ("alternatives to DDT", "solutions de remplacement du DDT"),
          ("effectiveness evaluation", "évaluation de l'efficacité"),
          ("waste incineration", "incinération des déchets")]  # fmt: skip
# Participants' names: given and family names from every UN region, combined by each row's own random stream.
GIVEN_NAMES = ["Amina", "Kwame", "Fatou", "Tendai", "Nadia", "Omar", "Leila", "Rashid", "Mei", "Arjun", "Siti",
               "Hiroshi", "Olena", "Tomasz", "Irina", "Lucía", "Mateo", "Camila", "Andrés", "Sofia", "Jean",
               "Claire", "Peter", "Ingrid", "Aroha", "Sione"]  # fmt: skip
FAMILY_NAMES = ["Diallo", "Mensah", "Okafor", "Moyo", "Haddad", "El-Amin", "Rahman", "Nguyen", "Sharma", "Tan",
                "Kowalski", "Petrova", "Shevchenko", "González", "Rodríguez", "Silva", "Mendoza", "Dubois",
                "Müller", "Johansson", "Taufa", "Ngata"]  # fmt: skip
DESCRIPTION = (
    "A {kind} for the officials of Parties who work on {topic}: the Convention's obligations, the guidance of the "
    "Conference of the Parties, and experience shared between Parties of the region."
)
BIG_EVENT_NOMINATIONS = 500
STATES = [RegistrationState.ACCEPTED] * 6 + [RegistrationState.NOMINATED, RegistrationState.WAITLISTED,
                                             RegistrationState.DECLINED, RegistrationState.CANCELLED]  # fmt: skip


def _in_french(label):
    with translation.override("fr"):
        return str(label)


def event_slug(seed, index):
    return f"gen{seed}-event-{index:05d}"


def _event(context, index, regions):
    rng = context.rng("events", index)
    kind = rng.choice(list(Kind))
    topic_en, topic_fr = rng.choice(TOPICS)
    zone = rng.choice(ZONES)
    start = context.now + datetime.timedelta(days=rng.randint(-3650, 365), hours=rng.randint(0, 23))
    if index == 0:  # the benchmark's big event: upcoming
        start = context.now + datetime.timedelta(days=60)
    end = start + datetime.timedelta(hours=2 if kind == Kind.WEBINAR else 24 * rng.randint(1, 4))
    event = Event(
        slug=event_slug(context.seed, index), kind=kind,
        title_en=f"{kind.label} on {topic_en}, {start:%B %Y}", title_fr=f"{_in_french(kind.label)} : {topic_fr}",
        description_en=DESCRIPTION.format(kind=kind.label.lower(), topic=topic_en),
        start=start, end=end, time_zone=zone,
        mode=Mode.ONLINE if kind == Kind.WEBINAR else rng.choice(list(Mode)), venue="",
        region_id=rng.choice(regions), languages=rng.choice(["en", "en;fr", "en;es", "fr"]),
        capacity=1000 if index == 0 else rng.choice([30, 50, 100]), party_quota=600 if index == 0 else 2,
        registration_mode=RegistrationMode.OPEN if kind == Kind.WEBINAR and index else RegistrationMode.NOMINATION,
        registration_deadline=(start - datetime.timedelta(days=14)).date(),
        state=EventState.CANCELLED if rng.random() < 0.03 else EventState.PUBLISHED,
    )  # fmt: skip
    # bulk_create skips save(): set the local dates it derives.
    event.starts_on, event.ends_on = start.astimezone(event.zone).date(), end.astimezone(event.zone).date()
    return event


def _registrations(context, index, event, parties):
    rng = context.rng("registrations", index)
    count = BIG_EVENT_NOMINATIONS if index == 0 else rng.randint(0, 99)
    past = event.end < context.now
    rows = []
    for number in range(count):
        state = RegistrationState.NOMINATED if index == 0 else rng.choice(STATES)
        nominated = event.registration_mode == RegistrationMode.NOMINATION
        rows.append(Registration(
            event=event, party_id=rng.choice(parties) if nominated else None,
            name=f"{rng.choice(GIVEN_NAMES)} {rng.choice(FAMILY_NAMES)}",
            email=f"p{number}@e{index}.gen{context.seed}.example", state=state,
            attended=(rng.random() < 0.85) if past and state == RegistrationState.ACCEPTED else None,
            token=f"gen{context.seed}-{index}-{number}",
            # Past events count as already invited to their surveys: the daily job must not mail generated people.
            evaluation_invited_at=event.end if past else None, follow_up_invited_at=event.end if past else None,
        ))  # fmt: skip
    return rows


def generate_events(context, count):
    """Events with themes, organisers and registrations; returns how many events were created."""
    existing = set(Event.objects.filter(slug__startswith=f"gen{context.seed}-event-").values_list("slug", flat=True))
    regions = sorted({c.region_id for c in context.countries})
    eligible = Eligibility.may_request_assistance()
    parties = list(
        Party.objects.filter(convention__code="SC")
        .filter(Q(country__eligibility_override__in=eligible)
                | Q(country__eligibility_override="", country__eligibility_class__in=eligible))
        .order_by("pk").values_list("pk", flat=True)
    )  # fmt: skip
    themes = list(Theme.objects.order_by("slug").values_list("pk", flat=True))
    organisers = list(Organisation.objects.order_by("slug").values_list("pk", flat=True)[:200])
    indexes = [i for i in range(count) if event_slug(context.seed, i) not in existing]
    new = [_event(context, i, regions) for i in indexes]
    bulk_create_with_history(new, Event, batch_size=1000, default_change_reason=CHANGE_REASON)
    theme_links, organiser_links, registrations = [], [], []
    for index, event in zip(indexes, new, strict=True):
        rng = context.rng("event-links", index)
        theme_links += [Event.themes.through(event_id=event.pk, theme_id=t) for t in rng.sample(themes, 2)]
        if organisers:
            organiser_links.append(Event.organisers.through(event_id=event.pk, organisation_id=rng.choice(organisers)))
        registrations += _registrations(context, index, event, parties)
        if len(registrations) > 20000:
            Registration.objects.bulk_create(registrations, batch_size=5000)
            registrations = []
    Registration.objects.bulk_create(registrations, batch_size=5000)
    Event.themes.through.objects.bulk_create(theme_links, batch_size=5000)
    Event.organisers.through.objects.bulk_create(organiser_links, batch_size=5000)
    return len(new)
