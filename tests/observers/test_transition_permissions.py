"""Who may approve or refuse a proposed representative is declared on Registration's transitions (the
organisation's focal point); the services ask it (core.workflow) and refuse with the permission's reason."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import translation
from django.utils.html import escape

from tahub.accounts.tokens import create_api_token
from tahub.core.rules import REASONS
from tahub.core.workflow import declared_permission
from tahub.observers import services
from tahub.observers.models import ObserverApplication, Registration
from tests.accounts import cast

from .conftest import make_meeting, representative

pytestmark = pytest.mark.django_db

APPROVE = "observers.approve_registration"


def _names(model):
    transitions = model._meta.get_field("state").get_all_transitions(model)
    return {t.name: (t.permission.name if t.permission else None) for t in transitions}


@pytest.fixture
def proposed(meeting, ngo, focal_point, member):
    return services.register_representative(meeting=meeting, organisation=ngo, data=representative(), by=member)


def test_every_transition_declares_who_may_take_it(proposed, ngo):
    assert _names(Registration) == {"approve": APPROVE, "refuse": APPROVE}
    # The focal point is named on the organisation: the transition asks it on the registration's organisation.
    assert declared_permission(proposed, "approve").target(proposed) == ngo
    # The answer to a request for information comes by the private link, not from a signed-in person.
    assert _names(ObserverApplication)["answer"] is None


def test_a_member_who_is_not_the_focal_point_is_refused_with_the_reason(proposed, member, focal_point):
    for decide in (services.approve_registration, services.refuse_registration):
        with translation.override("en"), pytest.raises(PermissionDenied) as refused:
            decide(proposed, by=member)
        assert str(refused.value) == str(REASONS[APPROVE])
    proposed.refresh_from_db()
    assert proposed.state == Registration.State.PROPOSED and proposed.approved_by is None
    assert services.approve_registration(proposed, by=focal_point).approved_by == focal_point


def test_who_may_not_decide_is_told_so_before_the_deadline_is_looked_at(ngo, focal_point, member):
    meeting = make_meeting(code="cop-14")
    registration = services.register_representative(meeting=meeting, organisation=ngo, data=representative(), by=member)
    meeting.registration_deadline = datetime.date(2000, 1, 1)
    meeting.save()
    with translation.override("en"), pytest.raises(PermissionDenied) as refused:
        services.approve_registration(registration, by=member)
    assert str(refused.value) == str(REASONS[APPROVE])


def test_the_page_and_the_api_answer_403_with_the_reason(client, proposed, member):
    with translation.override("en"):
        reason = str(REASONS[APPROVE])
    cast.sign_in(client, member)
    page = client.post(f"/observers/registrations/{proposed.pk}/decision/", {"action": "approve"})
    assert page.status_code == 403 and escape(reason) in page.content.decode()
    headers = {"Authorization": f"Bearer {create_api_token(user=member, name='t')}"}
    api = client.post(
        f"/api/v1/observer-registrations/{proposed.pk}/decision",
        {"action": "refuse"},
        content_type="application/json",
        headers=headers,
    )
    assert api.status_code == 403 and api.json()["detail"] == reason
    proposed.refresh_from_db()
    assert proposed.state == Registration.State.PROPOSED
