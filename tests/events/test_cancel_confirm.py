"""Cancelling an event tells everyone registered and cannot be undone: one click only asks; the confirmation
page (no JavaScript needed) says who will be told, and only its "yes" cancels."""

import pytest

from tahub.events import services

from .conftest import letter, login

pytestmark = pytest.mark.django_db


def test_cancel_asks_first_and_only_the_confirmation_cancels(client, event, party_a, contact_a, administrator):
    services.nominate(event, party=party_a, by=contact_a, name="A", email="a@ken.example", letter=letter())
    login(client, administrator)
    listing = client.get(f"/staff/events/{event.slug}/").content.decode()
    assert f'<form method="get" action="/staff/events/{event.slug}/move/cancel/">' in listing
    assert '<button type="submit" class="button-danger">Cancel the event…</button>' in listing
    url = f"/staff/events/{event.slug}/move/cancel/"
    page = client.get(url)
    assert page.status_code == 200 and page.templates[0].name == "events/staff/confirm_cancel.html"
    text = page.content.decode()
    assert "The 1 person registered or nominated will be told by e-mail" in text
    assert '<input type="hidden" name="confirm" value="yes">' in text and 'class="button-danger"' in text
    # The old one-click form (a POST without the confirmation) only shows the question.
    assert client.post(url).templates[0].name == "events/staff/confirm_cancel.html"
    event.refresh_from_db()
    assert event.state == "published"
    assert client.post(url, {"confirm": "yes"}).status_code == 302
    event.refresh_from_db()
    assert (event.state, event.history.first().history_change_reason) == ("cancelled", "events.event.cancelled")
    assert client.get(url).status_code == 302  # nothing left to confirm


def test_publish_stays_one_click_and_cancel_is_staff_only(client, event, contact_a):
    assert client.get(f"/staff/events/{event.slug}/move/publish/").status_code == 302  # to the sign-in page
    login(client, contact_a)
    assert client.get(f"/staff/events/{event.slug}/move/cancel/").status_code == 403
    assert client.post(f"/staff/events/{event.slug}/move/cancel/", {"confirm": "yes"}).status_code == 403
    event.refresh_from_db()
    assert event.state == "published"
