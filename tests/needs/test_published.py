"""Published results: the aggregates the public sees are stored when staff publish, equal to the live
calculation at that moment, refreshed when staff publish again, deleted when they withdraw them; the public pages
and the API read them at a fixed, small cost while the Secretariat sees live figures."""

import datetime
import random

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from tahub.directory.models import Organisation
from tahub.needs import exporters, services
from tahub.needs.models import Answer, PublishedResults, Question, Response
from tahub.needs.selectors import analysis, published
from tahub.vocabularies.models import Theme
from tests.accounts.cast import sign_in

from . import random_world as rw
from .test_analysis_delivered import random_events, random_requests

pytestmark = pytest.mark.django_db


@pytest.fixture
def parties(cycle):
    return list(cycle.invited.select_related("country__region").order_by("country__iso3")[:25])


@pytest.fixture
def world(cycle, questionnaire, parties, admin):
    """Two cycles with needs, offers, requests delivered and events attended; the old one published."""
    rng = random.Random(11)
    themes = list(Theme.objects.order_by("slug")[:6])
    old = rw.make_cycle(questionnaire, "needs-2020", rw.deadline(-700), parties, published=False)
    rw.answer_randomly(rng, old, parties)
    rw.answer_randomly(rng, cycle, parties)
    cycle.offers_questionnaire = rw.offers_questionnaire()
    cycle.save()
    rw.offer_randomly(rng, cycle, list(Organisation.objects.order_by("slug")[:10]))
    random_requests(rng, parties, themes, admin)
    random_events(rng, parties, themes)
    services.publish_results(old, by=admin)
    return old


def snapshot(result):
    """Everything the pages, downloads and API show of an analysis, as plain values."""
    return {
        "needs": {key: (name, vars(tally)) for key, (name, tally) in result.needs.items()},
        "offers": result.offers,
        "delivered": {key: vars(d) for key, d in result.delivered.items()},
        "delivered_since": result.delivered_since,
        "previous": result.previous,
        "respondents": result.respondents(),
        "tables": {name: (build(result).header, build(result).rows) for name, build in exporters.CYCLE_TABLES.items()},
    }


def test_the_published_results_equal_the_live_calculation(cycle, world, admin):
    services.publish_results(cycle, by=admin)
    cycles = published.published_cycles()

    stored = published.PublishedAnalysis(cycle, cycles, published.results_of([world, cycle], cycles))
    live = analysis.CycleAnalysis(cycle, cycles)

    assert stored.computed_at is not None and live.computed_at is None
    assert stored.previous == world and stored.delivered_since == world.deadline + datetime.timedelta(days=1)
    assert live.offers and live.delivered and live.trend  # the world has something of each to compare
    assert snapshot(stored) == snapshot(live)
    assert [(r.theme, r.region, r.score, r.status) for r in stored.gaps] == [
        (r.theme, r.region, r.score, r.status) for r in live.gaps
    ]
    assert published.trend_rows(published.themes_of(cycles), cycles) == analysis.theme_trend(cycles)


def test_publishing_again_refreshes_what_the_public_sees(client, cycle, world, parties, admin):
    services.publish_results(cycle, by=admin)
    first = PublishedResults.objects.get(cycle=cycle)
    url = reverse("needs:gaps", args=[cycle.slug])
    before = client.get(url).context["analysis"].respondents()
    late = next(p for p in cycle.invited.order_by("country__iso3") if p not in parties)
    question = Question.objects.get(questionnaire=cycle.questionnaire, kind=Question.Kind.LEVEL, code="nip-level")
    response = Response.objects.create(cycle=cycle, party=late, state=Response.State.SUBMITTED)
    Answer.objects.create(response=response, question=question, level="high")

    assert client.get(url).context["analysis"].respondents() == before  # the figures as published
    staff = sign_in(client, admin, second_factor=True)
    assert staff.get(url).context["analysis"].respondents() == before + 1  # the Secretariat sees them live
    listing = staff.get(reverse("needs_staff:cycles")).content.decode()
    assert f"({before} responses submitted)" in listing and "Publish again with today" in listing
    assert staff.post(reverse("needs_staff:publish", args=[cycle.slug])).status_code == 302
    client.logout()

    page = client.get(url)
    assert page.context["analysis"].respondents() == before + 1
    cycle.refresh_from_db()
    refreshed = PublishedResults.objects.get(cycle=cycle)
    assert refreshed.computed_at > first.computed_at and refreshed.computed_by == admin
    assert cycle.results_published_at is not None and cycle.results_published_at <= first.computed_at
    reasons = [h.history_change_reason for h in cycle.history.order_by("history_date")]
    assert reasons[-2:] == ["needs.cycle.results_published", "needs.cycle.results_republished"]
    assert "Figures as published on" in page.content.decode()


def test_withdrawing_the_results_hides_them_again(client, cycle, world, admin, contact_a):
    services.publish_results(cycle, by=admin)
    with pytest.raises(PermissionDenied):
        services.withdraw_results(cycle, by=contact_a)

    staff = sign_in(client, admin, second_factor=True)
    assert staff.post(reverse("needs_staff:withdraw", args=[cycle.slug])).status_code == 302
    client.logout()

    cycle.refresh_from_db()
    assert cycle.results_published_at is None
    assert not PublishedResults.objects.filter(cycle=cycle).exists()
    assert cycle.history.first().history_change_reason == "needs.cycle.results_withdrawn"
    assert client.get(reverse("needs:gaps", args=[cycle.slug])).status_code == 404
    assert client.get(f"/api/v1/needs/cycles/{cycle.slug}/needs").status_code == 404
    with pytest.raises(ValidationError, match="not published"):
        services.withdraw_results(cycle, by=admin)


def test_publishing_an_earlier_cycle_recounts_the_next_ones_delivered_assistance(cycle, world, admin):
    services.withdraw_results(world, by=admin)
    services.publish_results(cycle, by=admin)
    assert PublishedResults.objects.get(cycle=cycle).delivered_since is None  # no earlier cycle published

    services.publish_results(world, by=admin)

    stored = PublishedResults.objects.get(cycle=cycle)
    assert stored.delivered_since == world.deadline + datetime.timedelta(days=1)
    cycles = published.published_cycles()
    assert snapshot(published.PublishedAnalysis(cycle, cycles, published.results_of([world, cycle], cycles))) == (
        snapshot(analysis.CycleAnalysis(cycle, cycles))
    )
    services.withdraw_results(world, by=admin)
    assert PublishedResults.objects.get(cycle=cycle).delivered_since is None


def test_a_cycle_published_before_results_were_stored_gets_them_on_first_read(client, cycle, world):
    cycle.results_published_at = timezone.now()
    cycle.save()
    assert not PublishedResults.objects.filter(cycle=cycle).exists()

    page = client.get(reverse("needs:gaps", args=[cycle.slug]))

    assert page.status_code == 200
    assert PublishedResults.objects.filter(cycle=cycle).exists()
    assert snapshot(page.context["analysis"]) == snapshot(analysis.CycleAnalysis(cycle, [world, cycle]))

    PublishedResults.objects.filter(cycle=cycle).delete()  # the trend across cycles reads first, this time
    trend = client.get(reverse("needs:across_cycles"))
    assert trend.status_code == 200 and PublishedResults.objects.filter(cycle=cycle).exists()
    assert published.trend_rows(published.themes_of([world, cycle]), [world, cycle]) == analysis.theme_trend(
        [world, cycle]
    )


@pytest.mark.parametrize("extra_cycles", [1, 6])
def test_public_pages_and_api_read_the_stored_results_at_a_fixed_cost(
    client, cycle, world, questionnaire, parties, admin, extra_cycles, django_assert_max_num_queries
):
    for year in range(extra_cycles):
        old = rw.make_cycle(questionnaire, f"n-{year}", rw.deadline(-1000 - 400 * year), parties, published=False)
        rw.answer_randomly(random.Random(year), old, parties)
        services.publish_results(old, by=admin)
    services.publish_results(cycle, by=admin)
    urls = [reverse("needs:gaps", args=[cycle.slug]), reverse("needs:across_cycles"),
            f"/api/v1/needs/cycles/{cycle.slug}/gaps", f"/api/v1/needs/cycles/{cycle.slug}/needs",
            "/api/v1/needs/trend"]  # fmt: skip
    client.get(urls[0])  # reference data read once per process (the map's country names)

    for url in urls:
        with django_assert_max_num_queries(2):  # the cycles visible, their stored results
            assert client.get(url).status_code == 200
    staff = sign_in(Client(), admin, second_factor=True)
    export = {"table": "across-cycles", "export": "csv"}  # the page's table, published and live
    assert list(staff.get(urls[1], export).streaming_content) == list(client.get(urls[1], export).streaming_content)


def test_the_data_generator_stores_the_results_of_the_cycles_it_publishes():
    from tahub.demo.generators import _context
    from tahub.demo.needs import generate_needs

    assert generate_needs(_context(seed=3, now=None), 3) == 3

    cycles = published.published_cycles()
    assert [c.slug for c in cycles] == ["gen3-needs-00", "gen3-needs-01"]  # the latest is still open
    assert sorted(PublishedResults.objects.values_list("cycle_id", flat=True)) == sorted(c.pk for c in cycles)
    stored = published.results_of(cycles, cycles)
    for cycle in cycles:
        assert snapshot(published.PublishedAnalysis(cycle, cycles, stored)) == (
            snapshot(analysis.CycleAnalysis(cycle, cycles))
        )
