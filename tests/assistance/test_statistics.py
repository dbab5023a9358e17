"""The public statistics compute the same medians on SQLite (in Python) and PostgreSQL (in the database)."""

import datetime

import pytest

from tahub.assistance import services, statistics
from tahub.assistance.models import TARequest

from .conftest import complete_data

pytestmark = pytest.mark.django_db

START = datetime.datetime(2025, 3, 3, 9, tzinfo=datetime.UTC)


def _decided_after(party, by, days):
    request = services.submit_request(services.create_request(party=party, by=by, data=complete_data()), by=by)
    TARequest.objects.filter(pk=request.pk).update(submitted_at=START, decided_at=START + datetime.timedelta(days=days))


def test_median_days_to_decision_even_and_odd(party_a, contact_a):
    assert statistics.median_days("decided_at") is None
    for days in (10, 2, 30):
        _decided_after(party_a, contact_a, days)
    assert statistics.median_days("decided_at") == 10.0
    _decided_after(party_a, contact_a, 13)
    assert statistics.median_days("decided_at") == 11.5  # the mean of the two middle values


def test_counts_by_year_and_region(party_a, contact_a):
    for _ in range(3):
        _decided_after(party_a, contact_a, 1)
    assert statistics.counts_by("party__country__region__code") == [(2025, "AFR", 3)]


def _content(page):
    html = page.content.decode()
    return html[html.index('<main id="main">') : html.index("</main>")]


def test_the_page_is_drawn_again_when_the_figures_are_computed_again(client, party_a, contact_a):
    """The page's content is cached (core.fragments) for each computation of the figures and each language: new
    figures, or another language, show what a page drawn with nothing cached shows."""
    from django.core.cache import cache

    _decided_after(party_a, contact_a, 3)
    first = _content(client.get("/requests/statistics/"))
    _decided_after(party_a, contact_a, 5)
    assert _content(client.get("/requests/statistics/")) == first  # the same figures, as the page says

    cache.delete(statistics.CACHE_KEY)  # what the minutes the page states do
    again = _content(client.get("/requests/statistics/"))
    assert "2 requests submitted so far." in again and again != first

    client.post("/i18n/setlang/", {"language": "es", "next": "/"})
    spanish = _content(client.get("/requests/statistics/"))
    cache.clear()
    assert spanish != again and spanish == _content(client.get("/requests/statistics/"))
