from io import StringIO

import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the reference data once into the test database; each test then runs in a rolled-back transaction."""
    with django_db_blocker.unblock():
        call_command("load_reference_data", stdout=StringIO())
