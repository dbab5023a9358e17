"""Editing a proposal on its staff page keeps what the person did not change (issue 18.1): the budget lines and
co-funding rows come back as the page rendered them, and only a row marked "Delete" goes."""

from decimal import Decimal

import pytest

from tahub.funding import services
from tahub.funding.models import Proposal

from .pageform import form_fields
from .seed import seed_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def proposal(admin):
    lines = [{"component": "Line A", "amount": Decimal("1000")}, {"component": "Line B", "amount": Decimal("2000")}]
    co_funding = [{"donor_name": "A foundation", "amount": Decimal("500")}]
    return services.draft_proposal(by=admin, data=seed_data(), lines=lines, co_funding=co_funding)


def edit_page(staff_client, proposal):
    response = staff_client.get(f"/staff/funding/{proposal.pk}/edit/")
    assert response.status_code == 200
    return form_fields(response.content.decode(), having="lines-TOTAL_FORMS")


def lines_of(proposal):
    return [(line.component, line.amount) for line in Proposal.objects.get(pk=proposal.pk).budget_lines.all()]


def test_changing_one_line_keeps_the_other_lines_and_the_co_funding(staff_client, proposal):
    data = edit_page(staff_client, proposal)
    assert data["lines-1-component"] == "Line B"
    data["lines-1-amount"] = "2500"
    response = staff_client.post(f"/staff/funding/{proposal.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()
    assert lines_of(proposal) == [("Line A", Decimal("1000")), ("Line B", Decimal("2500"))]
    assert [(c.donor, c.amount) for c in proposal.co_funding.all()] == [("A foundation", Decimal("500"))]
    assert Proposal.objects.get(pk=proposal.pk).version == proposal.version + 1


def test_editing_only_the_title_keeps_every_row(staff_client, proposal):
    data = edit_page(staff_client, proposal)
    data["title"] = "A new title"
    response = staff_client.post(f"/staff/funding/{proposal.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()
    saved = Proposal.objects.get(pk=proposal.pk)
    assert saved.title == "A new title"
    assert lines_of(proposal) == [("Line A", Decimal("1000")), ("Line B", Decimal("2000"))]
    assert saved.co_funding.count() == 1


def test_a_row_goes_only_when_marked_delete(staff_client, proposal):
    data = edit_page(staff_client, proposal)
    data["lines-0-DELETE"] = "on"
    data["pledges-0-DELETE"] = "on"
    response = staff_client.post(f"/staff/funding/{proposal.pk}/edit/", data)
    assert response.status_code == 302, response.content.decode()
    assert lines_of(proposal) == [("Line B", Decimal("2000"))]
    assert not proposal.co_funding.exists()


def test_a_new_row_is_added_to_the_existing_ones(staff_client, proposal):
    data = edit_page(staff_client, proposal)
    data["lines-2-component"], data["lines-2-amount"] = "Line C", "300"
    assert staff_client.post(f"/staff/funding/{proposal.pk}/edit/", data).status_code == 302
    assert [c for c, _a in lines_of(proposal)] == ["Line A", "Line B", "Line C"]


def test_the_proposal_page_shows_one_figure_of_funds_to_raise(client, admin):
    from tahub.funding.models import TrustFund

    from .money import donor
    from .seed import seed_proposal

    proposal = seed_proposal(admin, publish=True)
    services.record_pledge(by=admin, data={
        "donor": donor(admin, name="Norway"), "trust_fund": TrustFund.objects.get(code="SV"), "proposal": proposal,
        "currency": "USD", "amount": Decimal("100000"), "pledged_on": "2026-03-01",
    })  # fmt: skip
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert page.count('id="to-raise"') == 1 and "Still to raise" not in page and "still-to-raise" not in page
    assert "462,562.00" in page and "537,438.00" in page  # 362,562 typed + 100,000 earmarked; 1,000,000 − that


def test_co_funding_already_recorded_as_a_pledge_is_refused_next_to_the_rows(staff_client, admin, proposal):
    from tahub.funding.models import TrustFund

    from .money import donor

    services.record_pledge(by=admin, data={
        "donor": donor(admin, name="Norway"), "trust_fund": TrustFund.objects.get(code="SV"), "proposal": proposal,
        "currency": "USD", "amount": Decimal("100"), "pledged_on": "2026-03-01",
    })  # fmt: skip
    data = edit_page(staff_client, proposal)
    data["pledges-1-donor_name"], data["pledges-1-amount"] = "Norway", "100"
    response = staff_client.post(f"/staff/funding/{proposal.pk}/edit/", data)
    assert response.status_code == 400
    page = response.content.decode()
    fieldset = page[page.index("Co-funding (pledged)</legend>") :]
    assert "Norway&#x27;s pledge to this proposal is recorded" in fieldset[: fieldset.index("</fieldset>")]
    assert proposal.co_funding.count() == 1
