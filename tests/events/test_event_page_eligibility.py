"""Issue 17: the event page says who may be nominated in words a person reads: the regions by their names (they
were not shown at all) and the staff's description of the people sought under its own heading, not tacked on
after a semicolon."""

import re

import pytest

from tahub.parties.models import Region

from .conftest import make_event

pytestmark = pytest.mark.django_db


def _facts(html):
    """{term: description} of the page's facts, tags stripped."""
    pairs = re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", html, re.S)
    return {term: re.sub(r"<[^>]+>", "", description).strip() for term, description in pairs}


def test_a_nomination_event_names_its_regions_and_who_may_be_nominated(client):
    event = make_event(eligible_roles="Officials of the ministry in charge of chemicals")
    event.eligible_regions.set(Region.objects.filter(code__in=["AFR", "GRULAC"]))

    facts = _facts(client.get(f"/events/{event.slug}/").content.decode())

    regions = Region.objects.filter(code__in=["AFR", "GRULAC"]).order_by("name")
    assert sorted(facts["Regions whose Parties may nominate"].split("; ")) == [r.name for r in regions]
    assert "AFR" not in facts["Regions whose Parties may nominate"]
    assert facts["Who may be nominated"] == "Officials of the ministry in charge of chemicals"
    assert "Officials of the ministry" not in facts["Who may take part"]


def test_an_open_event_says_nothing_of_nominations(client):
    event = make_event("webinar", mode="open", eligible_roles="Anyone")
    event.eligible_regions.set(Region.objects.filter(code="AFR"))

    facts = _facts(client.get(f"/events/{event.slug}/").content.decode())

    assert "Regions whose Parties may nominate" not in facts and "Who may be nominated" not in facts
