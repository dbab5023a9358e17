from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command


def pytest_configure(config):
    """Passwords are hashed quickly in tests: Django's PBKDF2 (1,000,000 iterations) costs ~0.5 s of CPU a
    password, paid for every person a test makes (tests/accounts/cast.py) and every sign-in with a password.
    Password hashing is Django's, tested there."""
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session")
def django_db_keepdb(request, django_db_modify_db_settings, django_db_blocker):
    """The test database is a copy of one built once (tests/testdb.py); Django keeps it, the session drops it.

    With --reuse-db, or TAHUB_TEST_DB_TEMPLATE=false, pytest-django's own behaviour instead.
    """
    from tests import testdb

    if request.config.getvalue("reuse_db") or not testdb.enabled():
        return request.config.getvalue("reuse_db")
    with django_db_blocker.unblock():
        copied = testdb.copy_template()
    if copied:
        request.config.tahub_db_copied = True
    return copied


@pytest.fixture(scope="session")
def django_db_setup(request, django_db_setup, django_db_blocker):
    """Load the reference data into the test database (unless it is a copy of the loaded template); each test then
    runs in a rolled-back transaction.

    A transactional test ends by flushing the database: the rows there after setup (reference data, content types,
    permissions, the observers' exempt categories a data migration wrote) are copied back right then, from snapshot
    tables, so every test, in whatever order (pytest-xdist does not run transactional tests last), starts with them.
    """
    from django.db import connection, connections
    from django.test import TransactionTestCase

    from tests import testdb

    copied = getattr(request.config, "tahub_db_copied", False)
    with django_db_blocker.unblock():
        if not copied:
            call_command("load_reference_data", stdout=StringIO())
        tables = testdb.take_snapshot(connection)

    def _fixture_teardown(self):
        for db_name in self._databases_names(include_mirrors=False):
            call_command(
                "flush",
                verbosity=0,
                interactive=False,
                database=db_name,
                reset_sequences=False,  # the restored rows keep their ids: new rows must not take them
                allow_cascade=False,
                inhibit_post_migrate=True,
            )
            testdb.restore_snapshot(connections[db_name], tables)

    original = TransactionTestCase._fixture_teardown
    TransactionTestCase._fixture_teardown = _fixture_teardown
    yield
    TransactionTestCase._fixture_teardown = original
    if copied:
        with django_db_blocker.unblock():
            testdb.drop()


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
