"""Generated technical assistance requests: "10 years of a busy programme" at the benchmark scale.

Each request first draws its state (most closed, some declined or withdrawn, a few open), then a timeline that
makes that state true today: submitted → review started → decided → assigned → delivery started → delivered →
closed, each step a drawn number of days after the one before. A closed request's whole timeline lies somewhere
in the last ten years; an open one's last step happened recently enough that the next has not come yet, and some
waited longer than the service levels allow, so the queue shows overdue requests. The timestamp fields set are
exactly those of the steps taken (submitted_at, reviewed_at, decided_at, delivered_at, closed_at).

Only eligible Parties (developing countries and economies in transition) request assistance. The first requests
are the demo Party's (Kenya) and walk through every state, so the demo's "our requests", staff queue and public
statistics all show something at scale 1.

History: one "created" record per request, dated at its last step. The real workflow writes one per transition;
generating those (about six per request, 300,000 rows at the benchmark scale) would triple the generation time
for pages that read history only on a request's own page.
"""

import csv
import datetime
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db.models import Q
from simple_history.utils import bulk_create_with_history

from tahub.accounts.models import User
from tahub.assistance.models import Assignment, State, TARequest
from tahub.demo.accounts import DEMO_PARTY, DEMO_PROVIDER
from tahub.directory.models import Organisation
from tahub.parties.models import Convention, Eligibility, Party
from tahub.vocabularies.models import AssistanceType, Chemical, Theme

from .keys import CHANGE_REASON, organisation_slug, request_reference, user_email

YEARS = 10
DEMO_ORGANISATIONS = 50  # generated organisations at scale 1
DAY = datetime.timedelta(days=1)
DEMO_PARTY_REQUESTS = 16  # the first requests are the demo Party's
# The first requests cycle through every state, so the demo shows each of them.
DEMO_STATES = [
    State.SUBMITTED,
    State.UNDER_REVIEW,
    State.INFO_NEEDED,
    State.ACCEPTED,
    State.ASSIGNED,
    State.IN_DELIVERY,
    State.DELIVERED,
    State.CLOSED,
    State.DECLINED,
    State.WITHDRAWN,
    State.DRAFT,
    State.CLOSED,
    State.IN_DELIVERY,
    State.SUBMITTED,
    State.CLOSED,
    State.DELIVERED,
]
# After them, per 100 requests. Open states are rare because each lasts weeks among ten years of requests.
STATE_WEIGHTS = {
    State.DRAFT: 1.0,
    State.SUBMITTED: 0.6,
    State.UNDER_REVIEW: 1.0,
    State.INFO_NEEDED: 0.4,
    State.ACCEPTED: 0.4,
    State.ASSIGNED: 1.0,
    State.IN_DELIVERY: 5.0,
    State.DELIVERED: 3.0,
    State.CLOSED: 73.0,
    State.DECLINED: 9.0,
    State.WITHDRAWN: 5.6,
}
# The steps of a request's life, in order: (state reached, field stamped, days the step takes: (low, high)).
STEPS = [
    (State.SUBMITTED, "submitted_at", None),
    (State.UNDER_REVIEW, "reviewed_at", (1, 12)),
    (State.ACCEPTED, "decided_at", (5, 40)),
    (State.ASSIGNED, None, (3, 30)),
    (State.IN_DELIVERY, None, (5, 60)),
    (State.DELIVERED, "delivered_at", (30, 365)),
    (State.CLOSED, "closed_at", (5, 90)),
]
# How many steps each state has taken; and whether it is final (its timeline can lie anywhere in the past).
STEPS_TAKEN = {
    State.DRAFT: 0,
    State.SUBMITTED: 1,
    State.UNDER_REVIEW: 2,
    State.INFO_NEEDED: 2,
    State.WITHDRAWN: 2,
    State.ACCEPTED: 3,
    State.DECLINED: 3,
    State.ASSIGNED: 4,
    State.IN_DELIVERY: 5,
    State.DELIVERED: 6,
    State.CLOSED: 7,
}
# The demo Party's requests in these states are the demo provider's (UNITAR's): its member's dashboard has
# requests waiting for delivery, and one delivered.
DEMO_PROVIDER_DELIVERS = (State.ASSIGNED, State.IN_DELIVERY, State.DELIVERED)
OVERDUE_SHARE = 0.3  # of requests waiting on the Secretariat: they wait up to four times longer
SATISFACTION = {1: 3, 2: 7, 3: 20, 4: 40, 5: 30}
LANGUAGES = {"AFR": ["en", "fr"], "GRULAC": ["es", "en"], "CEE": ["ru", "en"], "APG": ["en", "ar", "zh"]}
TITLES = [
    "Support to update the national implementation plan: {theme}",
    "Training on {theme}",
    "Expert advice on {theme}",
    "Assistance with {theme} for {country}",
    "{theme}: pilot project in {country}",
]
FEEDBACK = ["", "Useful and timely.", "The training met our needs.", "Delivery took longer than planned."]


@dataclass(frozen=True)
class Vocabulary:
    """The rows a request is tagged with and assigned to, in a stable order."""

    parties: list
    demo_party: object
    themes: list
    assistance_types: list
    chemicals: list
    conventions: dict
    providers: list  # (organisation id, name, ids of the themes it offers)
    demo_provider: tuple | None  # the demo provider's (id, name, themes): the demo's provider account delivers
    filer: object
    secretariat: object


def eligible_parties():
    """The Stockholm Convention Parties that may request assistance (Article 12), by ISO code."""
    parties = Party.objects.filter(convention__code="SC").select_related("country__region").order_by("country__iso3")
    eligible = Eligibility.may_request_assistance()
    return [p for p in parties if p.country.eligibility in eligible and p.country.region_id is not None]


def _generated_user(seed, name, label):
    user, _created = User.objects.get_or_create(
        email=user_email(seed, name), defaults={"name": label, "password": make_password(None)}
    )
    return user


def _reference_partner_slugs():
    with (settings.REFERENCE_DATA_DIR / "partners.csv").open(encoding="utf-8") as partners:
        return [row["slug"] for row in csv.DictReader(partners)]


def _providers(seed):
    """The reference partners and centres, and the demo's 50 generated organisations: the same at every
    scale ≥ 1 (a smaller scale's requests are a prefix of a larger one's), whatever else was listed since.
    Returns [(id, name, ids of the themes it offers)]."""
    demo_orgs = [organisation_slug(seed, index) for index in range(DEMO_ORGANISATIONS)]
    organisations = Organisation.objects.filter(
        Q(slug__in=demo_orgs) | Q(slug__in=_reference_partner_slugs()) | Q(regional_centre__isnull=False)
    )
    offered = {}
    links = Organisation.themes.through.objects.filter(organisation__in=organisations)
    for org_id, theme_id in links.values_list("organisation_id", "theme_id"):
        offered.setdefault(org_id, set()).add(theme_id)
    rows = organisations.order_by("slug").values_list("pk", "name")
    return [(pk, name, offered.get(pk, set())) for pk, name in rows]


def vocabulary(seed):
    parties = eligible_parties()
    providers = _providers(seed)
    demo_provider = Organisation.objects.filter(slug=DEMO_PROVIDER).values_list("pk", flat=True).first()
    return Vocabulary(
        parties=parties,
        demo_party=next((p for p in parties if p.country.iso3 == DEMO_PARTY), parties[0]),
        themes=list(Theme.objects.order_by("slug")),
        assistance_types=list(AssistanceType.objects.order_by("slug")),
        chemicals=list(Chemical.objects.order_by("slug")),
        conventions={c.code: c for c in Convention.objects.all()},
        providers=providers,
        demo_provider=next((p for p in providers if p[0] == demo_provider), None),
        filer=_generated_user(seed, "filer", "Generated contact point"),
        secretariat=_generated_user(seed, "secretariat", "Generated Secretariat officer"),
    )


# --- one request ---------------------------------------------------------------------------------------------

FINAL = (State.CLOSED, State.DECLINED, State.WITHDRAWN)
WAITING_ON_SECRETARIAT = (State.SUBMITTED, State.UNDER_REVIEW)


def _state(rng, index):
    if index < len(DEMO_STATES):
        return DEMO_STATES[index]
    states, weights = zip(*STATE_WEIGHTS.items(), strict=True)
    return rng.choices(states, weights)[0]


def _elapsed_in_current_step(rng, state, taken):
    """Days since the last step of an open request: less than its next step takes, or (sometimes, while it
    waits on the Secretariat) up to four times longer, past the service level."""
    low, high = STEPS[min(taken, len(STEPS) - 1)][2] if state != State.INFO_NEEDED else STEPS[2][2]
    if state in WAITING_ON_SECRETARIAT and rng.random() < OVERDUE_SHARE:
        return rng.uniform(high * 1.5, high * 4)
    return rng.uniform(0, high)


def timeline(rng, state, now):
    """[(field, datetime)] of the steps a request in `state` has taken by `now`, oldest first, and when it
    was created. Final states lie anywhere in the last YEARS years; open ones end recently."""
    taken = STEPS_TAKEN[state]
    if taken == 0:
        return [], now - rng.uniform(0, 60) * DAY
    gaps = [rng.uniform(*STEPS[step][2]) for step in range(1, taken)]
    if state in FINAL:
        span = YEARS * 365 - sum(gaps)
        start = now - YEARS * 365 * DAY + rng.uniform(0, span) * DAY
    else:
        start = now - (_elapsed_in_current_step(rng, state, taken) + sum(gaps)) * DAY
    moments, at = [start], start
    for gap in gaps:
        at += gap * DAY
        moments.append(at)
    steps = [(STEPS[step][1], moment) for step, moment in enumerate(moments)]
    return steps, start - rng.uniform(0, 20) * DAY


def _tags(rng, vocab):
    conventions = [vocab.conventions["SC"]] + [
        vocab.conventions[code] for code, share in (("BC", 0.25), ("RC", 0.2)) if rng.random() < share
    ]
    return {
        "themes": rng.sample(vocab.themes, rng.choice([1, 1, 2, 2, 3])),
        "assistance_types": rng.sample(vocab.assistance_types, rng.choice([1, 1, 2])),
        "chemicals": rng.sample(vocab.chemicals, rng.choice([0, 0, 1, 2])),
        "conventions": conventions,
    }


def _texts(rng, state, party, tags):
    theme = tags["themes"][0].name
    texts = {
        "title": rng.choice(TITLES).format(theme=theme, country=party.country.name)[:200],
        "description": (
            f"{party.country.name} asks for {tags['assistance_types'][0].name.lower()} on {theme.lower()}, "
            "to meet its obligations under the Convention. (Generated data.)"
        ),
        "language": rng.choice(LANGUAGES.get(party.country.region.code, ["en"])),
    }
    if state == State.INFO_NEEDED:
        texts["message"] = "Please add the budget estimate and the national counterpart."
    elif state == State.DECLINED:
        texts["message"] = "Outside the scope of Article 12 assistance; see the GEF's enabling activities."
    elif state == State.CLOSED:
        satisfaction, weights = zip(*SATISFACTION.items(), strict=True)
        texts["satisfaction"] = rng.choices(satisfaction, weights)[0]
        texts["feedback"] = rng.choice(FEEDBACK)
    return texts


def build_request(context, vocab, index):
    """(the request, its tags, [(organisation id, warning)] assigned, when they were assigned)."""
    rng = context.rng("requests", index)
    state = _state(rng, index)
    party = vocab.demo_party if index < len(DEMO_STATES) else rng.choice(vocab.parties)
    steps, created = timeline(rng, state, context.now)
    tags = _tags(rng, vocab)
    last = steps[-1][1] if steps else created
    request = TARequest(
        reference=request_reference(context.seed, index),
        party=party,
        state=state,  # set at construction: the field is protected
        created_by=vocab.filer,
        created_at=created,
        updated_at=last,
        desired_start=(created + rng.randint(60, 180) * DAY).date() if rng.random() < 0.7 else None,
        **{field: moment for field, moment in steps if field},
        **_texts(rng, state, party, tags),
    )
    request.desired_end = request.desired_start and request.desired_start + rng.randint(90, 720) * DAY
    request._history_date = last
    if STEPS_TAKEN[state] < STEPS_TAKEN[State.ASSIGNED]:
        assigned = []
    elif index < len(DEMO_STATES) and state in DEMO_PROVIDER_DELIVERS and vocab.demo_provider:
        assigned = _assigned_to(vocab.demo_provider, tags=tags)
    else:
        assigned = _assign(rng, vocab, tags)
    return request, tags, assigned, steps[3][1] if assigned else None


WARNING = "%(org)s has not declared that it offers any of this request's themes or types of assistance."


def _assign(rng, vocab, tags):
    """One provider (sometimes two), mostly one that offers a theme of the request."""
    themes = {theme.pk for theme in tags["themes"]}
    matching = [p for p in vocab.providers if p[2] & themes]
    pool = matching if matching and rng.random() < 0.85 else vocab.providers
    chosen = rng.sample(pool, min(len(pool), rng.choice([1, 1, 1, 2])))
    return _assigned_to(*chosen, tags=tags)


def _assigned_to(*providers, tags):
    """[(organisation id, warning)]: the warning where the provider offers none of the request's themes."""
    themes = {theme.pk for theme in tags["themes"]}
    return [(pk, "" if offered & themes else WARNING % {"org": name}) for pk, name, offered in providers]


def _what_they_deliver(tags):
    """The assignment's "what they deliver", in words (the request page shows it beside the provider)."""
    return f"{tags['assistance_types'][0].name}: {tags['themes'][0].name}"[:300]


# --- the family ----------------------------------------------------------------------------------------------


@contextmanager
def keeping_timestamps(*models):
    """Let bulk_create write the generated created_at/updated_at (ten years back) instead of now.

    auto_now(_add) would stamp every row with the moment of generation, and the queue and the statistics
    read those dates. Only for the generator's own transaction; the flags are restored however it ends.
    """
    fields = [m._meta.get_field(name) for m in models for name in ("created_at", "updated_at")]
    saved = [(f, f.auto_now, f.auto_now_add) for f in fields]
    for field in fields:
        field.auto_now = field.auto_now_add = False
    try:
        yield
    finally:
        for field, auto_now, auto_now_add in saved:
            field.auto_now, field.auto_now_add = auto_now, auto_now_add


def _link(field_name, pairs):
    """Bulk-create the through-table rows of TARequest.<field_name> for (request id, target id) pairs."""
    field = TARequest._meta.get_field(field_name)
    through, source, target = field.remote_field.through, field.m2m_field_name(), field.m2m_reverse_field_name()
    rows = [through(**{f"{source}_id": a, f"{target}_id": b}) for a, b in pairs]
    through.objects.bulk_create(rows, batch_size=5000)


def generate_requests(context, count):
    """TA requests of the eligible Parties with their tags, assignments and feedback; returns how many were
    created. Existing generated requests (same seed, same index) are left alone."""
    vocab = vocabulary(context.seed)
    prefix = request_reference(context.seed, 0)[:-5]
    existing = set(TARequest.objects.filter(reference__startswith=prefix).values_list("reference", flat=True))
    built = [
        build_request(context, vocab, index)
        for index in range(count)
        if request_reference(context.seed, index) not in existing
    ]
    with keeping_timestamps(TARequest, Assignment):
        requests = [request for request, *_rest in built]
        bulk_create_with_history(requests, TARequest, batch_size=2000, default_change_reason=CHANGE_REASON)
        for field_name in ("themes", "assistance_types", "chemicals", "conventions"):
            _link(field_name, [(r.pk, tag.pk) for r, tags, *_rest in built for tag in tags[field_name]])
        assignments = []
        for request, tags, assigned, at in built:
            for org_id, warning in assigned:
                assignment = Assignment(
                    request=request,
                    organisation_id=org_id,
                    role=_what_they_deliver(tags),
                    assigned_by=vocab.secretariat,
                    warning=warning,
                    created_at=at,
                    updated_at=at,
                )
                assignment._history_date = at
                assignments.append(assignment)
        bulk_create_with_history(assignments, Assignment, batch_size=2000, default_change_reason=CHANGE_REASON)
    return len(requests)
