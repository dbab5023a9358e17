"""'List my organisation' in the browser: a request with a document, then the Secretariat lists it."""

from pathlib import Path

from tests.accounts import cast
from tests.browser.conftest import assert_accessible
from tests.browser.test_request_journey import sign_in


def test_organisation_asks_to_be_listed_and_staff_approve(page, tmp_path):
    cast.staff("reviewer@secretariat.example")
    statutes = Path(tmp_path) / "statutes.pdf"
    statutes.write_bytes(b"%PDF-1.4\n%%EOF\n")

    page.goto("/directory/join/")
    assert_accessible(page)
    page.get_by_label("Name of the organisation").fill("Lake Basin Toxics Watch")
    page.get_by_label("Category").select_option(label="Non-governmental organisation")
    page.get_by_label("Country of seat").select_option(label="Uganda")
    page.get_by_label("What the organisation does in the field of the Convention").fill("Monitors POPs in fish.")
    page.get_by_label("Alternatives to POPs and safer substitutes").check()
    page.get_by_label("Your name").fill("Grace A.")
    page.get_by_label("Your e-mail address").fill("grace@lbtw.example.org")
    page.get_by_label("Publish my e-mail address in the directory").check()  # consent, asked for (issue 17.5)
    page.get_by_label("Supporting documents").set_input_files(str(statutes))
    page.get_by_role("button", name="Send the request").click()
    assert page.locator("h1").inner_text() == "Request to list Lake Basin Toxics Watch"
    private_link = page.url
    assert_accessible(page)

    sign_in(page, "reviewer@secretariat.example", totp=True)
    page.goto("/staff/directory/")
    page.get_by_role("link", name="Lake Basin Toxics Watch").click()
    published = page.locator("h2:has-text('What approval publishes') + dl").inner_text()
    assert "Alternatives to POPs and safer substitutes" in published and "grace@lbtw.example.org" in published
    assert_accessible(page)
    page.get_by_label("Approve: list it").check()
    page.get_by_role("button", name="Record the decision").click()
    assert page.locator("h1").inner_text() == "Directory: requests to review"
    assert_accessible(page)

    page.goto(private_link)
    assert "Approved: listed" in page.locator("main").inner_text()
    page.get_by_role("link", name="See the entry in the directory").click()
    assert page.locator("h1").inner_text() == "Lake Basin Toxics Watch"
    assert "grace@lbtw.example.org" in page.locator("main").inner_text()  # published, with consent
