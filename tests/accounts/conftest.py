import pytest

from . import cast


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    """The cast's passwords are hashed quickly; password hashing is Django's, tested there."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def admin_user(db):
    return cast.staff("admin@example.org")


@pytest.fixture
def official_a(db):
    return cast.contact_point("contact.a@example.org", cast.PARTY_A)
