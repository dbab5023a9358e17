"""Every legal move of a request's workflow, and the illegal ones refused with nothing changed."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django_tasks_db.models import DBTaskResult

from tahub.assistance import services
from tahub.assistance.models import State, TARequest
from tahub.core.workflow import Stale
from tahub.parties.models import Party

from .conftest import complete_data

pytestmark = pytest.mark.django_db


def test_create_request_opens_a_numbered_draft(draft):
    assert draft.state == State.DRAFT
    assert draft.reference.startswith("TA-") and draft.reference.endswith("-0001")
    assert {t.slug for t in draft.themes.all()} == {"inventories", "stockpiles-wastes"}
    assert draft.history.first().history_change_reason == "assistance.request.created"


def test_developed_country_party_is_told_why_and_where_to_look(contact_a):
    germany = Party.objects.get(country__iso3="DEU")
    from tahub.parties.models import ContactPoint

    ContactPoint.objects.create(user=contact_a, party=germany, kind=ContactPoint.Kind.OFFICIAL)
    with pytest.raises(ValidationError) as excinfo:
        services.create_request(party=germany, by=contact_a, data=complete_data())
    assert "Germany is classed as a developed country" in excinfo.value.messages[0]
    assert "offer assistance" in excinfo.value.messages[0]
    assert TARequest.objects.count() == 0


def test_focal_point_cannot_file_for_another_party(party_a, focal_b):
    with pytest.raises(PermissionDenied):
        services.create_request(party=party_a, by=focal_b, data=complete_data())
    assert TARequest.objects.count() == 0


def test_submit_routes_to_the_regional_focal_point_and_enqueues_notice(submitted, afr_focal_point):
    assert submitted.state == State.SUBMITTED
    assert submitted.owner == afr_focal_point
    assert submitted.submitted_at is not None
    task = DBTaskResult.objects.get()
    assert task.args_kwargs["kwargs"] == {"request_id": submitted.pk, "event": "assistance.request.submitted"}


def test_incomplete_request_cannot_be_submitted_and_says_which_fields(party_a, contact_a):
    draft = services.create_request(party=party_a, by=contact_a, data={"title": "PCB", "description": "short"})
    with pytest.raises(ValidationError) as excinfo:
        services.submit_request(draft, by=contact_a)
    assert set(excinfo.value.message_dict) == {"description", "themes", "assistance_types", "conventions"}
    draft.refresh_from_db()
    assert draft.state == State.DRAFT
    assert DBTaskResult.objects.count() == 0


def test_full_journey_to_closure(submitted, contact_a, afr_focal_point, provider, provider_member):
    r = services.start_review(submitted, by=afr_focal_point)
    r = services.ask_information(r, by=afr_focal_point, message="Which regions of the country?")
    assert r.state == State.INFO_NEEDED
    r = services.update_draft(
        r, by=contact_a, data={"expected_results": "All 47 counties"}, seen_state=State.INFO_NEEDED
    )
    r = services.submit_request(r, by=contact_a)
    assert r.state == State.SUBMITTED
    r = services.start_review(r, by=afr_focal_point)
    r = services.accept_request(r, by=afr_focal_point)
    r, assignments = services.assign_providers(r, by=afr_focal_point, organisations=[provider])
    assert r.state == State.ASSIGNED and assignments[0].organisation == provider
    r = services.start_delivery(r, by=provider_member)
    r = services.mark_delivered(r, by=provider_member)
    r = services.close_request(r, by=contact_a, satisfaction=4, comment="Useful training")
    r.refresh_from_db()
    assert (r.state, r.satisfaction, r.feedback) == (State.CLOSED, 4, "Useful training")
    assert r.decided_at and r.delivered_at and r.closed_at
    reasons = [h.history_change_reason for h in r.history.order_by("history_date")]
    assert reasons[-1] == "assistance.request.closed"
    assert "assistance.request.information_asked" in reasons


def test_decline_requires_a_reason(submitted, afr_focal_point):
    r = services.start_review(submitted, by=afr_focal_point)
    with pytest.raises(ValidationError) as excinfo:
        services.decline_request(r, by=afr_focal_point, reason="  ")
    assert "reason" in excinfo.value.message_dict
    r = services.decline_request(r, by=afr_focal_point, reason="Outside the scope of the Convention")
    assert (r.state, r.message) == (State.DECLINED, "Outside the scope of the Convention")


@pytest.mark.parametrize(
    "call",
    [
        lambda r, staff, party: services.accept_request(r, by=staff, seen_state=None),
        lambda r, staff, party: services.start_delivery(r, by=staff, seen_state=None),
        lambda r, staff, party: services.close_request(r, by=party, satisfaction=5, seen_state=None),
    ],
)
def test_moves_not_allowed_from_submitted_are_refused(submitted, afr_focal_point, contact_a, call):
    with pytest.raises((ValidationError, PermissionDenied)):
        call(submitted, afr_focal_point, contact_a)
    submitted.refresh_from_db()
    assert submitted.state == State.SUBMITTED


def test_illegal_move_message_names_the_state(submitted, afr_focal_point):
    with pytest.raises(ValidationError, match="This is not possible while the request is “Submitted”."):
        services.accept_request(submitted, by=afr_focal_point, seen_state=None)


def test_stale_action_is_refused_and_changes_nothing(submitted, afr_focal_point, administrator):
    services.start_review(submitted, by=afr_focal_point)
    # The administrator's page still showed "submitted".
    with pytest.raises(Stale, match="moved to “Under review” by afr@secretariat.example at"):
        services.start_review(submitted, by=administrator, seen_state=State.SUBMITTED)
    submitted.refresh_from_db()
    assert submitted.owner == afr_focal_point


def test_other_region_staff_may_not_triage(submitted, grulac_focal_point):
    with pytest.raises(PermissionDenied):
        services.start_review(submitted, by=grulac_focal_point)


def test_party_withdraws_before_delivery_but_not_after(
    submitted, contact_a, afr_focal_point, provider, provider_member
):
    r = services.withdraw_request(submitted, by=contact_a)
    assert r.state == State.WITHDRAWN
    with pytest.raises((ValidationError, PermissionDenied)):
        services.withdraw_request(r, by=contact_a)


def test_assigning_a_provider_that_offers_nothing_of_the_kind_warns(submitted, afr_focal_point, provider):
    r = services.accept_request(services.start_review(submitted, by=afr_focal_point), by=afr_focal_point)
    _r, (assignment,) = services.assign_providers(r, by=afr_focal_point, organisations=[provider])
    assert "has not declared that it offers" in assignment.warning


def test_staff_records_a_request_received_by_letter(party_a, administrator):
    r = services.create_request(party=party_a, by=administrator, data=complete_data(), received_by_letter=True)
    assert r.received_by_letter and r.created_by == administrator
