"""API writes of plans (with objectives) and bienniums: a staff token, the same services, stale edits refused."""

import pytest

from tahub.planning.models import Biennium, TAPlan
from tests.accounts import cast
from tests.api.stale_messages import is_stale_message

from .factories import plan_2026
from .test_api import bearer

pytestmark = pytest.mark.django_db


def test_staff_token_creates_and_edits_a_plan(client, admin):
    body = {"start_year": 2022, "title": "TA plan 2022–2025", "objectives": [{"number": 1, "title": "Capacities"}]}
    response = client.post("/api/v1/plans", body, content_type="application/json", **bearer(admin))
    assert response.status_code == 201, response.content
    saved = response.json()
    assert saved["end_year"] == 2025 and [o["title"] for o in saved["objectives"]] == ["Capacities"]

    change = {"title": "Revised", "objectives": [{"number": 2, "title": "Guidance"}], "updated_at": saved["updated_at"]}
    response = client.put("/api/v1/plans/2022", change, content_type="application/json", **bearer(admin))
    assert response.status_code == 200, response.content
    assert [o["number"] for o in response.json()["objectives"]] == [1, 2]
    assert TAPlan.objects.get(start_year=2022).history.first().history_change_reason == "planning.plan.edited"

    stale = {"title": "Mine", "updated_at": saved["updated_at"]}
    response = client.put("/api/v1/plans/2022", stale, content_type="application/json", **bearer(admin))
    assert response.status_code == 409 and is_stale_message("plan", response.json()["detail"])
    assert TAPlan.objects.get(start_year=2022).title == "Revised"


def test_staff_token_opens_and_edits_a_biennium(client, admin):
    plan_2026(admin)
    body = {"start_year": 2028, "plan": 2026, "budget_decision": "SC-5/28"}
    response = client.post("/api/v1/bienniums", body, content_type="application/json", **bearer(admin))
    assert response.status_code == 201, response.content
    assert response.json()["end_year"] == 2029 and response.json()["budget_decision"] == "SC-5/28"
    response = client.put(
        "/api/v1/bienniums/2028", {"notes": "n", "plan": 2050}, content_type="application/json", **bearer(admin)
    )
    assert response.status_code == 422 and response.json()["errors"][0]["field"] == "plan"
    response = client.post("/api/v1/bienniums", body, content_type="application/json", **bearer(admin))
    assert response.status_code == 422  # the biennium exists
    assert Biennium.objects.filter(start_year=2028).count() == 1


def test_other_tokens_may_not_write_the_plan(client, admin):
    focal = cast.contact_point("contact@ken.example", "KEN")
    body = {"start_year": 2022, "title": "TA plan"}
    assert client.post("/api/v1/plans", body, content_type="application/json", **bearer(focal)).status_code == 403
    assert client.post("/api/v1/plans", body, content_type="application/json").status_code == 401
    assert client.put("/api/v1/bienniums/2012", {}, content_type="application/json", **bearer(focal)).status_code == 403


def test_a_put_keeps_what_the_client_leaves_out(client, admin):
    """A client written for the English title alone must not blank the French the Secretariat entered, nor a
    biennium's plan when it sends only notes; an explicit null still clears."""
    body = {
        "start_year": 2022, "title": "TA plan", "title_fr": "Plan d’assistance", "summary": "Four years.",
        "objectives": [{"number": 1, "title": "Capacities", "title_fr": "Capacités"}],
    }  # fmt: skip
    saved = client.post("/api/v1/plans", body, content_type="application/json", **bearer(admin)).json()
    change = {"title": "Revised", "objectives": [{"number": 1, "title": "Capacities to implement"}]}
    response = client.put("/api/v1/plans/2022", change, content_type="application/json", **bearer(admin))
    assert response.status_code == 200, response.content
    plan = TAPlan.objects.get(start_year=2022)
    assert (plan.title_en, plan.title_fr, plan.summary) == ("Revised", "Plan d’assistance", "Four years.")
    objective = plan.objectives.get()
    assert (objective.title_en, objective.title_fr) == ("Capacities to implement", "Capacités")
    assert response.json()["title_fr"] == "Plan d’assistance" and saved["title_fr"] == "Plan d’assistance"

    plan_2026(admin)
    body = {"start_year": 2028, "plan": 2026, "budget_decision": "SC-5/28"}
    client.post("/api/v1/bienniums", body, content_type="application/json", **bearer(admin))
    response = client.put("/api/v1/bienniums/2028", {"notes": "n"}, content_type="application/json", **bearer(admin))
    assert response.status_code == 200, response.content
    biennium = Biennium.objects.get(start_year=2028)
    assert (biennium.plan.start_year, biennium.budget_decision.number, biennium.notes) == (2026, "SC-5/28", "n")
    response = client.put("/api/v1/bienniums/2028", {"plan": None}, content_type="application/json", **bearer(admin))
    assert response.status_code == 200 and Biennium.objects.get(start_year=2028).plan is None
