"""Whom to contact (issue 16.5): the public contact page, the regional focal points by UN region (only those who
chose to be shown), the Secretariat's address from the seed pages, the feedback form, and a Party's contacts."""

import pytest

from tahub.accounts.models import StaffRole
from tahub.core import contact
from tests.accounts import cast

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff():
    shown = cast.staff("amina@secretariat.example", StaffRole.Role.REGIONAL_FOCAL_POINT, "AFR")
    shown.name = "Amina Diallo"
    shown.save()
    StaffRole.objects.filter(user=shown).update(show_on_contact_page=True)
    cast.staff("hidden@secretariat.example", StaffRole.Role.REGIONAL_FOCAL_POINT, "GRULAC")
    head = cast.staff("ta@secretariat.example")
    StaffRole.objects.filter(user=head).update(show_on_contact_page=True)
    return shown


def test_the_contact_page_is_public_and_named_contact(client, staff):
    response = client.get("/contact/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "11-13 chemin des Anémones" in html and "CH-1219 Châtelaine" in html and "+41 22 917 87 29" in html
    assert "Amina Diallo" in html and "mailto:amina@secretariat.example" in html
    assert "mailto:ta@secretariat.example" in html
    assert "hidden@secretariat.example" not in html  # did not choose to be shown
    assert 'id="region-GRULAC"' in html and 'id="region-AFR"' in html


def test_a_party_page_says_whom_to_contact(client, staff):
    html = client.get("/parties/KEN/").content.decode()
    assert "Amina Diallo" in html and 'href="/contact/"' in html
    assert "hidden@secretariat.example" not in client.get("/parties/BRA/").content.decode()


def test_feedback_is_e_mailed_to_the_administrators(client, staff, mailoutbox):
    data = {"topic": "inaccurate", "message": "The page of Kenya gives a wrong date.", "email": "ana@example.org"}
    response = client.post("/contact/", data)
    assert response.status_code == 302 and response["Location"] == "/contact/"
    (message,) = mailoutbox
    assert message.to == ["ta@secretariat.example"] and message.reply_to == ["ana@example.org"]
    assert "wrong date" in message.body and "inaccurate" in message.subject


def test_feedback_without_a_message_is_refused_beside_the_field(client, staff, mailoutbox):
    response = client.post("/contact/", {"topic": "idea", "message": ""})
    assert response.status_code == 400 and 'id="id_message_error"' in response.content.decode()
    assert mailoutbox == []


def test_feedback_is_limited_per_address(client, staff, mailoutbox):
    data = {"topic": "idea", "message": "More maps."}
    for _n in range(contact.FEEDBACK_PER_HOUR):
        assert client.post("/contact/", data).status_code == 302
    response = client.post("/contact/", data)
    assert response.status_code == 400 and "try again later" in response.content.decode()
    assert len(mailoutbox) == contact.FEEDBACK_PER_HOUR
