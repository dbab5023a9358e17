"""An NGO applies for admission as an observer with a document; the Secretariat (TOTP sign-in) admits it."""

import re
from pathlib import Path

from tahub.observers.models import ObserverApplication
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


def test_ngo_applies_and_staff_admit_it(page, tmp_path: Path):
    cast.staff("reviewer@secretariat.example")
    statutes = tmp_path / "statutes.pdf"
    statutes.write_bytes(b"%PDF-1.4\n%%EOF\n")

    page.goto("/observers/apply/")
    assert page.locator("h1").inner_text() == "Apply for admission as an observer"
    assert_accessible(page)
    page.get_by_label("Name of the body").fill("Women Against Pesticides")
    page.get_by_label("Short name or acronym").fill("WAP")
    page.get_by_label("Category").select_option(label="Non-governmental organisation")
    page.get_by_label("Country of seat").select_option(label="Senegal")
    page.get_by_label("Description of the body").fill("A network of farmers' associations in West Africa.")
    page.get_by_label("Programmes and activities").fill("Trainings on alternatives to endosulfan since 2008.")
    page.get_by_label("Your name").fill("Awa Ndiaye")
    page.get_by_label("Your e-mail address").fill("awa@wap.example.org")
    page.get_by_label("Supporting documents").set_input_files(str(statutes))
    page.get_by_role("button", name="Send the application").click()
    assert page.locator(".status").inner_text() == "Status: Submitted"
    assert_accessible(page)
    status_url = page.url

    sign_in(page, "reviewer@secretariat.example", totp=True)
    page.goto("/staff/observers/")
    page.get_by_role("link", name="Women Against Pesticides").click()
    # The storage may add a suffix to keep names unique.
    assert page.get_by_role("link", name=re.compile(r"^statutes.*\.pdf$")).is_visible()
    assert_accessible(page)
    page.get_by_label("Admit: the criteria appear met").check()
    page.get_by_role("button", name="Record the decision").click()
    assert "Done: the applicant has been told by e-mail." in page.locator(".messages").inner_text()
    assert_accessible(page)

    application = ObserverApplication.objects.get()
    assert application.state == ObserverApplication.State.ADMITTED
    page.goto(status_url)
    assert page.locator(".status").inner_text() == "Status: Admitted"
    page.goto("/observers/")
    assert "Women Against Pesticides (Senegal)" in page.locator(".admitted").inner_text()
