"""Bad input gets a clear JSON message naming the parameter, and changes nothing."""

import pytest
from ninja.errors import HttpError

from tahub.api import api
from tahub.core.api_errors import http_error
from tahub.core.api_pagination import MAX_PAGE_SIZE

pytestmark = pytest.mark.django_db


def _error(response, status):
    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"detail", "errors"}
    return body


def test_a_page_size_of_10000_is_refused_naming_the_parameter_and_the_maximum(client):
    body = _error(client.get("/api/v1/parties", {"page_size": 10_000}), 422)
    assert "page_size" in body["detail"]
    assert body["errors"] == [
        {"location": "query", "field": "page_size", "message": f"The largest value allowed is {MAX_PAGE_SIZE}."}
    ]


def test_page_zero_and_a_word_for_a_page_are_refused(client):
    assert _error(client.get("/api/v1/parties", {"page": 0}), 422)["errors"][0]["field"] == "page"
    body = _error(client.get("/api/v1/parties", {"page": "two"}), 422)
    assert body["errors"][0]["message"] == "Give a whole number."


def test_unknown_eligibility_lists_the_choices(client):
    body = _error(client.get("/api/v1/parties", {"eligibility": "foo"}), 422)
    assert body["errors"][0]["field"] == "eligibility"
    assert "developing" in body["errors"][0]["message"]
    assert "transition" in body["errors"][0]["message"]


@pytest.mark.parametrize(
    ("url", "field", "known"),
    [
        ("/api/v1/parties?region=XYZ", "region", "GRULAC"),
        ("/api/v1/centres?region=XYZ", "region", "GRULAC"),
        ("/api/v1/decisions?meeting=COP-99", "meeting", "COP-1"),
        ("/api/v1/decisions?convention=XX", "convention", "SC"),
        ("/api/v1/themes?cluster=nope", "cluster", ""),
    ],
)
def test_unknown_reference_value_says_which_values_exist(client, url, field, known):
    body = _error(client.get(url), 422)
    assert body["errors"][0]["field"] == field
    assert "Unknown value" in body["errors"][0]["message"]
    assert known in body["errors"][0]["message"]


def test_unknown_annex_is_refused(client):
    body = _error(client.get("/api/v1/chemicals", {"annex": "D"}), 422)
    assert body["errors"][0]["field"] == "annex"


def test_control_characters_in_search_are_refused_before_the_database(client):
    body = _error(client.get("/api/v1/parties", {"search": "a\x00b"}), 422)
    assert body["errors"][0]["field"] == "search"


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("/api/v1/parties/XXX", "country code “XXX”"),
        ("/api/v1/centres/no-such-centre", "code “no-such-centre”"),
        ("/api/v1/decisions/SC-99/1", "number “SC-99/1”"),
    ],
)
def test_unknown_object_is_404_with_a_message(client, url, words):
    body = _error(client.get(url), 404)
    assert words in body["detail"]
    assert body["errors"] == []


def test_unknown_address_under_the_api_is_a_json_404(client):
    _error(client.get("/api/v1/nothing-here"), 404)


def test_messages_follow_the_language_asked_for(client):
    english = client.get("/api/v1/parties", {"page_size": 10_000}, HTTP_ACCEPT_LANGUAGE="en").json()
    french = client.get("/api/v1/parties", {"page_size": 10_000}, HTTP_ACCEPT_LANGUAGE="fr").json()
    assert french["errors"][0]["field"] == english["errors"][0]["field"] == "page_size"


def test_a_body_that_is_not_json_gets_a_readable_400(rf):
    response = http_error(rf.post("/api/v1/x"), HttpError(400, "Cannot parse request body"), api)
    assert response.status_code == 400
    assert b"JSON" in response.content
