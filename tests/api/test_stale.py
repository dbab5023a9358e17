"""One refusal for every optimistic-lock failure (core.workflow.Stale, issue 19.3): it names who changed which
fields and when, says "you" when it was the same person (issue 17.7: a double click or one's own second tab is
not "someone else"), and the API answers it 409 through the one handler."""

import pytest

from tahub.accounts.tokens import create_api_token
from tahub.core.workflow import Stale, lock_at_version
from tahub.funding import services
from tahub.funding.models import Donor
from tests.accounts import cast
from tests.funding.money import donor

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin():
    return cast.staff("admin@example.org")


@pytest.fixture
def colleague():
    return cast.staff("colleague@example.org")


def test_the_same_person_is_told_it_was_their_own_save(admin):
    given = donor(admin, name="A foundation")
    services.save_donor(by=admin, data={"name": "Renamed"}, donor=given, seen_version=1)
    with pytest.raises(Stale) as refused:
        lock_at_version(Donor, given, 1, by=admin)
    message = refused.value.messages[0]
    assert refused.value.mine and refused.value.code == "stale"
    assert message.startswith("You saved this donor yourself at ")
    assert "name" in message and "someone else" not in message.lower()


def test_another_person_is_named_with_what_they_changed_and_when(admin, colleague):
    given = donor(admin, name="A foundation")
    services.save_donor(by=colleague, data={"email": "new@example.org"}, donor=given, seen_version=1)
    with pytest.raises(Stale) as refused:
        services.save_donor(by=admin, data={"name": "Mine"}, donor=given, seen_version=1)
    message = refused.value.messages[0]
    assert not refused.value.mine
    assert message.startswith(f"{colleague} changed this donor at ")
    assert "e-mail" in message and "Nothing of yours was saved" in message
    assert Donor.objects.get(pk=given.pk).name == "A foundation"  # nothing of the stale edit


def test_the_current_version_goes_through(admin):
    given = donor(admin, name="A foundation")
    assert lock_at_version(Donor, given, 1, by=admin).pk == given.pk
    assert lock_at_version(Donor, given, None).pk == given.pk  # no check asked for


def test_the_api_answers_409_with_the_message_of_the_one_handler(client, admin, colleague):
    given = donor(admin, name="A foundation")
    services.save_donor(by=colleague, data={"name": "Theirs"}, donor=given, seen_version=1)
    response = client.patch(
        f"/api/v1/donors/{given.pk}",
        {"email": "mine@example.org", "version": 1},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {create_api_token(user=admin)}",
    )
    assert response.status_code == 409
    assert response.json() == {"detail": response.json()["detail"], "errors": []}
    assert response.json()["detail"].startswith(f"{colleague} changed this donor at ")
    assert Donor.objects.get(pk=given.pk).email == "donor@example.org"


def test_a_service_refusal_is_422_by_field_and_a_permission_403_with_its_reason(client, admin):
    """The other two handlers: a ValidationError names its field; PermissionDenied gives the rule's reason."""
    token = create_api_token(user=admin)
    response = client.post(
        "/api/v1/donors",
        {"kind": "organisation", "organisation": "no-such-body"},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )
    assert response.status_code == 422
    assert [e["field"] for e in response.json()["errors"]] == ["organisation"]
    outsider = create_api_token(user=cast.user("outsider@example.org"))
    response = client.get("/api/v1/donors", HTTP_AUTHORIZATION=f"Bearer {outsider}")
    from tahub.core.rules import REASONS

    assert response.status_code == 403
    assert response.json()["detail"] == str(REASONS["funding.change_pledge"])
