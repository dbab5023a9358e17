"""Proposal pages: the public list and page, the concept note export, and the staff pages."""

import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook

from tahub.funding.models import Proposal
from tahub.parties.models import Convention
from tahub.planning.models import Decision

from .seed import seed_proposal

pytestmark = pytest.mark.django_db


def test_the_proposal_page_shows_the_template_with_computed_totals(client, admin):
    proposal = seed_proposal(admin, publish=True)
    page = client.get(proposal.get_absolute_url()).content.decode()
    for text in ("SC-5/28", "SC-5/20", "paragraph 8", "11, 12, 33", "Regional Workshops (10 nos.)",
                 "1,000,000.00", "362,562.00", "637,438.00", "1,190,000.00", "SV trust fund"):  # fmt: skip
        assert text in page


def test_the_list_shows_published_proposals_only(client, admin):
    seed_proposal(admin, title="A draft proposal")
    seed_proposal(admin, publish=True, title="A published proposal")
    page = client.get("/proposals/").content.decode()
    assert "A published proposal" in page and "A draft proposal" not in page
    assert "637,438.00" in page


def test_a_draft_is_hidden_from_the_public(client, admin):
    proposal = seed_proposal(admin)
    assert client.get(proposal.get_absolute_url()).status_code == 404
    assert client.get(f"/proposals/{proposal.pk}/concept-note.xlsx").status_code == 404


def test_the_concept_note_export_holds_the_figures(client, admin):
    proposal = seed_proposal(admin, publish=True)
    response = client.get(f"/proposals/{proposal.pk}/concept-note.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = {row[0]: row for row in sheet.iter_rows(values_only=True)}
    assert rows["Convention"][1] == "SC"
    assert rows["Total budget required"][2] == 1000000
    assert rows["Total co-funding (pledged)"][2] == 362562
    assert rows["Total funds to be raised for proposed activities"][2] == 637438
    assert rows["COP-approved budget (SV trust fund)"][2] == 1190000


@pytest.mark.parametrize("count", [3, 30])
def test_the_list_costs_a_fixed_number_of_queries(client, admin, count, django_assert_num_queries):
    for n in range(count):
        seed_proposal(admin, publish=True, title=f"Proposal {n}")
    with django_assert_num_queries(2):
        assert client.get("/proposals/").status_code == 200


def test_staff_draft_a_proposal_with_a_formset_then_review_and_publish(staff_client):
    sc = Convention.objects.get(code="SC")
    data = {
        "convention": sc.pk, "title": "Seed proposal", "decisions": [Decision.objects.get(number="SC-5/20").pk],
        "work_programme_activities": "11, 12, 33", "currency": "USD", "approved_budget": "1190000",
        "lines-TOTAL_FORMS": "3", "lines-INITIAL_FORMS": "0",
        "lines-0-component": "Coordination", "lines-0-amount": "20000",
        "lines-1-component": "Materials", "lines-1-amount": "50000",
        "lines-2-component": "Workshops", "lines-2-amount": "930000",
        "pledges-TOTAL_FORMS": "2", "pledges-INITIAL_FORMS": "0",
        "pledges-0-donor_name": "A donor", "pledges-0-amount": "362562",
    }  # fmt: skip
    response = staff_client.post("/staff/funding/new/", data)
    assert response.status_code == 302, response.content.decode()
    proposal = Proposal.objects.get()
    assert proposal.budget_lines.count() == 3 and proposal.co_funding.count() == 1

    page = staff_client.get(response.url).content.decode()
    assert "637,438.00" in page

    assert staff_client.post(f"/staff/funding/{proposal.pk}/submit/").status_code == 302
    assert staff_client.post(f"/staff/funding/{proposal.pk}/publish/").status_code == 302
    assert Proposal.objects.get().state == Proposal.State.PUBLISHED
    assert "Seed proposal" in staff_client.get("/staff/funding/").content.decode()


def test_a_negative_line_is_refused_on_the_form(staff_client):
    data = {
        "convention": Convention.objects.get(code="SC").pk, "title": "X", "currency": "USD",
        "lines-TOTAL_FORMS": "1", "lines-INITIAL_FORMS": "0", "lines-0-component": "A", "lines-0-amount": "-5",
        "pledges-TOTAL_FORMS": "0", "pledges-INITIAL_FORMS": "0",
    }  # fmt: skip
    response = staff_client.post("/staff/funding/new/", data)
    assert response.status_code == 400
    assert not Proposal.objects.exists()


def test_staff_edit_a_draft_and_its_totals_change(staff_client, admin):
    proposal = seed_proposal(admin)
    assert staff_client.get(f"/staff/funding/{proposal.pk}/edit/").status_code == 200
    data = {
        "convention": proposal.convention_id, "title": proposal.title, "currency": "USD",
        "lines-TOTAL_FORMS": "1", "lines-INITIAL_FORMS": "0", "lines-0-component": "All", "lines-0-amount": "10.50",
        "pledges-TOTAL_FORMS": "0", "pledges-INITIAL_FORMS": "0",
    }  # fmt: skip
    assert staff_client.post(f"/staff/funding/{proposal.pk}/edit/", data).status_code == 302
    page = staff_client.get(proposal.get_absolute_url()).content.decode()
    assert "10.50" in page
    assert proposal.budget_lines.get().amount == Decimal("10.50")
