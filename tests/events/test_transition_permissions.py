"""Who may move an event or a registration is declared on the model's transition (events/models/); the
services ask it (core.workflow) and refuse with the permission's reason. The participant's own cancellation by
the private link and the promotion from the waiting list are the transitions without a permission."""

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.utils import translation

from tahub.accounts.tokens import create_api_token
from tahub.core import workflow
from tahub.core.rules import REASONS
from tahub.events import services
from tahub.events.models import Event, EventState, Registration, RegistrationState

from .conftest import letter, make_event

pytestmark = pytest.mark.django_db

MANAGE, CANCEL = "events.manage_events", "events.cancel_registration"


def _names(model):
    transitions = model._meta.get_field("state").get_all_transitions(model)
    return {t.name: (t.permission.name if t.permission else None) for t in transitions}


def nominate(event, party, by, email="a@ken.example"):
    return services.nominate(event, party=party, by=by, name="Amina", email=email, letter=letter())


def _refused(step, permission):
    with translation.override("en"), pytest.raises(PermissionDenied) as refused:
        step()
    assert str(refused.value) == str(REASONS[permission])


def test_every_transition_declares_who_may_take_it():
    assert _names(Event) == {"publish": MANAGE, "cancel": MANAGE}
    assert _names(Registration) == {
        "accept": MANAGE,
        "waitlist": MANAGE,
        "decline": MANAGE,
        "cancel": CANCEL,
        "promote": None,  # the system, when a place is freed
        "cancel_by_participant": None,  # the holder of the private link
    }


def test_only_the_secretariat_publishes_or_cancels_an_event(contact_a, administrator):
    draft = make_event("draft-workshop", state=EventState.DRAFT)
    _refused(lambda: services.publish_event(draft, by=contact_a), MANAGE)
    _refused(lambda: services.cancel_event(draft, by=contact_a), MANAGE)
    draft.refresh_from_db()
    assert draft.state == EventState.DRAFT
    assert services.publish_event(draft, by=administrator).state == EventState.PUBLISHED


def test_a_partys_contact_point_may_not_decide_on_its_own_nomination(event, party_a, contact_a):
    registration = nominate(event, party_a, contact_a)
    _refused(lambda: services.accept_registration(registration, by=contact_a), MANAGE)
    _refused(lambda: services.waitlist_registration(registration, by=contact_a), MANAGE)
    _refused(lambda: services.decline_registration(registration, by=contact_a), MANAGE)
    registration.refresh_from_db()
    assert registration.state == RegistrationState.NOMINATED


def test_a_place_is_cancelled_by_staff_the_partys_contact_points_or_the_participant(
    event, party_a, contact_a, focal_b, administrator
):
    registration = nominate(event, party_a, contact_a)
    _refused(lambda: services.cancel_registration(registration, by=focal_b), CANCEL)
    _refused(lambda: services.cancel_registration(registration), CANCEL)
    registration.refresh_from_db()
    assert registration.state == RegistrationState.NOMINATED
    assert services.cancel_registration(registration, by=contact_a)[0].state == RegistrationState.CANCELLED
    registration = nominate(event, party_a, contact_a, email="b@ken.example")
    assert services.cancel_registration(registration, by=administrator)[0].state == RegistrationState.CANCELLED
    registration = nominate(event, party_a, contact_a, email="c@ken.example")
    cancelled, _promoted = services.cancel_registration(registration, token=registration.token)
    assert cancelled.state == RegistrationState.CANCELLED
    assert cancelled.history.first().history_change_reason == "events.registration.cancelled"


def test_another_private_link_is_refused_with_its_reason_and_changes_nothing(event, party_a, contact_a):
    registration = nominate(event, party_a, contact_a)
    other = nominate(event, party_a, contact_a, email="b@ken.example")
    with translation.override("en"), pytest.raises(PermissionDenied) as refused:
        services.cancel_registration(registration, token=other.token)
    assert str(refused.value) == (
        "This is not the private link of this registration, so it cannot cancel it. Open the link in your e-mails "
        "about the event, or ask the Secretariat."
    )
    # The page finds the registration by its link: a link of no registration of this event answers 404.
    response = Client().post(f"/events/{event.slug}/p/not-the-token/")
    assert response.status_code == 404
    registration.refresh_from_db()
    other.refresh_from_db()
    assert (registration.state, other.state) == (RegistrationState.NOMINATED, RegistrationState.NOMINATED)


def test_a_move_the_transition_gives_to_a_person_is_refused_without_one(event, party_a, contact_a):
    registration = nominate(event, party_a, contact_a)
    with pytest.raises(PermissionDenied):
        workflow.move(Registration, registration, "cancel", reason="test")
    registration.refresh_from_db()
    assert registration.state == RegistrationState.NOMINATED


def test_the_api_answers_403_with_the_reason(event, party_a, contact_a):
    registration = nominate(event, party_a, contact_a)
    client = Client(headers={"Authorization": f"Bearer {create_api_token(user=contact_a, name='t')}"})
    url = f"/api/v1/events/{event.slug}/registrations/{registration.pk}/decision"
    response = client.post(url, {"action": "accept"}, content_type="application/json")
    assert response.status_code == 403
    with translation.override("en"):
        assert response.json()["detail"] == str(REASONS[MANAGE])
    registration.refresh_from_db()
    assert registration.state == RegistrationState.NOMINATED
