"""Observers no longer stop at "Admitted": the Secretariat opens meetings to observers on its staff pages
(audited, version-checked, dates checked together), and a member of an admitted body lands on the observers
page with a link to register representatives for each meeting open now."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from tahub.directory.models import Membership
from tahub.observers import services
from tahub.observers.models import ObserverMeeting
from tests.api.stale_messages import is_stale_message

from .conftest import make_meeting, make_ngo

pytestmark = pytest.mark.django_db


def login(client, user):
    from tests.accounts import cast

    return cast.sign_in(client, user, second_factor=user.is_staff)


def meeting_form(**extra):
    today = timezone.localdate()
    data = {
        "code": "cop-14", "title": "Fourteenth meeting of the Conference of the Parties", "body": "cop",
        "city": "Geneva", "start": (today + datetime.timedelta(days=90)).isoformat(),
        "end": (today + datetime.timedelta(days=100)).isoformat(),
        "registration_deadline": (today + datetime.timedelta(days=60)).isoformat(), "time_zone": "Europe/Zurich",
    }  # fmt: skip
    data.update(extra)
    return data


def test_staff_open_a_meeting_on_the_page_and_it_is_audited(client, staff):
    login(client, staff)
    assert "Open a meeting to observers" in client.get("/staff/observers/").content.decode()
    assert client.get("/staff/observers/meetings/new/").status_code == 200
    response = client.post("/staff/observers/meetings/new/", meeting_form())
    assert response.status_code == 302 and response.url == "/staff/observers/meetings/cop-14/"
    meeting = ObserverMeeting.objects.get(code="cop-14")
    assert (meeting.city, meeting.version) == ("Geneva", 0)
    assert meeting.history.first().history_change_reason == "observers.meeting.created"
    assert "Fourteenth meeting of the Conference of the Parties" in client.get("/observers/").content.decode()


def test_bad_dates_and_codes_are_told_by_field_and_nothing_is_saved(client, staff):
    login(client, staff)
    today = timezone.localdate()
    cases = [
        ({"end": (today + datetime.timedelta(days=80)).isoformat()}, "end", "must end on or after its first day"),
        ({"registration_deadline": (today + datetime.timedelta(days=101)).isoformat()}, "registration_deadline",
         "on or before the meeting's last day"),
        ({"start": "9999-12-30", "end": "9999-12-31"}, "start", "Give a date between 2000-01-01"),
        ({"code": "new"}, "code", "reserved for a page address"),
        ({"time_zone": "GMT+1"}, "time_zone", "is not a time zone name"),
    ]  # fmt: skip
    for extra, field, message in cases:
        response = client.post("/staff/observers/meetings/new/", meeting_form(**extra))
        assert response.status_code == 422, extra
        assert message in " ".join(response.context["form"].errors[field]), (extra, response.context["form"].errors)
    make_meeting("cop-14")
    taken = client.post("/staff/observers/meetings/new/", meeting_form())
    assert "already exists" in taken.context["form"].errors["code"][0]
    assert ObserverMeeting.objects.count() == 1


def test_edit_keeps_the_code_and_refuses_a_stale_form(client, staff):
    meeting = make_meeting("cop-14")
    login(client, staff)
    page = client.get("/staff/observers/meetings/cop-14/edit/")
    assert page.context["form"].initial["version"] == 0
    data = {**meeting_form(code="changed"), "version": "0"}
    assert client.post("/staff/observers/meetings/cop-14/edit/", {**data, "city": "Bonn"}).status_code == 302
    meeting.refresh_from_db()
    assert (meeting.code, meeting.city, meeting.version) == ("cop-14", "Bonn", 1)
    assert meeting.history.first().history_change_reason == "observers.meeting.edited"
    stale = client.post("/staff/observers/meetings/cop-14/edit/", {**data, "city": "Nairobi"})
    assert stale.status_code == 422 and is_stale_message("meeting open to observers", stale.content.decode())
    meeting.refresh_from_db()
    assert meeting.city == "Bonn"


def test_only_staff_open_meetings(client, focal_point):
    with pytest.raises(PermissionDenied):
        services.create_meeting(by=focal_point, data={"code": "x"})
    login(client, focal_point)
    assert client.get("/staff/observers/meetings/new/").status_code == 403
    assert client.post("/staff/observers/meetings/new/", meeting_form()).status_code == 403
    assert not ObserverMeeting.objects.exists()


def test_an_admitted_bodys_member_lands_on_links_to_register_representatives(client, meeting, ngo, member):
    closed = make_meeting("cop-12", deadline_days=-1, title="Twelfth meeting")
    pending = make_ngo("pending-ngo", "Pending Watch", admitted=False)
    Membership.objects.create(user=member, organisation=pending)
    login(client, member)
    text = client.get("/observers/").content.decode()
    link = f'href="/observers/meetings/{meeting.code}/{ngo.slug}/"'
    assert link in text and f"Register representatives for {meeting.title}" in text
    assert f"/observers/meetings/{closed.code}/{ngo.slug}/" not in text  # registration closed
    assert f"/observers/meetings/{meeting.code}/{pending.slug}/" not in text
    assert "Not admitted yet: representatives can be registered once the Secretariat has admitted it." in text
    assert client.get(f"/observers/meetings/{meeting.code}/{ngo.slug}/").status_code == 200
