"""A Party's contact point files a request in the browser; the regional focal point accepts and assigns it."""

from tests.accounts import cast
from tests.browser.conftest import assert_accessible


def sign_in(page, email, *, totp=False):
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(cast.PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    if totp:
        page.get_by_label("Code").fill(cast.current_code())
        page.get_by_role("button", name="Sign in").click()


def test_party_files_and_staff_accept_and_assign(page):
    cast.contact_point("contact@ken.example", "KEN")
    cast.staff("afr@secretariat.example", cast.StaffRole.Role.REGIONAL_FOCAL_POINT, "AFR")

    sign_in(page, "contact@ken.example")
    page.goto("/requests/new/")
    assert page.locator("h1").inner_text() == "New technical assistance request for Kenya"
    assert_accessible(page)
    page.get_by_label("Title").fill("Inventory of PCB in transformers")
    page.get_by_label("Description").fill("We need help to build a national inventory of PCB in electrical equipment.")
    page.get_by_label("Inventories of POPs").check()
    page.get_by_label("Training course").check()
    page.get_by_label("Stockholm Convention").check()
    page.get_by_role("button", name="Save draft").click()
    assert page.locator(".status").inner_text().startswith("Status: Draft")
    assert_accessible(page)
    page.get_by_role("button", name="Submit to the Secretariat").click()
    assert page.locator(".status").inner_text().startswith("Status: Submitted")
    reference = page.locator("h1").inner_text().split(":")[0]
    page.goto("/accounts/logout/")
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, "afr@secretariat.example", totp=True)
    page.goto(f"/requests/{reference}/")
    page.get_by_role("button", name="Acknowledge and start the review").click()
    page.get_by_role("button", name="Accept").click()
    assert page.locator(".status").inner_text().startswith("Status: Accepted")
    assert page.get_by_role("heading", name="Suggested providers").is_visible()
    page.get_by_role("listbox", name="Providers").select_option(label="UNITAR")
    page.get_by_role("button", name="Assign providers").click()
    assert page.locator(".status").inner_text().startswith("Status: Assigned to providers")
    assert "UNITAR" in page.locator(".facts").inner_text()
    assert_accessible(page)
