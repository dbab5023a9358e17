import pytest

from . import cast


@pytest.fixture
def admin_user(db):
    return cast.staff("admin@example.org")


@pytest.fixture
def official_a(db):
    return cast.contact_point("contact.a@example.org", cast.PARTY_A)
