"""The programme of work in the API: an activity with an objective is listed (issue 18.6: it answered 500), and
every write endpoint of planning and funding refuses a body that is not a JSON object of its schema (issue 18.7:
`[null, null]` or `"hello"` answered 200 and cleared the biennium's budget decision)."""

import json

import pytest

from tahub.planning.models import Biennium, Decision

from .factories import activity, plan_2026
from .test_api import bearer

pytestmark = pytest.mark.django_db


def test_anonymous_list_of_activities_with_an_objective(client, admin):
    _plan, objective, biennium = plan_2026(admin)
    activity(admin, biennium, 11, objective=objective)
    response = client.get("/api/v1/programme-activities")
    assert response.status_code == 200, response.content
    items = response.json()["items"]
    (item,) = [i for i in items if (i["biennium"], i["number"]) == (biennium.start_year, 11)]
    assert item["objective"] == objective.pk
    response = client.get(f"/api/v1/programme-activities/{biennium.start_year}/11")
    assert response.status_code == 200 and response.json()["objective"] == objective.pk


WRITES = [
    ("post", "/api/v1/plans"),
    ("put", "/api/v1/plans/2026"),
    ("post", "/api/v1/bienniums"),
    ("put", "/api/v1/bienniums/2080"),
    ("post", "/api/v1/programme-activities"),
    ("post", "/api/v1/donors"),
    ("patch", "/api/v1/donors/1"),
    ("post", "/api/v1/pledges"),
    ("patch", "/api/v1/pledges/1"),
    ("post", "/api/v1/pledges/1/entries"),
    ("patch", "/api/v1/pledges/1/entries/1"),
    ("post", "/api/v1/pledges/1/entries/1/void"),
    ("post", "/api/v1/staff/proposals"),
    ("put", "/api/v1/staff/proposals/1"),
]
NOT_OBJECTS = ['"hello"', "[null, null]", "null", "42", "[]", "true"]


@pytest.mark.parametrize("body", NOT_OBJECTS)
@pytest.mark.parametrize(("method", "url"), WRITES)
def test_every_write_endpoint_refuses_a_body_that_is_not_its_schema(client, admin, method, url, body):
    plan, _objective, _biennium = plan_2026(admin)
    decision = Decision.objects.get(number="SC-5/28")
    Biennium.objects.create(start_year=2080, end_year=2081, plan=plan, budget_decision=decision)
    response = getattr(client, method)(url, body, content_type="application/json", **bearer(admin))
    assert response.status_code == 422, (url, body, response.content)
    assert response.json()["detail"]
    assert Biennium.objects.get(start_year=2080).budget_decision == decision  # nothing cleared


def test_the_biennium_is_still_edited_with_an_object(client, admin):
    plan_2026(admin)
    Biennium.objects.create(start_year=2080, end_year=2081, budget_decision=Decision.objects.get(number="SC-5/28"))
    body = json.dumps({"budget_decision": "SC-5/20", "notes": "x"})
    response = client.put("/api/v1/bienniums/2080", body, content_type="application/json", **bearer(admin))
    assert response.status_code == 200, response.content
    assert response.json()["budget_decision"] == "SC-5/20"
