"""A Party's contact point answers the needs questionnaire in the browser: a refused submission names what is
missing; a complete one is submitted and shown read-only."""

import datetime

from django.utils import timezone

from tahub.needs import services
from tahub.needs.models import Response
from tests.accounts import cast
from tests.browser.conftest import assert_accessible
from tests.browser.test_request_journey import sign_in
from tests.needs import world


def test_contact_point_answers_and_submits(page):
    cast.contact_point("contact@ken.example", "KEN")
    admin = cast.staff("admin@secretariat.example")
    cycle = services.open_cycle(
        by=admin, slug="needs-2026", title="Needs assessment 2026", period="2026-2029",
        deadline=timezone.localdate() + datetime.timedelta(days=60), questionnaire=world.questionnaire(),
    )  # fmt: skip

    sign_in(page, "contact@ken.example")
    page.goto(f"/needs/{cycle.slug}/parties/KEN/")
    assert page.locator("h1").inner_text() == "Needs assessment 2026: Kenya"
    assert_accessible(page)
    page.get_by_label("National implementation plans (development review and update): level of need").select_option(
        "high"
    )
    page.get_by_role("button", name="Submit").click()
    assert "Answer this question" in page.content()  # incomplete: each missing question is named
    assert_accessible(page)

    for select in page.locator("select[name$='-level']").all():
        select.select_option("medium")
    page.get_by_role("button", name="Submit").click()
    assert "Submitted. Thank you." in page.content()
    assert Response.objects.get(party__country__iso3="KEN").state == Response.State.SUBMITTED
    assert page.get_by_role("button", name="Submit").count() == 0
    assert_accessible(page)


def test_the_questionnaire_asks_funding_as_a_grid_of_the_cycles_years_and_sums_up_errors(page):
    """Issue 17.10: amounts as a year × source table for the cycle's period (not the file's 2026–2029), an error
    summary on top linking to the field; axe-core passes. The funding section starts closed (a short page): the
    contact point opens it."""
    cast.contact_point("contact@ken.example", "KEN")
    admin = cast.staff("admin@secretariat.example")
    cycle = services.open_cycle(
        by=admin, slug="needs-2028", title="Needs assessment 2028", period="2029-2032",
        deadline=timezone.localdate() + datetime.timedelta(days=60), questionnaire=world.questionnaire(),
    )  # fmt: skip

    sign_in(page, "contact@ken.example")
    page.goto(f"/needs/{cycle.slug}/parties/KEN/")
    page.locator("details.section summary", has_text="Part II: funding needs").click()
    grid = page.locator("fieldset.amounts table").first
    assert grid.locator("tbody th[scope=row]").all_inner_texts() == ["2029", "2030", "2031", "2032"]
    assert "Global Environment Facility" in grid.locator("thead").inner_text()
    cell = page.get_by_label("2029 — Global Environment Facility").first
    assert cell.is_visible()
    assert_accessible(page)

    cell.fill("-5")
    page.get_by_role("button", name="Save draft").click()
    summary = page.get_by_role("alert").filter(has_text="problem")
    assert summary.is_visible()
    link = summary.get_by_role("link").first
    assert "2029 — Global Environment Facility" in link.inner_text()
    link.click()
    focused = page.evaluate("document.activeElement && document.activeElement.id") or page.evaluate("location.hash")
    assert "funding-convention-specific__2029__gef" in focused
    assert_accessible(page)


def test_staff_open_a_cycle_only_after_seeing_how_many_are_e_mailed(page):
    """Issue 17.3: the form, then a preview with the number of invitations, then the cycle opens (no JS needed)."""
    admin = cast.staff("admin@secretariat.example")
    world.questionnaire()
    sign_in(page, admin.email, totp=True)
    page.goto("/staff/needs/open/")
    year = timezone.localdate().year + 1
    page.locator("#id_slug").fill("needs-next")
    page.locator("#id_title").fill("Needs assessment next")
    page.locator("#id_period").fill(f"{year + 1}-{year + 4}")
    page.locator("#id_deadline").fill(f"{year}-06-30")
    page.locator("#id_questionnaire").select_option(index=1)
    page.get_by_role("button", name="Next: check the invitations").click()
    assert "check before sending" in page.locator("h1").inner_text()
    assert_accessible(page)
    page.get_by_role("button", name="Open the cycle and send").click()
    assert "The cycle is open" in page.content()
