"""Staff draft the seed proposal (seed 003) in the browser, see its computed totals, and export it."""

import io
from pathlib import Path

from openpyxl import load_workbook

from tahub.funding.models import TrustFund
from tahub.parties.models import Convention
from tahub.planning.models import Decision, DecisionParagraph, ProgrammeActivity
from tests.accounts import cast
from tests.browser.conftest import assert_accessible
from tests.funding.seed import LINES, TITLE

from .test_request_journey import sign_in


def _fill_proposal(page):
    page.locator('[name="convention"]').select_option(str(Convention.objects.get(code="SC").pk))
    page.locator('[name="title"]').fill(TITLE)
    page.locator('[name="decisions"]').select_option(
        [str(pk) for pk in Decision.objects.filter(number__in=["SC-5/20", "SC-5/28"]).values_list("pk", flat=True)]
    )
    paragraph = DecisionParagraph.objects.get(decision__number="SC-5/20", number="8")
    page.locator('[name="legal_basis"]').select_option(str(paragraph.pk))
    activities = ProgrammeActivity.objects.filter(biennium__start_year=2012, number__in=[11, 12, 33])
    page.locator('[name="activities"]').select_option([str(pk) for pk in activities.values_list("pk", flat=True)])
    page.locator('[name="legal_basis_notes"]').fill("SC-5/20: Guidance on technical assistance (paragraph 8)")
    page.locator('[name="work_programme_activities"]').fill("11, 12, 33")
    page.locator('[name="approved_budget"]').fill("1190000")
    page.locator('[name="trust_fund"]').select_option(str(TrustFund.objects.get(code="SV").pk))
    for n, line in enumerate(LINES):
        page.locator(f'[name="lines-{n}-component"]').fill(line["component"])
        page.locator(f'[name="lines-{n}-amount"]').fill(str(line["amount"]))
    page.locator('[name="pledges-0-donor_name"]').fill("Pledged co-funding")
    page.locator('[name="pledges-0-amount"]').fill("362562")


def test_staff_draft_the_seed_proposal_see_its_totals_and_export_it(page):
    cast.staff("admin@secretariat.example")
    sign_in(page, "admin@secretariat.example", totp=True)
    page.goto("/staff/funding/")
    assert_accessible(page)
    page.get_by_role("link", name="Draft a proposal").click()
    assert_accessible(page)
    _fill_proposal(page)
    page.get_by_role("button", name="Save").click()

    assert page.locator("h1").inner_text() == TITLE
    assert page.locator("#total-budget").inner_text() == "1,000,000.00"
    assert page.locator("#co-funding").inner_text() == "362,562.00"
    assert page.locator("#to-raise").inner_text() == "637,438.00"
    assert page.locator("#approved").inner_text() == "1,190,000.00"
    assert "SV trust fund" in page.content() and "SC-5/20, paragraph 8" in page.content()
    assert_accessible(page)

    with page.expect_download() as download:
        page.get_by_role("link", name="Concept note (PDF)").click()
    assert download.value.suggested_filename.endswith(".pdf")
    assert Path(download.value.path()).read_bytes()[:4] == b"%PDF"
    with page.expect_download() as download:
        page.get_by_role("link", name="Concept note (Excel)").click()
    sheet = load_workbook(io.BytesIO(Path(download.value.path()).read_bytes())).active
    rows = {row[0]: row for row in sheet.iter_rows(values_only=True)}
    assert rows["Total funds to be raised for proposed activities"][2] == 637438

    page.get_by_role("button", name="Send for review").click()
    page.get_by_role("button", name="Publish").click()
    page.goto("/proposals/contributions/?biennium=2012")
    assert "Concept note" in page.locator("table").inner_text()
    assert_accessible(page)


def test_the_money_pages_are_accessible(page):
    from tahub.funding.models import PledgeEntry
    from tests.funding.money import activity, donor, entry, pledge

    admin = cast.staff("admin@secretariat.example")
    given = pledge(admin, donor(admin, name="Sweden"), "1000", currency="EUR", rate="1.1", activity=activity())
    entry(admin, given, PledgeEntry.Kind.RECEIPT, "400", rate="1.08")
    sign_in(page, "admin@secretariat.example", totp=True)
    for url in ("/staff/funding/money/", "/staff/funding/donors/", "/staff/funding/pledges/new/",
                f"/staff/funding/pledges/{given.pk}/", "/proposals/contributions/",
                "/proposals/trust-funds/"):  # fmt: skip
        page.goto(url)
        assert_accessible(page)
    page.goto(f"/staff/funding/pledges/{given.pk}/")
    page.locator('[name="entry-kind"]').select_option("receipt")
    page.locator('[name="entry-date"]').fill("2026-04-01")
    page.locator('[name="entry-amount"]').fill("700")
    page.get_by_role("button", name="Record").click()
    assert "exchange rate to USD" in page.content() and "explain the excess in the note" not in page.content()
    assert_accessible(page)
