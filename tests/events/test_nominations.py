"""Nominations and registrations: who may nominate, quotas, deadline, duplicates, capacity, waiting list."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tahub.events import services
from tahub.events.models import Registration, RegistrationState
from tests.accounts import cast

from .conftest import letter, make_event

pytestmark = pytest.mark.django_db


def nominate(event, party, by, email="a@ken.example", **extra):
    return services.nominate(event, party=party, by=by, name="Amina", email=email, letter=letter(), **extra)


def test_contact_point_nominates_for_its_party(event, party_a, contact_a):
    registration = nominate(event, party_a, contact_a, email="Amina@KEN.example")
    assert registration.state == RegistrationState.NOMINATED
    assert registration.email == "amina@ken.example"
    assert registration.history.first().history_change_reason == "events.registration.nominated"


def test_focal_point_of_another_party_is_refused_and_nothing_saved(event, party_a, focal_b):
    with pytest.raises(PermissionDenied, match="Only this Party's contact point"):
        nominate(event, party_a, focal_b)
    assert Registration.objects.count() == 0


def test_nomination_beyond_the_party_quota_is_refused(event, party_a, contact_a):
    nominate(event, party_a, contact_a, email="one@ken.example")
    nominate(event, party_a, contact_a, email="two@ken.example")
    with pytest.raises(ValidationError, match="already nominated 2 participants"):
        nominate(event, party_a, contact_a, email="three@ken.example")
    assert Registration.objects.count() == 2


def test_the_same_person_nominated_twice_is_refused(event, party_a, contact_a):
    nominate(event, party_a, contact_a)
    with pytest.raises(ValidationError) as error:
        nominate(event, party_a, contact_a, email="A@ken.example")
    assert error.value.message_dict["email"] == ["a@ken.example is already registered for this event."]


def test_a_cancelled_person_may_be_nominated_again(event, party_a, contact_a):
    services.cancel_registration(nominate(event, party_a, contact_a), by=contact_a)
    assert nominate(event, party_a, contact_a).state == RegistrationState.NOMINATED


def test_deadline_is_the_end_of_the_day_in_the_events_time_zone(party_a, contact_a):
    event = make_event(registration_deadline=datetime.date(2030, 3, 1), time_zone="Pacific/Auckland")
    # 1 March, 23:30 in Auckland is 1 March 10:30 UTC: still open.
    open_at = datetime.datetime(2030, 3, 1, 23, 30, tzinfo=ZoneInfo("Pacific/Auckland"))
    assert nominate(event, party_a, contact_a, now=open_at)
    # 2 March 00:30 in Auckland is still 1 March (11:30 UTC) in Geneva or UTC, but the deadline has passed there.
    closed_at = datetime.datetime(2030, 3, 2, 0, 30, tzinfo=ZoneInfo("Pacific/Auckland"))
    assert closed_at.astimezone(datetime.UTC).date() == datetime.date(2030, 3, 1)
    with pytest.raises(ValidationError, match="closed on 2030-03-01 \\(Pacific/Auckland time\\)"):
        nominate(event, party_a, contact_a, email="late@ken.example", now=closed_at)


def test_a_developed_country_party_may_not_nominate_to_an_eligible_only_event(event):
    france = cast.contact_point("contact@fra.example", "FRA")
    with pytest.raises(ValidationError, match="may not nominate"):
        nominate(event, cast.party("FRA"), france)


def test_a_missing_letter_is_refused(event, party_a, contact_a):
    with pytest.raises(ValidationError) as error:
        services.nominate(event, party=party_a, by=contact_a, name="A", email="a@ken.example", letter=None)
    assert "letter" in error.value.message_dict


def test_staff_accept_within_capacity_and_quota(party_a, party_b, contact_a, focal_b, administrator):
    event = make_event(capacity=2, party_quota=2)
    a1 = nominate(event, party_a, contact_a, email="1@ken.example")
    a2 = nominate(event, party_a, contact_a, email="2@ken.example")
    b1 = nominate(event, party_b, focal_b, email="1@bra.example")
    services.accept_registration(a1, by=administrator)
    services.accept_registration(b1, by=administrator)
    with pytest.raises(ValidationError, match="The event is full \\(2 places\\)"):
        services.accept_registration(a2, by=administrator)
    a2.refresh_from_db()
    assert a2.state == RegistrationState.NOMINATED


def test_a_party_beyond_its_quota_of_accepted_participants_is_refused(party_a, contact_a, administrator):
    event = make_event(capacity=10, party_quota=1)
    first = nominate(event, party_a, contact_a, email="1@ken.example")
    services.accept_registration(first, by=administrator)
    event.party_quota = 2  # the quota was raised later: a second nomination, but still one place accepted
    event.save()
    second = nominate(event, party_a, contact_a, email="2@ken.example")
    event.party_quota = 1
    event.save()
    with pytest.raises(ValidationError, match="quota"):
        services.accept_registration(second, by=administrator)


def test_waiting_list_moves_up_on_cancellation(party_a, party_b, contact_a, focal_b, administrator):
    event = make_event(capacity=1)
    first = services.accept_registration(nominate(event, party_a, contact_a), by=administrator)
    waiting = services.waitlist_registration(nominate(event, party_b, focal_b, email="b@bra.example"), by=administrator)
    _cancelled, promoted = services.cancel_registration(first, by=contact_a)
    assert promoted.pk == waiting.pk
    waiting.refresh_from_db()
    assert waiting.state == RegistrationState.ACCEPTED
    assert waiting.history.first().history_change_reason == "events.registration.promoted"


def test_a_non_staff_cannot_accept(event, party_a, contact_a):
    with pytest.raises(PermissionDenied):
        services.accept_registration(nominate(event, party_a, contact_a), by=contact_a)


def test_a_stale_decision_is_refused(event, party_a, contact_a, administrator):
    registration = nominate(event, party_a, contact_a)
    services.decline_registration(registration, by=administrator, message="Not the right profile")
    with pytest.raises(ValidationError, match="This registration changed since you read it"):
        services.accept_registration(registration, by=administrator, seen_state=RegistrationState.NOMINATED)


def test_open_registration_accepts_then_waitlists(webinar):
    first = services.register(webinar, name="A", email="a@example.org")
    services.register(webinar, name="B", email="b@example.org")
    third = services.register(webinar, name="C", email="c@example.org")
    assert (first.state, third.state) == (RegistrationState.ACCEPTED, RegistrationState.WAITLISTED)
    assert services.register(webinar, name="A again", email="A@example.org") == first  # unchanged, link re-sent
    first.refresh_from_db()
    assert (first.name, webinar.registrations.count()) == ("A", 3)
    _cancelled, promoted = services.cancel_registration(first, token=first.token)
    assert promoted.pk == third.pk


def test_nominations_are_refused_for_an_open_event_and_registration_for_a_nomination_event(
    event, webinar, party_a, contact_a
):
    with pytest.raises(ValidationError, match="open registration"):
        nominate(webinar, party_a, contact_a)
    with pytest.raises(ValidationError, match="nominations from Parties only"):
        services.register(event, name="A", email="a@example.org")
