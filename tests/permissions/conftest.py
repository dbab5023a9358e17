import pytest


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    """The cast's passwords are hashed quickly; password hashing is Django's, tested there."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
