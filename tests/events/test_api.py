"""The events API: public calendar and event, the iCalendar feed, and nominations with a token (404 for
another Party's, as on the pages)."""

import pytest
from django.test import Client

from tahub.accounts.tokens import create_api_token
from tahub.events import services

from .conftest import letter, make_event

pytestmark = pytest.mark.django_db


def test_list_and_filter_events(client):
    make_event("one")
    make_event("two", mode="open", kind="webinar")
    body = client.get("/api/v1/events?kind=webinar").json()
    assert (body["count"], body["items"][0]["slug"], body["items"][0]["starts_on"]) == (
        1, "two", body["items"][0]["starts_on"]
    )  # fmt: skip
    assert client.get("/api/v1/events?theme=nope").status_code == 422
    assert client.get("/api/v1/events?month=2026-13").status_code == 422


def test_feed_and_detail(client):
    make_event("one")
    assert client.get("/api/v1/events/calendar.ics").content.startswith(b"BEGIN:VCALENDAR")
    assert client.get("/api/v1/events/one").json()["time_zone"] == "Africa/Nairobi"
    assert client.get("/api/v1/events/nope").status_code == 404


def test_party_nominations_need_the_party_role(event, party_a, contact_a, focal_b):
    services.nominate(event, party=party_a, by=contact_a, name="A", email="a@ken.example", letter=letter())
    url = f"/api/v1/events/{event.slug}/registrations"
    own = Client(headers={"Authorization": f"Bearer {create_api_token(user=contact_a)}"})
    other = Client(headers={"Authorization": f"Bearer {create_api_token(user=focal_b)}"})
    assert [r["email"] for r in own.get(url + "?party=KEN").json()["items"]] == ["a@ken.example"]
    assert other.get(url + "?party=KEN").status_code == 404
    assert own.get(url).status_code == 403


def bearer(user):
    return Client(headers={"Authorization": f"Bearer {create_api_token(user=user)}"})


def nominate_by_api(client, slug, **extra):
    data = {"party": "KEN", "name": "Amina", "email": "amina@ken.example", "letter": letter(), **extra}
    return client.post(f"/api/v1/events/{slug}/nominations", data)


def test_contact_point_nominates_through_the_api_with_the_letter(event, contact_a):
    response = nominate_by_api(bearer(contact_a), event.slug)
    assert response.status_code == 201, response.content
    assert (response.json()["party"], response.json()["state"]) == ("KEN", "nominated")
    registration = event.registrations.get()
    assert registration.letter.read().startswith(b"%PDF-")
    assert registration.history.first().history_change_reason == "events.registration.nominated"


def test_nomination_refusals_are_field_errors_as_on_the_page(event, contact_a, focal_b, administrator):
    from django.core.files.uploadedfile import SimpleUploadedFile

    own = bearer(contact_a)
    fake = SimpleUploadedFile("letter.pdf", b"MZ")
    bad_letter = nominate_by_api(own, event.slug, letter=fake)
    assert bad_letter.status_code == 422
    assert bad_letter.json()["errors"][0]["field"] == "letter"
    assert "is not a real PDF file" in bad_letter.json()["errors"][0]["message"]
    assert nominate_by_api(own, event.slug).status_code == 201
    twice = nominate_by_api(own, event.slug, email="AMINA@ken.example")
    assert twice.status_code == 422
    assert twice.json()["errors"] == [
        {"location": "body", "field": "email", "message": "amina@ken.example is already registered for this event."}
    ]
    nominate_by_api(own, event.slug, email="two@ken.example")
    quota = nominate_by_api(own, event.slug, email="three@ken.example")
    assert quota.status_code == 422 and "already nominated 2 participants" in quota.json()["detail"]
    # Another Party's focal point: 404, as the page; staff do not nominate: 403 with the reason.
    assert nominate_by_api(bearer(focal_b), event.slug, email="x@ken.example").status_code == 404
    staff = nominate_by_api(bearer(administrator), event.slug, email="y@ken.example")
    assert staff.status_code == 403 and "contact point" in staff.json()["detail"]
    assert event.registrations.count() == 2


def test_staff_decide_through_the_api_and_the_waiting_list_moves_up(party_a, contact_a, administrator):
    event = make_event(capacity=1)
    first = services.nominate(event, party=party_a, by=contact_a, name="A", email="a@ken.example", letter=letter())
    second = services.nominate(event, party=party_a, by=contact_a, name="B", email="b@ken.example", letter=letter())
    staff, own = bearer(administrator), bearer(contact_a)
    url = f"/api/v1/events/{event.slug}/registrations/%s/decision"
    assert own.post(url % first.pk, {"action": "accept"}, content_type="application/json").status_code == 403
    accepted = staff.post(url % first.pk, {"action": "accept", "seen_state": "nominated"}, "application/json")
    assert accepted.json()["registration"]["state"] == "accepted"
    full = staff.post(url % second.pk, {"action": "accept"}, content_type="application/json")
    assert full.status_code == 422 and "The event is full" in full.json()["detail"]
    staff.post(url % second.pk, {"action": "waitlist"}, content_type="application/json")
    stale = staff.post(url % first.pk, {"action": "decline", "seen_state": "nominated"}, "application/json")
    assert stale.status_code == 409 and "This registration changed since you read it" in stale.json()["detail"]
    # The Party's contact point cancels its own nomination; the waiting list moves up.
    cancelled = own.post(url % first.pk, {"action": "cancel"}, content_type="application/json").json()
    assert (cancelled["registration"]["state"], cancelled["promoted"]["id"]) == ("cancelled", second.pk)


def test_another_partys_registration_is_404_for_decisions(event, party_a, contact_a, focal_b):
    nomination = services.nominate(event, party=party_a, by=contact_a, name="A", email="a@ken.example", letter=letter())
    url = f"/api/v1/events/{event.slug}/registrations/{nomination.pk}/decision"
    response = bearer(focal_b).post(url, {"action": "cancel"}, content_type="application/json")
    assert response.status_code == 404


def test_open_registration_through_the_api(client, webinar, event):
    url = f"/api/v1/events/{webinar.slug}/register"
    response = client.post(url, {"name": "Ana", "email": "Ana@example.org"}, content_type="application/json",
                           HTTP_ACCEPT_LANGUAGE="fr")  # fmt: skip
    assert response.status_code == 202
    registration = webinar.registrations.get()
    assert registration.token not in response.content.decode()  # the private link goes by e-mail only
    assert (registration.state, registration.language) == ("accepted", "fr")
    twice = client.post(url, {"name": "Ana", "email": "ana@example.org"}, content_type="application/json")
    assert twice.status_code == 202 and webinar.registrations.count() == 1
    bad = client.post(url, {"name": "X", "email": "not-an-address"}, content_type="application/json")
    assert bad.json()["errors"][0]["field"] == "email"
    nomination_event = client.post(f"/api/v1/events/{event.slug}/register", {"name": "X", "email": "x@example.org"},
                                   content_type="application/json")  # fmt: skip
    assert nomination_event.status_code == 422 and "nominations from Parties only" in nomination_event.json()["detail"]


def test_event_detail_carries_both_languages_links_and_public_materials(client, administrator):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tahub.events import content

    from .conftest import PDF

    event = make_event("detailed", agenda="1. Opening")
    content.add_material(
        event, by=administrator, kind="document", title="Agenda", file=SimpleUploadedFile("a.pdf", PDF)
    )
    content.add_material(event, by=administrator, kind="link", title="Private", url="https://x.example", public=False)
    body = client.get("/api/v1/events/detailed").json()
    assert (body["title_fr"], body["agenda"], body["eligible_parties_only"]) == ("Atelier detailed", "1. Opening", True)
    assert body["materials"] == [
        {
            "kind": "document",
            "title": "Agenda",
            "url": f"/events/detailed/materials/{event.materials.get(title='Agenda').pk}/",
        }
    ]
