"""Bad input gets a clear JSON message naming the parameter, and changes nothing."""

import json

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


MULTIPART_WITHOUT_BOUNDARY = "multipart/form-data"


@pytest.mark.parametrize("url", ["/api/v1/observer-applications", "/api/v1/listing-requests"])
def test_a_multipart_body_without_its_boundary_is_a_readable_400(client, url):
    response = client.generic("POST", url, b"--x\r\nContent-Disposition: form-data; name=a\r\n\r\n1\r\n--x--\r\n",
                              content_type=MULTIPART_WITHOUT_BOUNDARY)  # fmt: skip
    body = _error(response, 400)
    assert "boundary" in body["detail"]


def _direct(response, status):
    """_error() for a response from a view called directly (no test client, so no .json())."""
    response.json = lambda: json.loads(response.content)
    return _error(response, status)


def _broken_endpoint():
    """The views of a throw-away API with our handlers, by name: one fails as a bug would, one refuses."""
    from ninja import NinjaAPI

    from tahub.core.api_errors import install_error_handlers

    broken = NinjaAPI(urls_namespace="broken-test")
    install_error_handlers(broken)

    @broken.get("/boom")
    def boom(request):
        raise ZeroDivisionError("a bug")

    @broken.get("/denied")
    def denied(request):
        from django.core.exceptions import PermissionDenied

        raise PermissionDenied("Only the Secretariat may do this.")

    return {pattern.name: pattern.callback for pattern in broken.urls[0]}


def test_an_unhandled_exception_answers_the_json_error_shape_and_is_logged(rf, settings, caplog):
    settings.DEBUG = False
    broken = _broken_endpoint()
    request = rf.get("/api/boom")
    with caplog.at_level("ERROR", logger="django.request"):
        response = broken["boom"](request)
    body = _direct(response, 500)
    assert "went wrong on our side" in body["detail"] and "a bug" not in body["detail"]
    assert "Traceback" not in response.content.decode()
    assert any(r.exc_info and r.exc_info[0] is ZeroDivisionError for r in caplog.records)


def test_the_same_json_500_when_debug_is_on(rf, settings):
    settings.DEBUG = True
    response = _broken_endpoint()["boom"](rf.get("/api/boom"))
    _direct(response, 500)


def test_a_permission_refusal_no_endpoint_answered_is_a_json_403_with_its_reason(rf):
    response = _broken_endpoint()["denied"](rf.get("/api/denied"))
    assert _direct(response, 403)["detail"] == "Only the Secretariat may do this."
