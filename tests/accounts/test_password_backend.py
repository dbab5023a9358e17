"""Django's model permissions are not asked (tahub.accounts.backends.PasswordBackend, issue 13).

A rule that says no used to fall through to Django's ModelBackend: two queries (the user's permissions, its
groups') on each signed-in page that checks one. Signing in with a password and the admin keep working."""

import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from . import cast

pytestmark = pytest.mark.django_db


def _permission_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return [q["sql"] for q in queries.captured_queries if "auth_permission" in q["sql"] or "_groups" in q["sql"]]


def test_a_signed_in_page_whose_rule_says_no_asks_no_model_permission(client, settings):
    person = cast.user("reader@example.org")
    cast.sign_in(client, person)
    path = reverse("plan:plans")  # asks planning.change_programme, which the rule refuses this reader
    assert _permission_queries(client, path) == []

    # The same page with Django's ModelBackend, as before: its two queries.
    settings.AUTHENTICATION_BACKENDS = [
        "rules.permissions.ObjectPermissionBackend",
        "django.contrib.auth.backends.ModelBackend",
    ]
    client.force_login(person, backend="django.contrib.auth.backends.ModelBackend")
    assert len(_permission_queries(client, path)) == 2


def test_a_model_permission_given_by_hand_grants_nothing():
    person = cast.user("given@example.org")
    person.user_permissions.add(Permission.objects.get(codename="change_party"))
    assert not person.has_perm("parties.change_party")
    assert person.get_all_permissions() == set()


def test_a_password_still_signs_in(rf):
    person = cast.user("signs-in@example.org")
    assert authenticate(rf.get("/"), username="signs-in@example.org", password=cast.PASSWORD) == person


def test_an_administrator_reaches_the_admin(client, admin_user):
    cast.sign_in(client, admin_user, second_factor=True)
    assert client.get("/admin/").status_code == 200  # staff: the admin's index, its models through the rules
    admin_user.is_superuser = True
    admin_user.save()
    cast.sign_in(client, admin_user, second_factor=True)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/parties/party/").status_code == 200
