"""The public money per trust fund: approved budget (its activities' budgets), pledged, committed, received,
still to raise; its CSV and XLSX downloads; a fixed number of queries."""

import io

import pytest
from openpyxl import load_workbook

from tahub.funding.models import PledgeEntry, TrustFund

from .money import activity, donor, entry, pledge

pytestmark = pytest.mark.django_db


def _fund_with_money(admin):
    fund = TrustFund.objects.create(code="ZT", name="A test trust fund")
    activity(number=1, budget="1000", fund="ZT", start_year=2040)
    activity(number=2, budget="500", fund="ZT", start_year=2040)
    committed = pledge(admin, donor(admin, name="Sweden"), "600", fund="ZT")
    entry(admin, committed, PledgeEntry.Kind.COMMITMENT, "400")
    paid = pledge(admin, donor(admin, name="Norway"), "100", currency="EUR", rate="1.1", fund="ZT")
    entry(admin, paid, PledgeEntry.Kind.RECEIPT, "100", rate="1.2")
    pledge(admin, donor(admin, name="Only pledged"), "50", fund="ZT")
    return fund


def test_the_public_page_shows_each_fund_s_money(client, admin):
    _fund_with_money(admin)
    page = client.get("/proposals/trust-funds/").content.decode()
    # approved 1,500; pledged 600 + 110 + 50; committed 400; received 120; still to raise 1,500 − 520
    for text in ("ZT", "A test trust fund", "1,500.00", "760.00", "400.00", "120.00", "980.00", "not counted"):
        assert text in page
    assert "/proposals/trust-funds/" in client.get("/proposals/contributions/").content.decode()


def test_the_public_page_downloads_as_csv_and_xlsx(client, admin):
    _fund_with_money(admin)
    csv = b"".join(client.get("/proposals/trust-funds.csv").streaming_content).decode()
    assert "Still to raise (USD)" in csv and "ZT,A test trust fund,1500.00,760.00,400.00,120.00,980.00" in csv
    response = client.get("/proposals/trust-funds.xlsx")
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    (row,) = [r for r in rows if r[0] == "ZT"]
    assert row[2:] == (1500, 760, 400, 120, 980)


@pytest.mark.parametrize("count", [3, 300])
def test_the_page_costs_a_fixed_number_of_queries(client, admin, count, django_assert_max_num_queries):
    _fund_with_money(admin)
    TrustFund.objects.bulk_create(TrustFund(code=f"T{n}", name=f"Fund {n}") for n in range(count))
    with django_assert_max_num_queries(3):
        assert client.get("/proposals/trust-funds/").status_code == 200
    with django_assert_max_num_queries(3):
        response = client.get("/proposals/trust-funds.csv")
        assert len(b"".join(response.streaming_content).splitlines()) >= count + 1
