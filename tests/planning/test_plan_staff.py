"""Staff record a plan with its objectives, and bienniums: audited, checked, never silently overwritten."""

import pytest

from tahub.planning import services
from tahub.planning.models import Biennium, Objective, TAPlan
from tests.accounts import cast
from tests.api.stale_messages import is_stale_message

from .factories import plan_2026

pytestmark = pytest.mark.django_db


def plan_post(**extra):
    data = {
        "start_year": "2022",
        "title_en": "TA plan 2022–2025",
        "objectives-TOTAL_FORMS": "2",
        "objectives-INITIAL_FORMS": "0",
        "objectives-0-number": "1",
        "objectives-0-title_en": "Parties have the capacities to meet their obligations",
        "objectives-1-number": "",
        "objectives-1-title_en": "",
    }
    return data | extra


def test_staff_add_a_plan_with_its_objectives(staff_client):
    response = staff_client.post("/staff/planning/plans/new/", plan_post())
    assert response.status_code == 302 and response.url == "/plan/2022/"
    plan = TAPlan.objects.get(start_year=2022)
    assert plan.end_year == 2025
    assert [o.title for o in plan.objectives.all()] == ["Parties have the capacities to meet their obligations"]
    assert plan.history.get().history_change_reason == "planning.plan.created"
    assert Objective.history.get(plan_id=plan.pk).history_change_reason == "planning.objective.created"


def test_staff_edit_a_plan_and_add_an_objective(staff_client, admin):
    plan, _objective, _biennium = plan_2026(admin)
    form = staff_client.get("/staff/planning/plans/2026/edit/").context["form"]
    data = plan_post(
        start_year="2030",  # fixed once created: ignored
        title_en="TA plan 2026–2029 (revised)",
        seen=form["seen"].value(),
        **{
            "objectives-INITIAL_FORMS": "1",
            "objectives-0-title_en": "Capacity to implement (revised)",
            "objectives-1-number": "2",
            "objectives-1-title_en": "Guidance is implemented",
        },
    )
    response = staff_client.post("/staff/planning/plans/2026/edit/", data)
    assert response.status_code == 302
    plan.refresh_from_db()
    assert (plan.start_year, plan.title) == (2026, "TA plan 2026–2029 (revised)")
    titles = list(plan.objectives.values_list("title", flat=True))
    assert titles == ["Capacity to implement (revised)", "Guidance is implemented"]
    assert plan.history.first().history_change_reason == "planning.plan.edited"


def test_an_edit_made_meanwhile_is_refused_not_overwritten(staff_client, admin):
    plan, _objective, _biennium = plan_2026(admin)
    seen = staff_client.get("/staff/planning/plans/2026/edit/").context["form"]["seen"].value()
    services.update_plan(plan, by=admin, data={"title": "Theirs"})
    data = plan_post(title_en="Mine", seen=seen, **{"objectives-INITIAL_FORMS": "1"})
    response = staff_client.post("/staff/planning/plans/2026/edit/", data)
    assert response.status_code == 400
    assert is_stale_message("(plan|biennium)", response.content.decode())
    plan.refresh_from_db()
    assert plan.title == "Theirs"


def test_bad_plan_input_is_reported_and_nothing_is_saved(staff_client, admin):
    plan_2026(admin)
    response = staff_client.post("/staff/planning/plans/new/", plan_post(start_year="2026"))
    assert response.status_code == 400 and "start_year" in response.context["form"].errors
    twice = plan_post(**{"objectives-1-number": "1", "objectives-1-title_en": "Again"})
    response = staff_client.post("/staff/planning/plans/new/", twice)
    assert response.status_code == 400 and "same number" in response.content.decode()
    assert not TAPlan.objects.filter(start_year=2022).exists()


def test_staff_add_and_edit_a_biennium(staff_client, admin):
    plan, _objective, _biennium = plan_2026(admin)
    response = staff_client.post("/staff/planning/bienniums/new/", {"start_year": "2028", "plan": plan.pk})
    assert response.status_code == 302 and response.url == "/plan/programme/?biennium=2028"
    biennium = Biennium.objects.get(start_year=2028)
    assert (biennium.end_year, biennium.plan) == (2029, plan)
    seen = staff_client.get("/staff/planning/bienniums/2028/edit/").context["form"]["seen"].value()
    data = {"start_year": "2028", "plan": plan.pk, "notes": "Budget decision not yet adopted", "seen": seen}
    assert staff_client.post("/staff/planning/bienniums/2028/edit/", data).status_code == 302
    biennium.refresh_from_db()
    assert biennium.notes == "Budget decision not yet adopted"
    assert biennium.history.first().history_change_reason == "planning.biennium.edited"
    response = staff_client.post("/staff/planning/bienniums/new/", {"start_year": "2028"})
    assert response.status_code == 400 and "start_year" in response.context["form"].errors


def test_only_staff_record_plans(client, admin):
    focal = cast.contact_point("contact@ken.example", "KEN")
    cast.sign_in(client, focal)
    assert client.post("/staff/planning/plans/new/", plan_post()).status_code == 403
    assert not TAPlan.objects.filter(start_year=2022).exists()


def test_the_plan_pages_link_staff_to_the_forms(staff_client, admin):
    plan_2026(admin)
    body = staff_client.get("/plan/2026/").content.decode()
    assert "/staff/planning/plans/2026/edit/" in body and "/staff/planning/bienniums/2026/edit/" in body
    assert "/staff/planning/plans/new/" in staff_client.get("/plan/").content.decode()
