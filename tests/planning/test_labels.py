"""People read labels, not codes (issue 17.7): a decision's topics show as words on its page and in the filter,
and stay codes in links and the API."""

import pytest

from tahub.planning.forms import DecisionFilterForm
from tahub.planning.models import TOPIC_LABELS, topic_label

pytestmark = pytest.mark.django_db


def test_a_decisions_page_shows_its_topics_as_labels_and_links_by_code(client):
    page = client.get("/decisions/SC-1/15/").content.decode()
    assert ">Technical assistance</a>" in page
    assert "?topic=technical-assistance" in page
    assert ">technical-assistance<" not in page


def test_the_topic_filter_offers_labels():
    labels = dict(DecisionFilterForm().fields["topic"].choices)
    assert labels["technical-assistance"] == "Technical assistance"
    assert labels["regional-centres"] == "Regional centres"


def test_every_topic_in_the_data_has_a_label():
    from tahub.planning.selectors import decision_topics

    assert set(decision_topics()) <= set(TOPIC_LABELS)
    assert topic_label("some-new-topic") == "Some new topic"


def test_the_api_keeps_the_codes(client):
    item = client.get("/api/v1/decisions/SC-1/15").json()
    assert "technical-assistance" in item["topics"]


def test_the_contributions_filter_names_the_trust_funds(client):
    page = client.get("/proposals/contributions/").content.decode()
    assert 'value="SV"' in page and "SV — " in page
