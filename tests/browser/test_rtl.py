"""Arabic, right to left, as a visitor meets it: chosen in the language menu, the page mirrors (the header, the
navigation, the tables read from the right), fits a 390 px phone, passes axe, and the menu brings English back."""

from django.utils import translation
from django.utils.translation import gettext

from tests.browser.conftest import assert_accessible

# The elements that stick out of the viewport on either side (the left one in a right-to-left page), named.
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const out = [...document.querySelectorAll('body *')].filter(e => {
    const box = e.getBoundingClientRect();
    return (box.right > width + 1 || box.left < -1) && box.width > 1 && !e.closest('.table-scroll, table, .skip');
  });
  const named = out.slice(0, 5).map(e => e.tagName + '.' + e.className);
  return {page: document.documentElement.scrollWidth, width, out: named};
}"""


def in_language(code, english):
    with translation.override(code):
        return gettext(english)


def choose_language(page, code, button_label):
    """What a person does: pick the language in the header's menu, press its button."""
    page.locator("header.site").get_by_role("combobox").select_option(code)
    page.locator("header.site").get_by_role("button", name=button_label, exact=True).click()
    page.wait_for_load_state()


def box(locator):
    return locator.bounding_box()


def test_arabic_mirrors_the_page_and_english_comes_back(page):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/parties/")
    assert page.locator("html").get_attribute("dir") == "ltr"
    english_header = (box(page.locator("header.site .brand"))["x"], box(page.locator("form.language"))["x"])
    assert english_header[0] < english_header[1]  # the brand on the left, the language menu on the right

    choose_language(page, "ar", in_language("en", "Change"))

    assert page.url.endswith("/parties/")  # the same page, now in Arabic
    html = page.locator("html")
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == ("ar", "rtl")
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    assert page.locator("h1").inner_text() == in_language("ar", "Parties to the Stockholm Convention")

    # The header mirrors: the brand on the right, the language menu on the left.
    brand, menu = box(page.locator("header.site .brand")), box(page.locator("form.language"))
    assert brand["x"] > menu["x"]
    assert brand["x"] + brand["width"] > 1280 / 2 > menu["x"]
    # The navigation reads from the right: its first group is right of its second, on the same row.
    groups = page.locator("nav.site-nav .nav-groups > li")
    first, second = box(groups.nth(0)), box(groups.nth(1))
    assert abs(first["y"] - second["y"]) < 5 and first["x"] > second["x"]
    # The table too: its first column (the Party) right of the second (the regional group), text at the start.
    headers = page.locator("table.list thead th")
    assert headers.nth(0).inner_text() == in_language("ar", "Party")
    assert box(headers.nth(0))["x"] > box(headers.nth(1))["x"]
    cell = page.locator("table.list tbody tr").first.locator("td").first
    assert cell.evaluate("e => getComputedStyle(e).textAlign") in ("start", "right")
    assert box(cell)["x"] + box(cell)["width"] > box(headers.nth(1))["x"] + box(headers.nth(1))["width"]
    assert_accessible(page)

    page.set_viewport_size({"width": 390, "height": 844})
    for url in ("/parties/", "/", "/directory/"):
        page.goto(url)
        assert page.locator("html").get_attribute("dir") == "rtl", url
        result = page.evaluate(OVERFLOW)
        assert result["page"] <= result["width"] and result["out"] == [], (url, result)
    assert_accessible(page)

    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/parties/")
    choose_language(page, "en", in_language("ar", "Change"))
    assert (html.get_attribute("lang"), html.get_attribute("dir")) == ("en", "ltr")
    assert page.locator("h1").inner_text() == "Parties to the Stockholm Convention"
    headers = page.locator("table.list thead th")
    assert box(headers.nth(0))["x"] < box(headers.nth(1))["x"]
    assert_accessible(page)
