"""Fixtures shared by the planning tests."""

import pytest

from tests.accounts import cast


@pytest.fixture
def admin():
    return cast.staff("admin@example.org")


@pytest.fixture
def staff_client(client, admin):
    return cast.sign_in(client, admin, second_factor=True)
