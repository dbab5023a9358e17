"""Assistance delivered beside needs and offers: requests delivered and events attended (issue 7 §4), by theme ×
region since the previous cycle, against a plain Python count of random requests and events built from a seed."""

import datetime
import random
from collections import Counter

import pytest
from django.urls import reverse
from django.utils import timezone

from tahub.assistance.models import State, TARequest
from tahub.events.models import EventState, Registration, RegistrationState
from tahub.needs.selectors import analysis, delivery
from tahub.vocabularies.models import Theme
from tests.events.conftest import make_event

from . import random_world as rw

pytestmark = pytest.mark.django_db

SEEDS = [2, 13, 2027]
STATES = [State.DELIVERED, State.CLOSED, State.IN_DELIVERY, State.SUBMITTED, State.DECLINED]


def days_ago(n):
    return timezone.now() - datetime.timedelta(days=n)


def random_requests(rng, parties, themes, by):
    """{request pk: (state, delivered_at, closed_at, party, [theme slugs])}"""
    made = {}
    for i in range(60):
        party, state = rng.choice(parties), rng.choice(STATES)
        delivered = (
            days_ago(rng.randint(0, 800)) if state in (State.DELIVERED, State.CLOSED) and rng.random() < 0.85 else None
        )
        closed = days_ago(rng.randint(0, 800)) if state == State.CLOSED and rng.random() < 0.7 else None
        chosen = rng.sample(themes, rng.randint(0, 3))
        request = TARequest.objects.create(
            reference=f"TA-R-{i}", party=party, title="t", description="d", state=state, created_by=by,
            delivered_at=delivered, closed_at=closed,
        )  # fmt: skip
        request.themes.set(chosen)
        made[request.pk] = (state, delivered, closed, party, [t.slug for t in chosen])
    return made


def random_events(rng, parties, themes):
    """[(state, first day, [theme slugs], [(Party or None, attended)])]"""
    made = []
    for i in range(15):
        state = rng.choice([EventState.PUBLISHED, EventState.PUBLISHED, EventState.DRAFT])
        start = days_ago(rng.randint(-30, 800))
        event = make_event(f"e-{i}", state=state, start=start, end=start + datetime.timedelta(hours=30))
        chosen = rng.sample(themes, rng.randint(0, 3))
        event.themes.set(chosen)
        people = []
        for j in range(rng.randint(0, 8)):
            party = rng.choice([*parties, None])
            attended = rng.choice([True, True, False, None])
            Registration.objects.create(
                event=event, party=party, name=f"P{j}", email=f"p{j}@e{i}.example", state=RegistrationState.ACCEPTED,
                attended=attended,
            )  # fmt: skip
            people.append((party, attended))
        made.append((state, event.starts_on, [t.slug for t in chosen], people))
    return made


def expected_delivered(requests, events, since):
    """The same counts, in plain Python."""
    start = timezone.make_aware(datetime.datetime.combine(since, datetime.time.min)) if since else None
    got = Counter()
    for state, delivered, closed, party, slugs in requests.values():
        when = delivered or closed
        if state in (State.DELIVERED, State.CLOSED) and (start is None or (when and when >= start)):
            for slug in slugs:
                got[(slug, party.country.region.code, "requests")] += 1
    for state, day, slugs, people in events:
        if state != EventState.PUBLISHED or (since and day < since):
            continue
        assisted = {party for party, attended in people if party and attended}
        for slug in slugs:
            for party in assisted:
                got[(slug, party.country.region.code, "events")] += 1
    return got


def as_counter(table):
    got = Counter()
    for (slug, region), counts in table.items():
        got.update({(slug, region, "requests"): counts.requests, (slug, region, "events"): counts.events})
    return +got


@pytest.fixture
def themes():
    return list(Theme.objects.order_by("slug")[:6])


@pytest.fixture
def parties(cycle):
    return list(cycle.invited.select_related("country__region").order_by("country__iso3")[:25])


@pytest.mark.parametrize("seed", SEEDS)
def test_delivered_by_theme_and_region_match_a_plain_python_count(cycle, questionnaire, parties, themes, admin, seed):
    rng = random.Random(seed)
    requests = random_requests(rng, parties, themes, admin)
    events = random_events(rng, parties, themes)
    old = rw.make_cycle(questionnaire, "needs-old", timezone.localdate() - datetime.timedelta(days=400), parties)

    result = analysis.CycleAnalysis(cycle, [old, cycle])

    assert result.delivered_since == old.deadline + datetime.timedelta(days=1)
    assert as_counter(result.delivered) == expected_delivered(requests, events, result.delivered_since)
    assert as_counter(delivery.delivered_by_theme_region()) == expected_delivered(requests, events, None)
    assert analysis.CycleAnalysis(old, [old, cycle]).delivered_since is None


def test_the_gap_ranking_carries_the_delivered_counts_without_changing_the_score(cycle, parties, themes, admin):
    rng = random.Random(4)
    rw.answer_randomly(rng, cycle, parties)
    random_requests(rng, parties, themes, admin)
    random_events(rng, parties, themes)
    result = analysis.CycleAnalysis(cycle, [cycle])

    rows = {(r.theme, r.region): r for r in result.gaps}

    assert set(rows) == set(result.needs) | set(result.offers) | set(result.delivered)
    for key, counts in result.delivered.items():
        assert (rows[key].delivered.requests, rows[key].delivered.events) == (counts.requests, counts.events)
    plain = {(r.theme, r.region): r.score for r in analysis.gap_ranking(result.needs, result.offers)}
    assert all(rows[key].score == score for key, score in plain.items())


def test_the_gap_page_and_its_download_show_what_was_delivered(
    client, cycle, parties, themes, admin, django_assert_max_num_queries
):
    rng = random.Random(6)
    rw.answer_randomly(rng, cycle, parties)
    random_requests(rng, parties, themes, admin)
    random_events(rng, parties, themes)
    cycle.results_published_at = timezone.now()
    cycle.save()
    url = reverse("needs:gaps", args=[cycle.slug])
    client.get(url)

    with django_assert_max_num_queries(2):  # cycles, their published results (with what was delivered)
        page = client.get(url)
    download = client.get(url + "?table=gaps&export=csv")
    api = client.get(f"/api/v1/needs/cycles/{cycle.slug}/gaps").json()

    html = page.content.decode()
    assert "Requests delivered" in html and "Events attended" in html
    lines = b"".join(download.streaming_content).decode().splitlines()
    assert lines[0].endswith("Requests delivered,Events attended")
    gaps = page.context["analysis"].gaps
    assert [line.split(",")[-2:] for line in lines[1:]] == [
        [str(r.delivered.requests), str(r.delivered.events)] for r in gaps
    ]
    assert [(g["requests_delivered"], g["events_attended"]) for g in api] == [
        (r.delivered.requests, r.delivered.events) for r in gaps
    ]
    assert sum(r.delivered.total for r in gaps) > 0
