"""The aggregates and gaps endpoints: public once published, the same numbers as the analysis."""

import random

import pytest
from django.utils import timezone

from tahub.needs.selectors import analysis

from . import random_world as rw

pytestmark = pytest.mark.django_db


def test_needs_gaps_and_trend(client, cycle):
    parties = list(cycle.invited.order_by("country__iso3")[:20])
    rw.answer_randomly(random.Random(8), cycle, parties)
    base = f"/api/v1/needs/cycles/{cycle.slug}"
    assert client.get(base + "/gaps").status_code == 404
    assert client.get("/api/v1/needs/trend").json() == []
    cycle.results_published_at = timezone.now()
    cycle.save()

    gaps = client.get(base + "/gaps").json()
    needs = client.get(base + "/needs").json()
    trend = client.get("/api/v1/needs/trend").json()

    expected = analysis.gap_ranking(analysis.needs_by_theme_region(cycle), {})
    assert [(g["theme"], g["region"], g["score"], g["rank"]) for g in gaps] == [
        (r.theme, r.region, r.score, i) for i, r in enumerate(expected, start=1)
    ]
    assert sum(n["high"] for n in needs) == sum(r.needs.high for r in expected)
    assert {t["theme"] for t in trend} == {r.theme for r in expected}
    assert all(c["cycle"] == cycle.slug for t in trend for c in t["cycles"])
