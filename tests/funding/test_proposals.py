"""Proposals: the seed's figures to the cent, totals computed from the lines, the workflow and who may write."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tahub.funding import selectors, services
from tahub.funding.models import Proposal, TrustFund
from tests.accounts import cast

from .seed import LINES, seed_data, seed_proposal

pytestmark = pytest.mark.django_db


def test_trust_funds_are_reference_data():
    assert set(TrustFund.objects.values_list("code", flat=True)) >= {"BD", "RV", "SV"}
    assert TrustFund.objects.get(code="SV").convention.code == "SC"


def test_the_seed_proposal_reproduces_its_figures_to_the_cent(admin):
    proposal = selectors.proposal_get(seed_proposal(admin).pk, include_unpublished=True)

    assert proposal.convention.code == "SC"
    assert sorted(d.number for d in proposal.decisions.all()) == ["SC-5/20", "SC-5/28"]
    assert "paragraph 8" in proposal.legal_basis_notes
    assert [str(p) for p in proposal.legal_basis.all()] == ["SC-5/20, paragraph 8"]
    assert sorted(a.number for a in proposal.activities.all()) == [11, 12, 33]
    assert proposal.activity_numbers == ["11", "12", "33"]
    assert [line.amount for line in proposal.budget_lines.all()] == [
        Decimal("20000.00"),
        Decimal("50000.00"),
        Decimal("930000.00"),
    ]
    assert proposal.total_budget == Decimal("1000000.00")
    assert proposal.co_funding_pledged == Decimal("362562.00")
    assert proposal.funds_to_raise == Decimal("637438.00")
    assert proposal.approved_budget == Decimal("1190000.00")
    assert proposal.trust_fund.code == "SV"
    assert proposal.currency == "USD"
    assert all(isinstance(v, Decimal) for v in (proposal.total_budget, proposal.funds_to_raise))


def test_totals_follow_the_lines_when_a_line_changes(admin):
    proposal = seed_proposal(admin)
    lines = [dict(line) for line in LINES]
    lines[2]["amount"] = Decimal("930000.01")

    services.update_proposal(
        proposal, by=admin, data=seed_data(), lines=lines, co_funding=[{"donor_name": "X", "amount": Decimal("1")}]
    )

    proposal = selectors.proposal_get(proposal.pk, include_unpublished=True)
    assert proposal.total_budget == Decimal("1000000.01")
    assert proposal.funds_to_raise == Decimal("999999.01")


def test_a_proposal_without_lines_costs_nothing():
    proposal = Proposal.objects.create(convention=seed_data()["convention"], title="Empty")
    proposal = selectors.proposal_get(proposal.pk, include_unpublished=True)
    assert (proposal.total_budget, proposal.co_funding_pledged, proposal.funds_to_raise) == (0, 0, 0)


def test_a_negative_amount_is_refused(admin):
    with pytest.raises(ValidationError) as error:
        services.draft_proposal(by=admin, data=seed_data(), lines=[{"component": "x", "amount": Decimal("-1")}])
    assert "amount" in error.value.message_dict
    assert not Proposal.objects.exists()


def test_a_proposal_needs_a_budget_line(admin):
    with pytest.raises(ValidationError):
        services.draft_proposal(by=admin, data=seed_data(), lines=[])


def test_draft_review_publish_with_an_audit_trail(admin):
    proposal = seed_proposal(admin, publish=True)

    assert proposal.state == Proposal.State.PUBLISHED
    reasons = list(proposal.history.order_by("history_date").values_list("history_change_reason", flat=True))
    assert reasons == ["funding.proposal.drafted", "funding.proposal.submitted", "funding.proposal.published"]


def test_publishing_a_draft_skips_review_and_is_refused(admin):
    proposal = seed_proposal(admin)
    with pytest.raises(ValidationError):
        services.move_proposal(proposal, by=admin, action="publish")


def test_a_published_proposal_cannot_be_edited(admin):
    proposal = seed_proposal(admin, publish=True)
    with pytest.raises(ValidationError, match="cannot be edited"):
        services.update_proposal(proposal, by=admin, data=seed_data(), lines=LINES)


@pytest.mark.parametrize("role", ["contact_point", "provider"])
def test_only_the_secretariat_writes(role):
    person = cast.contact_point("cp@example.org", cast.PARTY_A) if role == "contact_point" else cast.user("p@x.org")
    with pytest.raises(PermissionDenied):
        services.draft_proposal(by=person, data=seed_data(), lines=LINES)
    assert not Proposal.objects.exists()


def test_the_public_sees_only_published_proposals(admin):
    seed_proposal(admin, title="Draft one")
    published = seed_proposal(admin, publish=True, title="Published one")
    assert list(selectors.proposal_list()) == [published]
    assert selectors.proposal_list(include_unpublished=True).count() == 2
