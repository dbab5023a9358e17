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
    assert page.get_by_role("heading", name="Assign providers").is_visible()
    # A provider is found by its full name (or acronym, or country), and the warning shows before assigning.
    page.get_by_role("textbox", name="Find a provider").fill("training and research")
    page.get_by_role("button", name="Search").click()
    choice = page.get_by_role("checkbox", name="United Nations Institute for Training and Research (UNITAR)")
    assert "has not declared that it offers" in page.locator("#assign-providers").inner_text()
    assert_accessible(page)
    choice.check()
    page.get_by_label("What they deliver").fill("A national PCB inventory workshop")
    page.get_by_role("button", name="Assign providers").click()
    assert page.locator(".status").inner_text().startswith("Status: Assigned to providers")
    facts = page.locator(".facts").inner_text()
    assert "United Nations Institute for Training and Research: A national PCB inventory workshop" in facts
    assert_accessible(page)


def test_staff_never_meet_a_draft_and_the_party_withdraws_after_confirming(page_without_js):
    """Issues 17.1 and 17.6, without JavaScript: the draft is the Party's alone; withdrawing asks first."""
    page = page_without_js
    cast.contact_point("contact@ken.example", "KEN")
    cast.staff("afr@secretariat.example", cast.StaffRole.Role.REGIONAL_FOCAL_POINT, "AFR")

    sign_in(page, "contact@ken.example")
    page.goto("/requests/new/")
    assert "The Secretariat sees the request only once you submit it." in page.content()
    page.get_by_label("Title").fill("Customs training on POPs")
    page.get_by_label("Description").fill("Train customs officers to identify POPs pesticides at the borders.")
    page.get_by_label("Enforcement and control of trade including customs").check()
    page.get_by_label("Training course").check()
    page.get_by_label("Stockholm Convention").check()
    page.get_by_role("button", name="Save draft").click()
    reference = page.locator("h1").inner_text().split(":")[0]
    page.goto("/accounts/logout/")
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, "afr@secretariat.example", totp=True)
    page.goto("/requests/queue/")
    assert reference not in page.content()
    assert page.goto(f"/requests/{reference}/").status == 404
    page.goto("/requests/")
    assert "Your Party has not filed a request yet" not in page.content()
    page.goto("/accounts/logout/")
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, "contact@ken.example")
    page.goto(f"/requests/{reference}/")
    page.get_by_role("button", name="Submit to the Secretariat").click()
    assert page.locator(".status").inner_text().startswith("Status: Submitted")
    withdraw = page.get_by_role("link", name="Withdraw the request…")
    assert "button-danger" in withdraw.get_attribute("class")
    withdraw.click()
    assert "cannot be reopened" in page.content()
    assert_accessible(page)
    page.get_by_role("link", name="No, keep it").click()
    assert page.locator(".status").inner_text().startswith("Status: Submitted")
    page.get_by_role("link", name="Withdraw the request…").click()
    page.get_by_role("button", name="Yes, withdraw the request").click()
    assert page.locator(".status").inner_text().startswith("Status: Withdrawn")
