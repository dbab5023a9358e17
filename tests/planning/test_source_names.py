"""People read names, not codes (issue 17): the plan, activity and decision pages name their sources ("InforMEA:
…", linked) instead of the data's keys ("informea-rc9-ta;brs-ta-plan-news"); what staff typed stays as typed; the
programme's list names its conventions."""

import re

import pytest

from tahub.core.sources import SOURCES, source_list
from tahub.planning.models import Decision

pytestmark = pytest.mark.django_db


def _sources(html):
    """The text of the page's "Sources" fact, tags stripped."""
    found = re.search(r"<dt>Sources</dt><dd>(.*?)</dd>", html, re.S)
    return re.sub(r"<[^>]+>", "", found.group(1)).strip()


def test_the_plan_page_names_its_sources(client):
    html = client.get("/plan/2018/").content.decode()

    assert _sources(html) == (
        "InforMEA: the Rotterdam Convention COP-9 decision on technical assistance; "
        "BRS Secretariat news on the technical assistance plan"
    )
    assert "informea-rc9-ta" not in html and "brs-ta-plan-news" not in html


def test_the_activity_page_and_the_programme_name_sources_and_conventions(client):
    activity = client.get("/plan/programme/2012/11/").content.decode()
    programme = client.get("/plan/programme/", {"biennium": 2012}).content.decode()

    assert _sources(activity) == "the project proposal of the technical assistance programme"
    assert "seed-003" not in activity
    assert "<td>Stockholm Convention</td>" in programme and "<td>SC</td>" not in programme


def test_a_decision_page_links_its_sources_and_keeps_what_staff_typed(client):
    decision = Decision.objects.get(number="SC-5/20")
    known = decision.sources.split(";")
    assert set(known) <= set(SOURCES)
    html = client.get(decision.get_absolute_url()).content.decode()
    assert not any(f">{key}<" in html or f"; {key}" in html for key in known)
    for key in known:
        name, url = SOURCES[key]
        assert (f'<a href="{url}">{name}</a>' if url else str(name)) in html

    Decision.objects.filter(pk=decision.pk).update(sources="UNEP/POPS/COP.5/36, annex I;seed-003")
    html = client.get(decision.get_absolute_url()).content.decode()
    assert _sources(html) == "UNEP/POPS/COP.5/36, annex I; the project proposal of the technical assistance programme"


def test_every_source_key_of_the_planning_data_has_a_name():
    from tahub.planning.models import DecisionParagraph, ProgrammeActivity, TAPlan

    keys = set()
    for model in (Decision, DecisionParagraph, ProgrammeActivity, TAPlan):
        for text in model.objects.values_list("sources", flat=True):
            keys |= {part.strip() for part in text.split(";") if part.strip()}
    assert keys and keys <= set(SOURCES)
    assert source_list("") == [] and source_list("A typed note") == [("A typed note", "")]
