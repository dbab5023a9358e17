"""Staff pages need a two-factor session; wrong codes are refused; repeated failed sign-ins lock out."""

import pytest
from django.urls import reverse

from . import cast

pytestmark = pytest.mark.django_db

STAFF_HOME = "/staff/"


def _password_step(client, email, password=cast.PASSWORD):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def test_staff_signs_in_with_password_then_totp_and_reaches_a_staff_page(client, admin_user):
    response = _password_step(client, admin_user.email)
    assert response.status_code == 302
    assert response.url == reverse("mfa_authenticate")

    response = client.post(reverse("mfa_authenticate"), {"code": cast.current_code()})

    assert response.status_code == 302
    assert client.get(STAFF_HOME).status_code == 200
    assert client.get("/admin/").status_code == 200


def test_a_wrong_totp_code_is_refused_with_a_message(client, admin_user):
    _password_step(client, admin_user.email)
    wrong = "000000" if cast.current_code() != "000000" else "111111"

    response = client.post(reverse("mfa_authenticate"), {"code": wrong})

    assert response.status_code == 200
    assert response.context["form"].errors == {"code": ["Incorrect code."]}
    assert "_auth_user_id" not in client.session
    assert client.get(STAFF_HOME).status_code == 302


@pytest.mark.parametrize(("steps", "accepted"), [(-1, True), (-2, False), (2, False)])
def test_a_code_of_the_step_just_past_still_counts_older_ones_do_not(client, admin_user, steps, accepted):
    _password_step(client, admin_user.email)

    response = client.post(reverse("mfa_authenticate"), {"code": cast.current_code(steps=steps)})

    assert (client.get(STAFF_HOME).status_code == 200) is accepted, response.content[:200]


def test_a_code_works_once(client, admin_user):
    code = cast.current_code()
    _password_step(client, admin_user.email)
    client.post(reverse("mfa_authenticate"), {"code": code})
    client.logout()
    _password_step(client, admin_user.email)

    response = client.post(reverse("mfa_authenticate"), {"code": code})

    assert response.status_code == 200
    assert response.context["form"].errors == {"code": ["Incorrect code."]}
    assert client.get(STAFF_HOME).status_code == 302


def test_a_staff_session_without_the_second_factor_must_confirm_it(client, admin_user):
    cast.sign_in(client, admin_user, second_factor=False)

    response = client.get(STAFF_HOME)

    assert response.status_code == 302
    assert response.url == reverse("mfa_reauthenticate") + "?next=%2Fstaff%2F"


def test_staff_without_an_authenticator_is_sent_to_set_one_up(client):
    staff = cast.staff("new.staff@example.org", totp=False)
    cast.sign_in(client, staff)

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp") + "?next=%2Fadmin%2F"


def test_the_admin_password_only_sign_in_is_replaced_by_ours(client):
    response = client.get("/admin/login/?next=/admin/parties/")

    assert response.status_code == 302
    assert response.url == reverse("account_login") + "?next=%2Fadmin%2Fparties%2F"


def test_five_failed_sign_ins_lock_the_account_out(client, official_a):
    statuses = [_password_step(client, official_a.email, "wrong-password").status_code for _ in range(5)]

    response = _password_step(client, official_a.email.upper())  # even the right password is now refused

    assert statuses == [200, 200, 200, 200, 429]
    assert response.status_code == 429
    assert "Too many failed sign-in attempts: this account is locked" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_failures_on_one_account_do_not_lock_another(client, official_a):
    for _ in range(5):
        _password_step(client, "someone.else@example.org", "wrong-password")

    response = _password_step(client, official_a.email)

    assert response.status_code == 302


def test_allauth_pages_use_the_site_layout(client, admin_user):
    def assert_in_layout(url):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "Skip to content" in response.content.decode(), url

    for url in [reverse("account_login"), reverse("account_reset_password")]:
        assert_in_layout(url)
    cast.sign_in(client, admin_user, second_factor=True)
    for url in [reverse("mfa_index"), reverse("mfa_reauthenticate")]:
        assert_in_layout(url)


def test_a_new_staff_member_sets_up_totp_then_reaches_staff_pages(client):
    staff = cast.staff("new.staff@example.org", totp=False)
    _password_step(client, staff.email)
    assert client.get(STAFF_HOME).url == reverse("mfa_activate_totp") + "?next=%2Fstaff%2F"
    # allauth asks for the password again before a security change
    client.post(reverse("account_reauthenticate"), {"password": cast.PASSWORD})
    setup = client.get(reverse("mfa_activate_totp"))
    assert setup.status_code == 200
    assert "Skip to content" in setup.content.decode()
    secret = client.session["mfa.totp.secret"]

    client.post(reverse("mfa_activate_totp"), {"code": cast.current_code(secret)})
    assert client.get(STAFF_HOME).url == reverse("mfa_reauthenticate") + "?next=%2Fstaff%2F"
    client.post(reverse("mfa_reauthenticate"), {"code": cast.current_code(secret)})

    assert client.get(STAFF_HOME).status_code == 200
