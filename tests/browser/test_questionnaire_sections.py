"""Issue 17.10 in the browser, without JavaScript: a Party's contact point opens the needs questionnaire and finds
a short page (each section a <details>, the first open); opens the funding section and finds a year × source grid
for the cycle's period; saves a bad amount and finds an error summary on top whose link leads to the field, in
its section, open. axe-core passes at each step."""

import datetime

from django.utils import timezone

from tahub.needs import services
from tests.accounts import cast
from tests.browser.conftest import assert_accessible
from tests.browser.test_request_journey import sign_in
from tests.needs import world

FUNDING = "Part II: funding needs for the next period (2029-2032)"


def test_a_short_questionnaire_with_a_grid_of_the_cycles_years_and_an_error_summary(page_without_js):
    page = page_without_js
    cast.contact_point("contact@ken.example", "KEN")
    admin = cast.staff("admin@secretariat.example")
    cycle = services.open_cycle(
        by=admin, slug="needs-2028", title="Needs assessment 2028", period="2029-2032",
        deadline=timezone.localdate() + datetime.timedelta(days=60), questionnaire=world.questionnaire(),
    )  # fmt: skip
    page.set_viewport_size({"width": 1280, "height": 800})

    sign_in(page, "contact@ken.example")
    page.goto(f"/needs/{cycle.slug}/parties/KEN/")
    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < 2500, f"the questionnaire page is {height} px long"
    assert "2026-2029" not in page.content()
    funding = page.locator("details.section", has_text=FUNDING)
    cell = page.get_by_label("2029 — Global Environment Facility").first
    assert not cell.is_visible()  # closed: the page is short
    assert_accessible(page)

    funding.locator("summary").click()  # a <details> opens without JavaScript
    grid = funding.locator("table").first
    assert grid.locator("tbody th[scope=row]").all_inner_texts() == ["2029", "2030", "2031", "2032"]
    assert "Global Environment Facility" in grid.locator("thead").inner_text()
    assert cell.is_visible()

    cell.fill("-5")
    page.get_by_role("button", name="Save draft").click()
    summary = page.locator(".error-summary")
    assert summary.is_visible()
    assert summary.bounding_box()["y"] < page.locator("details.section").first.bounding_box()["y"]  # on top
    link = summary.get_by_role("link").first
    assert "2029 — Global Environment Facility" in link.inner_text()
    assert page.locator("details.section[open]").count() == 1  # the one with the error, named in its summary
    assert "1 problem" in page.locator("details.section[open] summary").inner_text()
    link.click()
    assert page.evaluate("location.hash") == "#id_funding-convention-specific__2029__gef"
    field = page.locator("#id_funding-convention-specific__2029__gef")
    assert field.is_visible() and field.input_value() == "-5"  # what was typed is kept
    assert_accessible(page)
