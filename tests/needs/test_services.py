"""Answering, submitting and reopening a response, and who may do each."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from tahub.core.rules import REASONS
from tahub.core.workflow import declared_permission
from tahub.needs import services
from tahub.needs.models import Answer, Response
from tahub.parties.models import Party

from . import world

pytestmark = pytest.mark.django_db


def test_opening_a_cycle_invites_the_eligible_parties_only(cycle, party_a):
    invited = set(cycle.invited.values_list("country__iso3", flat=True))

    assert party_a.country.iso3 in invited
    assert "DEU" not in invited  # a developed country
    assert all(p.country.eligibility in ("developing", "transition") for p in cycle.invited.select_related("country"))


def test_a_contact_point_cannot_open_a_cycle(contact_a, questionnaire):
    with pytest.raises(PermissionDenied):
        services.open_cycle(
            by=contact_a, slug="x", title="x", period="x", deadline="2026-01-01", questionnaire=questionnaire
        )


def test_a_contact_point_saves_a_draft_for_its_own_party(cycle, party_a, contact_a):
    response = services.save_answers(
        cycle=cycle, party=party_a, answers={"nip-level": "high", "nip-text": "Old plan"}, by=contact_a
    )

    assert response.state == Response.State.DRAFT
    assert dict(response.answers.values_list("question__code", "level")) == {"nip-level": "high", "nip-text": ""}


def test_another_partys_focal_point_is_refused_and_nothing_is_written(cycle, party_a, focal_b):
    with pytest.raises(PermissionDenied):
        services.save_answers(cycle=cycle, party=party_a, answers={"nip-level": "high"}, by=focal_b)

    assert Response.objects.count() == 0


def test_staff_answer_on_a_partys_behalf(cycle, party_a, admin):
    services.save_answers(cycle=cycle, party=party_a, answers={"nip-level": "low"}, by=admin)

    assert Answer.objects.get().level == "low"


def test_a_value_outside_the_scale_is_refused_naming_the_question(cycle, party_a, contact_a):
    with pytest.raises(ValidationError) as caught:
        services.save_answers(cycle=cycle, party=party_a, answers={"nip-level": "urgent"}, by=contact_a)

    assert list(caught.value.message_dict) == ["nip-level"]
    assert Answer.objects.count() == 0


def test_a_party_not_invited_is_refused(cycle, admin):
    germany = Party.objects.get(country__iso3="DEU", convention__code="SC")

    with pytest.raises(ValidationError):
        services.save_answers(cycle=cycle, party=germany, answers={"nip-level": "low"}, by=admin)


def test_an_incomplete_submission_names_every_missing_question(cycle, party_a, contact_a):
    answers = world.complete_answers(cycle)
    del answers["ddt-level"], answers["inventories-level"]
    response = services.save_answers(cycle=cycle, party=party_a, answers=answers, by=contact_a)

    with pytest.raises(ValidationError) as caught:
        services.submit_response(response, by=contact_a)

    assert sorted(caught.value.message_dict) == ["ddt-level", "inventories-level"]
    response.refresh_from_db()
    assert response.state == Response.State.DRAFT


def test_a_complete_response_is_submitted_then_frozen(cycle, party_a, contact_a):
    response = services.save_answers(cycle=cycle, party=party_a, answers=world.complete_answers(cycle), by=contact_a)

    submitted = services.submit_response(response, by=contact_a)

    assert (submitted.state, submitted.submitted_by) == (Response.State.SUBMITTED, contact_a)
    with pytest.raises(ValidationError):
        services.save_answers(cycle=cycle, party=party_a, answers={"nip-level": "low"}, by=contact_a)


def test_staff_reopen_a_submitted_response_and_a_contact_point_cannot(cycle, party_a, contact_a, admin):
    response = services.save_answers(cycle=cycle, party=party_a, answers=world.complete_answers(cycle), by=contact_a)
    response = services.submit_response(response, by=contact_a)

    with pytest.raises(PermissionDenied):
        services.reopen_response(response, by=contact_a)
    reopened = services.reopen_response(response, by=admin)

    assert reopened.state == Response.State.DRAFT
    assert reopened.history.first().history_change_reason == "needs.response.reopened"


def test_the_transitions_declare_who_may_take_them():
    assert declared_permission(Response(), "submit").name == "needs.submit_response"
    assert declared_permission(Response(), "reopen").name == "needs.reopen_response"


def test_another_partys_focal_point_cannot_submit_and_is_told_why(cycle, party_a, contact_a, focal_b):
    """Refused by the transition's permission, with its reason, before anything else is checked: the incomplete
    response's missing questions are not named to someone who may not submit it."""
    response = services.save_answers(cycle=cycle, party=party_a, answers={"nip-level": "low"}, by=contact_a)

    with pytest.raises(PermissionDenied) as caught:
        services.submit_response(response, by=focal_b)

    assert str(caught.value) == str(REASONS["needs.submit_response"])
    response.refresh_from_db()
    assert (response.state, response.submitted_by) == (Response.State.DRAFT, None)


def test_a_contact_point_who_tries_to_reopen_is_told_why_and_nothing_changes(cycle, party_a, contact_a):
    response = services.save_answers(cycle=cycle, party=party_a, answers=world.complete_answers(cycle), by=contact_a)
    response = services.submit_response(response, by=contact_a)

    with pytest.raises(PermissionDenied) as caught:
        services.reopen_response(response, by=contact_a)

    assert str(caught.value) == str(REASONS["needs.reopen_response"])
    response.refresh_from_db()
    assert (response.state, response.reopened) == (Response.State.SUBMITTED, False)


def test_a_draft_cannot_be_reopened(cycle, party_a, contact_a, admin):
    response = services.save_answers(cycle=cycle, party=party_a, answers={"nip-level": "low"}, by=contact_a)

    with pytest.raises(ValidationError):
        services.reopen_response(response, by=admin)


def _past_deadline(cycle):
    cycle.deadline = timezone.localdate() - datetime.timedelta(days=1)
    cycle.save()


def test_after_the_deadline_a_contact_point_is_refused_and_nothing_is_written(cycle, party_a, contact_a):
    _past_deadline(cycle)

    with pytest.raises(ValidationError, match="deadline"):
        services.save_answers(cycle=cycle, party=party_a, answers={"nip-level": "high"}, by=contact_a)

    assert Answer.objects.count() == 0


def test_after_the_deadline_staff_enter_a_late_response_and_a_reopened_one_can_be_resubmitted(
    cycle, party_a, contact_a, admin
):
    response = services.save_answers(cycle=cycle, party=party_a, answers=world.complete_answers(cycle), by=admin)
    response = services.submit_response(response, by=admin)
    _past_deadline(cycle)

    services.reopen_response(response, by=admin)
    response = services.save_answers(cycle=cycle, party=party_a, answers={"nip-level": "low"}, by=contact_a)

    assert services.submit_response(response, by=contact_a).state == Response.State.SUBMITTED
