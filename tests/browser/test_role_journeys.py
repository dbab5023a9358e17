"""Every journey whole, per role of the demo (issue 15.4): each starts at the home page, signs in through the
"Sign in" link with the demo account (staff with their authenticator code), and reaches the role's real work only
by clicking what the person sees: no address is typed after the home page. axe-core checks every page passed.

The data is the demo's (tahub/demo generators, seed 1, and load_demo_accounts), only the families a journey
needs: loading all of it for each test would take half a minute each. docs/tour.md tells the same paths.
"""

import datetime
import os
import re
from pathlib import Path
from urllib.parse import urlsplit

from django.core import mail

from tahub.demo import generators
from tahub.demo.accounts import DEMO_PASSWORD, DEMO_TOTP_SECRET, load_demo_accounts
from tests.accounts import cast
from tests.browser.conftest import assert_accessible

STAFF_EMAILS = {"admin@demo.tahub.localhost", "rfp.afr@demo.tahub.localhost"}
TOUR_VIEWPORT = {"width": 1280, "height": 800}


def tour_screenshot(page, name):
    """docs/tour.md's picture of this page (`make tour`): <TAHUB_TOUR_DIR>/<name>.png, when that variable is set."""
    folder = os.environ.get("TAHUB_TOUR_DIR")
    if not folder:
        return
    Path(folder).mkdir(parents=True, exist_ok=True)
    size = page.viewport_size
    page.set_viewport_size(TOUR_VIEWPORT)
    page.screenshot(path=str(Path(folder) / f"{name}.png"))
    page.set_viewport_size(size)


def load_demo(*families):
    """The demo accounts, after the generated families named (in the generators' own order)."""
    context = generators._context(generators.DEMO_SEED, None)
    for family, generator in generators.GENERATORS:
        if family in families:
            generator(context, generators.count_for(family, 1))
    return load_demo_accounts()


def click(page, name, *, within=None, exact=False):
    """Click the link a person sees by its text (in `within`, else in the page's main part), then check axe."""
    where = within or page.locator("main")
    where.get_by_role("link", name=name, exact=exact).first.click()
    page.wait_for_load_state()
    assert_accessible(page)


def sign_in_from_home(page, email):
    """Home page → "Sign in" → e-mail and password (→ the authenticator's code for staff) → the dashboard."""
    page.goto("/")
    assert_accessible(page)
    click(page, "Sign in", within=page.get_by_role("navigation", name="Main"), exact=True)
    assert page.locator("h1").inner_text() == "Sign in"
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    if email in STAFF_EMAILS:
        assert page.locator("h1").inner_text() == "Two-factor sign-in"
        assert_accessible(page)
        page.get_by_label("Code").fill(cast.current_code(DEMO_TOTP_SECRET))
        page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/dashboard/")
    assert page.locator("h1").inner_text() == "What waits for you"
    assert_accessible(page)
    tour_screenshot(page, email.split("@")[0].replace(".", "-"))


def heading(page):
    return page.locator("h1").inner_text()


def test_official_contact_point_sees_the_partys_requests(page):
    load_demo("organisations", "requests")
    sign_in_from_home(page, "contact.ken@demo.tahub.localhost")
    click(page, "All our requests")
    main = page.locator("main").inner_text()
    assert "GEN1-00005" in main and "In delivery" in main  # the Party's requests, in every state
    click(page, "GEN1-00002", exact=True)
    assert heading(page).startswith("GEN1-00002:")
    assert page.locator(".status").inner_text().startswith("Status: More information needed")


def test_focal_point_files_a_request_for_the_party(page):
    load_demo()
    sign_in_from_home(page, "focal.ken@demo.tahub.localhost")
    click(page, "Ask for assistance", exact=True)
    assert heading(page) == "New technical assistance request for Kenya"
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
    assert_accessible(page)


def test_secretariat_staff_triage_a_submitted_request_from_the_queue(page):
    load_demo("organisations", "requests")
    sign_in_from_home(page, "admin@demo.tahub.localhost")
    click(page, re.compile(r"requests? to triage"))
    assert heading(page) == "Technical assistance requests: the Secretariat's queue"
    click(page, "GEN1-00000", exact=True)  # the demo Party's newest submitted request
    assert page.locator(".status").inner_text().startswith("Status: Submitted")
    page.get_by_role("button", name="Acknowledge and start the review").click()
    assert page.locator(".status").inner_text().startswith("Status: Under review")
    assert_accessible(page)
    page.get_by_role("button", name="Accept").click()
    assert page.locator(".status").inner_text().startswith("Status: Accepted")
    assert_accessible(page)


def test_regional_focal_point_opens_a_request_of_the_region_from_the_dashboard(page):
    load_demo("organisations", "requests")
    sign_in_from_home(page, "rfp.afr@demo.tahub.localhost")
    triage = page.get_by_role("region", name=re.compile("Requests to triage"))
    assert "Kenya" in triage.inner_text()
    click(page, "GEN1-00001", within=triage, exact=True)
    assert heading(page).startswith("GEN1-00001:")
    assert page.locator(".status").inner_text().startswith("Status: Under review")
    assert "Kenya" in page.locator("main").inner_text()


def test_provider_sees_a_request_assigned_to_it_and_reports_the_delivery(page):
    load_demo("organisations", "requests")
    sign_in_from_home(page, "member.unitar@demo.tahub.localhost")
    assigned = page.locator("#assigned")
    assert "GEN1-00005" in assigned.inner_text() and "In delivery" in assigned.inner_text()
    click(page, re.compile(r"^GEN1-00005:"), within=assigned)
    assert page.locator(".status").inner_text().startswith("Status: In delivery")
    page.go_back()
    click(page, "Report the delivery of GEN1-00005", within=assigned)
    assert heading(page) == "Report what was delivered for GEN1-00005"
    chosen = page.get_by_label("For which assignment")  # UNITAR's, the only one: chosen already
    assert chosen.locator("option").count() == 1 and "UNITAR" in chosen.locator("option:checked").inner_text()
    today = datetime.date.today()
    page.get_by_label("From").fill(str(today - datetime.timedelta(days=3)))
    page.get_by_label("Until").fill(str(today - datetime.timedelta(days=1)))
    page.get_by_label("Activities").fill("A three-day national workshop on unintentional releases, 24 participants.")
    page.get_by_role("button", name="Save the report").click()
    assert "Delivery report saved." in page.locator(".messages").inner_text()
    assert heading(page).startswith("GEN1-00005:")
    assert_accessible(page)


def test_regional_centre_member_reaches_the_workspace_and_opens_a_report(page):
    load_demo("organisations", "programme")
    sign_in_from_home(page, "member.centre@demo.tahub.localhost")
    click(page, re.compile(r"^Workspace of .*work plans and activity reports"), within=page.locator("#centre"))
    assert heading(page).startswith("Workspace of ")
    click(page, re.compile(r"^Activities in \d{4}$"))
    assert re.match(r"Activity report Activities in \d{4} of ", heading(page))


def test_donor_reaches_its_organisations_pledges(page):
    load_demo("organisations", "programme", "donors", "pledges")
    from tahub.directory.models import Membership
    from tahub.funding.models import Pledge

    member = Membership.objects.select_related("organisation").get(user__email="donor@demo.tahub.localhost")
    ours = Pledge.objects.filter(donor__organisation=member.organisation).count()
    assert ours and Pledge.objects.exclude(donor__organisation=member.organisation).exists()
    assert member.organisation.kind in ("bilateral", "financial-mechanism", "financial-institution")
    sign_in_from_home(page, "donor@demo.tahub.localhost")
    assert page.locator("#assigned").count() == int(member.organisation.assignments.exists())
    click(page, "Our pledges and what is still to pay", within=page.locator("#pledges"))
    assert heading(page) == "Our pledges"
    page.go_back()
    click(page, "Our pledges", within=page.get_by_role("navigation", name="Main"))
    assert heading(page) == "Our pledges"
    rows = page.locator("table tbody tr")
    assert rows.count() == ours  # its pledges, and no other donor's
    assert set(rows.locator("td:nth-child(2)").all_inner_texts()) == {member.organisation.name}


def test_applicant_organisation_follows_its_listing_request(page, settings, tmp_path):
    """No account: the request is followed on a private page, first reached on sending, then by the e-mail's
    link (what the applicant sees in their mailbox) once the Secretariat asks for more."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    load_demo()
    proof = tmp_path / "proof-of-work.pdf"
    proof.write_bytes(b"%PDF-1.4\n%%EOF\n")
    page.goto("/")
    assert_accessible(page)
    tour_screenshot(page, "home")
    click(page, "List your organisation", within=page.locator("footer"))
    page.get_by_label("Name of the organisation").fill("Lake Basin Toxics Watch")
    page.get_by_label("Category").select_option(label="Non-governmental organisation")
    page.get_by_label("Country of seat").select_option(label="Uganda")
    page.get_by_label("What the organisation does in the field of the Convention").fill("Monitors POPs in fish.")
    page.get_by_label("Your name").fill("Grace A.")
    page.get_by_label("Your e-mail address").fill("grace@lbtw.example.org")
    page.get_by_label("Supporting documents").set_input_files(str(proof))
    page.get_by_role("button", name="Send the request").click()
    assert heading(page) == "Request to list Lake Basin Toxics Watch"
    assert "Status: Submitted" in page.locator("main").inner_text()
    assert_accessible(page)
    tour_screenshot(page, "applicant")

    from tahub.accounts.models import User
    from tahub.directory import notifications, services
    from tahub.directory.models import ListingRequest

    listing = ListingRequest.objects.get(contact_email="grace@lbtw.example.org")
    admin = User.objects.get(email="admin@demo.tahub.localhost")
    services.ask_listing_information(listing, by=admin, message="Please add a report of last year's trainings.")
    notifications.send_listing_event(listing_id=listing.pk, event="directory.listing.information_asked")
    email = mail.outbox[-1]
    assert email.to == ["grace@lbtw.example.org"]
    page.context.clear_cookies()
    link = re.search(r"https?://\S+/directory/join/\S+/", email.body).group(0)
    page.goto(urlsplit(link).path)  # the link in the e-mail, on this test's server (SITE_URL is another's)
    assert "Please add a report of last year's trainings." in page.locator("main").inner_text()
    assert_accessible(page)
    page.get_by_label("Your answer").fill("Attached: the report of our 2025 trainings.")
    page.get_by_role("button", name="Send the answer").click()
    assert "Status: Submitted" in page.locator("main").inner_text()
    assert_accessible(page)


def test_ngo_observer_sees_the_admission_and_registers_a_representative(page, tmp_path):
    from tests.observers.conftest import PDF, PNG

    load_demo("observer meetings")
    photo, letter = tmp_path / "badge.png", tmp_path / "letter.pdf"
    photo.write_bytes(PNG)
    letter.write_bytes(PDF)
    sign_in_from_home(page, "observer.ngo@demo.tahub.localhost")
    bodies = page.locator("#observer-bodies")
    assert "Demo Network of Farmers Against Pesticides — Admitted" in bodies.inner_text()
    assert "no role" not in page.locator("main").inner_text()
    click(page, "Register representatives for a meeting", within=bodies)
    click(page, re.compile("^Register representatives for Thirteenth meeting of the Conference"))
    assert heading(page).startswith("Representatives of Demo Network of Farmers Against Pesticides at Thirteenth")
    page.get_by_label("Full name").fill("Awa Ndiaye")
    page.get_by_label("Function").fill("Policy adviser")
    page.get_by_label("Photo for the badge").set_input_files(str(photo))
    page.get_by_label("Nomination letter").set_input_files(str(letter))
    page.get_by_role("button", name="Register").click()
    assert "The representative is registered." in page.locator(".messages").inner_text()
    assert "Awa Ndiaye" in page.locator("table").inner_text()
    assert_accessible(page)
