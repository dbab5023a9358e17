"""Event times at the edges: dates no one means (year 9999, year 1: near them a conversion to UTC overflowed
into a server error) and wall-clock times the event's zone skips or repeats when its clocks change, refused
with a message by field on the staff page and in the API, nothing saved."""

import datetime

import pytest

from tahub.events.models import Event

from .conftest import login
from .test_editing import form_data
from .test_staff_api import bearer, new_event

pytestmark = pytest.mark.django_db

ABSURD = [
    ("Etc/GMT+12", "9999-12-31T13:00", "9999-12-31T14:00"),
    ("Pacific/Pago_Pago", "9999-12-31T20:00", "9999-12-31T21:00"),
    ("Asia/Tokyo", "0001-01-01T01:00", "0001-01-01T02:00"),
]


@pytest.mark.parametrize("zone, start, end", ABSURD)
def test_absurd_dates_are_refused_on_the_page(client, administrator, zone, start, end):
    login(client, administrator)
    response = client.post("/staff/events/new/", form_data(time_zone=zone, start=start, end=end))
    assert response.status_code == 422
    errors = response.context["form"].errors
    last = f"{datetime.date.today().year + 10}-12-31"
    assert errors["start"] == [f"Give a date between 2000-01-01 and {last} (you gave {start[:10]})."]
    assert errors["end"] == [f"Give a date between 2000-01-01 and {last} (you gave {end[:10]})."]
    assert not Event.objects.exists()


@pytest.mark.parametrize("zone, start, end", ABSURD)
def test_absurd_dates_are_refused_in_the_api(administrator, zone, start, end):
    response = bearer(administrator).post(
        "/api/v1/events", new_event(time_zone=zone, start=start, end=end), content_type="application/json"
    )
    assert response.status_code == 422, response.content
    assert {e["field"] for e in response.json()["errors"]} == {"start", "end"}
    assert "Give a date between 2000-01-01" in response.json()["detail"]
    assert not Event.objects.exists()


def test_an_absurd_time_with_an_offset_and_an_absurd_deadline_are_refused(administrator, event):
    api = bearer(administrator)
    body = new_event(
        start="9999-12-31T23:00:00-12:00", end="9999-12-31T23:30:00-12:00", registration_deadline="0001-01-01"
    )
    response = api.post("/api/v1/events", body, content_type="application/json")
    assert response.status_code == 422
    assert {e["field"] for e in response.json()["errors"]} == {"start", "end", "registration_deadline"}
    patch = api.patch(
        f"/api/v1/events/{event.slug}", {"version": 0, "end": "9999-12-31T23:00"}, content_type="application/json"
    )
    assert patch.status_code == 422 and patch.json()["errors"][0]["field"] == "end"
    event.refresh_from_db()
    assert event.version == 0


def test_the_far_zones_work_for_real_dates(client, administrator):
    """Etc/GMT+12 (12 hours behind UTC) and Pago Pago (11 behind) keep the local day, as every zone does."""
    login(client, administrator)
    data = form_data(time_zone="Etc/GMT+12", start="2030-07-16T20:00", end="2030-07-16T22:00")
    assert client.post("/staff/events/new/", data).status_code == 302
    event = Event.objects.get()
    assert event.start == datetime.datetime(2030, 7, 17, 8, 0, tzinfo=datetime.UTC)
    assert (event.starts_on, event.ends_on) == (datetime.date(2030, 7, 16), datetime.date(2030, 7, 16))


def test_a_time_the_clocks_skip_is_refused(client, administrator):
    """Paris moves its clocks from 02:00 to 03:00 on 30 March 2031: 02:30 never happens that night."""
    login(client, administrator)
    data = form_data(time_zone="Europe/Paris", start="2031-03-30T02:30", end="2031-03-30T05:00",
                     registration_deadline="2031-03-20")  # fmt: skip
    response = client.post("/staff/events/new/", data)
    assert response.status_code == 422
    assert response.context["form"].errors["start"] == [
        "2031-03-30 02:30 does not exist in Europe/Paris: the clocks move forward that night and skip it. Give a "
        "time outside the change, for example 03:30."
    ]
    assert not Event.objects.exists()
    api = bearer(administrator)
    body = new_event(time_zone="Europe/Paris", start="2031-03-30T02:30", end="2031-03-30T05:00",
                     registration_deadline="2031-03-20")  # fmt: skip
    answer = api.post("/api/v1/events", body, content_type="application/json")
    assert answer.status_code == 422 and [e["field"] for e in answer.json()["errors"]] == ["start"]
    # 03:30 the same morning is a real time: accepted, 01:30 UTC.
    assert client.post("/staff/events/new/", {**data, "start": "2031-03-30T03:30"}).status_code == 302
    assert Event.objects.get().start == datetime.datetime(2031, 3, 30, 1, 30, tzinfo=datetime.UTC)


def test_a_time_the_clocks_repeat_is_refused_rather_than_guessed(client, administrator):
    """Paris moves its clocks back from 03:00 to 02:00 on 26 October 2031: 02:30 happens twice."""
    login(client, administrator)
    data = form_data(time_zone="Europe/Paris", start="2031-10-26T01:00", end="2031-10-26T02:30",
                     registration_deadline="2031-10-20")  # fmt: skip
    response = client.post("/staff/events/new/", data)
    assert response.status_code == 422
    assert response.context["form"].errors["end"] == [
        "2031-10-26 02:30 happens twice in Europe/Paris: the clocks go back that night, so the time is not clear. "
        "Give a time outside the repeated hour, for example 03:30."
    ]
    assert not Event.objects.exists()


def test_a_nul_in_a_code_is_a_clear_422_not_a_server_error(administrator):
    """PostgreSQL refuses NUL in a query (schemathesis found a 500 on POST /events): a decision number with one
    is refused by the body's schema, and a code list that reaches `resolve` with one calls it unknown."""
    from django.core.exceptions import ValidationError

    from tahub.core.api_types import resolve
    from tahub.vocabularies.models import Theme

    body = new_event(decisions=["SC-5/20\x00"])
    response = bearer(administrator).post("/api/v1/events", body, content_type="application/json")
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "payload.decisions.0"
    assert not Event.objects.exists()
    with pytest.raises(ValidationError) as refused:
        resolve(Theme, ["inventories", "inventories\x00"], name="themes")
    assert "Unknown code: inventories\x00." in refused.value.message_dict["themes"][0]
