"""Self-service personal API tokens (issue 17.12): create one (shown once), list them, revoke them; audited."""

import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tahub.accounts import services
from tahub.accounts.models import ApiToken
from tahub.accounts.tokens import create_api_token

from . import cast

pytestmark = pytest.mark.django_db
URL = "/account/api-tokens/"


def _new_token(html):
    return re.search(r'id="new-token-value" type="text" readonly value="(tah_[^"]+)"', html).group(1)


def test_a_person_creates_a_token_shown_once_that_works_on_the_api(client, official_a):
    cast.sign_in(client, official_a)
    response = client.post(URL, {"name": "reporting script"})
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    raw = _new_token(response.content.decode())
    token = ApiToken.objects.get(user=official_a)
    assert token.name == "reporting script" and token.digest != raw
    assert token.history.get().history_change_reason == "accounts.api_token.created"
    assert token.history.get().history_user == official_a
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"}).json()["email"] == official_a.email
    listing = client.get(URL).content.decode()
    assert "reporting script" in listing and raw not in listing and token.prefix in listing


def test_the_list_shows_when_each_token_was_created_and_last_used(client, official_a):
    raw = create_api_token(user=official_a, name="laptop")
    client.get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"})
    cast.sign_in(client, official_a)
    html = client.get(URL).content.decode()
    token = ApiToken.objects.get()
    assert "laptop" in html and token.last_used_at.strftime("%Y-%m-%d") in html and "never" not in html


def test_a_token_without_a_name_is_refused_beside_the_field(client, official_a):
    cast.sign_in(client, official_a)
    response = client.post(URL, {"name": "  "})
    assert response.status_code == 400
    assert 'id="id_name_error"' in response.content.decode()
    assert ApiToken.objects.count() == 0


def test_the_owner_revokes_a_token_and_it_stops_working_at_once(client, official_a):
    raw = create_api_token(user=official_a, name="old script")
    token = ApiToken.objects.get()
    cast.sign_in(client, official_a)
    response = client.post(f"{URL}{token.pk}/revoke/", {"confirm": "yes"})
    assert response.status_code == 302 and response["Location"] == URL
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert token.history.latest().history_change_reason == "accounts.api_token.revoked"
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {raw}"}).status_code == 401
    again = client.post(f"{URL}{token.pk}/revoke/", {"confirm": "yes"}, follow=True)
    assert "already revoked" in again.content.decode()


def test_revoking_asks_to_confirm_first_on_a_page_with_a_destructive_button(client, official_a):
    """Issue 17.12/6: the list links to a confirmation page; a POST without the confirmation revokes nothing."""
    create_api_token(user=official_a, name="nightly export")
    token = ApiToken.objects.get()
    cast.sign_in(client, official_a)
    listing = client.get(URL).content.decode()
    assert f'class="button button-danger" href="{URL}{token.pk}/revoke/"' in listing
    assert f'action="{URL}{token.pk}/revoke/"' not in listing  # no one-click form on the list
    page = client.get(f"{URL}{token.pk}/revoke/")
    html = page.content.decode()
    assert page.status_code == 200 and "Revoke the token “nightly export”?" in html
    assert 'name="confirm" value="yes"' in html and 'class="button-danger">Yes, revoke the token' in html
    unconfirmed = client.post(f"{URL}{token.pk}/revoke/")
    assert unconfirmed.status_code == 400 and "Yes, revoke the token" in unconfirmed.content.decode()
    token.refresh_from_db()
    assert token.revoked_at is None


def test_nobody_else_revokes_or_sees_a_token(client, official_a):
    create_api_token(user=official_a, name="private script")
    token = ApiToken.objects.get()
    cast.sign_in(client, cast.staff("admin@secretariat.example"), second_factor=True)
    assert client.post(f"{URL}{token.pk}/revoke/", {"confirm": "yes"}).status_code == 404
    assert client.get(f"{URL}{token.pk}/revoke/").status_code == 404
    assert "private script" not in client.get(URL).content.decode()
    token.refresh_from_db()
    assert token.revoked_at is None
    with pytest.raises(PermissionDenied):
        services.revoke_api_token(token, by=cast.user("other@example.org"))


def test_the_public_is_sent_to_sign_in(client):
    response = client.get(URL)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_at_most_ten_tokens_in_use(official_a):
    for number in range(services.MAX_ACTIVE_API_TOKENS):
        services.create_personal_api_token(by=official_a, name=f"script {number}")
    with pytest.raises(ValidationError, match="revoke one"):
        services.create_personal_api_token(by=official_a, name="one more")
