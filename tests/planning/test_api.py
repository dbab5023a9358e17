"""The plan's API: public reads, a staff token adds an activity through the service, bad paragraphs refused."""

import pytest

from tahub.accounts.tokens import create_api_token
from tests.accounts import cast

from .factories import activity, plan_2026

pytestmark = pytest.mark.django_db

BODY = {
    "biennium": 2026,
    "number": 7,
    "title": "Webinars",
    "conventions": ["SC"],
    "legal_basis": [{"decision": "SC-5/20", "paragraph": "8"}],
    "themes": ["nip"],
    "regions": ["AFR"],
    "approved_budget": "20000.00",
}


def bearer(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {create_api_token(user=user)}"}


def test_public_reads(client, admin):
    _plan, _objective, biennium = plan_2026(admin)
    activity(admin, biennium, 11)
    items = client.get("/api/v1/programme-activities", {"biennium": 2026}).json()["items"]
    assert items[0]["legal_basis"] == [{"decision": "SC-5/20", "paragraph": "8"}]
    assert items[0]["approved_budget"] == "1190000.00"
    assert client.get("/api/v1/plans/2026").json()["objectives"][0]["title"] == "Capacity to implement"
    paragraphs = client.get("/api/v1/decision-paragraphs", {"asks_for_assistance": "true"}).json()["items"]
    assert [(p["decision"], p["number"]) for p in paragraphs] == [("SC-5/20", "8")]
    coverage = client.get("/api/v1/mandate-coverage").json()
    assert coverage[0]["answers"]["programme activities"] == 1


def test_staff_token_adds_an_activity_and_an_unknown_paragraph_is_refused(client, admin):
    plan_2026(admin)
    headers = bearer(admin)
    bad = BODY | {"legal_basis": [{"decision": "SC-5/20", "paragraph": "99"}]}
    response = client.post("/api/v1/programme-activities", bad, content_type="application/json", **headers)
    assert response.status_code == 422 and "SC-5/20 paragraph 99" in response.json()["detail"]
    response = client.post("/api/v1/programme-activities", BODY, content_type="application/json", **headers)
    assert response.status_code == 201 and response.json()["number"] == 7


def test_a_focal_point_token_cannot_add_an_activity(client, admin):
    plan_2026(admin)
    person = cast.contact_point("kenya@example.org", cast.PARTY_A)
    response = client.post("/api/v1/programme-activities", BODY, content_type="application/json", **bearer(person))
    assert response.status_code == 403
