"""The correction pages in a real browser, each checked by axe-core: staff correct and void a pledge's receipt;
enter the French text of a decision paragraph; decline a request to reopen a needs response; and a centre logs an
activity that names the programme activity it delivers."""

import datetime
import re
from decimal import Decimal

from django.utils import timezone

from tahub.centres.models import RegionalCentre, ReportingPeriod
from tahub.funding.models import PledgeEntry
from tahub.needs import services as needs_services
from tahub.needs.models import ReopenRequest, Response
from tahub.planning.models import DecisionParagraph
from tests.accounts import cast
from tests.api.stale_messages import is_stale_message
from tests.browser.conftest import assert_accessible
from tests.browser.test_public_pages import switch_language
from tests.browser.test_request_journey import sign_in
from tests.funding.money import donor, entry, pledge
from tests.needs import world
from tests.planning import factories

ADMIN = "admin@secretariat.example"


def sign_out(page):
    page.goto("/accounts/logout/")
    page.get_by_role("button", name="Sign out").click()


def _pledge_with_two_receipts():
    admin = cast.staff(ADMIN)
    given = pledge(admin, donor(admin, name="Sweden"), "1000")
    first = entry(admin, given, PledgeEntry.Kind.RECEIPT, "400", day=datetime.date(2026, 3, 2))
    second = entry(admin, given, PledgeEntry.Kind.RECEIPT, "250", day=datetime.date(2026, 3, 9))
    return given, first, second


def _error_of(page, name):
    """The error message Django renders beside a field, the one the field points to with aria-describedby."""
    described = page.locator(f'[name="{name}"]').get_attribute("aria-describedby") or ""
    error_id = f"id_{name}_error"
    assert error_id in described.split()
    return page.locator(f"#{error_id}").inner_text()


# --- 1. a pledge's receipts: correct one, void another -----------------------------------------------------------


def test_staff_correct_a_receipt_and_void_another(page):
    given, first, second = _pledge_with_two_receipts()
    sign_in(page, ADMIN, totp=True)
    page.goto(f"/staff/funding/pledges/{given.pk}/")
    assert page.locator("#received").inner_text() == "USD 650.00"
    page.get_by_role("link", name="Correct or void the receipt of 2026-03-02").click()
    assert page.url.endswith(f"/staff/funding/pledges/{given.pk}/entries/{first.pk}/")
    assert_accessible(page)

    page.locator('[name="amount"]').fill("-5")  # bad input: refused beside the field, nothing saved
    page.get_by_role("button", name="Save the correction").click()
    assert "0.01" in _error_of(page, "amount")
    assert_accessible(page)
    first.refresh_from_db()
    assert first.amount == 400

    page.locator('[name="amount"]').fill("450")
    page.get_by_role("button", name="Save the correction").click()
    assert page.url.endswith(f"/staff/funding/pledges/{given.pk}/")
    assert "Correction saved." in page.content()
    assert page.locator("#received").inner_text() == "USD 700.00"
    assert_accessible(page)

    page.get_by_role("link", name="Correct or void the receipt of 2026-03-09").click()
    page.get_by_role("button", name="Void").click()  # no reason: refused beside the field
    assert _error_of(page, "void-reason")
    assert PledgeEntry.objects.filter(pk=second.pk).exists()
    assert_accessible(page)
    page.get_by_label("Why is it voided?").fill("Recorded twice: the bank statement of 9 March is the same payment.")
    page.get_by_role("button", name="Void").click()

    assert "Commitment or receipt voided." in page.content()
    assert page.locator("#received").inner_text() == "USD 450.00"
    voided = page.locator("#voided tbody tr")
    assert voided.count() == 1
    row = voided.inner_text()
    assert "2026-03-09" in row and "USD 250.00" in row and "the same payment" in row and ADMIN in row
    assert "2026-03-09" not in page.locator("table").first.inner_text()  # no longer among the counted ones
    assert_accessible(page)


def test_staff_correct_a_receipt_without_javascript(page_without_js):
    page = page_without_js
    given, first, _second = _pledge_with_two_receipts()
    sign_in(page, ADMIN, totp=True)
    page.goto(f"/staff/funding/pledges/{given.pk}/entries/{first.pk}/")
    page.locator('[name="amount"]').fill("-5")
    page.get_by_role("button", name="Save the correction").click()
    assert "0.01" in page.locator("#id_amount_error").inner_text()
    # Meanwhile a colleague records a commitment: the correction made on the older version is refused, not saved.
    entry(cast.staff("colleague@secretariat.example"), given, PledgeEntry.Kind.COMMITMENT, "100")
    page.locator('[name="amount"]').fill("1000.50")
    page.get_by_role("button", name="Save the correction").click()
    text = page.locator("main").inner_text()
    assert is_stale_message("pledge", text) and "You saved this" not in text  # the colleague's change, not ours
    first.refresh_from_db()
    assert first.amount == 400
    page.goto(f"/staff/funding/pledges/{given.pk}/entries/{first.pk}/")  # reload: the current version
    page.locator('[name="amount"]').fill("1000.50")
    page.locator('[name="note"]').fill("Corrected from the bank statement")
    page.get_by_role("button", name="Save the correction").click()
    assert page.url.endswith(f"/staff/funding/pledges/{given.pk}/")
    assert page.locator("#received").inner_text() == "USD 1,250.50"
    assert "Corrected from the bank statement" in page.locator("table").first.inner_text()
    first.refresh_from_db()
    assert first.amount == Decimal("1000.50")
    assert first.history.first().history_change_reason == "funding.entry.corrected"


# --- 2. the French text of a decision paragraph ------------------------------------------------------------------

FRENCH = "Prie le Secrétariat de continuer à fournir une assistance technique aux Parties."


def test_staff_enter_the_french_text_and_the_french_page_shows_it(page):
    cast.staff(ADMIN)
    paragraph = DecisionParagraph.objects.get(decision__number="SC-5/20", number="8")
    sign_in(page, ADMIN, totp=True)
    page.goto("/decisions/SC-5/20/")
    assert page.locator("#paragraph-8 + dd span[lang]").count() == 0  # no text of paragraph 8 in the data yet
    assert_accessible(page)
    page.get_by_role("link", name="Enter or correct the text of paragraph 8").click()
    assert page.url.endswith(f"/staff/planning/paragraphs/{paragraph.pk}/text/")
    assert_accessible(page)
    page.locator('[name="text_fr"]').fill(FRENCH)
    page.locator('[name="sources"]').fill("UNEP/POPS/COP.5/36, annexe I")
    page.get_by_role("button", name="Save").click()
    assert page.url.endswith("/decisions/SC-5/20/#paragraph-8")
    paragraph.refresh_from_db()
    assert paragraph.text_fr == FRENCH

    switch_language(page, "fr")
    assert page.locator("html").get_attribute("lang") == "fr"
    shown = page.locator("#paragraph-8 + dd")
    assert shown.locator('span[lang="fr"]').inner_text() == FRENCH
    assert "le texte dans votre langue" not in shown.inner_text()
    assert_accessible(page)


# --- 3. a request to reopen a needs response, declined with a reason ---------------------------------------------


def test_contact_point_asks_to_reopen_and_staff_decline_with_a_reason(page):
    contact = cast.contact_point("contact@ken.example", "KEN")
    cast.staff(ADMIN)
    cycle = world.cycle()
    draft = needs_services.save_answers(
        cycle=cycle, party=cast.party("KEN"), answers=world.complete_answers(cycle), by=contact
    )
    needs_services.submit_response(draft, by=contact)
    response_url = f"/needs/{cycle.slug}/parties/KEN/"

    sign_in(page, "contact@ken.example")
    page.goto(response_url)
    page.get_by_role("link", name="Ask the Secretariat to reopen this response").click()
    assert_accessible(page)
    page.get_by_label("Why").fill("Our Part II amounts changed after the budget review.")
    page.get_by_role("button", name="Send the request").click()
    assert "the request is pending" in page.content()
    assert_accessible(page)
    sign_out(page)

    sign_in(page, ADMIN, totp=True)
    page.goto("/staff/needs/")
    assert_accessible(page)
    page.get_by_role("link", name="Requests to reopen a response").click()
    assert "Our Part II amounts changed" in page.locator("table").inner_text()
    assert_accessible(page)
    page.get_by_role("link", name="Decline the request of Kenya").click()
    assert_accessible(page)
    page.get_by_role("button", name="Decline the request").click()  # no reason: refused beside the field
    assert _error_of(page, "reason")
    assert ReopenRequest.objects.get().state == ReopenRequest.State.PENDING
    assert_accessible(page)
    page.get_by_label("Why").fill("The results are published; send an addendum instead.")
    page.get_by_role("button", name="Decline the request").click()
    assert "No pending request." in page.content()
    assert Response.objects.get().state == Response.State.SUBMITTED
    sign_out(page)

    sign_in(page, "contact@ken.example")
    page.goto(response_url)
    status = page.get_by_role("status").filter(has_text="declined").inner_text()
    assert "declined to reopen this response" in status and "send an addendum instead" in status
    assert page.get_by_role("link", name="Ask the Secretariat to reopen this response").is_visible()
    assert_accessible(page)


def test_the_staff_cycles_page_with_published_results_is_accessible(page):
    admin = cast.staff(ADMIN)
    cycle = world.cycle()
    needs_services.publish_results(cycle, by=admin)
    sign_in(page, ADMIN, totp=True)
    page.goto("/staff/needs/")
    assert page.get_by_role("button", name="Publish again with today's figures").is_visible()
    assert page.get_by_role("button", name="Withdraw the results").is_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Withdraw the results").click()
    assert page.get_by_role("button", name="Publish the results").is_visible()
    assert_accessible(page)


# --- 4. a centre activity names the programme activity it delivers -----------------------------------------------


def test_a_centre_member_logs_an_activity_for_2026_11_and_its_page_lists_it(page):
    admin = cast.staff(ADMIN)
    _plan, _objective, biennium = factories.plan_2026(admin)
    factories.activity(admin, biennium, 11)
    centre = RegionalCentre.objects.select_related("organisation").get(code="scrc-kenya")
    cast.member("staff@icipe.example", centre.organisation)
    today = timezone.localdate()
    period = ReportingPeriod.objects.create(
        title="2026", start=datetime.date(2026, 1, 1), end=datetime.date(2026, 12, 31),
        deadline=today + datetime.timedelta(days=60),
    )  # fmt: skip
    report_url = f"/centres/{centre.code}/reports/{period.pk}/"

    sign_in(page, "staff@icipe.example")
    page.goto(report_url)
    assert_accessible(page)
    page.locator('[name="title"]').fill("Regional training on PCB inventories")
    page.locator('[name="assistance_type"]').select_option(label="Training course")
    page.locator('[name="start"]').fill("2026-05-04")
    page.locator('[name="end"]').fill("2026-05-06")
    page.locator('[name="parties_benefited"]').select_option(str(cast.party("KEN").pk))
    page.get_by_label(re.compile("Programme of work activity")).fill("2026/99")
    page.get_by_role("button", name="Log the activity").click()
    assert "There is no activity 2026/99" in _error_of(page, "programme_activity")
    assert_accessible(page)
    page.get_by_label(re.compile("Programme of work activity")).fill("2026/11")
    page.get_by_role("button", name="Log the activity").click()
    link = page.get_by_role("link", name="2026/11")
    assert link.get_attribute("href") == "/plan/programme/2026/11/"
    assert_accessible(page)
    sign_out(page)

    sign_in(page, ADMIN, totp=True)
    page.goto("/plan/programme/2026/11/")
    assert page.get_by_role("heading", name="What delivered it").is_visible()
    delivered = page.get_by_role("heading", name=re.compile(r"Centre activities \(1\)"))
    assert delivered.is_visible()
    assert page.get_by_role("listitem").filter(has_text="Regional training on PCB inventories").count() == 1
    assert_accessible(page)
