"""Invitations: who may invite whom, the form errors, and the accept link (valid, reused, expired)."""

import time

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from tahub.accounts import emails, invitations, services
from tahub.accounts.models import Invitation, User
from tahub.parties.models import ContactPoint

from . import cast

pytestmark = pytest.mark.django_db


def _invite(by, email="new@ministry.example", iso3=cast.PARTY_A, kind=ContactPoint.Kind.OFFICIAL):
    return services.invite_contact_point(email=email, party=cast.party(iso3), kind=kind, by=by)


def test_staff_invite_any_party_and_the_email_task_is_queued(admin_user):
    invitation = _invite(admin_user, iso3=cast.PARTY_B)

    assert (invitation.email, invitation.party.country.iso3, invitation.invited_by) == (
        "new@ministry.example",
        cast.PARTY_B,
        admin_user,
    )
    task = DBTaskResult.objects.get()
    assert task.task_path == "tahub.accounts.tasks.task_send_invitation"
    assert task.args_kwargs == {"args": [], "kwargs": {"invitation_id": invitation.pk}}
    assert invitation.history.get().history_change_reason == "accounts.invitation.created"


def test_official_contact_point_invites_a_focal_point_of_its_own_party(official_a):
    invitation = _invite(official_a, kind=ContactPoint.Kind.FOCAL)
    assert invitation.kind == ContactPoint.Kind.FOCAL


def test_official_contact_point_cannot_invite_for_another_party(official_a):
    with pytest.raises(PermissionDenied, match="official contact point"):
        _invite(official_a, iso3=cast.PARTY_B, kind=ContactPoint.Kind.FOCAL)
    assert (Invitation.objects.count(), DBTaskResult.objects.count()) == (0, 0)


def test_official_contact_point_cannot_invite_an_official_contact_point(official_a):
    with pytest.raises(PermissionDenied, match="Only Secretariat staff"):
        _invite(official_a)
    assert Invitation.objects.count() == 0


def test_focal_point_cannot_invite_focal_points():
    focal = cast.contact_point("focal.a@example.org", cast.PARTY_A, ContactPoint.Kind.FOCAL)
    with pytest.raises(PermissionDenied):
        _invite(focal, kind=ContactPoint.Kind.FOCAL)


def test_inviting_an_address_with_an_account_writes_nothing(admin_user):
    cast.user("taken@example.org")
    with pytest.raises(ValidationError) as error:
        _invite(admin_user, email="Taken@Example.org")
    assert error.value.message_dict["email"] == [str(services.ERRORS["account_exists"])]
    assert (Invitation.objects.count(), DBTaskResult.objects.count()) == (0, 0)


def test_invite_page_shows_the_existing_account_error_next_to_the_field(client, admin_user):
    cast.sign_in(client, admin_user, second_factor=True)
    cast.user("taken@example.org")
    party = cast.party(cast.PARTY_A)

    response = client.post(
        reverse("accounts:invite_contact_point"), {"email": "taken@example.org", "party": party.pk, "kind": "official"}
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {"email": [str(services.ERRORS["account_exists"])]}
    assert Invitation.objects.count() == 0


def test_invite_page_sends_an_invitation(client, admin_user):
    cast.sign_in(client, admin_user, second_factor=True)
    party = cast.party(cast.PARTY_A)

    response = client.post(
        reverse("accounts:invite_contact_point"), {"email": "new@ministry.example", "party": party.pk, "kind": "focal"}
    )

    assert response.status_code == 302
    assert Invitation.objects.get().kind == "focal"


def test_focal_point_page_for_another_party_is_forbidden(client, official_a):
    cast.sign_in(client, official_a)
    url = reverse("accounts:invite_focal_point", args=[cast.PARTY_B])

    response = client.post(url, {"email": "new@ministry.example"})

    assert response.status_code == 403
    assert Invitation.objects.count() == 0


def _link(invitation, **token_kwargs):
    token = invitations.make_token(invitation, **token_kwargs)
    return reverse("accounts:accept_invitation", args=[invitations.encode_id(invitation), token])


def _accept(client, url, name="Wanjiru Kamau", password="kilimanjaro-sunrise-42"):
    return client.post(url, {"name": name, "password1": password, "password2": password})


def test_accepting_creates_the_account_and_the_role(client, official_a):
    invitation = _invite(official_a, kind=ContactPoint.Kind.FOCAL)

    response = _accept(client, _link(invitation))

    assert response.status_code == 302
    user = User.objects.get(email="new@ministry.example")
    assert (user.name, user.check_password("kilimanjaro-sunrise-42")) == ("Wanjiru Kamau", True)
    role = ContactPoint.objects.get(user=user)
    assert (role.party, role.kind, role.delegated_by) == (invitation.party, "focal", official_a)
    invitation.refresh_from_db()
    assert invitation.accepted_user == user


def test_a_used_link_says_so_and_changes_nothing(client, admin_user):
    invitation = _invite(admin_user)
    url = _link(invitation)
    _accept(client, url)

    response = _accept(client, url, name="Someone else", password="another-password-2026")

    assert response.status_code == 410
    assert str(services.ERRORS["used"]) in response.content.decode()
    assert User.objects.get(email="new@ministry.example").name == "Wanjiru Kamau"
    assert ContactPoint.objects.filter(party=invitation.party, user__email="new@ministry.example").count() == 1


def test_an_expired_link_says_so_and_changes_nothing(client, admin_user):
    invitation = _invite(admin_user)
    url = _link(invitation, now=time.time() - settings.INVITATION_TIMEOUT - 60)

    response = _accept(client, url)

    assert response.status_code == 410
    assert str(services.ERRORS["invalid"]) in response.content.decode()
    assert not User.objects.filter(email="new@ministry.example").exists()


def test_a_forged_or_garbled_link_is_refused(client, admin_user):
    invitation = _invite(admin_user)
    good = invitations.make_token(invitation)
    forged = good[:-1] + ("1" if good.endswith("0") else "0")  # differs from the real token in its last character
    for uid, token in [(invitations.encode_id(invitation), forged), ("garbled", good), ("MQ", "zz-zz")]:
        response = client.get(reverse("accounts:accept_invitation", args=[uid, token]))
        assert response.status_code == 410
    assert not User.objects.filter(email="new@ministry.example").exists()


def test_mismatched_passwords_are_shown_next_to_the_field(client, admin_user):
    invitation = _invite(admin_user)

    response = client.post(_link(invitation), {"name": "X", "password1": "kilimanjaro-1", "password2": "kilimanjaro-2"})

    assert response.status_code == 200
    assert list(response.context["form"].errors) == ["password2"]
    assert not User.objects.filter(email="new@ministry.example").exists()


def test_the_email_carries_a_working_link(admin_user, mailoutbox):
    invitation = _invite(admin_user)

    emails.send_invitation(invitation)

    (message,) = mailoutbox
    assert message.to == ["new@ministry.example"]
    assert "Kenya" in message.subject
    assert settings.SITE_URL + "/invitations/accept/" in message.body
