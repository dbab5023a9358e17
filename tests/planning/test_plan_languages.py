"""Plan and objective titles, paragraph texts and activity titles in all six languages (issue 14.3): entered on
the staff forms and through the API, stored per language, shown on a page in the reader's language, else English."""

import pytest
from django.conf import settings

from tahub.planning.models import DecisionParagraph, ProgrammeActivity, TAPlan

from .factories import paragraph, plan_2026
from .test_api import BODY, bearer
from .test_plan_staff import plan_post

pytestmark = pytest.mark.django_db

SPANISH, ARABIC = "Plan de asistencia técnica 2022–2025", "خطة المساعدة التقنية 2022–2025"
OBJECTIVE_ES, OBJECTIVE_AR = "Las Partes tienen la capacidad", "الأطراف لديها القدرة"
ENGLISH = "TA plan 2022–2025"


def h1(client, url, language):
    body = client.get(url, HTTP_ACCEPT_LANGUAGE=language).content.decode()
    return body.split("<h1>", 1)[1].split("</h1>", 1)[0]


def test_the_plan_form_stores_a_spanish_and_an_arabic_title_and_the_pages_show_them(staff_client):
    data = plan_post(
        title_es=SPANISH,
        title_ar=ARABIC,
        **{"objectives-0-title_es": OBJECTIVE_ES, "objectives-0-title_ar": OBJECTIVE_AR},
    )
    response = staff_client.post("/staff/planning/plans/new/", data)
    assert response.status_code == 302, response.context["form"].errors
    plan = TAPlan.objects.get(start_year=2022)
    assert (plan.title_en, plan.title_es, plan.title_ar, plan.title_ru) == (ENGLISH, SPANISH, ARABIC, "")
    objective = plan.objectives.get()
    assert (objective.title_es, objective.title_ar, objective.title_fr) == (OBJECTIVE_ES, OBJECTIVE_AR, "")

    assert h1(staff_client, "/plan/2022/", "es") == SPANISH
    assert h1(staff_client, "/plan/2022/", "ar") == ARABIC
    assert h1(staff_client, "/plan/2022/", "ru") == ENGLISH  # no Russian title: the English one
    arabic = staff_client.get("/plan/2022/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert OBJECTIVE_AR in arabic and OBJECTIVE_ES not in arabic


def test_the_plan_form_shows_each_language_s_title_to_edit_it_whatever_the_page_s_language(staff_client, admin):
    plan, _objective, _biennium = plan_2026(admin)
    TAPlan.objects.filter(pk=plan.pk).update(title_es="Plan 2026–2029")
    response = staff_client.get("/staff/planning/plans/2026/edit/", HTTP_ACCEPT_LANGUAGE="es")
    form, formset = response.context["form"], response.context["formset"]
    assert (form["title_en"].value(), form["title_es"].value()) == ("TA plan 2026–2029", "Plan 2026–2029")
    assert formset.forms[0]["title_en"].value() == "Capacity to implement"
    assert not formset.forms[0]["title_es"].value()


def test_saving_a_plan_unchanged_does_not_edit_its_objectives(staff_client, admin):
    plan, objective, _biennium = plan_2026(admin)
    response = staff_client.get("/staff/planning/plans/2026/edit/")
    form, formset = response.context["form"], response.context["formset"]
    data = {name: form[name].value() or "" for name in form.fields if not form.fields[name].disabled}
    for row in formset.forms:
        data |= {row.add_prefix(name): row[name].value() or "" for name in row.fields}
    data |= {"objectives-TOTAL_FORMS": str(len(formset.forms)), "objectives-INITIAL_FORMS": "1"}
    assert staff_client.post("/staff/planning/plans/2026/edit/", data).status_code == 302
    assert [h.history_change_reason for h in objective.history.all()] == ["planning.objective.created"]


def test_the_paragraph_text_form_stores_spanish_and_arabic_and_the_decision_page_shows_them(staff_client):
    p = paragraph()
    data = {name: "" for name in ("text_en", "text_fr", "text_zh_hans", "text_ru", "notes")}
    data |= {"text_es": "Pide a la Secretaría", "text_ar": "يطلب إلى الأمانة", "sources": "UNEP/POPS/COP.5/36"}
    response = staff_client.post(f"/staff/planning/paragraphs/{p.pk}/text/", data | {"seen": p.updated_at.isoformat()})
    assert response.status_code == 302
    p = DecisionParagraph.objects.get(pk=p.pk)
    assert (p.text_es, p.text_ar, p.text_en) == ("Pide a la Secretaría", "يطلب إلى الأمانة", "")
    spanish = staff_client.get("/decisions/SC-5/20/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    arabic = staff_client.get("/decisions/SC-5/20/", HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert '<span lang="es">Pide a la Secretaría</span>' in spanish and "يطلب إلى الأمانة" not in spanish
    assert '<span lang="ar">يطلب إلى الأمانة</span>' in arabic and "Pide a la" not in arabic


def test_a_plan_posted_through_the_api_keeps_each_language(client, admin):
    body = {
        "start_year": 2022,
        "title": ENGLISH,
        "title_es": SPANISH,
        "title_ar": ARABIC,
        "objectives": [{"number": 1, "title": "Capacities", "title_es": OBJECTIVE_ES, "title_ar": OBJECTIVE_AR}],
    }
    response = client.post("/api/v1/plans", body, content_type="application/json", **bearer(admin))
    assert response.status_code == 201, response.content
    saved = response.json()
    assert (saved["title_en"], saved["title_es"], saved["title_ar"], saved["title_zh_hans"]) == (
        ENGLISH,
        SPANISH,
        ARABIC,
        "",
    )
    assert (saved["objectives"][0]["title_es"], saved["objectives"][0]["title_ar"]) == (OBJECTIVE_ES, OBJECTIVE_AR)

    assert client.get("/api/v1/plans/2022", HTTP_ACCEPT_LANGUAGE="es").json()["title"] == SPANISH
    assert client.get("/api/v1/plans/2022", HTTP_ACCEPT_LANGUAGE="ru").json()["title"] == ENGLISH
    assert h1(client, "/plan/2022/", "ar") == ARABIC
    assert h1(client, "/plan/2022/", "fr") == ENGLISH


def test_an_activity_posted_through_the_api_keeps_each_language(client, admin):
    plan_2026(admin)
    body = BODY | {"title_es": "Seminarios web", "title_ar": "ندوات عبر الإنترنت"}
    response = client.post("/api/v1/programme-activities", body, content_type="application/json", **bearer(admin))
    assert response.status_code == 201, response.content
    assert (response.json()["title_es"], response.json()["title_ru"]) == ("Seminarios web", "")
    activity = ProgrammeActivity.objects.get(biennium__start_year=2026, number=7)
    stored = (activity.title_en, activity.title_es, activity.title_ar)
    assert stored == ("Webinars", "Seminarios web", "ندوات عبر الإنترنت")
    arabic = client.get(activity.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    russian = client.get(activity.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "ندوات عبر الإنترنت" in arabic and "Seminarios web" not in arabic
    assert "Webinars" in russian and "ندوات" not in russian


def test_the_paragraphs_api_gives_the_text_in_every_language(client):
    DecisionParagraph.objects.filter(pk=paragraph().pk).update(text_en="Requests", text_ar="يطلب", text_ru=None)
    items = client.get("/api/v1/decision-paragraphs", {"decision": "SC-5/20"}).json()["items"]
    row = next(item for item in items if item["number"] == "8")
    assert {name: row[name] for name in row if name.startswith("text_")} == {
        "text_en": "Requests",
        "text_fr": "",
        "text_es": "",
        "text_ar": "يطلب",
        "text_zh_hans": "",
        "text_ru": "",  # NULL in the column: still a string
    }


SCHEMAS = {
    "ParagraphOut": ["text"],
    "ObjectiveOut": ["title"],
    "PlanOut": ["title"],
    "PlanSavedOut": ["title"],
    "ProgrammeActivityOut": ["title"],
}
INPUTS = ["ObjectiveIn", "PlanIn", "PlanChangeIn", "ProgrammeActivityIn"]


def test_the_openapi_document_has_every_language_s_field(client):
    schemas = client.get("/api/v1/openapi.json").json()["components"]["schemas"]
    codes = [code.replace("-", "_") for code, _name in settings.LANGUAGES]
    for name, fields in SCHEMAS.items():
        for field in fields:
            assert {f"{field}_{code}" for code in codes} <= set(schemas[name]["properties"]), name
    for name in INPUTS:  # `title` is the English one, as before; the others beside it
        assert {f"title_{code}" for code in codes if code != "en"} <= set(schemas[name]["properties"]), name
