"""Registering representatives: deadline, focal point, admission, duplicates; nothing half-saved."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django_tasks_db.models import DBTaskResult

from tahub.directory.models import Organisation
from tahub.observers import notifications, services
from tahub.observers.models import Registration
from tests.accounts import cast

from .conftest import make_meeting, make_ngo, png, representative

pytestmark = pytest.mark.django_db


def register(meeting, organisation, by, **overrides):
    return services.register_representative(
        meeting=meeting, organisation=organisation, data=representative(**overrides), by=by
    )


def test_focal_point_registers_and_it_is_approved_at_once(meeting, ngo, focal_point):
    registration = register(meeting, ngo, focal_point)
    assert registration.state == Registration.State.APPROVED and registration.approved_by == focal_point
    task = DBTaskResult.objects.get()
    assert task.args_kwargs["kwargs"] == {
        "registration_id": registration.pk,
        "event": "observers.registration.approved",
    }


def test_member_proposes_and_focal_point_approves(meeting, ngo, focal_point, member):
    registration = register(meeting, ngo, member)
    assert registration.state == Registration.State.PROPOSED
    notifications.send_registration_event(registration_id=registration.pk, event="observers.registration.proposed")
    assert mail.outbox[0].to == ["focal@green.example.org"]
    registration = services.approve_registration(registration, by=focal_point)
    assert registration.state == Registration.State.APPROVED
    assert registration.history.first().history_change_reason == "observers.registration.approved"


def test_member_who_is_not_the_focal_point_cannot_approve(meeting, ngo, focal_point, member):
    registration = register(meeting, ngo, member)
    with pytest.raises(PermissionDenied) as error:
        services.approve_registration(registration, by=member)
    assert "focal point" in str(error.value)
    registration.refresh_from_db()
    assert registration.state == Registration.State.PROPOSED


def test_someone_outside_the_organisation_cannot_register(meeting, ngo, focal_point):
    outsider = cast.member("other@unitar.example.org", Organisation.objects.get(slug="unitar"))
    with pytest.raises(PermissionDenied):
        register(meeting, ngo, outsider)
    assert Registration.objects.count() == 0


def test_focal_point_of_another_organisation_cannot_approve(meeting, ngo, focal_point, member):
    other = make_ngo(slug="other", name="Other NGO")
    other_focal = cast.member("focal@other.example.org", other)
    other.observer_focal_points.create(user=other_focal)
    registration = register(meeting, ngo, member)
    with pytest.raises(PermissionDenied):
        services.approve_registration(registration, by=other_focal)


def test_registration_after_the_deadline_is_refused(ngo, focal_point):
    meeting = make_meeting(deadline_days=-1)
    with pytest.raises(ValidationError) as error:
        register(meeting, ngo, focal_point)
    assert error.value.messages[0].startswith(f"Registration for {meeting} closed on")
    assert "Europe/Zurich" in error.value.messages[0]
    assert Registration.objects.count() == 0 and DBTaskResult.objects.count() == 0


def test_deadline_is_the_end_of_the_day_in_geneva():
    meeting = make_meeting(deadline_days=0)
    geneva = ZoneInfo("Europe/Zurich")  # Geneva
    deadline = meeting.registration_deadline
    last_minute = datetime.datetime.combine(deadline, datetime.time(23, 59), tzinfo=geneva)
    first_minute_after = last_minute + datetime.timedelta(minutes=2)
    assert meeting.registration_open(last_minute.astimezone(datetime.UTC))
    assert not meeting.registration_open(first_minute_after.astimezone(datetime.UTC))


def test_approval_after_the_deadline_is_refused(ngo, focal_point, member):
    meeting = make_meeting()
    registration = register(meeting, ngo, member)
    meeting.registration_deadline = meeting.registration_deadline - datetime.timedelta(days=60)
    meeting.save()
    with pytest.raises(ValidationError):
        services.approve_registration(registration, by=focal_point)
    registration.refresh_from_db()
    assert registration.state == Registration.State.PROPOSED


def test_organisation_not_admitted_is_refused(meeting):
    pending = make_ngo(slug="pending", name="Pending NGO", admitted=False)
    focal = cast.member("focal@pending.example.org", pending)
    pending.observer_focal_points.create(user=focal)
    with pytest.raises(ValidationError) as error:
        register(meeting, pending, focal)
    assert "is not admitted as an observer" in error.value.messages[0]
    assert Registration.objects.count() == 0


def test_exempt_organisation_registers_without_admission(meeting):
    unitar = Organisation.objects.get(slug="unitar")
    focal = cast.member("focal@unitar.example.org", unitar)
    unitar.observer_focal_points.create(user=focal)
    assert register(meeting, unitar, focal).state == Registration.State.APPROVED


def test_duplicate_representative_is_refused(meeting, ngo, focal_point):
    register(meeting, ngo, focal_point)
    with pytest.raises(ValidationError) as error:
        register(meeting, ngo, focal_point, name="  ana PEREIRA ")
    assert error.value.message_dict["name"] == [f"  ana PEREIRA  is already registered for {ngo} at {meeting}."]
    assert Registration.objects.count() == 1


def test_refused_representative_may_be_proposed_again(meeting, ngo, focal_point, member):
    services.refuse_registration(register(meeting, ngo, member), by=focal_point)
    assert register(meeting, ngo, member).state == Registration.State.PROPOSED


def test_decided_registration_cannot_be_decided_again(meeting, ngo, focal_point):
    registration = register(meeting, ngo, focal_point)
    with pytest.raises(ValidationError):
        services.refuse_registration(registration, by=focal_point)


def test_photo_must_be_png_or_jpeg_and_small(meeting, ngo, focal_point):
    from django.core.files.uploadedfile import SimpleUploadedFile

    with pytest.raises(ValidationError) as error:
        register(meeting, ngo, focal_point, photo=SimpleUploadedFile("photo.gif", b"GIF89a"))
    assert "photo" in error.value.message_dict
    big = png()
    big.size = 3 * 1024 * 1024
    with pytest.raises(ValidationError) as error:
        register(meeting, ngo, focal_point, photo=big)
    assert "the limit is 2.0" in error.value.message_dict["photo"][0]
    assert Registration.objects.count() == 0


def test_nomination_letter_must_be_a_pdf(meeting, ngo, focal_point):
    with pytest.raises(ValidationError) as error:
        register(meeting, ngo, focal_point, nomination_letter=png("letter.png"))
    assert "nomination_letter" in error.value.message_dict
