"""The money: donors, pledges, commitments and receipts; the FTS rule; totals per activity, fund and proposal."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError

from tahub.core.workflow import Stale
from tahub.funding import selectors, services
from tahub.funding.models import Donor, Pledge, PledgeEntry
from tests.accounts import cast
from tests.api.stale_messages import stale_pattern

from .money import activity, donor, entry, pledge

pytestmark = pytest.mark.django_db
COMMIT, RECEIVE = PledgeEntry.Kind.COMMITMENT, PledgeEntry.Kind.RECEIPT


def test_a_donor_is_exactly_one_of_party_organisation_or_named(admin):
    assert str(donor(admin, iso3=cast.PARTY_A)) == cast.party(cast.PARTY_A).country.name
    assert str(donor(admin, name="A foundation")) == "A foundation"
    with pytest.raises(ValidationError) as error:
        services.save_donor(by=admin, data={"kind": Donor.Kind.ORGANISATION})
    assert "organisation" in error.value.message_dict
    with pytest.raises(IntegrityError):
        Donor.objects.create(kind=Donor.Kind.OTHER, name="")


def test_the_fts_rule_a_pledge_is_shown_but_not_counted_until_committed_or_received(admin):
    work = activity()
    gives = donor(admin)
    first = pledge(admin, gives, "300000", activity=work)
    pledge(admin, gives, "200000", activity=work)  # pledged only
    row = selectors.activity_contributions().get(pk=work.pk)
    assert (row.pledged_usd, row.funding_usd, row.still_to_raise) == (500000, 0, 1190000)

    entry(admin, first, COMMIT, "300000")
    entry(admin, first, RECEIVE, "100000")  # pays part of the commitment: not counted twice
    row = selectors.activity_contributions().get(pk=work.pk)
    assert row.committed_usd == Decimal("300000") and row.received_usd == Decimal("100000")
    assert row.funding_usd == Decimal("300000")
    assert row.still_to_raise == Decimal("890000")


def test_money_received_without_commitment_counts_and_partial_receipts_add_up(admin):
    work = activity()
    given = pledge(admin, donor(admin), "1000", activity=work)
    entry(admin, given, RECEIVE, "400")
    entry(admin, given, RECEIVE, "350.50")
    (row,) = selectors.pledge_list(activity=work)
    assert (row.received, row.outstanding, row.funding_usd) == (Decimal("750.50"), Decimal("249.50"), 750.50)


def test_other_currencies_count_in_usd_at_each_records_rate(admin):
    work = activity(budget="100000")
    euros = pledge(admin, donor(admin), "10000", currency="EUR", rate="1.10", activity=work)
    entry(admin, euros, COMMIT, "10000", rate="1.08")
    row = selectors.activity_contributions().get(pk=work.pk)
    assert row.pledged_usd == Decimal("11000") and row.funding_usd == Decimal("10800")
    assert row.still_to_raise == Decimal("89200")


def test_a_currency_without_a_rate_is_refused_with_the_field(admin):
    with pytest.raises(ValidationError) as error:
        pledge(admin, donor(admin), "10", currency="EUR")
    assert "exchange rate to USD" in error.value.message_dict["rate_to_usd"][0]
    assert not Pledge.objects.exists()


@pytest.mark.parametrize("amount", ["-5", "0", "abc"])
def test_a_negative_zero_or_non_numeric_amount_is_refused(admin, amount):
    with pytest.raises(ValidationError) as error:
        data = {"donor": donor(admin), "trust_fund": activity().trust_fund, "currency": "USD", "amount": amount,
                "pledged_on": "2026-01-01"}  # fmt: skip
        services.record_pledge(by=admin, data=data)
    assert "amount" in error.value.message_dict


def test_a_receipt_larger_than_the_pledge_is_refused_unless_explained(admin):
    given = pledge(admin, donor(admin), "1000")
    entry(admin, given, RECEIVE, "900")
    with pytest.raises(ValidationError) as error:
        entry(admin, given, RECEIVE, "200")
    assert "against a pledge of 1000" in error.value.message_dict["amount"][0]
    assert given.entries.count() == 1
    entry(admin, given, RECEIVE, "200", note="The donor rounded up; agreed by letter of 3 March.")
    assert given.entries.count() == 2


def test_in_kind_needs_its_description(admin):
    with pytest.raises(ValidationError):
        pledge(admin, donor(admin), "5000", kind=Pledge.Kind.IN_KIND)
    given = pledge(admin, donor(admin, name="Other"), "5000", kind=Pledge.Kind.IN_KIND,
                   in_kind_description="Interpretation at two workshops")  # fmt: skip
    assert given.rate_to_usd == 1


def test_a_stale_edit_is_refused(admin):
    given = pledge(admin, donor(admin), "1000")
    seen = given.version
    services.update_pledge(given, by=admin, data={"amount": Decimal("1200")}, seen_version=seen)
    with pytest.raises(Stale, match=stale_pattern("pledge")):
        services.update_pledge(given, by=admin, data={"amount": Decimal("1500")}, seen_version=seen)
    assert Pledge.objects.get().amount == Decimal("1200")


def test_a_pledge_cannot_drop_below_what_is_settled(admin):
    given = pledge(admin, donor(admin), "1000")
    entry(admin, given, COMMIT, "800")
    given.refresh_from_db()
    with pytest.raises(ValidationError, match="already committed or received"):
        services.update_pledge(given, by=admin, data={"amount": Decimal("500")}, seen_version=given.version)


def test_only_the_secretariat_records_money(admin):
    someone = cast.contact_point("cp@example.org", cast.PARTY_A)
    with pytest.raises(PermissionDenied):
        services.save_donor(by=someone, data={"kind": Donor.Kind.OTHER, "name": "X"})


def test_totals_per_trust_fund_and_proposal(admin):
    from .seed import seed_proposal

    proposal = seed_proposal(admin)
    work = activity()
    activity(number=12, budget="10000")
    given = pledge(admin, donor(admin), "500000", activity=work, proposal=proposal)
    entry(admin, given, COMMIT, "362562")
    fund = selectors.trust_funds_with_money().get(code="SV")
    assert fund.approved_budget == Decimal("1200000")
    assert fund.funding_usd == Decimal("362562") and fund.still_to_raise == Decimal("837438")
    proposal = selectors.proposal_get(proposal.pk, include_unpublished=True)
    # One figure (issue 16.4): total budget − co-funding pledged, where the co-funding pledged is the row typed
    # on the template (362,562) plus the pledge earmarked to the proposal (500,000): 1,000,000 − 862,562.
    assert (proposal.co_funding_typed, proposal.co_funding_recorded) == (Decimal("362562"), Decimal("500000"))
    assert proposal.co_funding_pledged == Decimal("862562")
    assert proposal.funds_to_raise == Decimal("137438")
    assert not hasattr(proposal, "still_to_raise")  # no second figure of what is left
    assert selectors.trust_funds_with_money().get(code="BD").still_to_raise == 0


def test_funds_to_raise_never_go_below_zero_and_convert_pledges_to_the_proposals_currency(admin):
    from .seed import seed_proposal

    proposal = seed_proposal(admin)  # 1,000,000 USD, 362,562 co-funding typed
    pledge(admin, donor(admin), "100000", currency="EUR", rate="1.10", proposal=proposal)  # 110,000 USD
    proposal = selectors.proposal_get(proposal.pk, include_unpublished=True)
    assert proposal.co_funding_recorded == Decimal("110000")
    assert proposal.funds_to_raise == Decimal("527438")
    pledge(admin, donor(admin, name="Big donor"), "900000", proposal=proposal)
    assert selectors.proposal_get(proposal.pk, include_unpublished=True).funds_to_raise == 0


def test_a_pledge_is_never_entered_both_as_co_funding_and_as_earmarked_money(admin):
    from .seed import LINES, seed_data, seed_proposal

    proposal = seed_proposal(admin)  # its co-funding row names "Pledged co-funding"
    typed = donor(admin, name="Pledged co-funding")
    with pytest.raises(ValidationError) as error:
        pledge(admin, typed, "362562", proposal=proposal)
    assert "already lists Pledged co-funding" in error.value.message_dict["proposal"][0]
    assert not Pledge.objects.exists()

    given = pledge(admin, donor(admin, name="Norway"), "1000", proposal=proposal)
    row = {"donor_name": "norway ", "amount": Decimal("1000")}
    with pytest.raises(ValidationError) as error:
        services.update_proposal(proposal, by=admin, data=seed_data(), lines=LINES, co_funding=[row])
    assert "Norway's pledge to this proposal is recorded" in error.value.message_dict["co_funding"][0]
    assert [c.donor for c in proposal.co_funding.all()] == ["Pledged co-funding"]  # nothing half-saved
    assert given.proposal_id == proposal.pk


def test_an_activity_without_a_budget_has_nothing_to_raise_computed(admin):
    work = activity(budget=None)
    assert selectors.activity_contributions().get(pk=work.pk).still_to_raise is None


def test_transactions_for_the_iati_export(admin, django_assert_num_queries):
    work = activity()
    given = pledge(admin, donor(admin, iso3=cast.PARTY_A), "1000", activity=work)
    entry(admin, given, COMMIT, "1000")
    entry(admin, given, RECEIVE, "600")
    with django_assert_num_queries(2):
        rows = selectors.transactions_for_activities([work.pk])
    assert [r["type"] for r in rows] == ["pledge", "commitment", "receipt"]
    assert rows[0]["donor_iso3"] == cast.PARTY_A and rows[2]["amount"] == Decimal("600")
