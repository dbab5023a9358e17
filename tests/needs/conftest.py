"""The cast for needs tests: Party A (Kenya) contact point, Party B (Brazil) focal point, a provider, staff."""

import datetime

import pytest
from django.utils import timezone

from tahub.directory.models import Organisation
from tahub.needs import services
from tahub.parties.models import ContactPoint
from tests.accounts import cast

from . import world


@pytest.fixture
def party_a():
    return cast.party(cast.PARTY_A)


@pytest.fixture
def party_b():
    return cast.party(cast.PARTY_B)


@pytest.fixture
def contact_a():
    return cast.contact_point("contact.a@example.org", cast.PARTY_A)


@pytest.fixture
def focal_b():
    return cast.contact_point("focal.b@example.org", cast.PARTY_B, ContactPoint.Kind.FOCAL)


@pytest.fixture
def admin():
    return cast.staff("admin@example.org")


@pytest.fixture
def questionnaire():
    return world.questionnaire()


@pytest.fixture
def cycle(admin, questionnaire):
    return services.open_cycle(
        by=admin,
        slug=world.CYCLE,
        title="Needs assessment 2026",
        period="2026-2029",
        deadline=timezone.localdate() + datetime.timedelta(days=90),
        questionnaire=questionnaire,
        offers_questionnaire=world.offers_questionnaire(),
    )


@pytest.fixture
def germany():
    return cast.party("DEU")


@pytest.fixture
def unitar():
    return Organisation.objects.get(slug="unitar")


@pytest.fixture
def unitar_member(unitar):
    """A member of UNITAR (a listed organisation, so invited to offer by default)."""
    return cast.member("member@unitar.example.org", unitar)
