"""The money pages: the public contributions table (and its downloads), the staff pages for donors, pledges,
commitments and receipts, with bad input refused next to the field and stale edits refused."""

import io

import pytest
from openpyxl import load_workbook

from tahub.funding.models import Pledge, PledgeEntry
from tests.api.stale_messages import is_stale_message

from .money import activity, donor, entry, pledge
from .seed import seed_proposal

pytestmark = pytest.mark.django_db


def _funded_activity(admin):
    work = activity()
    proposal = seed_proposal(admin, publish=True)
    proposal.activities.add(work)
    given = pledge(admin, donor(admin, name="Sweden"), "500000", activity=work)
    entry(admin, given, PledgeEntry.Kind.RECEIPT, "362562")
    pledge(admin, donor(admin, name="Only pledged"), "100", activity=work)
    return work, proposal


def test_the_public_table_shows_budget_funding_donors_and_the_concept_note(client, admin):
    work, proposal = _funded_activity(admin)
    page = client.get("/proposals/contributions/?biennium=2030").content.decode()
    for text in (work.title, "1,190,000.00", "362,562.00", "827,438.00", "Sweden", "Only pledged",
                 f"/proposals/{proposal.pk}/", "not counted as funding"):  # fmt: skip
        assert text in page


def test_the_public_table_downloads_as_csv_and_xlsx(client, admin):
    work, _proposal = _funded_activity(admin)
    csv = b"".join(client.get("/proposals/contributions.csv?biennium=2030").streaming_content).decode()
    assert "Funding received (USD)" in csv and "362562.00" in csv and "Sweden" in csv
    response = client.get("/proposals/contributions.xlsx?fund=SV")
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    (row,) = [r for r in rows if r[1] == work.number and r[0] == "2030–2031"]
    assert row[4] == 1190000 and row[6] == 0 and row[7] == 362562 and row[8] == 827438  # committed: none
    assert client.get("/proposals/contributions.pdf").status_code == 404


@pytest.mark.parametrize("count", [3, 30])
def test_the_public_table_costs_a_fixed_number_of_queries(client, admin, count, django_assert_max_num_queries):
    for number in range(1, count + 1):
        given = pledge(admin, donor(admin, name=f"Donor {number}"), "1000", activity=activity(number=100 + number))
        entry(admin, given, PledgeEntry.Kind.COMMITMENT, "500")
    with django_assert_max_num_queries(5):
        assert client.get("/proposals/contributions/").status_code == 200


def test_staff_record_a_donor_a_pledge_and_a_receipt(staff_client):
    response = staff_client.post("/staff/funding/donors/", {"kind": "other", "name": "A foundation"})
    assert response.status_code == 302
    data = {"donor": donor_pk(), "trust_fund": 3, "kind": "cash", "currency": "EUR", "amount": "1000",
            "pledged_on": "2026-01-10", "rate_to_usd": "", "rate_date": ""}  # fmt: skip
    data["trust_fund"] = trust_fund_pk("SV")
    response = staff_client.post("/staff/funding/pledges/new/", data)
    assert response.status_code == 400
    assert "needs its exchange rate to USD" in response.content.decode()
    response = staff_client.post(
        "/staff/funding/pledges/new/", data | {"rate_to_usd": "1.1", "rate_date": "2026-01-10"}
    )
    assert response.status_code == 302
    given = Pledge.objects.get()
    receipt = {"entry": "1", "entry-kind": "receipt", "entry-date": "2026-02-01", "entry-amount": "1200",
               "entry-rate_to_usd": "1.09", "entry-rate_date": "2026-02-01",
               "entry-version": given.version}  # fmt: skip
    response = staff_client.post(response.url, receipt)
    assert response.status_code == 400 and "explain the excess in the note" in response.content.decode()
    response = staff_client.post(response.wsgi_request.path, receipt | {"entry-amount": "600"})
    assert response.status_code == 302
    page = staff_client.get(response.url).content.decode()
    assert "600.00" in page and "400.00" in page  # received, outstanding


def test_a_stale_pledge_edit_is_refused_with_a_message(staff_client, admin):
    given = pledge(admin, donor(admin), "1000")
    form = {"donor": given.donor_id, "trust_fund": given.trust_fund_id, "kind": "cash", "currency": "USD",
            "amount": "1100", "pledged_on": "2026-01-10", "version": given.version}  # fmt: skip
    assert staff_client.post(f"/staff/funding/pledges/{given.pk}/", form).status_code == 302
    response = staff_client.post(f"/staff/funding/pledges/{given.pk}/", form | {"amount": "900"})
    assert response.status_code == 409 and is_stale_message("pledge", response.content.decode())
    assert Pledge.objects.get().amount == 1100


@pytest.mark.parametrize("amount", ["-1", "lots"])
def test_a_bad_amount_is_refused_next_to_the_field(staff_client, admin, amount):
    data = {"donor": donor(admin).pk, "trust_fund": trust_fund_pk("SV"), "kind": "cash", "currency": "USD",
            "amount": amount, "pledged_on": "2026-01-10"}  # fmt: skip
    response = staff_client.post("/staff/funding/pledges/new/", data)
    assert response.status_code == 400 and not Pledge.objects.exists()


def test_the_staff_money_page_lists_funds_and_unpaid_pledges(staff_client, admin):
    _funded_activity(admin)
    page = staff_client.get("/staff/funding/money/?unpaid=1").content.decode()
    assert "Sweden" in page and "SV" in page and "137,438.00" in page


def test_the_concept_note_pdf(client, admin):
    proposal = seed_proposal(admin, publish=True)
    response = client.get(f"/proposals/{proposal.pk}/concept-note.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    draft = seed_proposal(admin, title="A draft")
    assert client.get(f"/proposals/{draft.pk}/concept-note.pdf").status_code == 404


def donor_pk():
    from tahub.funding.models import Donor

    return Donor.objects.get().pk


def trust_fund_pk(code):
    from tahub.funding.models import TrustFund

    return TrustFund.objects.get(code=code).pk


@pytest.mark.parametrize("count", [3, 30])
def test_the_staff_money_page_costs_a_fixed_number_of_queries(
    staff_client, admin, count, django_assert_max_num_queries
):
    for number in range(count):
        given = pledge(admin, donor(admin, name=f"Donor {number}"), "1000", activity=activity(number=200 + number))
        entry(admin, given, PledgeEntry.Kind.RECEIPT, "10")
    with django_assert_max_num_queries(12):
        assert staff_client.get("/staff/funding/money/").status_code == 200
    with django_assert_max_num_queries(12):
        assert staff_client.get(f"/staff/funding/pledges/{given.pk}/").status_code == 200


@pytest.mark.parametrize(
    ("language", "budget", "received"),
    [
        ("en", "1,190,000.00", "362,562.00"),
        ("fr", "1\xa0190\xa0000,00", "362\xa0562,00"),
        ("ru", "1\xa0190\xa0000,00", "362\xa0562,00"),
        # Unicode CLDR's grouping (tahub/core/formats), where Django's own formats write 1190000,00 and 1190000.00.
        ("ar", "1,190,000.00", "362,562.00"),
        ("zh-hans", "1,190,000.00", "362,562.00"),
    ],
)
def test_amounts_are_written_as_the_readers_language_writes_numbers(client, admin, language, budget, received):
    """Issue 14.2: numbers per locale: a French reader reads 1 190 000,00, a Chinese one 1,190,000.00."""
    _funded_activity(admin)
    page = client.get("/proposals/contributions/?biennium=2030", headers={"accept-language": language}).content
    page = page.decode()
    assert f'lang="{language}"' in page  # the page is in that language
    assert budget in page and received in page
    assert "1190000" not in page
