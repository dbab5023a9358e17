"""Staff create and edit events and their materials on /staff/events/: times in the event's zone, a stale
edit refused, materials checked and shown by audience."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from tahub.events import content, services
from tahub.events.models import Event, Material, RegistrationState
from tahub.vocabularies.models import Theme
from tests.api.stale_messages import is_stale_message

from .conftest import PDF, letter, login, make_event

pytestmark = pytest.mark.django_db


def form_data(**extra):
    data = {
        "slug": "pops-sites-briefing", "kind": "briefing", "title_en": "Contaminated sites",
        "title_fr": "Sites contaminés", "description_en": "Draft guidance.", "description_fr": "Projet de guide.",
        "time_zone": "Pacific/Auckland", "start": "2030-07-16T09:00", "end": "2030-07-16T12:00", "mode": "online",
        "languages": ["en", "fr"], "capacity": "100", "party_quota": "2", "registration_mode": "open",
        "registration_deadline": "2030-07-10", "follow_up_after_days": "180",
        "themes": [Theme.objects.get(slug="inventories").pk], "agenda": "1. Opening",
    }  # fmt: skip
    data.update(extra)
    return data


def test_staff_create_an_event_in_its_own_time_zone(client, administrator):
    login(client, administrator)
    assert client.get("/staff/events/new/").status_code == 200
    response = client.post("/staff/events/new/", form_data())
    assert response.status_code == 302
    event = Event.objects.get(slug="pops-sites-briefing")
    # 09:00 on 16 July in Auckland is 21:00 on 15 July UTC: the local day is kept.
    assert event.start == datetime.datetime(2030, 7, 15, 21, 0, tzinfo=datetime.UTC)
    assert (event.starts_on, event.state, event.title_fr) == (datetime.date(2030, 7, 16), "draft", "Sites contaminés")
    assert list(event.themes.values_list("slug", flat=True)) == ["inventories"]
    assert event.history.first().history_change_reason == "events.event.created"


def test_bad_zone_and_end_before_start_are_told_by_field(client, administrator):
    login(client, administrator)
    response = client.post("/staff/events/new/", form_data(time_zone="GMT+3"))
    assert response.status_code == 422
    assert "“GMT+3” is not a time zone name" in response.context["form"].errors["time_zone"][0]
    # An evening event across midnight, entered with the wrong day for its end.
    response = client.post("/staff/events/new/", form_data(start="2030-07-16T23:00", end="2030-07-16T01:00"))
    assert "ends on the next day" in response.context["form"].errors["end"][0]
    response = client.post("/staff/events/new/", form_data(registration_deadline="2030-07-17"))
    assert (
        "on or before the event's last day (2030-07-16" in response.context["form"].errors["registration_deadline"][0]
    )
    assert not Event.objects.exists()


def test_edit_keeps_the_code_and_refuses_a_stale_form(client, administrator):
    event = make_event()
    login(client, administrator)
    page = client.get(f"/staff/events/{event.slug}/edit/")
    form = page.context["form"]
    assert form.initial["start"] == event.start.astimezone(event.zone).replace(tzinfo=None)
    data = {**form_data(registration_mode="nomination"), "version": "0", "slug": "changed"}
    assert client.post(f"/staff/events/{event.slug}/edit/", {**data, "title_en": "Mine"}).status_code == 302
    event.refresh_from_db()
    assert (event.slug, event.title_en, event.version) == ("pcb-workshop", "Mine", 1)
    # A colleague's form, opened at version 0, is refused and changes nothing.
    stale = client.post(f"/staff/events/{event.slug}/edit/", {**data, "title_en": "Theirs"})
    assert stale.status_code == 422 and is_stale_message("event", stale.content.decode())
    event.refresh_from_db()
    assert event.title_en == "Mine"


def test_capacity_and_registration_mode_guard_registered_people(event, party_a, contact_a, administrator):
    nomination = services.nominate(event, party=party_a, by=contact_a, name="A", email="a@ken.example", letter=letter())
    services.accept_registration(nomination, by=administrator)
    data = {"capacity": 0, "registration_mode": "open"}
    with pytest.raises(ValidationError) as error:
        content.update_event(event, by=administrator, data=data, version=event.version)
    assert set(error.value.message_dict) == {"capacity", "registration_mode"}
    assert event.registrations.get().state == RegistrationState.ACCEPTED


def test_only_staff_write_events(event, contact_a):
    with pytest.raises(PermissionDenied):
        content.update_event(event, by=contact_a, data={"title_en": "x"}, version=None)
    with pytest.raises(PermissionDenied):
        content.add_material(event, by=contact_a, kind="link", title="x", url="https://example.org")


def test_materials_added_checked_shown_by_audience_and_removed(client, event, administrator):
    login(client, administrator)
    url = f"/staff/events/{event.slug}/materials/"
    fake = SimpleUploadedFile("agenda.pdf", b"MZ not a pdf")
    refused = client.post(url, {"kind": "document", "title": "Agenda", "file": fake, "public": "on"})
    assert refused.status_code == 422 and "is not a real PDF file" in refused.content.decode()
    no_url = client.post(url, {"kind": "recording", "title": "Recording"})
    assert "Give the address of the recording" in no_url.content.decode()
    pdf = SimpleUploadedFile("agenda.pdf", PDF)
    assert client.post(url, {"kind": "document", "title": "Agenda", "file": pdf, "public": "on"}).status_code == 302
    client.post(url, {"kind": "document", "title": "Slides", "file": SimpleUploadedFile("slides.pdf", PDF)})
    client.post(url, {"kind": "recording", "title": "Recording", "url": "https://example.org/rec"})
    agenda, slides = Material.objects.get(title="Agenda"), Material.objects.get(title="Slides")
    assert (agenda.public, slides.public) == (True, False)
    client.logout()
    body = client.get(event.get_absolute_url()).content.decode()
    assert "Agenda" in body and "Slides" not in body and "Recording" not in body
    assert client.get(f"/events/{event.slug}/materials/{agenda.pk}/").status_code == 200
    assert client.get(f"/events/{event.slug}/materials/{slides.pk}/").status_code == 404
    login(client, administrator)
    assert client.post(f"{url}{agenda.pk}/remove/").status_code == 302
    assert not Material.objects.filter(pk=agenda.pk).exists()
    assert Material.history.filter(history_change_reason="events.material.removed").exists()


def test_participants_only_materials_through_the_private_link(client, webinar, administrator):
    slides = content.add_material(
        webinar, by=administrator, kind="document", title="Slides", file=SimpleUploadedFile("s.pdf", PDF), public=False
    )
    accepted = services.register(webinar, name="A", email="a@example.org")
    services.register(webinar, name="B", email="b@example.org")
    waiting = services.register(webinar, name="C", email="c@example.org")
    assert "Slides" in client.get(accepted.get_absolute_url()).content.decode()
    assert client.get(f"{accepted.get_absolute_url()}materials/{slides.pk}/").status_code == 200
    assert "Slides" not in client.get(waiting.get_absolute_url()).content.decode()
    assert client.get(f"{waiting.get_absolute_url()}materials/{slides.pk}/").status_code == 404
