"""Personal API tokens: Authorization: Bearer <token>; GET /api/v1/me proves the mechanism."""

import pytest
from django.utils import timezone

from tahub.accounts.models import ApiToken, User
from tahub.accounts.tokens import create_api_token

pytestmark = pytest.mark.django_db


@pytest.fixture
def ana():
    return User.objects.create_user("ana@example.org", "a-long-password", name="Ana Lima")


@pytest.fixture
def token(ana):
    return create_api_token(user=ana, name="tests")


def test_a_good_token_says_whose_it_is(client, ana, token):
    response = client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 200
    assert response.json() == {"email": "ana@example.org", "name": "Ana Lima", "is_staff": False}
    assert ApiToken.objects.get().last_used_at is not None


def test_no_token_is_401_and_says_how_to_get_one(client):
    response = client.get("/api/v1/me")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Bearer"
    body = response.json()
    assert "Authorization: Bearer" in body["detail"]
    assert "/account/api-tokens/" in body["detail"]  # the self-service page (issue 17.12)
    assert body["errors"] == []


@pytest.mark.parametrize("header", ["Bearer tah_not-a-real-token", "Token abc", "Bearer "])
def test_a_bad_token_is_401(client, token, header):
    response = client.get("/api/v1/me", HTTP_AUTHORIZATION=header)
    assert response.status_code == 401
    assert "not valid" in response.json()["detail"]


def test_a_revoked_token_is_401(client, token):
    ApiToken.objects.update(revoked_at=timezone.now())
    response = client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 401


def test_a_token_of_an_inactive_user_is_401(client, ana, token):
    User.objects.filter(pk=ana.pk).update(is_active=False)
    assert client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 401


def test_public_reads_need_no_token(client):
    assert client.get("/api/v1/parties").status_code == 200


def test_a_token_costs_two_queries(client, token, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        assert client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 200


def test_the_scheme_is_in_the_openapi_document(client):
    spec = client.get("/api/v1/openapi.json").json()
    scheme = spec["components"]["securitySchemes"]["ApiTokenAuth"]
    assert (scheme["type"], scheme["scheme"], scheme["bearerFormat"]) == ("http", "bearer", "tah_…")
    assert spec["paths"]["/api/v1/me"]["get"]["security"] == [{"ApiTokenAuth": []}]
    assert "security" not in spec["paths"]["/api/v1/parties"]["get"]
