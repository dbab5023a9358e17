"""The public pages in a real browser: the journey a visitor takes, with and without JavaScript, checked by axe-core."""

import re

import pytest

from tests.browser.conftest import assert_accessible


def switch_language(page, code):
    page.select_option("#language-select", code)
    page.get_by_role("button", name=re.compile("^(Change|Changer)$")).click()
    page.wait_for_load_state()


def test_home_to_a_party_then_french(page):
    page.goto("/")
    assert page.locator("h1").inner_text() == "Technical assistance under the Stockholm Convention"
    assert_accessible(page)

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Parties").click()
    assert page.locator("h1").inner_text() == "Parties to the Stockholm Convention"
    assert page.locator("table tbody tr").count() == 185
    assert_accessible(page)

    page.get_by_role("link", name="Brazil", exact=True).click()
    assert page.url.endswith("/parties/BRA/")
    assert page.locator("h1").inner_text() == "Brazil"
    assert_accessible(page)

    switch_language(page, "fr")
    assert page.url.endswith("/parties/BRA/")  # the same page, now in French
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.get_by_text("Groupe régional de l’ONU").first.is_visible()
    assert page.get_by_role("heading", name="Centres régionaux").is_visible()
    assert_accessible(page)

    page.get_by_role("link", name="TA Hub").first.click()
    assert page.locator("h1").inner_text() == "L’assistance technique au titre de la Convention de Stockholm"
    assert_accessible(page)


@pytest.mark.parametrize(
    "url",
    [
        "/centres/",
        "/centres/scrc-brazil/",
        "/decisions/",
        "/decisions/SC-7/17/",
        "/data-notes/",
        "/parties/?region=CEE",
        "/parties/?q=zz",
    ],
)
def test_other_public_pages_are_accessible(page, url):
    page.goto(url)
    assert page.locator("h1").count() == 1
    assert_accessible(page)


def test_filter_parties_by_region_without_javascript(page_without_js):
    page = page_without_js
    page.goto("/parties/")
    page.select_option("#id_region", "CEE")
    page.get_by_role("button", name="Filter").click()
    page.wait_for_load_state()
    assert "region=CEE" in page.url
    rows = page.locator("table tbody tr")
    assert 0 < rows.count() < 185
    assert page.get_by_role("link", name="Ukraine", exact=True).is_visible()
    assert page.get_by_role("link", name="Brazil", exact=True).count() == 0
    # axe-core is JavaScript: the same filtered page is checked with it in test_other_public_pages_are_accessible.


def test_switch_language_without_javascript(page_without_js):
    page = page_without_js
    page.goto("/centres/")
    switch_language(page, "fr")
    assert page.url.endswith("/centres/")
    assert page.locator("h1").inner_text() == "Centres régionaux et sous-régionaux de la Convention de Stockholm"
