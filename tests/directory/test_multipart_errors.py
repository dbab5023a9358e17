"""Multipart endpoints sent a body without its boundary answer a JSON client error, never a 500 (issue 18.6):
"list my organisation", the observers' application, and the two answers by private token."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tahub.directory import services
from tahub.directory.models import ListingRequest
from tahub.parties.models import Country

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%%EOF\n"


def _listing_token():
    listing = services.submit_listing_request(
        data={"name": "Lab Alliance", "kind": "research", "country": Country.objects.get(iso3="SEN"),
              "summary": "POPs in milk.", "contact_name": "A. Diop", "contact_email": "diop@lab.example"},
        documents=[SimpleUploadedFile("proof.pdf", PDF)],
    )  # fmt: skip
    return listing.token


@pytest.mark.parametrize(
    "path",
    [
        lambda: "/api/v1/listing-requests",
        lambda: f"/api/v1/listing-requests/{_listing_token()}/answer",
        lambda: "/api/v1/observer-applications",
        lambda: "/api/v1/observer-applications/" + "x" * 43 + "/answer",
    ],
    ids=["listing-requests", "listing-answer", "observer-applications", "observer-answer"],
)
@pytest.mark.parametrize(
    "content_type",
    ["multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=missing"],
    ids=["no-boundary", "empty-boundary", "wrong-boundary"],
)
def test_a_multipart_body_without_its_boundary_is_a_json_client_error(client, path, content_type):
    response = client.generic("POST", path(), b"name=Lab&kind=ngo", content_type=content_type)
    assert response.status_code in (400, 404, 422), response.content[:300]
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["detail"]


def test_a_form_field_holding_nul_is_refused_under_its_name_and_nothing_is_saved(client):
    """A multipart body's text fields are a BodyIn too: NUL (which PostgreSQL refuses to store) is a 422."""
    response = client.post(
        "/api/v1/listing-requests",
        {"name": "Lab\x00Alliance", "kind": "research", "country": "SEN", "summary": "POPs in milk.",
         "contact_name": "A. Diop", "contact_email": "diop@lab.example",
         "documents": SimpleUploadedFile("proof.pdf", PDF)},
    )  # fmt: skip
    assert response.status_code == 422, response.content[:300]
    errors = response.json()["errors"]
    assert [error["field"].rsplit(".", 1)[-1] for error in errors] == ["name"]
    assert errors[0]["message"] == "Null characters are not allowed."
    assert not ListingRequest.objects.exists()
