from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command


def _reload_reference_data(sender, using="default", **kwargs):
    """After a flush: the reference data, and the rows data migrations wrote (observers' exempt categories)."""
    from importlib import import_module

    from django.apps import apps

    call_command("load_reference_data", stdout=StringIO())
    import_module("tahub.observers.migrations.0002_exempt_categories").add(apps, None)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the reference data into the test database; each test then runs in a rolled-back transaction.

    A transactional test ends by flushing the database, which sends post_migrate: the reference data is loaded
    again right then, so every test, in whatever order (pytest-xdist does not run transactional tests last),
    starts with it.
    """
    from django.apps import apps
    from django.db.models.signals import post_migrate

    with django_db_blocker.unblock():
        call_command("load_reference_data", stdout=StringIO())
    post_migrate.connect(
        _reload_reference_data, sender=apps.get_app_config("core"), dispatch_uid="tests.reference_data"
    )


@pytest.fixture
def reference_data(transactional_db):
    """A committing test, with the reference data (restored after every flush, see django_db_setup)."""


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
