"""The calendar, its feed, the event page and the staff nomination list: filters, time zones, query counts."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from tahub.events import services
from tahub.events.models import Registration, RegistrationState
from tests.accounts import cast

from .conftest import letter, login, make_event

pytestmark = pytest.mark.django_db
NAIROBI = ZoneInfo("Pacific/Auckland")


def across_midnight_utc():
    """9:00–12:00 on 16 July in Auckland is 21:00–24:00 on 15 July in UTC."""
    start = datetime.datetime(2030, 7, 16, 9, 0, tzinfo=ZoneInfo("Pacific/Auckland"))
    return make_event(
        "auckland-briefing", start=start, end=start + datetime.timedelta(hours=3), time_zone="Pacific/Auckland",
        registration_deadline=datetime.date(2030, 7, 10),
    )  # fmt: skip


def test_an_event_across_midnight_utc_shows_its_local_date(client):
    event = across_midnight_utc()
    assert event.start.astimezone(datetime.UTC).date() == datetime.date(2030, 7, 15)
    assert event.starts_on == datetime.date(2030, 7, 16)
    body = client.get(event.get_absolute_url()).content.decode()
    assert "16 Jul 2030, 09:00–12:00 (Pacific/Auckland)" in body
    july = client.get("/events/?month=2030-07").context["page"].object_list
    assert [e["slug"] for e in july] == ["auckland-briefing"]


def test_ics_carries_the_tzid_and_the_timezone(client):
    event = across_midnight_utc()
    response = client.get(f"/events/{event.slug}/event.ics")
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    (vevent,) = calendar.walk("VEVENT")
    assert vevent.decoded("dtstart") == event.start
    assert b"DTSTART;TZID=Pacific/Auckland:20300716T090000" in response.content
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Pacific/Auckland"]


def test_feed_applies_the_filters(client):
    make_event("a-workshop")
    make_event("a-webinar", mode="open", kind="webinar")
    calendar = Calendar.from_ical(client.get("/events/calendar.ics?kind=webinar").content)
    assert [str(e["summary"]) for e in calendar.walk("VEVENT")] == ["Workshop a-webinar"]


def test_calendar_filters_and_hides_drafts(client):
    make_event("published-one")
    make_event("draft-one", state="draft")
    make_event("webinar-fr", mode="open", kind="webinar", languages="en;fr")
    slugs = lambda query: [e["slug"] for e in client.get(f"/events/{query}").context["page"].object_list]  # noqa: E731
    assert slugs("") == ["published-one", "webinar-fr"]
    assert slugs("?kind=webinar") == ["webinar-fr"]
    assert slugs("?language=fr") == ["webinar-fr"]
    assert slugs("?theme=inventories&mode=in-person") == ["published-one", "webinar-fr"]
    assert client.get("/events/draft-one/").status_code == 404


def test_title_in_the_readers_language(client):
    make_event("bilingual")
    assert "Atelier bilingual" in client.get("/events/bilingual/", HTTP_ACCEPT_LANGUAGE="fr").content.decode()


@pytest.mark.parametrize("params", [{}, {"theme": "inventories", "kind": "workshop"}])
@pytest.mark.parametrize("count", [3, 300])
def test_calendar_costs_a_fixed_number_of_queries(client, count, params, django_assert_max_num_queries):
    for i in range(count):
        make_event(f"event-{i:03d}")
    # The events, their themes and organisers, the themes and regions for the filters (which also check the
    # chosen theme: no query more for a filter).
    with django_assert_max_num_queries(6):
        response = client.get("/events/", params)
    assert response.context["page"].paginator.count == count


@pytest.mark.parametrize("count", [3, 500])  # 500: the benchmark's event with 500 nominations
def test_nomination_list_costs_a_fixed_number_of_queries(client, administrator, count, django_assert_max_num_queries):
    event = make_event(capacity=1000, party_quota=1000)
    party = cast.party("KEN")
    Registration.objects.bulk_create(
        Registration(event=event, party=party, name=f"P{i}", email=f"p{i}@ken.example", token=f"t{i}",
                     state=RegistrationState.NOMINATED)
        for i in range(count)
    )  # fmt: skip
    login(client, administrator)
    with django_assert_max_num_queries(14):
        response = client.get(f"/staff/events/{event.slug}/")
    assert response.context["page"].paginator.count == count


def test_contact_point_nominates_on_the_page_and_another_party_gets_404(client, event, contact_a, focal_b):
    login(client, contact_a)
    response = client.post(
        f"/events/{event.slug}/parties/KEN/", {"name": "Amina", "email": "amina@ken.example", "letter": letter()}
    )
    assert response.status_code == 302
    twice = client.post(
        f"/events/{event.slug}/parties/KEN/", {"name": "Amina", "email": "amina@ken.example", "letter": letter()}
    )
    assert twice.status_code == 422 and "already registered for this event" in twice.content.decode()
    login(client, focal_b)
    assert client.get(f"/events/{event.slug}/parties/KEN/").status_code == 404
    nomination = event.registrations.get()
    assert client.get(f"/events/{event.slug}/nominations/{nomination.pk}/letter/").status_code == 404


def test_staff_accept_and_mark_attendance_on_the_list(client, event, party_a, contact_a, administrator):
    nomination = services.nominate(event, party=party_a, by=contact_a, name="A", email="a@ken.example", letter=letter())
    login(client, administrator)
    client.post(f"/staff/events/{event.slug}/registrations/{nomination.pk}/accept/", {"seen_state": "nominated"})
    client.post(f"/staff/events/{event.slug}/attendance/", {"attended": [nomination.pk]})
    nomination.refresh_from_db()
    assert (nomination.state, nomination.attended) == (RegistrationState.ACCEPTED, True)


def test_open_registration_on_the_page(client, webinar):
    response = client.post(f"/events/{webinar.slug}/register/", {"name": "Ana", "email": "ana@example.org"})
    registration = Registration.objects.get()
    assert response.url == webinar.get_absolute_url()  # the private link goes by e-mail only
    assert registration.state == RegistrationState.ACCEPTED
    assert client.get(registration.get_absolute_url()).context["r"] == registration


def test_organisation_and_centre_pages_list_the_events_they_organised(client, event):
    from tahub.centres.models import RegionalCentre

    centre = RegionalCentre.objects.filter(organisation__isnull=False).select_related("organisation").first()
    event.organisers.add(centre.organisation)
    assert event.title in client.get(f"/directory/{centre.organisation.slug}/").content.decode()
    assert event.title in client.get(f"/centres/{centre.code}/").content.decode()


def test_languages_are_shown_by_name_and_ticked_by_name_on_the_form(client, administrator):
    """People read "English, French", never the codes "en;fr" (the API and exports keep the codes)."""
    event = make_event("bilingual", languages="en;fr")
    text = client.get(event.get_absolute_url()).content.decode()
    assert "<dd>English, French" in text and "en, fr" not in text
    login(client, administrator)
    form = client.get(f"/staff/events/{event.slug}/edit/").content.decode()
    assert 'value="fr" id="id_languages_1" checked' in form
    assert "Language codes" not in form
