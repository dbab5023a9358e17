"""Open registration is anonymous: its answer must not tell whether an address is registered already (anyone
could test addresses) nor carry the private link. The page and the API answer the same for a new and a known
address; the worker e-mails the status and the private link to the address itself (again, for a known one)."""

import pytest
from django.contrib.messages import get_messages
from django.test import Client

from tahub.events.models import Registration
from tests.worker import run_worker

from .conftest import make_event

pytestmark = pytest.mark.django_db(transaction=True)


def sent_text(email):
    return (
        f"Thank you. We have sent an e-mail to {email} with your registration and your private link: open it to see "
        "whether your place is confirmed. If it does not arrive within a few minutes, look in your spam folder."
    )


def page_answer(event, name, email):
    response = Client().post(f"/events/{event.slug}/register/", {"name": name, "email": email})
    return response.status_code, response.url, [str(m) for m in get_messages(response.wsgi_request)]


def test_the_page_answers_alike_for_a_new_and_a_known_address(reference_data, tmp_path):
    webinar = make_event("pcb-webinar", mode="open", capacity=2)
    first = page_answer(webinar, "Ana", "ana@example.org")
    again = page_answer(webinar, "Someone else", "ana@example.org")
    assert first == again == (302, webinar.get_absolute_url(), [sent_text("ana@example.org")])
    registration = Registration.objects.get()
    assert registration.name == "Ana"  # the second try changed nothing
    confirmed, link_again = run_worker(tmp_path)
    assert "To: ana@example.org" in confirmed and "To: ana@example.org" in link_again
    assert "Your registration: Workshop pcb-webinar" in link_again and "You are already registered" in link_again
    assert registration.get_absolute_url() in confirmed and registration.get_absolute_url() in link_again


def test_the_api_answers_alike_and_never_with_the_private_link(reference_data, client, tmp_path):
    webinar = make_event("pcb-webinar", mode="open", capacity=2)
    url = f"/api/v1/events/{webinar.slug}/register"
    new = client.post(url, {"name": "Ana", "email": "ana@example.org"}, content_type="application/json")
    known = client.post(url, {"name": "Ana", "email": "ana@example.org"}, content_type="application/json")
    assert (new.status_code, new.json()) == (known.status_code, known.json()) == (
        202, {"detail": sent_text("ana@example.org")}
    )  # fmt: skip
    token = Registration.objects.get().token
    assert token not in new.content.decode() and token not in known.content.decode()
    assert len(run_worker(tmp_path)) == 2  # the confirmation, then the link again
