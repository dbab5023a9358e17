"""A staff session that has not passed the second factor is anonymous everywhere (issue 18.2).

Pages send it to confirm the second factor; the API, the language switch and the probes are not redirected, but
there it reads only what the public reads: no unpublished needs results, no draft events or their calendar file.
"""

import datetime
import random

import pytest
from django.urls import reverse
from django.utils import timezone

from tahub.accounts.tokens import create_api_token
from tahub.events.models import EventState
from tests.events.conftest import make_event
from tests.needs import random_world as rw
from tests.needs import world

from . import cast

pytestmark = pytest.mark.django_db


@pytest.fixture
def unpublished_cycle():
    cycle = rw.make_cycle(
        world.questionnaire(),
        "needs-2026",
        timezone.localdate() + datetime.timedelta(days=90),
        [],
        published=False,
    )
    parties = [cast.party(iso3) for iso3 in ("KEN", "BRA", "DEU", "IND", "FRA")]
    cycle.invited.set(parties)
    rw.answer_randomly(random.Random(18), cycle, parties, draft_share=0)
    return cycle


@pytest.fixture
def draft_event():
    return make_event("draft-workshop", state=EventState.DRAFT)


def _private_urls(cycle, event):
    base = f"/api/v1/needs/cycles/{cycle.slug}"
    return [
        base + "/needs",
        base + "/gaps",
        f"/api/v1/events/{event.slug}",
        f"/api/v1/events/{event.slug}/event.ics",
    ]


def test_a_password_only_staff_session_reads_the_api_as_the_public(client, admin_user, unpublished_cycle, draft_event):
    cast.sign_in(client, admin_user, second_factor=False)

    for url in _private_urls(unpublished_cycle, draft_event):
        response = client.get(url)
        assert response.status_code == 404, url
    assert client.get("/api/v1/needs/trend").json() == []


def test_the_same_urls_answer_a_session_that_passed_the_second_factor(
    client, admin_user, unpublished_cycle, draft_event
):
    cast.sign_in(client, admin_user, second_factor=True)

    for url in _private_urls(unpublished_cycle, draft_event):
        assert client.get(url).status_code == 200, url
    trend = client.get("/api/v1/needs/trend").json()
    assert trend
    assert {c["cycle"] for t in trend for c in t["cycles"]} == {unpublished_cycle.slug}


def test_staff_without_an_authenticator_is_anonymous_on_the_api_too(client, unpublished_cycle, draft_event):
    newcomer = cast.staff("new.staff@example.org", totp=False)
    cast.sign_in(client, newcomer)

    for url in _private_urls(unpublished_cycle, draft_event):
        assert client.get(url).status_code == 404, url
    assert client.get("/api/v1/needs/trend").json() == []


def test_a_password_only_staff_session_is_sent_to_confirm_on_every_page(client, admin_user, draft_event):
    cast.sign_in(client, admin_user, second_factor=False)
    confirm = reverse("mfa_reauthenticate")

    for url in [
        f"/events/{draft_event.slug}/",
        f"/events/{draft_event.slug}/event.ics",
        "/proposals/contributions.csv",
        reverse("mfa_view_recovery_codes"),  # an account page that is not a sign-in step
        reverse("account_email"),
    ]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response.url.startswith(confirm + "?next="), url


def test_the_sign_in_steps_still_know_who_is_signing_in(client, admin_user):
    cast.sign_in(client, admin_user, second_factor=False)

    response = client.get(reverse("mfa_reauthenticate"))

    assert response.status_code == 200
    assert response.wsgi_request.user == admin_user


def test_an_api_token_still_authenticates_its_owner(client, admin_user):
    cast.sign_in(client, admin_user, second_factor=False)
    token = create_api_token(user=admin_user)

    response = client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})

    assert response.status_code == 200
    assert response.json()["email"] == admin_user.email
