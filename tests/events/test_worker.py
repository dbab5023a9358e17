"""Confirmations, decisions with joining instructions, and reminders go out through the real worker."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from tahub.events import services
from tests.worker import run_worker

from .conftest import letter, make_event

pytestmark = pytest.mark.django_db(transaction=True)


def test_nomination_acceptance_and_reminder_are_emailed(reference_data, party_a, contact_a, administrator, tmp_path):
    event = make_event()
    nomination = services.nominate(event, party=party_a, by=contact_a, name="Amina", email="amina@ken.example",
                                   letter=letter())  # fmt: skip
    participant, nominator = run_worker(tmp_path / "1")  # one each, in each one's language
    assert "Nomination received: Workshop pcb-workshop" in participant
    assert ("To: amina@ken.example" in participant) and ("To: contact@ken.example" in nominator)
    assert "Room 4" not in participant  # joining instructions only with a confirmed place

    services.accept_registration(nomination, by=administrator)
    accepted, _copy = run_worker(tmp_path / "2")
    assert "Your place is confirmed" in accepted and "Room 4, badge pick-up from 08:00." in accepted
    assert f"/events/{event.slug}/p/{nomination.token}/" in accepted

    event.start = timezone.now() + datetime.timedelta(days=1)
    event.end = event.start + datetime.timedelta(hours=6)
    event.save()
    call_command("remind_event_participants")
    reminder, _copy = run_worker(tmp_path / "3")
    assert "Reminder: Workshop pcb-workshop starts soon" in reminder
    call_command("remind_event_participants")
    assert run_worker(tmp_path / "4") == []  # reminded once
