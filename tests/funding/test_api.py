"""The funding API: public proposals and contributions per activity; staff donors, pledges and receipts."""

import pytest

from tahub.accounts.tokens import create_api_token
from tahub.funding.models import Pledge, PledgeEntry
from tests.accounts import cast

from .money import activity, donor, entry, pledge
from .seed import seed_proposal

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_api(client, admin):
    token = create_api_token(user=admin)
    return lambda method, url, **kw: getattr(client, method)(url, HTTP_AUTHORIZATION=f"Bearer {token}",
                                                             content_type="application/json", **kw)  # fmt: skip


def test_published_proposals_with_their_computed_totals(client, admin):
    seed_proposal(admin, title="A draft")
    proposal = seed_proposal(admin, publish=True)
    body = client.get("/api/v1/proposals").json()
    assert body["count"] == 1
    (item,) = body["items"]
    assert (item["total_budget"], item["co_funding_pledged"], item["funds_to_raise"], item["approved_budget"]) == (
        "1000000.00", "362562.00", "637438.00", "1190000.00")  # fmt: skip
    detail = client.get(f"/api/v1/proposals/{proposal.pk}").json()
    assert detail["decisions"] == ["SC-5/20", "SC-5/28"] and len(detail["budget_lines"]) == 3
    draft = seed_proposal(admin, title="Another draft")
    assert client.get(f"/api/v1/proposals/{draft.pk}").status_code == 404


def test_contributions_per_activity_are_public(client, admin):
    work = activity()
    given = pledge(admin, donor(admin, name="Sweden"), "1000", activity=work)
    entry(admin, given, PledgeEntry.Kind.RECEIPT, "400")
    body = client.get("/api/v1/contributions?biennium=2030").json()
    (row,) = [r for r in body["items"] if r["number"] == work.number]
    assert row["funding_received_usd"] == "400.00" and row["donors"] == ["Sweden"]
    assert row["still_to_raise"] == "1189600.00"
    assert client.get("/api/v1/contributions?fund=XX").status_code == 422


def test_money_endpoints_need_a_staff_token(client):
    assert client.get("/api/v1/pledges").status_code == 401
    person = cast.contact_point("cp@example.org", cast.PARTY_A)
    token = create_api_token(user=person)
    assert client.get("/api/v1/pledges", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 403


def test_staff_record_a_donor_a_pledge_and_a_receipt(staff_api):
    response = staff_api("post", "/api/v1/donors", data={"kind": "party", "party": cast.PARTY_A.lower()})
    assert response.status_code == 201, response.json()
    donor_id = response.json()["id"]
    euros = {"donor": donor_id, "trust_fund": "SV", "currency": "EUR", "amount": "1000", "pledged_on": "2026-01-05"}
    response = staff_api("post", "/api/v1/pledges", data=euros)
    assert response.status_code == 422 and response.json()["errors"][0]["field"] in ("rate_to_usd", "rate_date")
    response = staff_api("post", "/api/v1/pledges", data=euros | {"rate_to_usd": "1.1", "rate_date": "2026-01-05"})
    assert response.status_code == 201
    pledge_id, version = response.json()["id"], response.json()["version"]
    receipt = {"kind": "receipt", "date": "2026-02-01", "amount": "1500", "rate_to_usd": "1.08",
               "rate_date": "2026-02-01", "seen_version": version}  # fmt: skip
    response = staff_api("post", f"/api/v1/pledges/{pledge_id}/entries", data=receipt)
    assert response.status_code == 422 and "note" in response.json()["detail"]
    response = staff_api("post", f"/api/v1/pledges/{pledge_id}/entries", data=receipt | {"amount": "600"})
    assert response.status_code == 201 and response.json()["outstanding"] == "400.00"
    response = staff_api("post", f"/api/v1/pledges/{pledge_id}/entries", data=receipt | {"amount": "100"})
    assert response.status_code == 409
    assert Pledge.objects.get().entries.count() == 1
    assert staff_api("get", "/api/v1/pledges?unpaid=true").json()["count"] == 1
    assert staff_api("get", "/api/v1/donors").json()["items"][0]["party"] == cast.PARTY_A
    assert staff_api("get", "/api/v1/staff/proposals").status_code == 200
    assert len(staff_api("get", f"/api/v1/pledges/{pledge_id}/entries").json()) == 1
