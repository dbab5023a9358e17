"""API of "list my organisation" (anyone, followed by the private token; staff review) and of corrections."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tahub.accounts.tokens import create_api_token
from tahub.directory.models import Correction, ListingRequest
from tests.accounts import cast

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%%EOF\n"


def pdf(name="statutes.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def form(**overrides):
    data = {
        "name": "Lab Alliance",
        "kind": "research",
        "country": "SEN",
        "summary": "Analysis of POPs in breast milk.",
        "themes": ["alternatives"],
        "regions_served": ["AFR"],
        "contact_name": "A. Diop",
        "contact_email": "diop@lab.example",
        "documents": [pdf()],
    }
    data.update(overrides)
    return data


def bearer(user):
    return {"Authorization": f"Bearer {create_api_token(user=user, name='t')}"}


def test_anyone_asks_then_follows_by_the_private_token(client):
    response = client.post("/api/v1/listing-requests", form())
    assert response.status_code == 201, response.content
    body = response.json()
    listing = ListingRequest.objects.get()
    assert (
        body["token"] == listing.token and body["state"] == "submitted" and body["documents"][0].startswith("statutes")
    )
    assert [t.slug for t in listing.themes.all()] == ["alternatives"]
    followed = client.get(f"/api/v1/listing-requests/{listing.token}")
    assert followed.status_code == 200 and "contact_email" not in followed.json()
    assert client.get("/api/v1/listing-requests/not-the-real-token").status_code == 404


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"documents": [pdf(content=b"MZ\x90\x00" * 8)]}, "documents", "is not a real PDF file"),
        ({"country": "XXX"}, "country", "Unknown country"),
        ({"themes": ["no-such-theme"]}, "themes", "Unknown code: no-such-theme"),
        ({"name": "United Nations Institute for Training and Research"}, "name", "/directory/unitar/"),
    ],
)
def test_bad_input_is_a_422_naming_the_field_and_nothing_is_saved(client, overrides, field, message):
    response = client.post("/api/v1/listing-requests", form(**overrides))
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert errors[0]["field"] == field and message in errors[0]["message"]
    assert ListingRequest.objects.count() == 0


def test_staff_ask_the_requester_answers_staff_approve(client):
    client.post("/api/v1/listing-requests", form())
    listing = ListingRequest.objects.get()
    staff = bearer(cast.staff("s@secretariat.example"))
    url = f"/api/v1/staff/listing-requests/{listing.pk}/decision"
    asked = client.post(
        url, {"action": "ask", "message": "Your statutes?"}, content_type="application/json", headers=staff
    )
    assert asked.status_code == 200 and asked.json()["state"] == "info_needed"
    answer = client.post(
        f"/api/v1/listing-requests/{listing.token}/answer", {"answer": "Attached.", "documents": [pdf("more.pdf")]}
    )
    assert answer.status_code == 200 and answer.json()["state"] == "submitted"
    approved = client.post(url, {"action": "approve"}, content_type="application/json", headers=staff)
    assert approved.status_code == 200 and approved.json()["organisation"] == "lab-alliance"
    again = client.post(url, {"action": "reject", "message": "No."}, content_type="application/json", headers=staff)
    assert again.status_code == 422 and "cannot be changed" in again.json()["detail"]


def test_only_staff_review_and_see_the_queue(client):
    client.post("/api/v1/listing-requests", form())
    listing = ListingRequest.objects.get()
    outsider = bearer(cast.user("someone@example.org"))
    assert client.get("/api/v1/staff/listing-requests", headers=outsider).status_code == 403
    response = client.post(
        f"/api/v1/staff/listing-requests/{listing.pk}/decision",
        {"action": "approve"},
        content_type="application/json",
        headers=outsider,
    )
    assert response.status_code == 403
    assert client.get("/api/v1/staff/listing-requests").status_code == 401
    listing.refresh_from_db()
    assert listing.state == "submitted"


def test_anyone_reports_a_correction_staff_resolve_it(client):
    response = client.post(
        "/api/v1/organisations/fao/corrections",
        {"reporter_email": "r@example.org", "text": "The website changed."},
        content_type="application/json",
    )
    assert response.status_code == 201 and response.json()["resolution"] == ""
    assert "reporter_email" not in response.json()
    staff = bearer(cast.staff("s@secretariat.example"))
    queue = client.get("/api/v1/staff/corrections", headers=staff).json()
    assert [c["reporter_email"] for c in queue["items"]] == ["r@example.org"]
    correction = Correction.objects.get()
    url = f"/api/v1/staff/corrections/{correction.pk}/resolve"
    resolved = client.post(
        url, {"resolution": "changed", "reply": "Fixed, thank you."}, content_type="application/json", headers=staff
    )
    assert resolved.status_code == 200 and resolved.json()["resolution"] == "changed"
    again = client.post(url, {"resolution": "no_change", "reply": "x"}, content_type="application/json", headers=staff)
    assert again.status_code == 422 and "already resolved" in again.json()["detail"]
    outsider = bearer(cast.user("someone@example.org"))
    assert client.get("/api/v1/staff/corrections", headers=outsider).status_code == 403
