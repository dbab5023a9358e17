"""The navigation and wide pages on a phone (issues 15.1 and 17.11): the navigation fits 360 px and is reached by
keyboard; the widest pages (Parties, contributions, the requests queue, the dashboards) stay within a 390 px
screen, their tables scrolling inside a region of their own."""

import pytest

from tahub.assistance import services
from tests.accounts import cast
from tests.assistance.conftest import complete_data
from tests.browser.conftest import assert_accessible

# The elements that stick out of the viewport: named in a failure, so it says what to fix.
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const out = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > width + 1
    && !e.closest('.table-scroll, table'));
  const named = out.slice(0, 5).map(e => e.tagName + '.' + e.className);
  return {page: document.documentElement.scrollWidth, width, out: named};
}"""


def _fits(page):
    result = page.evaluate(OVERFLOW)
    assert result["page"] <= result["width"], (page.url, result)


@pytest.fixture
def phone(browser, live_server, reference_data):
    context = browser.new_context(base_url=live_server.url, locale="en-GB", viewport={"width": 390, "height": 800})
    page = context.new_page()
    yield page
    context.close()


def _sign_in_staff(page):
    cast.staff("admin@example.org")
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill("admin@example.org")
    page.get_by_label("Password").fill(cast.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_label("Code").fill(cast.current_code())
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/dashboard/")


def test_the_navigation_fits_a_360px_phone_and_is_reached_by_keyboard(page):
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto("/")
    _fits(page)
    nav = page.get_by_role("navigation", name="Main")
    for name in ("Events", "Needs assessment", "Programme of work", "Contributions", "Partners", "Observers"):
        assert nav.get_by_role("link", name=name, exact=True).is_visible(), name
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")  # the brand
    for _i in range(3):  # the language form: select and button
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('nav')?.getAttribute('aria-label')") == "Main"
    assert_accessible(page)
    nav.get_by_role("link", name="Events", exact=True).click()
    assert page.get_by_role("navigation", name="Main").locator("[aria-current]").inner_text() == "Events"


def test_wide_pages_fit_a_390px_phone(phone):
    party = cast.party(cast.PARTY_A)
    person = cast.contact_point("contact@ken.example", cast.PARTY_A)
    long_title = "Inventory of polychlorinated biphenyls in transformers, capacitors and other electrical equipment"
    for i in range(3):
        request = services.create_request(party=party, by=person, data=complete_data(title=f"{long_title} {i}"))
        services.submit_request(request, by=person)
    for url in ("/parties/", "/proposals/contributions/", "/plan/programme/"):
        phone.goto(url)
        _fits(phone)
    _sign_in_staff(phone)
    _fits(phone)
    assert_accessible(phone)
    for url in ("/requests/queue/", "/dashboard/programme/"):
        phone.goto(url)
        _fits(phone)
    assert_accessible(phone)
