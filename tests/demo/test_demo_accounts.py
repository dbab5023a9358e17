"""The demo accounts: one per role, the shared password, and a working demo TOTP secret for staff."""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.urls import reverse

from tahub.accounts.models import StaffRole, User
from tahub.accounts.rules import is_administrator, is_regional_focal_point
from tahub.demo.accounts import DEMO_PASSWORD, DEMO_TOTP_SECRET, load_demo_accounts
from tahub.observers.models import FocalPoint
from tahub.parties.models import ContactPoint
from tahub.parties.rules import is_official_contact_point
from tests.accounts import cast

pytestmark = pytest.mark.django_db


def test_one_account_per_role_with_the_demo_password():
    accounts = load_demo_accounts()

    # Without the generated data there is no donor yet; the applicant has no account (its private link is the access).
    emails = [email for _role, email, note in accounts if "private link" not in note]
    assert len(emails) == 7 and len(accounts) == 8
    assert all(User.objects.get(email=email).check_password(DEMO_PASSWORD) for email in emails)
    kenya = cast.party("KEN")
    official = User.objects.get(email="contact.ken@demo.tahub.localhost")
    focal = ContactPoint.objects.get(user__email="focal.ken@demo.tahub.localhost")
    assert is_official_contact_point(official, kenya)
    assert (focal.party, focal.kind, focal.delegated_by) == (kenya, "focal", official)
    assert is_administrator(User.objects.get(email="admin@demo.tahub.localhost"))
    assert is_regional_focal_point(User.objects.get(email="rfp.afr@demo.tahub.localhost"))
    assert User.objects.get(email="member.unitar@demo.tahub.localhost").organisations.get().slug == "unitar"
    assert User.objects.get(email="member.centre@demo.tahub.localhost").organisations.count() == 1
    assert FocalPoint.objects.filter(user__email="observer.ngo@demo.tahub.localhost").count() == 1
    assert not User.objects.filter(email="applicant@demo.tahub.localhost").exists()


def test_staff_demo_accounts_sign_in_with_the_published_totp_secret(client):
    load_demo_accounts()
    authenticator = Authenticator.objects.get(user__email="rfp.afr@demo.tahub.localhost", type="totp")
    assert TOTP(authenticator).validate_code(cast.current_code(DEMO_TOTP_SECRET))

    client.post(reverse("account_login"), {"login": "admin@demo.tahub.localhost", "password": DEMO_PASSWORD})
    client.post(reverse("mfa_authenticate"), {"code": cast.current_code(DEMO_TOTP_SECRET)})

    assert client.get("/staff/").status_code == 200


def test_loading_twice_changes_nothing():
    load_demo_accounts()
    counts = (
        User.objects.count(),
        StaffRole.objects.count(),
        ContactPoint.objects.count(),
        Authenticator.objects.count(),
    )

    load_demo_accounts()

    assert (
        User.objects.count(),
        StaffRole.objects.count(),
        ContactPoint.objects.count(),
        Authenticator.objects.count(),
    ) == counts
