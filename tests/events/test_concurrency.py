"""Two staff accept two people into the last place at the same moment: one wins, the other is told."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from tahub.events import services
from tahub.events.models import Registration, RegistrationState

from .conftest import letter, make_event


@pytest.mark.django_db(transaction=True)
def test_no_double_accept_of_the_last_place(reference_data, party_a, party_b, contact_a, focal_b, administrator):
    event = make_event(capacity=1)
    a = services.nominate(event, party=party_a, by=contact_a, name="A", email="a@ken.example", letter=letter())
    b = services.nominate(event, party=party_b, by=focal_b, name="B", email="b@bra.example", letter=letter())
    barrier, outcomes = threading.Barrier(2), []

    def accept(registration):
        try:
            barrier.wait(timeout=10)
            services.accept_registration(Registration.objects.get(pk=registration.pk), by=administrator)
            outcomes.append("won")
        except ValidationError as refusal:
            outcomes.append(refusal.messages[0])
        finally:
            connection.close()

    threads = [threading.Thread(target=accept, args=(r,)) for r in (a, b)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert sorted(outcomes) == sorted(["won", "The event is full (1 places). Put the person on the waiting list, "
                                       "or cancel someone first."])  # fmt: skip
    assert event.registrations.filter(state=RegistrationState.ACCEPTED).count() == 1
