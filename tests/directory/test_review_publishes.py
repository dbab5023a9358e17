"""The listing review shows everything approval publishes; the contact e-mail is published only with the
requester's consent (issue 17.5); pages show labels and language names, not codes (issue 17.7)."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tahub.directory import services
from tahub.directory.labels import language_names, role_labels
from tahub.directory.models import ListingRequest, Organisation
from tahub.parties.models import Region
from tahub.vocabularies.models import AssistanceType, Theme
from tests.accounts import cast

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%%EOF\n"


def form(**overrides):
    data = {
        "name": "Green Chemistry Network of Eastern Africa",
        "short_name": "GCNEA",
        "kind": "ngo",
        "country": None,
        "website": "https://gcnea.example.org",
        "summary": "Trains farmers on alternatives to POPs pesticides.",
        "themes": [Theme.objects.get(slug="alternatives").pk],
        "assistance_types": [AssistanceType.objects.get(slug="training").pk],
        "regions_served": [Region.objects.get(code="AFR").pk],
        "languages": "en;ar",
        "contact_name": "Grace Achieng",
        "contact_email": "grace@gcnea.example.org",
        "documents": [SimpleUploadedFile("statutes.pdf", PDF, content_type="application/pdf")],
    }
    data.update(overrides)
    return data


@pytest.fixture
def uganda():
    from tahub.parties.models import Country

    return Country.objects.get(iso3="UGA").pk


def test_the_form_asks_consent_and_stores_it(client, uganda):
    page = client.get("/directory/join/").content.decode()
    assert 'type="checkbox" name="publish_contact_email"' in page
    assert re.search(r'<label for="id_publish_contact_email">', page)  # a labelled checkbox, not a bare box
    client.post("/directory/join/", form(country=uganda))
    assert ListingRequest.objects.get().publish_contact_email is False
    client.post("/directory/join/", form(country=uganda, name="Another Org", publish_contact_email="on"))
    assert ListingRequest.objects.get(name="Another Org").publish_contact_email is True


def _review_page(client, listing):
    cast.sign_in(client, cast.staff("reviewer@secretariat.example"), second_factor=True)
    body = client.get(f"/staff/directory/listings/{listing.pk}/").content.decode()
    return re.sub(r"\s+", " ", body)


def test_the_review_page_shows_everything_approval_publishes(client, uganda):
    client.post("/directory/join/", form(country=uganda))
    listing = ListingRequest.objects.get()
    body = _review_page(client, listing)
    published = body.split("What approval publishes in the directory", 1)[1]
    for shown in ("Alternatives to POPs and safer substitutes", "Training course", "African States", "English, Arabic",
                  "GCNEA", "https://gcnea.example.org", "Non-governmental organisation", "Uganda"):  # fmt: skip
        assert shown in published, shown
    assert "Not published: the requester did not consent" in published
    assert "No: the address stays private" in body

    services.approve_listing_request(listing, by=cast.staff("approver@secretariat.example"))
    organisation = Organisation.objects.get(name=listing.name)
    assert organisation.contact_email == ""  # no consent: not published
    assert [t.slug for t in organisation.themes.all()] == ["alternatives"]
    entry = client.get(organisation.get_absolute_url()).content.decode()
    assert "grace@gcnea.example.org" not in entry


def test_with_consent_the_e_mail_is_published(client, uganda):
    client.post("/directory/join/", form(country=uganda, publish_contact_email="on"))
    listing = ListingRequest.objects.get()
    published = _review_page(client, listing).split("What approval publishes in the directory", 1)[1]
    assert "grace@gcnea.example.org" in published and "did not consent" not in published
    services.approve_listing_request(listing, by=cast.staff("approver@secretariat.example"))
    assert Organisation.objects.get(name=listing.name).contact_email == "grace@gcnea.example.org"


def test_the_api_takes_the_consent_and_shows_it_to_staff(client):
    from tahub.accounts.tokens import create_api_token

    data = {"name": "Lab Alliance", "kind": "research", "country": "SEN", "summary": "POPs in milk.",
            "contact_name": "A. Diop", "contact_email": "diop@lab.example", "publish_contact_email": "true",
            "documents": [SimpleUploadedFile("s.pdf", PDF, content_type="application/pdf")]}  # fmt: skip
    assert client.post("/api/v1/listing-requests", data).status_code == 201
    assert ListingRequest.objects.get().publish_contact_email is True
    staff = {"Authorization": f"Bearer {create_api_token(user=cast.staff('s@secretariat.example'), name='t')}"}
    listed = client.get("/api/v1/staff/listing-requests", headers=staff).json()["items"]
    assert listed[0]["publish_contact_email"] is True
    assert listed[0]["themes"] == [] and listed[0]["languages"] == []  # what approval publishes, in codes


def test_pages_show_role_labels_and_language_names_not_codes(client):
    organisation = Organisation.objects.get(slug="unitar")
    organisation.roles, organisation.languages = "guidance;monitoring", "en;ar;zh"
    organisation.save()
    body = client.get("/directory/unitar/").content.decode()
    assert "Guidance, Monitoring" in body and "guidance;monitoring" not in body
    assert "English, Arabic, Chinese" in body and "en, ar" not in body
    assert client.get("/api/v1/organisations/unitar").json()["languages"] == ["en", "ar", "zh"]  # codes in the API
    assert role_labels("waste-guidelines;new-thing") == ["Waste guidelines", "New thing"]
    assert language_names("es;en") == ["Spanish", "English"]


def test_centre_pages_name_languages_and_regions(client):
    from tahub.centres.models import RegionalCentre

    RegionalCentre.objects.filter(code="scrc-uruguay").update(languages="es;en;zh")
    body = client.get("/centres/scrc-uruguay/").content.decode()
    assert "Spanish, English, Chinese" in body
    listing = client.get("/centres/").content.decode()
    assert "<td>Latin American and Caribbean States" in listing and "<td>GRULAC" not in listing
