from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the reference data once into the test database; each test then runs in a rolled-back transaction."""
    with django_db_blocker.unblock():
        call_command("load_reference_data", stdout=StringIO())


@pytest.fixture
def reference_data(transactional_db):
    """Transactional tests run in a flushed database: load the reference data for each of them."""
    call_command("load_reference_data", stdout=StringIO())


@pytest.fixture(scope="session", autouse=True)
def _remove_sqlite_side_files():
    """SQLite's WAL leaves -wal/-shm beside this run's test database file (named by process); tidy them."""
    yield
    from django.conf import settings

    name = settings.DATABASES["default"].get("TEST", {}).get("NAME")
    if name and settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"):
        for suffix in ("-wal", "-shm"):
            Path(name + suffix).unlink(missing_ok=True)


@pytest.fixture(autouse=True)
def _default_language():
    """LocaleMiddleware activates a request's language for the thread and leaves it there; a test that calls a
    service after a French page would read French messages. Each test starts and ends in the default language."""
    from django.utils import translation

    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: the statistics and the calendar feed are cached, and allauth refuses a
    TOTP code it has seen for the same user id — which a database flushed between browser tests hands out again."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
