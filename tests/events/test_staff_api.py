"""The staff's writes to events through the API: the same services, checks and audit as the staff pages —
times placed in the event's zone, a stale edit answered 409, refusals by field, attendance all or nothing —
and only for Secretariat tokens (401 without one, 403 for anyone else)."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from tahub.accounts.tokens import create_api_token
from tahub.events.models import Event, Registration, RegistrationState
from tests.api.stale_messages import is_stale_message

from .conftest import make_event

pytestmark = pytest.mark.django_db


def bearer(user):
    return Client(headers={"Authorization": f"Bearer {create_api_token(user=user)}"})


def new_event(**extra):
    return {
        "slug": "pops-sites-briefing", "kind": "briefing", "title_en": "Contaminated sites",
        "title_fr": "Sites contaminés", "time_zone": "Pacific/Auckland", "start": "2030-07-16T09:00",
        "end": "2030-07-16T12:00", "mode": "online", "languages": "en;fr", "capacity": 100,
        "registration_mode": "open", "registration_deadline": "2030-07-10", "themes": ["inventories"],
        **extra,
    }  # fmt: skip


def test_staff_create_an_event_in_its_own_zone_then_publish_it(administrator):
    api = bearer(administrator)
    response = api.post("/api/v1/events", new_event(), content_type="application/json")
    assert response.status_code == 201, response.content
    body = response.json()
    # 09:00 on 16 July in Auckland is 21:00 on 15 July UTC: the local day is kept.
    assert (body["start"], body["starts_on"], body["state"], body["version"]) == (
        "2030-07-15T21:00:00Z", "2030-07-16", "draft", 0
    )  # fmt: skip
    event = Event.objects.get(slug="pops-sites-briefing")
    assert (event.title_fr, list(event.themes.values_list("slug", flat=True))) == ("Sites contaminés", ["inventories"])
    assert event.history.first().history_change_reason == "events.event.created"
    assert Client().get("/api/v1/events/pops-sites-briefing").status_code == 404  # a draft
    moved = api.post(f"/api/v1/events/{event.slug}/move", {"action": "publish"}, content_type="application/json")
    assert (moved.status_code, moved.json()["state"]) == (200, "published")
    assert Client().get("/api/v1/events/pops-sites-briefing").json()["version"] == 0
    again = api.post(f"/api/v1/events/{event.slug}/move", {"action": "publish"}, content_type="application/json")
    assert again.status_code == 422


def test_refusals_are_by_field_and_nothing_is_saved(administrator):
    api = bearer(administrator)
    bad = new_event(end="2030-07-16T08:00", time_zone="Pacific/Auckland", themes=["inventories", "no-such-theme"])
    response = api.post("/api/v1/events", bad, content_type="application/json")
    assert response.status_code == 422
    assert {e["field"] for e in response.json()["errors"]} == {"themes"}
    assert "no-such-theme" in response.json()["detail"]
    response = api.post("/api/v1/events", new_event(end="2030-07-16T08:00"), content_type="application/json")
    assert [(e["field"], "ends on the next day" in e["message"]) for e in response.json()["errors"]] == [("end", True)]
    response = api.post("/api/v1/events", new_event(slug="new"), content_type="application/json")
    assert [e["field"] for e in response.json()["errors"]] == ["slug"]
    assert not Event.objects.exists()


def test_edit_with_the_version_read_and_a_stale_edit_is_409(administrator):
    event = make_event()
    api = bearer(administrator)
    url = f"/api/v1/events/{event.slug}"
    patch = {"version": 0, "title_en": "Mine", "start": "2030-01-10T09:00", "end": "2030-01-10T17:00"}
    response = api.patch(url, patch, content_type="application/json")
    assert response.status_code == 200, response.content
    assert (response.json()["title_en"], response.json()["version"], response.json()["start"]) == (
        "Mine", 1, "2030-01-10T06:00:00Z"  # 09:00 in Nairobi (UTC+3)
    )  # fmt: skip
    stale = api.patch(url, {"version": 0, "title_en": "Theirs"}, content_type="application/json")
    assert stale.status_code == 409 and is_stale_message("event", stale.json()["detail"])
    event.refresh_from_db()
    assert (event.title_en, event.version, event.history.first().history_change_reason) == (
        "Mine", 1, "events.event.edited"
    )  # fmt: skip
    below = api.patch(url, {"version": 1, "capacity": 0}, content_type="application/json")
    assert below.status_code == 422  # the schema: at least one place
    assert api.patch("/api/v1/events/nope", {"version": 0}, content_type="application/json").status_code == 404


@pytest.fixture
def past_event():
    now = timezone.now()
    event = make_event(
        "past-workshop", start=now - datetime.timedelta(days=3), end=now - datetime.timedelta(days=2),
        registration_deadline=(now - datetime.timedelta(days=10)).date(),
    )  # fmt: skip
    for i, name in enumerate(["Amina", "Bruno", "Chen"]):
        Registration.objects.create(event=event, name=name, email=f"{name.lower()}@example.org",
                                    state=RegistrationState.ACCEPTED, token=f"token-{i}")  # fmt: skip
    return event


def attended(event):
    return dict(event.registrations.values_list("name", "attended"))


def test_attendance_by_ids_and_by_list_all_or_nothing(past_event, administrator):
    api = bearer(administrator)
    url = f"/api/v1/events/{past_event.slug}/attendance"
    amina = past_event.registrations.get(name="Amina")
    outsider = Registration.objects.create(event=make_event("other"), name="X", email="x@example.org", token="t-x")
    refused = api.post(url, {"attended": [amina.pk, outsider.pk]}, content_type="application/json")
    assert refused.status_code == 422
    assert attended(past_event) == {"Amina": None, "Bruno": None, "Chen": None}
    response = api.post(url, {"attended": [amina.pk]}, content_type="application/json")
    assert (response.status_code, response.json()) == (200, {"present": 1})
    assert attended(past_event) == {"Amina": True, "Bruno": False, "Chen": False}
    assert amina.history.first().history_change_reason == "events.registration.attendance"
    bad_list = SimpleUploadedFile("list.csv", b"email\nbruno@example.org\nnobody@example.org\n")
    refused = api.post(url + "/upload", {"file": bad_list})
    assert refused.status_code == 422
    assert refused.json()["errors"] == [
        {"location": "body", "field": "file",
         "message": "Row 3: nobody@example.org is not an accepted participant of this event."}
    ]  # fmt: skip
    assert attended(past_event) == {"Amina": True, "Bruno": False, "Chen": False}
    good_list = SimpleUploadedFile("list.csv", b"email\nBRUNO@example.org\n")
    assert api.post(url + "/upload", {"file": good_list}).json() == {"present": 1}
    assert attended(past_event) == {"Amina": False, "Bruno": True, "Chen": False}


def test_only_secretariat_tokens_write_events(past_event, contact_a, regional_staff):
    amina = past_event.registrations.get(name="Amina")
    calls = [
        ("post", "/api/v1/events", new_event()),
        ("patch", f"/api/v1/events/{past_event.slug}", {"version": 0, "title_en": "x"}),
        ("post", f"/api/v1/events/{past_event.slug}/move", {"action": "cancel"}),
        ("post", f"/api/v1/events/{past_event.slug}/attendance", {"attended": [amina.pk]}),
    ]
    for method, url, data in calls:
        assert getattr(Client(), method)(url, data, content_type="application/json").status_code == 401, url
        refused = getattr(bearer(contact_a), method)(url, data, content_type="application/json")
        assert (refused.status_code, refused.json()["detail"]) == (
            403, "Only Secretariat staff may manage events and participants."
        ), url  # fmt: skip
    upload = SimpleUploadedFile("list.csv", b"email\namina@example.org\n")
    assert (
        bearer(contact_a).post(f"/api/v1/events/{past_event.slug}/attendance/upload", {"file": upload}).status_code
        == 403
    )
    assert attended(past_event) == {"Amina": None, "Bruno": None, "Chen": None}
    assert Event.objects.get(slug=past_event.slug).title_en == "Workshop past-workshop"
    # A regional focal point is Secretariat staff: the same as the staff pages allow.
    response = bearer(regional_staff).post(
        f"/api/v1/events/{past_event.slug}/attendance", {"attended": []}, content_type="application/json"
    )
    assert (response.status_code, response.json()) == (200, {"present": 0})
