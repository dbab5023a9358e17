"""The requests API: same permissions and workflow as the pages, errors in the API's shape."""

import pytest

from tahub.accounts.tokens import create_api_token
from tahub.assistance import services
from tahub.assistance.models import State, TARequest

pytestmark = pytest.mark.django_db


def bearer(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {create_api_token(user=user)}"}


NEW = {
    "party": "KEN",
    "title": "Customs training on POPs",
    "description": "Train customs officers to identify POPs pesticides at the borders of the country.",
    "themes": ["enforcement-customs"],
    "assistance_types": ["training"],
    "conventions": ["SC"],
}


def test_party_creates_and_submits_through_the_api(client, contact_a, afr_focal_point):
    headers = bearer(contact_a)
    response = client.post("/api/v1/requests", NEW, content_type="application/json", **headers)
    assert response.status_code == 201, response.content
    reference = response.json()["reference"]
    assert response.json()["state"] == "draft" and response.json()["themes"] == ["enforcement-customs"]
    response = client.post(
        f"/api/v1/requests/{reference}/submit", {"seen_state": "draft"}, content_type="application/json", **headers
    )
    assert response.status_code == 200 and response.json()["state"] == "submitted"
    assert TARequest.objects.get(reference=reference).owner == afr_focal_point


def test_unknown_theme_is_named(client, contact_a):
    response = client.post(
        "/api/v1/requests", {**NEW, "themes": ["no-such-theme"]}, content_type="application/json", **bearer(contact_a)
    )
    assert response.status_code == 422
    assert response.json()["errors"][0] == {
        "location": "body",
        "field": "themes",
        "message": "Unknown code: no-such-theme. Use the codes the API lists for this field.",
    }
    assert TARequest.objects.count() == 0


def test_other_party_cannot_see_or_guess(client, submitted, focal_b):
    headers = bearer(focal_b)
    assert client.get(f"/api/v1/requests/{submitted.reference}", **headers).status_code == 404
    assert client.get("/api/v1/requests", **headers).json()["count"] == 0
    response = client.post(
        f"/api/v1/requests/{submitted.reference}/withdraw",
        {"seen_state": "submitted"},
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 404


def test_filing_for_another_party_is_refused(client, focal_b):
    response = client.post("/api/v1/requests", NEW, content_type="application/json", **bearer(focal_b))
    assert response.status_code == 403


def test_stale_move_answers_409(client, submitted, afr_focal_point, administrator):
    services.start_review(submitted, by=afr_focal_point)
    response = client.post(
        f"/api/v1/requests/{submitted.reference}/start-review",
        {"seen_state": "submitted"},
        content_type="application/json",
        **bearer(administrator),
    )
    assert response.status_code == 409
    assert "moved to “Under review” by afr@secretariat.example at" in response.json()["detail"]


def test_illegal_move_answers_422(client, submitted, afr_focal_point):
    response = client.post(
        f"/api/v1/requests/{submitted.reference}/accept",
        {"seen_state": "submitted"},
        content_type="application/json",
        **bearer(afr_focal_point),
    )
    assert response.status_code == 422
    submitted.refresh_from_db()
    assert submitted.state == State.SUBMITTED


def test_staff_assign_by_organisation_code(client, submitted, afr_focal_point, provider):
    r = services.accept_request(services.start_review(submitted, by=afr_focal_point), by=afr_focal_point)
    response = client.post(
        f"/api/v1/requests/{r.reference}/assign",
        {"seen_state": "accepted", "organisations": [provider.slug]},
        content_type="application/json",
        **bearer(afr_focal_point),
    )
    assert response.status_code == 200
    assert response.json()["assignments"][0]["organisation"] == provider.slug


def test_assign_refuses_unknown_organisation_codes_naming_them(client, submitted, afr_focal_point, provider):
    """Issue 19.4: assign dropped unknown codes silently (and assigned only the known ones)."""
    r = services.accept_request(services.start_review(submitted, by=afr_focal_point), by=afr_focal_point)
    response = client.post(
        f"/api/v1/requests/{r.reference}/assign",
        {"seen_state": "accepted", "organisations": [provider.slug, "no-such-body", "nor-this"]},
        content_type="application/json",
        **bearer(afr_focal_point),
    )
    assert response.status_code == 422, response.content
    (error,) = response.json()["errors"]
    assert error["field"] == "organisations"
    assert "no-such-body, nor-this" in error["message"] and provider.slug not in error["message"]
    r.refresh_from_db()
    assert r.state == State.ACCEPTED and not r.assignments.exists()


def test_without_token_401(client, submitted):
    assert client.get("/api/v1/requests").status_code == 401
