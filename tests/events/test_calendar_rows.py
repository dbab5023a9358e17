"""The calendar's rows, written in Python (`views.events.calendar_rows_html`, issue 13): the same HTML as the
template loop they replace (with partials/when.html for the dates), in the reader's language and each event's
time zone, at a few dozen Python calls a row."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.template import engines
from django.utils import translation

from tahub.directory.models import Organisation
from tahub.events import selectors
from tahub.events.models import Event, EventState, Kind, Mode
from tahub.events.views.events import calendar_rows_html
from tahub.vocabularies.models import Theme
from tests.bench.calls import calls_per_row

from .conftest import make_event

pytestmark = pytest.mark.django_db

# The template's loop before issue 13 (events/calendar.html).
OLD_ROWS = (
    "{% load i18n %}"  # noqa: ISC003
    "{% for e in page.object_list %}\n"
    '  <tr><td>{% include "events/partials/when.html" %}</td><td><a href="{{ e.get_absolute_url }}">{{ e.title }}</a>{% if e.state == "cancelled" %} <strong>{% translate "cancelled" %}</strong>{% endif %}</td><td>{{ e.get_kind_display }}</td><td>{{ e.get_mode_display }}{% if e.venue %}, {{ e.venue }}{% endif %}</td><td>{{ e.themes.all|join:"; "|default:"—" }}</td><td>{{ e.organisers.all|join:"; "|default:"—" }}</td></tr>\n'  # noqa: E501
    '  {% empty %}<tr><td colspan="6">{% translate "No event matches these filters." %}</td></tr>\n'
    "  {% endfor %}"
)
# Measured: 145 calls a row on SQLite (its four dates parsed in Python: ~55), ~90 on PostgreSQL; each mostly a
# C method (str.replace in html.escape). The template and the model instances cost ~2,000 a row.
MAX_CALLS_PER_ROW = 160


def _events():
    at = lambda zone, *when: datetime.datetime(*when, tzinfo=ZoneInfo(zone))  # noqa: E731
    make_event(
        "same-day", start=at("Pacific/Auckland", 2030, 7, 16, 9), end=at("Pacific/Auckland", 2030, 7, 16, 12, 5),
        time_zone="Pacific/Auckland", registration_deadline=datetime.date(2030, 7, 1),
    )  # fmt: skip
    make_event(
        "new-year", start=at("America/Lima", 2030, 12, 31, 8, 7), end=at("America/Lima", 2031, 1, 2, 17),
        time_zone="America/Lima", registration_deadline=datetime.date(2030, 12, 1), venue="",
        kind=Kind.WEBINAR, title_en="Tools <&> “quotes” 'and' \"more\"", title_fr="",
    )  # fmt: skip
    Event.objects.filter(slug="new-year").update(mode=Mode.ONLINE)
    cancelled = make_event(
        "cancelled-one", start=at("Europe/Zurich", 2030, 3, 1, 10), end=at("Europe/Zurich", 2030, 3, 1, 11),
        time_zone="Europe/Zurich", registration_deadline=datetime.date(2030, 2, 1), venue="Geneva & <Zurich>",
        state=EventState.CANCELLED, title_ar="ورشة عمل",
    )  # fmt: skip
    cancelled.themes.add(*Theme.objects.order_by("-name")[:3])
    cancelled.organisers.add(
        Organisation.objects.create(slug="zz-short", name="Zz Tools", short_name="Z&Z", kind="private"),
        Organisation.objects.create(slug="aa-long", name="Aa <Institute>", kind="private"),
    )
    bare = make_event("no-themes", start=at("UTC", 2030, 5, 5, 0), end=at("UTC", 2030, 5, 5, 23, 59), time_zone="UTC")
    bare.themes.clear()


@pytest.mark.parametrize("language", ["en", "fr", "ar"])
def test_same_html_as_the_template(language):
    _events()
    with translation.override(language):
        theirs = engines["django"].from_string(OLD_ROWS).render({"page": {"object_list": list(selectors.calendar())}})
        rows = list(selectors.calendar_rows())
        ours = str(calendar_rows_html(rows, *selectors.calendar_names([row["pk"] for row in rows])))
    assert ours == theirs
    assert "Aa &lt;Institute&gt;; Z&amp;Z" in ours


def test_the_page_lists_the_rows_and_says_when_there_is_none(client):
    _events()
    body = client.get("/events/").content.decode()
    assert body.count("<tr><td>") == 4
    assert "16 Jul 2030, 09:00–12:05 (Pacific/Auckland)" in body
    assert "31 Dec 2030, 08:07 – 2 Jan 2031, 17:00 (America/Lima)" in body
    empty = client.get("/events/?kind=briefing").content.decode()
    assert '<tr><td colspan="6">No event matches these filters.</td></tr>' in empty


def test_each_listed_event_costs_a_few_dozen_python_calls(client):
    for i in range(30):
        make_event(f"webinar-{i:02d}", kind=Kind.WEBINAR)
    for i in range(5):
        make_event(f"workshop-{i:02d}")
    per_row, few, many = calls_per_row(
        client, "/events/", {"kind": "workshop"}, {"kind": "webinar"}, rows=lambda r: len(r.context["page"])
    )
    assert few < many
    assert per_row < MAX_CALLS_PER_ROW, f"{per_row:.1f} calls for each event listed"
