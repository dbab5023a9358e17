"""A Party's matrix: needs → offers → requests → delivered; its own people and the Secretariat only (404 else)."""

import random

import pytest
from django.urls import reverse
from django.utils import timezone

from tahub.assistance.models import State, TARequest
from tahub.needs.selectors import matrix
from tahub.vocabularies.models import Theme
from tests.accounts.cast import sign_in

from . import random_world as rw

pytestmark = pytest.mark.django_db


def request_for(party, by, state, *themes, n=1):
    # References are at most 20 characters (PostgreSQL enforces it; SQLite does not).
    for i in range(n):
        request = TARequest.objects.create(
            reference=f"T-{party.country.iso3}-{state[:3]}-{themes[0][:4]}-{i}", party=party, title="t",
            description="d", state=state, created_by=by,
        )  # fmt: skip
        request.themes.set(Theme.objects.filter(slug__in=themes))


@pytest.fixture
def kenya_world(cycle, party_a, contact_a, admin):
    parties = [party_a, *cycle.invited.exclude(pk=party_a.pk).order_by("country__iso3")[:10]]
    submitted = rw.answer_randomly(random.Random(9), cycle, parties, draft_share=0)
    request_for(party_a, contact_a, State.SUBMITTED, "nip", "inventories")
    request_for(party_a, contact_a, State.DELIVERED, "nip", n=2)
    request_for(party_a, contact_a, State.CLOSED, "inventories")
    request_for(party_a, contact_a, State.DECLINED, "inventories")
    other = parties[1]
    request_for(other, admin, State.DELIVERED, "nip", n=3)  # another Party's: never in Kenya's matrix
    return submitted, parties


def url(cycle, iso3="KEN"):
    return reverse("needs:matrix", args=[cycle.slug, iso3])


def test_the_matrix_joins_needs_requests_and_deliveries_of_the_party_only(
    client, cycle, kenya_world, party_a, contact_a
):
    submitted, parties = kenya_world
    questions = list(cycle.questionnaire.questions.select_related("theme"))
    mine = rw.expected_needs({party_a.pk: submitted[party_a.pk]}, questions, parties, key=None)

    page = sign_in(client, contact_a).get(url(cycle))

    assert page.status_code == 200
    rows = {row.theme: row for row in page.context["rows"]}
    assert {slug: row.level for slug, row in rows.items() if row.level} == {
        slug: next(iter(counter)) for (slug, _none), counter in mine.items()
    }
    assert rows["nip"].requests == {State.SUBMITTED: 1, State.DELIVERED: 2}
    assert (rows["nip"].delivered, rows["nip"].open_requests, rows["nip"].requests_total) == (2, 1, 3)
    assert (rows["inventories"].delivered, rows["inventories"].open_requests) == (1, 1)
    assert rows["nip"].offers is None  # results not published: no one else's offers yet


def test_offers_covering_the_partys_region_once_published(client, cycle, kenya_world, party_a, admin):
    from tahub.directory.models import Organisation

    cycle.offers_questionnaire = rw.offers_questionnaire()
    cycle.results_published_at = timezone.now()
    cycle.save()
    offered = rw.offer_randomly(random.Random(4), cycle, list(Organisation.objects.order_by("slug")[:12]))
    expected = {slug: n for (slug, region), n in rw.expected_offers(offered).items() if region == "AFR"}

    rows = matrix.party_matrix(cycle, party_a)

    assert {row.theme: row.offers for row in rows if row.offers} == expected


@pytest.mark.parametrize(
    ("who", "iso3", "status"),
    [("contact_a", "KEN", 200), ("focal_b", "KEN", 404), ("admin", "KEN", 200), ("focal_b", "BRA", 200),
     (None, "KEN", 404), ("admin", "XXX", 404)],
)  # fmt: skip
def test_who_sees_a_matrix(client, cycle, kenya_world, contact_a, focal_b, admin, who, iso3, status):
    person = {"contact_a": contact_a, "focal_b": focal_b, "admin": admin}.get(who)
    if person:
        sign_in(client, person, second_factor=person.is_staff)
    assert client.get(url(cycle, iso3)).status_code == status


def test_matrix_download_and_query_count(client, cycle, kenya_world, contact_a, django_assert_max_num_queries):
    sign_in(client, contact_a)
    client.get(url(cycle))
    with django_assert_max_num_queries(14):  # session, user, cycle, Party, rules, levels, requests, events, themes
        page = client.get(url(cycle))
    assert page.status_code == 200
    download = client.get(url(cycle) + "?table=matrix&export=csv")
    text = b"".join(download.streaming_content).decode()
    assert text.splitlines()[0].startswith("Theme,Need this cycle,Offers covering the region")
    assert len(text.splitlines()) == len(page.context["rows"]) + 1


def test_events_attended_count_each_published_event_once_per_theme(cycle, kenya_world, party_a, party_b):
    from tahub.events.models import EventState

    from .test_analysis_delivered import random_events

    events = random_events(random.Random(3), [party_a, party_b], list(Theme.objects.order_by("slug")[:6]))
    expected = {}
    for state, _day, slugs, people in events:
        if state == EventState.PUBLISHED and any(party == party_a and attended for party, attended in people):
            for slug in slugs:
                expected[slug] = expected.get(slug, 0) + 1

    rows = matrix.party_matrix(cycle, party_a)

    assert expected  # the seed gives Kenya some events to count
    assert {row.theme: row.events for row in rows if row.events} == expected
