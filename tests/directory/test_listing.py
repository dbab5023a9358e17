"""'List my organisation' from request to listing; corrections; yearly review."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django_tasks_db.models import DBTaskResult

from tahub.accounts.models import User
from tahub.directory import notifications, services
from tahub.directory.models import Correction, ListingRequest, Membership, Organisation
from tahub.parties.models import Country
from tahub.vocabularies.models import Theme

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture
def staff():
    return User.objects.create_user("reviewer@secretariat.example", "a-long-password-1", is_staff=True)


def form(**overrides):
    data = {
        "name": "Green Chemistry Network of Eastern Africa",
        "short_name": "GCNEA",
        "kind": "ngo",
        "country": Country.objects.get(iso3="UGA").pk,
        "website": "https://gcnea.example.org",
        "summary": "Trains farmers on alternatives to POPs pesticides.",
        "themes": [Theme.objects.get(slug="alternatives").pk],
        "languages": "en;sw",
        "contact_name": "Grace Achieng",
        "contact_email": "grace@gcnea.example.org",
        "documents": [SimpleUploadedFile("statutes.pdf", PDF, content_type="application/pdf")],
    }
    data.update(overrides)
    return data


def test_anyone_asks_and_gets_a_private_link(client):
    response = client.post("/directory/join/", form())
    listing = ListingRequest.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/directory/join/{listing.token}/"
    assert listing.documents.count() == 1 and [t.slug for t in listing.themes.all()] == ["alternatives"]
    task = DBTaskResult.objects.get()
    assert task.args_kwargs["kwargs"] == {"listing_id": listing.pk, "event": "directory.listing.submitted"}
    assert "Submitted" in client.get(f"/directory/join/{listing.token}/").content.decode()


def test_disguised_document_is_refused_and_nothing_saved(client):
    bad = SimpleUploadedFile("statutes.pdf", b"MZ\x90\x00" * 10, content_type="application/pdf")
    response = client.post("/directory/join/", form(documents=[bad]))
    assert "statutes.pdf is not a real PDF file" in response.content.decode()
    assert ListingRequest.objects.count() == 0


def test_organisation_already_listed_is_pointed_to_its_entry(client):
    response = client.post(
        "/directory/join/", form(name="United Nations Institute for Training and Research", short_name="")
    )
    body = response.content.decode()
    assert "is already listed in the directory" in body and "/directory/unitar/" in body
    assert ListingRequest.objects.count() == 0


def test_review_from_request_to_listing(client, staff):
    listing = services.submit_listing_request(
        data={
            "name": "Lab Alliance",
            "kind": "research",
            "country": Country.objects.get(iso3="SEN"),
            "summary": "Analysis of POPs in breast milk.",
            "contact_name": "A. Diop",
            "contact_email": "diop@lab.example",
        },
        documents=[SimpleUploadedFile("proof.pdf", PDF)],
    )
    services.ask_listing_information(listing, by=staff, message="Send your statutes, please.")
    listing = services.answer_listing_request(
        listing, answer="Attached.", documents=[SimpleUploadedFile("statutes.pdf", PDF)]
    )
    assert listing.state == ListingRequest.State.SUBMITTED and listing.documents.count() == 2
    listing = services.approve_listing_request(listing, by=staff)
    organisation = listing.organisation
    assert organisation.listed and organisation.slug == "lab-alliance" and organisation.review_due is not None
    events = [t.args_kwargs["kwargs"]["event"] for t in DBTaskResult.objects.order_by("enqueued_at")]
    assert events == [
        "directory.listing.submitted",
        "directory.listing.information_asked",
        "directory.listing.answered",
        "directory.listing.approved",
    ]
    assert client.get("/directory/lab-alliance/").status_code == 200


def test_reject_needs_a_reason(staff):
    listing = services.submit_listing_request(
        data={"name": "X Corp", "kind": "private", "country": Country.objects.get(iso3="USA"), "summary": "s",
              "contact_name": "x", "contact_email": "x@x.example"},
        documents=[SimpleUploadedFile("p.pdf", PDF)],
    )  # fmt: skip
    with pytest.raises(Exception, match="Give the reason"):
        services.reject_listing_request(listing, by=staff, reason=" ")
    listing.refresh_from_db()
    assert listing.state == ListingRequest.State.SUBMITTED


def test_requester_email_carries_the_private_link(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    listing = services.submit_listing_request(
        data={"name": "Y Org", "kind": "ngo", "country": Country.objects.get(iso3="PER"), "summary": "s",
              "contact_name": "Y", "contact_email": "y@y.example"},
        documents=[SimpleUploadedFile("p.pdf", PDF)],
    )  # fmt: skip
    notifications.send_listing_event(listing_id=listing.pk, event="directory.listing.submitted")
    assert mail.outbox[0].to == ["y@y.example"]
    assert f"{settings.SITE_URL}/directory/join/{listing.token}/" in mail.outbox[0].body


def test_correction_is_reported_then_resolved_with_a_reply(client, staff, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    response = client.post(
        "/directory/fao/correction/", {"text": "The website changed.", "reporter_email": "r@example.org"}
    )
    assert response.status_code == 302
    correction = Correction.objects.get()
    services.resolve_correction(correction, by=staff, resolution="changed", reply="Updated, thank you.")
    notifications.send_correction_reply(correction_id=correction.pk)
    assert "Updated, thank you." in mail.outbox[0].body
    with pytest.raises(Exception, match="already resolved"):
        services.resolve_correction(correction, by=staff, resolution="no_change", reply="again")


def test_yearly_review_reminds_members_and_confirming_moves_the_date(client):
    organisation = Organisation.objects.get(slug="unitar")
    organisation.review_due = "2020-01-01"
    organisation.save()
    member = User.objects.create_user("m@unitar.example", "a-long-password-1")
    Membership.objects.create(user=member, organisation=organisation)
    assert notifications.send_review_reminders() == 1
    client.force_login(member)
    assert client.post("/directory/unitar/confirm/").status_code == 302
    organisation.refresh_from_db()
    assert organisation.review_due.year >= 2027
    assert notifications.send_review_reminders() == 0


def test_public_directory_filters(client):
    response = client.get("/directory/", {"kind": "regional-centre"})
    assert len(response.context["organisations"]) == 17
    found = {o["slug"] for o in client.get("/directory/", {"q": "UNITAR"}).context["organisations"]}
    assert "unitar" in found and "fao" not in found


def test_directory_api_lists_and_filters(client):
    response = client.get("/api/v1/organisations", {"kind": "regional-centre", "page_size": 100})
    assert response.status_code == 200 and response.json()["count"] == 17
    assert client.get("/api/v1/organisations/unitar").json()["short_name"] == "UNITAR"
    assert client.get("/api/v1/organisations/nope").status_code == 404
    assert client.get("/api/v1/organisations", {"region": "ATLANTIS"}).status_code == 422


def test_directory_is_paginated_with_links_that_keep_the_filters(client):
    from tahub.directory.models import Organisation

    Organisation.objects.bulk_create(
        Organisation(slug=f"ngo-{i:03}", name=f"NGO {i:03}", kind="ngo") for i in range(120)
    )
    first = client.get("/directory/", {"kind": "ngo"})
    assert len(first.context["organisations"]) == 50 and first.context["page"].paginator.count >= 120
    assert 'href="?kind=ngo&amp;page=2"' in first.content.decode()
    last = client.get("/directory/", {"kind": "ngo", "page": "999"})
    assert last.context["page"].number == last.context["page"].paginator.num_pages
