"""The plan, the programme of work, an activity, the mandate coverage and a decision in a real browser: they render
without JavaScript and pass axe-core; staff add a programme activity through the staff form."""

import pytest

from tahub.parties.models import Convention
from tahub.planning.models import DecisionParagraph, ProgrammeActivity
from tests.accounts import cast
from tests.browser.conftest import assert_accessible
from tests.planning.factories import activity, plan_2026

from .test_request_journey import sign_in

PAGES = [
    ("/plan/", "Technical assistance plans"),
    ("/plan/2026/", "TA plan 2026–2029"),
    ("/plan/programme/", "Programme of work: technical assistance activities"),
    ("/plan/programme/2026/11/", "Activity 11 of the programme of work 2026–2027"),
    ("/plan/mandates/", "Mandate coverage"),
    ("/decisions/SC-5/20/", "SC-5/20"),
]


@pytest.fixture
def programme(reference_data):
    admin = cast.staff("admin@secretariat.example")
    _plan, objective, biennium = plan_2026(admin)
    activity(admin, biennium, 11, objective=objective)
    return admin


@pytest.mark.parametrize(("url", "heading"), PAGES)
def test_the_plan_pages_render_without_javascript(page_without_js, programme, url, heading):
    page_without_js.goto(url)
    assert page_without_js.locator("h1").count() == 1
    assert page_without_js.locator("h1").inner_text().startswith(heading)


@pytest.mark.parametrize(("url", "heading"), PAGES)
def test_the_plan_pages_are_accessible(page, programme, url, heading):
    page.goto(url)
    assert page.locator("h1").inner_text().startswith(heading)
    assert_accessible(page)


def test_the_decision_page_lists_its_paragraphs(page_without_js, programme):
    page_without_js.goto("/decisions/SC-5/20/")
    paragraphs = DecisionParagraph.objects.filter(decision__number="SC-5/20").count()
    assert page_without_js.locator("main dl.facts >> nth=1").locator("dt").count() == paragraphs
    assert page_without_js.locator("#paragraph-8").is_visible()


def test_staff_add_a_programme_activity(page, programme):
    sign_in(page, "admin@secretariat.example", totp=True)
    page.goto("/staff/planning/activities/new/")
    assert_accessible(page)
    biennium = ProgrammeActivity.objects.filter(number=11, biennium__start_year=2026).get().biennium
    page.locator('[name="biennium"]').select_option(str(biennium.pk))
    page.locator('[name="number"]').fill("12")
    page.locator('[name="title_en"]').fill("Webinars followed by regional workshops")
    page.locator('[name="conventions"]').select_option(str(Convention.objects.get(code="SC").pk))
    page.locator('[name="legal_basis"]').select_option(
        str(DecisionParagraph.objects.get(decision__number="SC-5/20", number="8").pk)
    )
    page.locator('[name="approved_budget"]').fill("930000")
    page.get_by_role("button", name="Save").click()

    assert page.url.endswith("/plan/programme/2026/12/")
    assert page.locator("h1").inner_text() == "Activity 12 of the programme of work 2026–2027"
    assert "930,000.00" in page.content()
    assert_accessible(page)
    assert (
        ProgrammeActivity.objects.get(biennium=biennium, number=12).title == "Webinars followed by regional workshops"
    )


def test_staff_edit_a_plan_and_its_objectives(page, programme):
    sign_in(page, "admin@secretariat.example", totp=True)
    page.goto("/staff/planning/bienniums/new/")
    assert_accessible(page)
    page.goto("/plan/2026/")
    page.get_by_role("link", name="Edit this plan and its objectives").click()
    assert_accessible(page)
    page.locator('[name="objectives-1-number"]').fill("2")
    page.locator('[name="objectives-1-title_en"]').fill("Guidance is implemented")
    page.get_by_role("button", name="Save").click()
    assert page.url.endswith("/plan/2026/")
    assert "Guidance is implemented" in page.locator("table").inner_text()
    assert_accessible(page)
