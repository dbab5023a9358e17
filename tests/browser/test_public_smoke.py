from tests.browser.conftest import assert_accessible


def test_home_renders_and_is_accessible(page):
    page.goto("/")
    assert page.locator("h1").inner_text() == "Technical assistance under the Stockholm Convention"
    assert_accessible(page)
