"""The endpoints anyone may use that send e-mail take at most five sends an hour from one address: pages show
the reason on the form, the API answers 429 with it; nothing is saved or sent past the limit."""

import pytest

from tahub.core import throttle
from tahub.directory.models import ListingRequest
from tahub.observers.models import ObserverApplication
from tests.directory.test_api import form as listing_form
from tests.directory.test_listing import form as listing_page_form
from tests.observers.test_admission_api import application as api_application
from tests.observers.test_pages import application_form as page_application

pytestmark = pytest.mark.django_db

IP = "127.0.0.1"  # the test client's REMOTE_ADDR


def _used(kind, n):
    for _n in range(n):
        throttle.check(kind, IP)


def test_the_limit_counts_per_address_and_per_kind():
    _used("listing", throttle.PER_HOUR)
    with pytest.raises(throttle.Throttled):
        throttle.check("listing", IP)
    throttle.check("listing", "192.0.2.1")  # another address
    throttle.check("feedback", IP)  # another kind


def test_listing_requests_api_answers_429_with_its_reason_past_five_an_hour(client):
    _used("listing", throttle.PER_HOUR - 1)
    assert client.post("/api/v1/listing-requests", listing_form()).status_code == 201
    response = client.post("/api/v1/listing-requests", listing_form(name="Another Lab"))
    assert response.status_code == 429 and response["Retry-After"] == "3600"
    assert "try again later" in response.json()["detail"]
    assert ListingRequest.objects.count() == 1


def test_listing_request_page_shares_the_count_and_says_why_on_the_form(client):
    _used("listing", throttle.PER_HOUR - 1)
    assert client.post("/directory/join/", listing_page_form()).status_code == 302
    response = client.post("/directory/join/", listing_page_form(name="Another Lab"))
    assert response.status_code == 429
    assert "try again later" in response.content.decode()
    assert client.post("/api/v1/listing-requests", listing_form(name="A Third Lab")).status_code == 429
    assert ListingRequest.objects.count() == 1


def test_observer_applications_api_answers_429_past_five_an_hour(client):
    _used("observer-application", throttle.PER_HOUR - 1)
    assert client.post("/api/v1/observer-applications", api_application()).status_code == 201
    response = client.post("/api/v1/observer-applications", api_application(name="Another Watch"))
    assert response.status_code == 429 and "try again later" in response.json()["detail"]
    assert ObserverApplication.objects.count() == 1


def test_observer_application_page_says_why_on_the_form(client):
    _used("observer-application", throttle.PER_HOUR - 1)
    assert client.post("/observers/apply/", page_application()).status_code == 302
    response = client.post("/observers/apply/", page_application(name="Farmers Against Pesticides"))
    assert response.status_code == 429
    assert "try again later" in response.content.decode()
    assert ObserverApplication.objects.count() == 1
