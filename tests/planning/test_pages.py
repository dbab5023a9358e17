"""The public decision pages: the list and its filters, a decision's page, and their query cost."""

import pytest

pytestmark = pytest.mark.django_db


def numbers(response):
    return [decision.number for decision in response.context["decisions"]]


def test_decision_list_shows_every_decision(client):
    response = client.get("/decisions/")
    assert response.status_code == 200
    assert "SC-1/15" in numbers(response)


def test_decision_list_filters_by_a_whole_topic(client):
    response = client.get("/decisions/", {"topic": "technical-assistance"})
    found = response.context["decisions"]
    assert "SC-1/15" in numbers(response)
    assert all("technical-assistance" in d.topic_list for d in found)
    assert len(found) == 5  # 2 alone, 1 with regional-centres, 2 with needs-assessment


def test_decision_list_filters_by_meeting(client):
    response = client.get("/decisions/", {"meeting": "COP-1"})
    assert {d.meeting.code for d in response.context["decisions"]} == {"COP-1"}
    assert "SC-1/15" in numbers(response)


def test_decision_list_reports_an_unknown_topic(client):
    response = client.get("/decisions/", {"topic": "assessment"})  # only part of "needs-assessment"
    assert "topic" in response.context["form"].errors
    assert "Select a valid choice" in response.content.decode()


def test_decision_page_shows_meeting_verification_and_notes(client):
    body = client.get("/decisions/SC-1/15/").content.decode()
    assert '<a href="/decisions/?meeting=COP-1">COP-1</a>, Punta del Este (2005-05-02 – 2005-05-06)' in body
    assert "Number and title seen in a source" in body
    assert "Adopts the guidance on technical assistance" in body


def test_decision_page_lists_the_endorsements_that_cite_it(client):
    response = client.get("/decisions/SC-7/17/")
    cited_by = {e.centre.code for e in response.context["decision"].endorsements.all()}
    assert cited_by == {"scrc-brazil", "scrc-iran", "scrc-kenya"}
    assert "/centres/scrc-brazil/" in response.content.decode()


def test_unknown_decision_is_404(client):
    assert client.get("/decisions/SC-99/1/").status_code == 404


@pytest.mark.parametrize("params", [{"meeting": "COP-1"}, {"topic": "budget"}, {}])
def test_decision_list_costs_a_fixed_number_of_queries(client, django_assert_max_num_queries, params):
    # Decisions, the topics and meetings for the filters (the meetings read also check the chosen one).
    with django_assert_max_num_queries(3):
        assert client.get("/decisions/", params).status_code == 200


@pytest.mark.parametrize("number", ["SC-1/15", "SC-7/17"])
def test_decision_page_costs_a_fixed_number_of_queries(client, django_assert_max_num_queries, number):
    # The decision, its endorsements and their centres, its paragraphs.
    with django_assert_max_num_queries(4):
        assert client.get(f"/decisions/{number}/").status_code == 200
