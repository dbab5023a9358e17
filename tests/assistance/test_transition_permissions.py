"""Who may take a move is declared once, on the model's transition (django-fsm-2's `permission=`): services,
pages and the API ask the transition, and refuse with the permission's reason."""

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from tahub.accounts.tokens import create_api_token
from tahub.assistance import actions, services
from tahub.assistance.models import State, TARequest
from tahub.core.rules import REASONS, on_object
from tahub.core.workflow import declared_permission
from tahub.directory import services as directory
from tahub.directory.models import ListingRequest
from tahub.funding.models import Proposal
from tahub.observers.models import ObserverApplication
from tahub.parties.models import Country
from tests.accounts import cast

from .conftest import login

pytestmark = pytest.mark.django_db

TRIAGE = "assistance.triage_request"


def _names(model):
    transitions = model._meta.get_field("state").get_all_transitions(model)
    return {t.name: (t.permission.name if t.permission else None) for t in transitions}


def test_every_transition_declares_who_may_take_it():
    assert _names(TARequest) == {
        "submit": "assistance.submit_request",
        "resubmit": "assistance.submit_request",
        "start_review": TRIAGE,
        "ask_information": TRIAGE,
        "accept": TRIAGE,
        "decline": TRIAGE,
        "assign": TRIAGE,
        "start_delivery": "assistance.deliver_request",
        "mark_delivered": "assistance.deliver_request",
        "close": "assistance.close_request",
        "withdraw": "assistance.withdraw_request",
    }
    assert set(_names(Proposal).values()) == {"funding.change_proposal"}
    # The private-link applications' transitions are written out on each model; only the answer (by the holder
    # of the private link) has no permission.
    assert _names(ListingRequest) == {
        "ask_information": "directory.review_listing",
        "answer": None,
        "accept": "directory.review_listing",
        "decline": "directory.review_listing",
    }
    assert _names(ObserverApplication)["accept"] == "observers.review_application"
    assert _names(ObserverApplication)["answer"] is None


def test_the_transition_permission_is_asked_on_the_object_never_without_it(draft, administrator):
    # An administrator triages any submitted request, but a draft is the Party's alone: the object decides.
    assert administrator.has_perm(TRIAGE)  # what django-fsm's bare string form would also accept
    assert not on_object(TRIAGE)(draft, administrator)
    assert declared_permission(draft, "accept").name == TRIAGE


def test_the_page_offers_only_the_moves_the_transition_lets_the_person_take(submitted, contact_a, afr_focal_point):
    assert actions.available(afr_focal_point, submitted) == ["start-review"]
    assert actions.available(contact_a, submitted) == ["withdraw"]


def test_a_service_refuses_with_the_permission_reason_and_changes_nothing(submitted, provider_member):
    with translation.override("en"), pytest.raises(PermissionDenied) as refused:
        services.start_review(submitted, by=provider_member)
    assert str(refused.value) == str(REASONS[TRIAGE])
    submitted.refresh_from_db()
    assert submitted.state == State.SUBMITTED


def test_the_page_answers_403_with_the_reason(client, submitted, contact_a):
    login(client, contact_a)
    response = client.post(f"/requests/{submitted.reference}/start-review/", {"seen_state": State.SUBMITTED})
    assert response.status_code == 403
    assert "regional focal point of the Party" in response.content.decode()
    submitted.refresh_from_db()
    assert submitted.state == State.SUBMITTED


def test_the_api_answers_403_with_the_reason(client, submitted, contact_a):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {create_api_token(user=contact_a)}"}
    response = client.post(
        f"/api/v1/requests/{submitted.reference}/start-review",
        {"seen_state": "submitted"},
        content_type="application/json",
        **headers,
    )
    assert response.status_code == 403
    assert response.json()["detail"] == str(REASONS[TRIAGE])
    submitted.refresh_from_db()
    assert submitted.state == State.SUBMITTED


def test_a_person_who_may_not_review_cannot_move_an_application():
    listing = directory.submit_listing_request(
        data={
            "name": "Lab Alliance",
            "kind": "research",
            "country": Country.objects.get(iso3="SEN"),
            "summary": "s",
            "contact_name": "A. Diop",
            "contact_email": "diop@lab.example",
        },
        documents=[SimpleUploadedFile("proof.pdf", b"%PDF-1.4\n%%EOF\n")],
    )
    outsider = cast.user("someone@example.org")
    for step in (
        lambda: directory.approve_listing_request(listing, by=outsider),
        lambda: directory.ask_listing_information(listing, by=outsider, message="Why?"),
        lambda: directory.reject_listing_request(listing, by=outsider, reason="No."),
    ):
        with pytest.raises(PermissionDenied, match="Only the Secretariat reviews listing requests"):
            step()
    listing.refresh_from_db()
    assert listing.state == ListingRequest.State.SUBMITTED and listing.reviewed_by is None


def test_a_proposal_moves_only_for_whom_its_transition_allows():
    from tahub.funding import services as funding
    from tests.funding.seed import seed_proposal

    proposal = seed_proposal(cast.staff("admin@example.org"))
    party = cast.contact_point("contact@ken.example", "KEN")
    with translation.override("en"), pytest.raises(PermissionDenied) as refused:
        funding.move_proposal(proposal, by=party, action="submit")
    assert str(refused.value) == str(REASONS["funding.change_proposal"])
    proposal.refresh_from_db()
    assert proposal.state == Proposal.State.DRAFT


def test_a_move_without_a_person_is_refused_when_the_transition_names_a_permission(submitted):
    from tahub.core import workflow

    with pytest.raises(PermissionDenied):
        workflow.move(TARequest, submitted, "start_review", reason="test")
    submitted.refresh_from_db()
    assert submitted.state == State.SUBMITTED
