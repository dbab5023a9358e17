"""Staff who hold the official texts enter a decision paragraph's text per language: audited, never silently
overwritten, kept when the reference data is loaded again; where a text is still missing the doubt stays shown."""

from io import StringIO

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command

from tahub.planning import services
from tests.accounts import cast
from tests.api.stale_messages import is_stale_message

from .factories import paragraph

pytestmark = pytest.mark.django_db

ENGLISH = "Requests the Secretariat to continue to deliver technical assistance through regional centres."
FRENCH = "Prie le Secrétariat de continuer à fournir une assistance technique par l’intermédiaire des centres."


def url(p):
    return f"/staff/planning/paragraphs/{p.pk}/text/"


def form_data(p, **extra):
    data = {"text_en": ENGLISH, "text_fr": "", "sources": "UNEP/POPS/COP.5/36", "notes": ""}
    return data | {"seen": p.updated_at.isoformat()} | extra


def test_staff_enter_the_english_text_and_the_doubt_stays_for_french_readers(client, staff_client):
    p = paragraph()
    assert "Text not in the data." in client.get("/decisions/SC-5/20/").content.decode()
    response = staff_client.post(url(p), form_data(p))
    assert response.status_code == 302 and response.url == "/decisions/SC-5/20/#paragraph-8"
    p.refresh_from_db()
    assert (p.text_en, p.text_fr, p.sources, p.notes) == (ENGLISH, "", "UNEP/POPS/COP.5/36", "")
    assert p.history.first().history_change_reason == "planning.paragraph.text_edited"
    assert p.history.first().history_user == cast.User.objects.get(email="admin@example.org")

    client.logout()
    assert ENGLISH in client.get("/decisions/SC-5/20/").content.decode()
    french = client.get("/decisions/SC-5/20/", headers={"accept-language": "fr"}).content.decode()
    assert f'<span lang="en">{ENGLISH}</span> <span class="note">(' in french  # and says it is not French


def test_a_french_text_alone_is_shown_to_english_readers_as_french(client, admin):
    p = paragraph()
    services.update_paragraph_text(p, by=admin, data={"text_fr": FRENCH, "notes": "English text not read yet."})
    body = client.get("/plan/mandates/").content.decode()
    assert f'<blockquote lang="fr">{FRENCH}</blockquote>' in body
    assert "The text in your language is not in the data: this is another language's." in body


def test_an_edit_made_meanwhile_is_not_overwritten(staff_client, admin):
    p = paragraph()
    stale = form_data(p, text_en="My version")
    services.update_paragraph_text(p, by=admin, data={"text_en": ENGLISH}, seen=p.updated_at)
    response = staff_client.post(url(p), stale)
    assert response.status_code == 400
    assert is_stale_message("decision paragraph", response.content.decode())
    p.refresh_from_db()
    assert p.text_en == ENGLISH


def test_only_staff_edit_texts(client):
    p = paragraph()
    person = cast.contact_point("kenya@example.org", cast.PARTY_A)
    with pytest.raises(PermissionDenied):
        services.update_paragraph_text(p, by=person, data={"text_en": "Invented"})
    cast.sign_in(client, person)
    assert client.post(url(p), form_data(p)).status_code == 403
    p.refresh_from_db()
    assert p.text_en == ""
    assert "Enter or correct the text" not in client.get("/decisions/SC-5/20/").content.decode()


def test_the_decision_page_offers_staff_the_form(staff_client):
    body = staff_client.get("/decisions/SC-5/20/").content.decode()
    assert f'href="{url(paragraph())}"' in body
    form = staff_client.get(url(paragraph())).content.decode()
    assert 'name="text_en"' in form and 'name="text_fr"' in form and 'name="seen"' in form


def test_loading_the_reference_data_again_keeps_what_staff_entered(admin):
    p = paragraph()
    services.update_paragraph_text(p, by=admin, data={"text_en": ENGLISH, "notes": ""})
    call_command("load_reference_data", stdout=StringIO())
    p.refresh_from_db()
    assert (p.text_en, p.notes) == (ENGLISH, "")
    untouched = paragraph(number="2")
    assert untouched.text_en == "" and "Spanish copy" in untouched.notes
