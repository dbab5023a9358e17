"""Demo data that reads like a real programme (issue 15.3): names without counters, a suffix only where two
names would collide, cycles named as the Secretariat names them."""

import re

import pytest

from tahub.demo import generators
from tahub.demo.generators import Context, generate, generate_organisations
from tahub.directory.models import Organisation
from tahub.needs.models import Cycle

pytestmark = pytest.mark.django_db

COUNTER = re.compile(r"\(\d+\)|generated \d|\(\d+-\d+\)")


def test_no_organisation_or_cycle_name_carries_a_counter():
    generate(scale=1, seed=1)
    names = list(Organisation.objects.filter(slug__startswith="gen1-").values_list("name", flat=True))
    titles = list(Cycle.objects.filter(slug__startswith="gen1-").values_list("title", flat=True))
    assert len(names) == 50 and titles
    assert [n for n in names + titles if COUNTER.search(n)] == []
    assert len(set(names)) == len(names)
    assert all(re.fullmatch(r"Needs assessment (\d{4})–(\d{4})", t) for t in titles), titles


def test_names_that_would_collide_get_another_name_or_the_country_as_a_suffix(monkeypatch):
    """With one pattern and one topic, the second organisation of a country can only differ by the suffix."""
    from tahub.parties.models import Country

    kenya = Country.objects.get(iso3="KEN")
    monkeypatch.setattr(generators, "NAME_PATTERNS", {kind: ["Friends of {topic}"] for kind in Organisation.Kind})
    monkeypatch.setattr(generators, "TOPICS", ["Chemical Safety"])
    context = Context(seed=99, countries=[kenya], now=generators.timezone.now())
    generate_organisations(context, 2)
    names = sorted(Organisation.objects.filter(slug__startswith="gen99-").values_list("name", flat=True))
    assert names == ["Friends of Chemical Safety", "Friends of Chemical Safety (Kenya)"]


# A name with a generated counter, as a person would meet it: a link's text ending in "(12)" or "(1-30)", or a
# family's placeholder name ("Participant 3-7", "Programme activity 4", "Objective 2", "(generated 0)").
COUNTER_IN_TEXT = re.compile(
    r">[^<>]*\((?:\d+|\d+-\d+)\)\s*</a>|generated \d|\bParticipant \d|Programme activity \d|\bObjective \d\b",
    re.IGNORECASE,
)
SKIP = ("/api/", "/static/", "/admin/", ".csv", ".xlsx", ".pdf", ".xml", ".ics", "/export", "/i18n/")


def test_no_public_page_of_the_demo_shows_a_generated_counter(client):
    """Crawl the public site of the demo from the home page (links only, at most 300 pages)."""
    from tahub.demo.accounts import load_demo_accounts

    generate(scale=1, seed=1)
    load_demo_accounts()
    seen, queue, found = set(), ["/"], []
    while queue and len(seen) < 300:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        html = response.content.decode()
        found += [(url, m.group(0)) for m in COUNTER_IN_TEXT.finditer(html)]
        for href in re.findall(r'href="(/[^"#?]*)', html):
            if href not in seen and not any(part in href for part in SKIP):
                queue.append(href)
    assert len(seen) > 50, "the crawl found too few pages to mean anything"
    assert sorted({m for _u, m in found}) == [], found[:20]
