"""The gap-analysis pages: who sees what, fixed query counts, and downloads carrying the page's numbers."""

import csv
import io
import random

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from tahub.needs import map as need_map
from tahub.needs.selectors import analysis
from tests.accounts.cast import sign_in

from . import random_world as rw

pytestmark = pytest.mark.django_db


@pytest.fixture
def answered(cycle):
    parties = list(cycle.invited.select_related("country__region").order_by("country__iso3")[:30])
    return rw.answer_randomly(random.Random(5), cycle, parties), parties


def publish(cycle):
    cycle.results_published_at = timezone.now()
    cycle.save()


def csv_rows(response):
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def gaps_url(cycle, **query):
    url = reverse("needs:gaps", args=[cycle.slug])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def test_unpublished_results_are_the_secretariats_only(client, cycle, answered, admin, contact_a):
    assert client.get(gaps_url(cycle)).status_code == 404
    assert sign_in(client, contact_a).get(gaps_url(cycle)).status_code == 404
    page = sign_in(client, admin, second_factor=True).get(gaps_url(cycle))
    assert page.status_code == 200
    assert "Not yet published" in page.content.decode()


def test_the_page_shows_the_ranking_the_map_and_the_trend(client, cycle, answered):
    publish(cycle)

    page = client.get(gaps_url(cycle))

    html = page.content.decode()
    expected = analysis.gap_ranking(analysis.needs_by_theme_region(cycle), {})
    assert [(r.theme, r.region, r.score) for r in page.context["analysis"].gaps] == [
        (r.theme, r.region, r.score) for r in expected
    ]
    assert html.count("<path d=") == len(need_map.outlines()["shapes"])
    assert '<title id="map-title">' in html and '<desc id="map-desc">' in html
    assert "Kenya: " in html  # every country shape is named (by its region's share, for the public)
    assert page.context["map_unit"] == "%"
    assert "No earlier cycle to compare with." in html


def test_staff_see_each_partys_weighted_need_on_the_map(client, cycle, answered, admin):
    submitted, parties = answered
    expected = rw.expected_needs(submitted, [q for q in cycle.questionnaire.questions.select_related("theme")],
                                 parties, key="country")  # fmt: skip
    weights = {"high": 2, "medium": 1}
    by_country = {}
    for (_slug, iso3), counter in expected.items():
        by_country[iso3] = by_country.get(iso3, 0) + sum(weights.get(level, 0) * n for level, n in counter.items())

    page = sign_in(client, admin, second_factor=True).get(gaps_url(cycle))

    names = need_map.country_regions()  # the table beside the map names each Party (issue 15.2)
    assert dict(page.context["map_rows"]) == {names[iso3][0]: value for iso3, value in by_country.items()}


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_each_table_downloads_with_the_numbers_on_the_page(client, cycle, answered, fmt):
    publish(cycle)
    result = analysis.CycleAnalysis(cycle, [cycle])

    response = client.get(gaps_url(cycle, table="gaps", export=fmt))

    assert response.status_code == 200
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    else:
        rows = [
            [("" if v is None else str(v)) for v in row]
            for row in load_workbook(io.BytesIO(response.content)).active.values
        ]
    assert rows[0][:3] == ["Rank", "Theme", "Region"]
    assert [(r[1], r[2], float(r[9])) for r in rows[1:]] == [(g.theme_name, g.region, g.score) for g in result.gaps]
    for table in ("themes", "needs", "regions", "offers", "trend"):
        assert client.get(gaps_url(cycle, table=table, export=fmt)).status_code == 200
    assert client.get(gaps_url(cycle, table="nope", export=fmt)).status_code == 404


@pytest.mark.parametrize("count", [3, 60])
def test_the_gap_page_costs_a_fixed_number_of_queries(
    client, cycle, questionnaire, count, django_assert_max_num_queries
):
    parties = list(cycle.invited.order_by("country__iso3")[:count])
    old = rw.make_cycle(questionnaire, "needs-2020", rw.deadline(-900), parties)
    for c in (old, cycle):
        rw.answer_randomly(random.Random(count), c, parties)
    publish(cycle)
    client.get(gaps_url(cycle))  # reference data read once per process (the map's country names)

    with django_assert_max_num_queries(2):  # cycles, their published results (needs, offers, trend, delivered)
        page = client.get(gaps_url(cycle))

    assert page.status_code == 200
    assert page.context["analysis"].previous == old


def test_across_cycles_shows_published_cycles_only_to_the_public(client, cycle, questionnaire, admin, answered):
    _submitted, parties = answered
    old = rw.make_cycle(questionnaire, "needs-2020", rw.deadline(-900), parties)
    rw.answer_randomly(random.Random(2), old, parties)
    url = reverse("needs:across_cycles")

    public = client.get(url)
    staff = sign_in(client, admin, second_factor=True).get(url)

    assert [c.slug for c in public.context["cycles"]] == ["needs-2020"]
    assert [c.slug for c in staff.context["cycles"]] == ["needs-2020", cycle.slug]
    trend = analysis.theme_trend([old, cycle])
    table = csv_rows(client.get(url, {"table": "across-cycles", "export": "csv"}))  # signed in as staff
    cells = [[r.theme_name, *(r.share(c.pk) for c in (old, cycle))] for r in trend]
    assert table[1:] == [[("" if v is None else str(v)) for v in row] for row in cells]
    download = client.get(url + "?table=across-cycles&export=xlsx")
    sheet = load_workbook(io.BytesIO(download.content)).active
    assert [c.value for c in next(sheet.iter_rows(max_row=1))] == ["Theme", "needs-2020", cycle.title]


def test_across_cycles_query_count(client, cycle, questionnaire, answered, django_assert_max_num_queries):
    _submitted, parties = answered
    for year in range(5):
        c = rw.make_cycle(questionnaire, f"n-{year}", rw.deadline(-400 * (year + 1)), parties)
        rw.answer_randomly(random.Random(year), c, parties)
    client.get(reverse("needs:across_cycles"))  # stores the results of the cycles published without them

    with django_assert_max_num_queries(2):
        assert client.get(reverse("needs:across_cycles")).status_code == 200
