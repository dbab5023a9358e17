"""The public plan, programme and activity pages, the staff form, and what each page costs."""

import pytest

from tahub.parties.models import Convention
from tahub.planning.models import ProgrammeActivity
from tests.api.stale_messages import is_stale_message

from .factories import activity, paragraph, plan_2026

pytestmark = pytest.mark.django_db


@pytest.fixture
def programme(admin):
    _plan, objective, biennium = plan_2026(admin)
    return [activity(admin, biennium, n, objective=objective) for n in (11, 12, 33)]


def test_the_plan_page_shows_objectives_and_bienniums(client, programme):
    body = client.get("/plan/2026/").content.decode()
    assert "TA plan 2026–2029" in body and "Capacity to implement" in body
    assert "/plan/programme/?objective=" in body and "2026–2027" in body


def test_the_plan_list_links_the_plans(client, programme):
    body = client.get("/plan/").content.decode()
    assert "/plan/2026/" in body and "/plan/2018/" in body


def test_the_programme_lists_and_filters_activities(client, programme):
    response = client.get("/plan/programme/", {"biennium": 2026})
    assert [a["number"] for a in response.context["activities"]] == [11, 12, 33]
    assert "SC-5/20, paragraph 8" in response.content.decode()
    response = client.get("/plan/programme/", {"biennium": 2012})
    assert [a["number"] for a in response.context["activities"]] == [11, 12, 33]
    assert "Title not in the data" in response.content.decode()


def test_a_bad_filter_is_reported_and_the_others_still_apply(client, programme):
    response = client.get("/plan/programme/", {"biennium": 1999, "status": "ongoing"})
    assert "biennium" in response.context["form"].errors
    assert {a["status"] for a in response.context["activities"]} == {"ongoing"}


def test_the_activity_page_shows_its_mandate_and_budget(client, programme):
    body = client.get("/plan/programme/2026/11/").content.decode()
    assert "Regional workshops 11" in body and "1,190,000.00" in body
    assert "/decisions/SC-5/20/" in body
    assert client.get("/plan/programme/2026/99/").status_code == 404


def test_the_decision_page_lists_its_paragraphs_and_the_doubt(client):
    body = client.get("/decisions/SC-5/20/").content.decode()
    assert "Paragraph 8" in body and "Text not in the data." in body and "asks for technical assistance" in body


def test_staff_add_an_activity_through_the_form(staff_client):
    biennium = ProgrammeActivity.objects.get(biennium__start_year=2012, number=11).biennium
    data = {
        "biennium": biennium.pk,
        "number": 40,
        "title_en": "Webinars",
        "conventions": [Convention.objects.get(code="SC").pk],
        "legal_basis": [paragraph().pk],
        "status": "planned",
        "approved_budget": "-5",
    }
    response = staff_client.post("/staff/planning/activities/new/", data)
    assert response.status_code == 400 and "approved_budget" in response.context["form"].errors
    response = staff_client.post("/staff/planning/activities/new/", data | {"approved_budget": "20000.00"})
    assert response.status_code == 302 and response["Location"] == "/plan/programme/2012/40/"


def test_staff_edit_refuses_a_stale_form(staff_client, programme):
    target = programme[0]
    form = staff_client.get(f"/staff/planning/activities/{target.pk}/edit/").context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None and k not in ("biennium", "number")}
    data |= {
        "conventions": [c.pk for c in target.conventions.all()],
        "legal_basis": [p.pk for p in target.legal_basis.all()],
        "themes": [],
        "regions": [],
        "countries": [],
        "partners": [],
        "objective": target.objective_id,
        "version": 0,
        "title_en": "First edit",
    }
    assert staff_client.post(f"/staff/planning/activities/{target.pk}/edit/", data).status_code == 302
    response = staff_client.post(f"/staff/planning/activities/{target.pk}/edit/", data | {"title_en": "Second"})
    assert response.status_code == 400 and is_stale_message("programme activity", response.content.decode())


def test_the_public_cannot_open_the_staff_form(client):
    assert client.get("/staff/planning/activities/new/").status_code in (302, 403)


@pytest.mark.parametrize("count", [3, 300])
def test_the_programme_page_costs_a_fixed_number_of_queries(client, admin, django_assert_max_num_queries, count):
    _plan, objective, biennium = plan_2026(admin)
    for n in range(1, count + 1):
        activity(admin, biennium, n, objective=objective)
    with django_assert_max_num_queries(10):
        assert client.get("/plan/programme/", {"biennium": 2026}).status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get("/plan/2026/").status_code == 200


def test_the_activity_page_costs_a_fixed_number_of_queries(client, programme, django_assert_max_num_queries):
    with django_assert_max_num_queries(14):
        assert client.get("/plan/programme/2026/11/").status_code == 200
