"""Bad input from issue 6 on the pages: each refused with a message next to the field, nothing half-saved."""

from decimal import Decimal

import pytest

from tahub.funding.models import Pledge, PledgeEntry, Proposal
from tahub.parties.models import Convention

from .money import donor, entry, pledge
from .seed import seed_proposal

pytestmark = pytest.mark.django_db


def _form(**extra):
    data = {
        "convention": Convention.objects.get(code="SC").pk, "title": "X", "currency": "USD",
        "lines-TOTAL_FORMS": "1", "lines-INITIAL_FORMS": "0", "lines-0-component": "A", "lines-0-amount": "5",
        "pledges-TOTAL_FORMS": "0", "pledges-INITIAL_FORMS": "0",
    }  # fmt: skip
    return data | extra


@pytest.mark.parametrize(
    ("amount", "message"), [("-5", "An amount cannot be negative."), ("lots", "Give the amount as a number")]
)
def test_a_bad_budget_line_is_refused_next_to_it(staff_client, amount, message):
    response = staff_client.post("/staff/funding/new/", _form(**{"lines-0-amount": amount}))
    assert response.status_code == 400 and not Proposal.objects.exists()
    line = response.context["lines"].forms[0]
    assert any(message in text for text in line.errors["amount"])
    assert message in response.content.decode()


def test_a_currency_without_a_rate_is_refused_next_to_the_rate(staff_client):
    response = staff_client.post("/staff/funding/new/", _form(currency="EUR"))
    assert response.status_code == 400 and not Proposal.objects.exists()
    form = response.context["form"]
    assert "needs its exchange rate to USD" in form.errors["rate_to_usd"][0]
    data = _form(currency="EUR", rate_to_usd="1.1", rate_date="2026-01-05", approved_budget="100")
    assert staff_client.post("/staff/funding/new/", data).status_code == 302
    assert Proposal.objects.get().rate_to_usd == Decimal("1.1")


def test_citing_a_paragraph_that_does_not_exist_is_refused(staff_client):
    response = staff_client.post("/staff/funding/new/", _form(legal_basis=["999999"]))
    assert response.status_code == 400 and not Proposal.objects.exists()
    assert "999999" in response.context["form"].errors["legal_basis"][0]


def test_editing_a_published_proposal_is_refused_with_a_message(staff_client, admin):
    proposal = seed_proposal(admin, publish=True)
    response = staff_client.get(f"/staff/funding/{proposal.pk}/edit/", follow=True)
    assert response.redirect_chain[-1][0] == proposal.get_absolute_url()
    assert "a published proposal is final" in response.content.decode()
    response = staff_client.post(f"/staff/funding/{proposal.pk}/edit/", _form(title="Changed"), follow=True)
    assert "a published proposal is final" in response.content.decode()
    assert Proposal.objects.get().title != "Changed"
    assert f"/staff/funding/{proposal.pk}/edit/" not in staff_client.get(proposal.get_absolute_url()).content.decode()


def test_a_receipt_larger_than_the_pledge_needs_a_note(staff_client, admin):
    given = pledge(admin, donor(admin), "1000")
    receipt = {"entry": "1", "entry-kind": "receipt", "entry-date": "2026-02-01", "entry-amount": "1200",
               "entry-version": given.version}  # fmt: skip
    response = staff_client.post(f"/staff/funding/pledges/{given.pk}/", receipt)
    assert response.status_code == 400 and not PledgeEntry.objects.exists()
    assert "explain the excess in the note" in response.context["entry_form"].errors["amount"][0]
    explained = receipt | {"entry-note": "Exchange gain agreed with the donor"}
    assert staff_client.post(f"/staff/funding/pledges/{given.pk}/", explained).status_code == 302
    assert Pledge.objects.get().entries.get().amount == Decimal("1200")


def test_a_second_receipt_past_the_pledge_needs_a_note_too(admin):
    from django.core.exceptions import ValidationError

    given = pledge(admin, donor(admin), "1000")
    entry(admin, given, PledgeEntry.Kind.RECEIPT, "900")
    with pytest.raises(ValidationError, match="explain the excess"):
        entry(admin, given, PledgeEntry.Kind.RECEIPT, "200")
    entry(admin, given, PledgeEntry.Kind.RECEIPT, "200", note="Late interest")
    assert given.entries.count() == 2
