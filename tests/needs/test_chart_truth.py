"""Issue 15.2 on the gap page: every gap bar names its theme and its region, whole; the map's colours come from a
scale anchored at zero with a legend that says what they mean; people read region names, the CSV keeps codes."""

import random
import re
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from tahub.needs import map as need_map
from tahub.parties.models import Region

from . import random_world as rw
from .test_analysis_pages import gaps_url, publish

pytestmark = pytest.mark.django_db
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def answered(cycle):
    parties = list(cycle.invited.select_related("country__region").order_by("country__iso3")[:40])
    rw.answer_randomly(random.Random(7), cycle, parties)
    publish(cycle)
    return parties


def _bar_labels(svg):
    root = ET.fromstring(str(svg))
    return [" ".join(s.text for s in t.iter(f"{SVG}tspan")) for t in root.iter(f"{SVG}text")
            if t.get("text-anchor") == "end"]  # fmt: skip


def test_every_gap_bar_names_its_theme_and_its_region_in_full(client, cycle, answered):
    page = client.get(gaps_url(cycle))

    names = dict(Region.objects.values_list("code", "name"))
    expected = [f"{row.theme_name} — {names.get(row.region, row.region)}" for row in page.context["analysis"].gaps[:15]]
    assert _bar_labels(page.context["gaps_chart"]) == expected
    assert len(set(expected)) == len(expected)  # the same theme twice is told apart by its region


def test_tables_name_regions_and_the_csv_keeps_codes(client, cycle, answered):
    page = client.get(gaps_url(cycle))

    html = page.content.decode()
    gaps = html[html.index('id="gaps"') : html.index('id="themes"')]
    assert "African States" in gaps or "Asia-Pacific States" in gaps
    assert not re.search(r"<td>(AFR|APG|CEE|GRULAC|WEOG)</td>", html)
    assert not re.search(r'<th scope="(row|col)">(AFR|APG|CEE|GRULAC|WEOG)</th>', html)
    csv = client.get(gaps_url(cycle, table="gaps", export="csv"))
    assert re.search(r",(AFR|APG|CEE|GRULAC|WEOG),", b"".join(csv.streaming_content).decode())


def test_a_small_spread_of_shares_is_one_colour_and_the_legend_explains_it(db):
    shares = {"AFR": 64.3, "APG": 66.0, "CEE": 67.1, "GRULAC": 68.3}
    svg = str(need_map.world_map(need_map.by_region(shares), title="t", description="d", unit="%", top=100,
                                 measure="the share of Parties in need"))  # fmt: skip

    colours = set(re.findall(r'<path d="[^"]*" fill="(#[0-9a-f]{6})"', svg)) - {need_map.NO_DATA}
    assert colours == {need_map.PALETTE[2]}  # 50–75 %: one class, not four strong colours
    assert "Colours: the share of Parties in need, lighter for less and darker for more" in svg
    assert "from 0 to 100 %" in svg and "0–25 %" in svg and "75–100 %" in svg
    assert [b[:2] for b in need_map.classes([3, 17])] == [(0, 5), (5, 10), (10, 15), (15, 20)]


def test_the_staff_map_table_names_parties(client, cycle, answered, admin):
    from tests.accounts.cast import sign_in

    page = sign_in(client, admin, second_factor=True).get(reverse("needs:gaps", args=[cycle.slug]))

    names = [name for name, _value in page.context["map_rows"]]
    assert names and all(len(name) > 3 for name in names)  # "Kenya", not "KEN"
