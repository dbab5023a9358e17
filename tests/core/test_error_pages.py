"""The site's own 404, 403 and 500 pages in every mode, never Django's debug pages (issue 17.9); the admin refuses
a signed-in person who is not staff with a 403 instead of a redirect loop."""

import pytest
from django.test import Client

from tests.accounts import cast

pytestmark = pytest.mark.django_db

DEBUG_404 = "Using the URLconf defined in"
FORGED = "/observers/apply/forged-or-expired-token/"


@pytest.fixture(params=[False, True], ids=["production", "debug"])
def debug(request, settings):
    settings.DEBUG = request.param
    return request.param


def _site_page(response, status, heading):
    html = response.content.decode()
    assert response.status_code == status
    assert f"<h1>{heading}</h1>" in html and 'class="site-nav"' in html
    assert DEBUG_404 not in html and "Traceback" not in html
    return html


def test_a_forged_private_link_shows_the_site_404_page(client, debug):
    _site_page(client.get(FORGED), 404, "Page not found")


def test_an_address_nothing_answers_shows_the_site_404_page(client, debug):
    html = _site_page(client.get("/no-such-page/"), 404, "Page not found")
    assert "observers/apply" not in html  # no list of URL patterns


def test_a_missing_slash_is_still_redirected_in_debug(client, settings):
    settings.DEBUG = True
    response = client.get("/data-notes")
    assert response.status_code == 301 and response["Location"] == "/data-notes/"


def test_a_refusal_shows_the_site_403_page_with_its_reason(client, debug):
    cast.sign_in(client, cast.contact_point("contact@ken.example", "KEN"))
    _site_page(client.get("/requests/queue/"), 403, "You are not allowed to see this page")


def test_the_admin_refuses_a_signed_in_person_who_is_not_staff(client, debug):
    cast.sign_in(client, cast.contact_point("contact@ken.example", "KEN"))
    for url in ("/admin/", "/admin/parties/party/"):
        html = _site_page(client.get(url), 403, "You are not allowed to see this page")
        assert "The administration site is for Secretariat staff." in html
    response = client.get("/admin/login/?next=/admin/", follow=True)  # was a redirect loop
    _site_page(response, 403, "You are not allowed to see this page")
    assert len(response.redirect_chain) <= 2


def test_the_admin_still_opens_for_staff_and_sends_the_public_to_sign_in(client):
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    cast.sign_in(client, cast.staff("admin@secretariat.example"), second_factor=True)
    assert client.get("/admin/").status_code == 200


@pytest.mark.urls("tests.core.error_urls")
def test_a_server_error_shows_the_site_500_page(debug):
    client = Client(raise_request_exception=False)
    _site_page(client.get("/boom/"), 500, "Server error")


@pytest.mark.urls("tests.core.error_urls")
def test_a_server_error_in_debug_is_logged_with_its_traceback(settings, caplog):
    settings.DEBUG = True
    with caplog.at_level("ERROR", logger="django.request"):
        Client(raise_request_exception=False).get("/boom/")
    assert any(r.exc_info and r.exc_info[0] is ZeroDivisionError for r in caplog.records)


def test_an_unknown_api_address_stays_json_in_debug(client, debug):
    response = client.get("/api/v2/nothing")
    assert response.status_code == 404 and response.json()["errors"] == []
