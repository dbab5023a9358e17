"""The calendar feed: its window, valid iCalendar written without the library's component tree, 304 to a
client that has the current version, and an edit in the very next answer (the cached text is replaced)."""

import datetime

import pytest
from django.utils import timezone
from icalendar import Calendar

from tahub.events import content, feed, ical

from .conftest import make_event

pytestmark = pytest.mark.django_db


def days_ago(days, **extra):
    """An event that ended `days` days ago (it lasted two hours)."""
    end = timezone.now() - datetime.timedelta(days=days)
    slug = f"ended-{days}-days-ago"
    return make_event(slug, start=end - datetime.timedelta(hours=2), end=end, registration_deadline=end.date(), **extra)


def summaries(response):
    return [str(e["summary"]) for e in Calendar.from_ical(response.content).walk("VEVENT")]


def test_feed_carries_recent_and_later_events_and_a_month_gives_older_ones(client):
    old, recent, upcoming = days_ago(feed.PAST_DAYS + 10), days_ago(feed.PAST_DAYS - 10), make_event("upcoming")
    assert summaries(client.get("/events/calendar.ics")) == [recent.title_en, upcoming.title_en]
    assert summaries(client.get("/api/v1/events/calendar.ics")) == [recent.title_en, upcoming.title_en]
    month = f"{old.starts_on:%Y-%m}"
    assert old.title_en in summaries(client.get(f"/events/calendar.ics?month={month}"))
    assert old.title_en in summaries(client.get(f"/api/v1/events/calendar.ics?month={month}"))
    # The older event keeps its own .ics, and the calendar page says what the subscription carries.
    assert client.get(f"/events/{old.slug}/event.ics").status_code == 200
    assert f"the last {feed.PAST_DAYS} days" in client.get("/events/").content.decode()


@pytest.mark.parametrize("url", ["/events/calendar.ics", "/api/v1/events/calendar.ics"])
def test_a_client_with_the_current_version_gets_304(client, url):
    make_event("one")
    first = client.get(url)
    assert (first.status_code, first["Cache-Control"]) == (200, "no-cache")
    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])
    assert (again.status_code, again.content, again["ETag"]) == (304, b"", first["ETag"])
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    assert client.get(url, HTTP_IF_NONE_MATCH='"something-else"').status_code == 200
    assert client.get(url + "?kind=webinar", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200  # other filters


def test_an_edited_event_is_in_the_next_answer(client, administrator):
    event = make_event("edited")
    first = client.get("/events/calendar.ics")
    assert summaries(first) == ["Workshop edited"]
    content.update_event(event, by=administrator, data={"title_en": "Workshop, renamed"}, version=event.version)
    second = client.get("/events/calendar.ics", HTTP_IF_NONE_MATCH=first["ETag"])
    assert (second.status_code, summaries(second)) == (200, ["Workshop, renamed"])
    assert second["ETag"] != first["ETag"]
    make_event("added")  # a new event (and a cancelled or published one) changes the feed too
    assert summaries(client.get("/events/calendar.ics")) == ["Workshop, renamed", "Workshop added"]


def test_the_feed_is_in_the_readers_language(client):
    make_event("bilingual")
    assert summaries(client.get("/events/calendar.ics")) == ["Workshop bilingual"]
    french = client.get("/events/calendar.ics", HTTP_ACCEPT_LANGUAGE="fr")
    assert summaries(french) == ["Atelier bilingual"]


def test_text_is_escaped_and_folded_and_reads_back(client):
    description = "Line one\nline two; a, b \\ c — " + "é" * 100
    event = make_event("escaped", title_en="PCB; oils, and more", description_en=description)
    body = client.get(f"/events/{event.slug}/event.ics").content
    assert all(len(line) <= 75 for line in body.split(b"\r\n"))
    assert b"SUMMARY:PCB\\; oils\\, and more\r\n" in body
    (vevent,) = Calendar.from_ical(body).walk("VEVENT")
    assert (str(vevent["summary"]), str(vevent["description"])) == ("PCB; oils, and more", description)
    assert vevent.decoded("dtend") == event.end.replace(microsecond=0)


def test_an_event_in_utc_is_written_in_utc():
    start = datetime.datetime(2030, 7, 16, 9, 0, tzinfo=datetime.UTC)
    event = make_event("in-utc", start=start, end=start + datetime.timedelta(hours=1), time_zone="UTC",
                       registration_deadline=datetime.date(2030, 7, 1))  # fmt: skip
    body = ical.calendar_bytes([event])
    assert b"DTSTART:20300716T090000Z\r\n" in body
    assert b"VTIMEZONE" not in body
    assert Calendar.from_ical(body).walk("VEVENT")[0].decoded("dtstart") == start
