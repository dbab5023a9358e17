"""E-mails in each recipient's language, and the survey invitations (after the event, and months later)."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from tahub.events import notifications, selectors, services
from tahub.events.models import Registration, RegistrationState, SurveyResponse

from .conftest import letter, make_event

pytestmark = pytest.mark.django_db


def by_recipient():
    return {message.to[0]: message for message in mail.outbox}


def test_each_recipient_in_their_language(event, party_a, contact_a):
    contact_a.language = "fr"
    contact_a.save()
    nomination = services.nominate(event, party=party_a, by=contact_a, name="Amina", email="amina@ken.example",
                                   letter=letter(), language="en")  # fmt: skip
    assert notifications.send_registration_event(registration_id=nomination.pk, event="events.registration.nominated")
    sent = by_recipient()
    assert sent["amina@ken.example"].extra_headers["Content-Language"] == "en"
    assert "Workshop pcb-workshop" in sent["amina@ken.example"].subject
    assert sent["contact@ken.example"].extra_headers["Content-Language"] == "fr"
    assert "Atelier pcb-workshop" in sent["contact@ken.example"].subject


def test_a_person_without_an_account_gets_the_language_they_registered_in(client, webinar):
    client.post(f"/events/{webinar.slug}/register/", {"name": "Ana", "email": "ana@example.org"},
                HTTP_ACCEPT_LANGUAGE="fr")  # fmt: skip
    registration = Registration.objects.get()
    assert registration.language == "fr"
    mail.outbox.clear()
    notifications.send_registration_event(registration_id=registration.pk, event="events.registration.accepted")
    (message,) = mail.outbox
    assert message.extra_headers["Content-Language"] == "fr" and "Atelier pcb-webinar" in message.subject


def test_survey_invitations_after_the_event_and_months_later(party_a):
    now = timezone.now()
    event = make_event(
        "past", start=now - datetime.timedelta(days=3), end=now - datetime.timedelta(days=2),
        registration_deadline=(now - datetime.timedelta(days=9)).date(), follow_up_after_days=90,
    )  # fmt: skip
    attended = Registration.objects.create(event=event, name="A", email="a@example.org", token="t-a",
                                           state=RegistrationState.ACCEPTED, attended=True)  # fmt: skip
    Registration.objects.create(event=event, name="B", email="b@example.org", token="t-b",
                                state=RegistrationState.ACCEPTED, attended=False)  # fmt: skip
    assert selectors.registrations_to_survey(now) == {"evaluation": [attended.pk], "follow-up": []}
    notifications.send_registration_event(registration_id=attended.pk, event="events.survey.evaluation")
    (invitation,) = mail.outbox
    assert f"/events/past/p/{attended.token}/survey/evaluation/" in invitation.body
    later = now + datetime.timedelta(days=95)
    assert selectors.registrations_to_survey(later) == {"evaluation": [], "follow-up": [attended.pk]}
    SurveyResponse.objects.create(registration=attended, survey="event-follow-up-v1", kind="follow-up")
    assert selectors.registrations_to_survey(later)["follow-up"] == []  # answered already: not asked again
