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
