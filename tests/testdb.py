"""The test database, built once and copied; the reference data restored after a flush by copying rows back.

Migrating an empty database takes about a minute of CPU (Django renders the model states of some eighty
migrations). So the test database is built once — migrated and loaded with the reference data — as a template
named by a fingerprint of everything that decides its content (migration files, reference data files and loaders,
installed packages' versions). Each test process (one per pytest-xdist worker) copies it: an SQLite file copy under
var/, or PostgreSQL's `CREATE DATABASE ... TEMPLATE`. A change to a migration or to the reference data changes the
fingerprint and builds a new template; TAHUB_TEST_DB_TEMPLATE=false builds the test database the usual way.

A transactional test ends with a flush (every table emptied). Instead of emitting post_migrate and loading the
reference data again (content types, permissions, 3,000 reference rows through the loaders: seconds each time),
the rows present after setup are kept in snapshot tables and copied back with one INSERT ... SELECT per table.
"""

import fcntl
import hashlib
import os
import subprocess
import sys
from contextlib import contextmanager
from importlib import import_module
from importlib.metadata import distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT_SCHEMA = "tests_snapshot"  # PostgreSQL: a schema; SQLite: a table-name prefix


def enabled():
    from tahub.env import env_bool

    return env_bool("TAHUB_TEST_DB_TEMPLATE", True)


def fingerprint():
    """A digest of what the migrated, loaded database depends on."""
    from django.apps import apps
    from django.conf import settings
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader

    files = []
    for app in apps.get_app_configs():
        module_name, _ = MigrationLoader.migrations_module(app.label)
        try:
            module = import_module(module_name) if module_name else None
        except ImportError:
            module = None
        if module is not None and hasattr(module, "__path__"):
            files += sorted(Path(p) for path in module.__path__ for p in Path(path).glob("*.py"))
    files += sorted(p for p in Path(settings.REFERENCE_DATA_DIR).rglob("*") if p.is_file())
    for path in settings.REFERENCE_DATA_LOADERS:
        files.append(Path(import_module(path.rsplit(".", 1)[0]).__file__))
    files += [ROOT / "tahub" / "core" / "reference.py", Path(__file__)]
    digest = hashlib.sha256(connection.vendor.encode())
    for dist in sorted(distributions(), key=lambda d: d.metadata["Name"] or ""):
        digest.update(f"{dist.metadata['Name']}=={dist.version}\n".encode())
    for file in files:
        digest.update(str(file.relative_to(file.anchor)).encode())
        digest.update(file.read_bytes())
    return digest.hexdigest()[:16]


@contextmanager
def _locked(path):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


BUILD = """
import django
django.setup()
from io import StringIO
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0)
call_command("load_reference_data", stdout=StringIO())
"""


def _build(database_url):
    """Migrate and load the reference data into database_url, in a process of its own (its own settings)."""
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": "tahub.settings"}
    env.pop("TAHUB_PRODUCTION", None)
    subprocess.run([sys.executable, "-c", BUILD], check=True, cwd=ROOT, env=env)


def copy_template():
    """Make this process's test database a copy of the template, building the template first if need be.

    Returns True when the test database is a copy (then it is kept by Django's keepdb and removed by drop()).
    """
    from django.conf import settings
    from django.db import connection

    db = settings.DATABASES["default"]
    key = fingerprint()
    var = Path(settings.VAR_DIR)
    with _locked(var / "test_template.lock"):
        if connection.vendor == "sqlite":
            template = var / f"test_template_{key}.sqlite3"
            if not template.exists():
                for old in var.glob("test_template_*.sqlite3*"):
                    old.unlink()
                partial = template.with_suffix(".partial")
                partial.unlink(missing_ok=True)
                _build(f"sqlite:///{partial}")
                partial.rename(template)
            import sqlite3

            target = db["TEST"]["NAME"]
            Path(target).unlink(missing_ok=True)
            with sqlite3.connect(template) as source, sqlite3.connect(target) as copy:
                source.backup(copy)
            return True
        if connection.vendor == "postgresql":
            # Named by worktree too: two checkouts on one server build their own (each has its own lock).
            prefix = f"test_tmpl_{hashlib.sha256(str(ROOT).encode()).hexdigest()[:8]}_"
            template = f"{prefix}{key}"
            target = connection.creation._get_test_db_name()
            with _postgres() as cursor:
                cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [template])
                if cursor.fetchone() is None:
                    cursor.execute("SELECT datname FROM pg_database WHERE datname LIKE %s", [prefix + "%"])
                    for (old,) in cursor.fetchall():
                        cursor.execute(f'DROP DATABASE IF EXISTS "{old}"')
                    partial = f"{template}_partial"
                    cursor.execute(f'DROP DATABASE IF EXISTS "{partial}"')
                    cursor.execute(f'CREATE DATABASE "{partial}"')
                    _build(_url(partial))
                    cursor.execute(f'ALTER DATABASE "{partial}" RENAME TO "{template}"')
                cursor.execute(f'DROP DATABASE IF EXISTS "{target}"')
                cursor.execute(f'CREATE DATABASE "{target}" TEMPLATE "{template}"')
            return True
    return False


def _url(name):
    from django.conf import settings

    db = settings.DATABASES["default"]
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{name}"


@contextmanager
def _postgres():
    """A cursor on the server's postgres database, outside any transaction (CREATE/DROP DATABASE)."""
    import psycopg

    with psycopg.connect(_url("postgres"), autocommit=True) as conn, conn.cursor() as cursor:
        yield cursor


def drop():
    """Remove this process's copy of the test database (Django's keepdb leaves it)."""
    from django.conf import settings
    from django.db import connection, connections

    connections.close_all()
    name = settings.DATABASES["default"]["NAME"]
    if connection.vendor == "sqlite":
        for suffix in ("", "-wal", "-shm"):
            Path(name + suffix).unlink(missing_ok=True)
    elif connection.vendor == "postgresql":
        with _postgres() as cursor:
            # FORCE: a connection a live-server thread or a worker left open must not keep the copy (seen in CI:
            # "database ... is being accessed by other users" at the end of a run).
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _snapshot_table(connection, table):
    qn = connection.ops.quote_name
    if connection.vendor == "postgresql":
        return f"{qn(SNAPSHOT_SCHEMA)}.{qn(table)}"
    return qn(f"{SNAPSHOT_SCHEMA}__{table}")


def take_snapshot(connection):
    """Copy every non-empty table (the reference data, content types, permissions...) into a snapshot table."""
    qn = connection.ops.quote_name
    tables = []
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"DROP SCHEMA IF EXISTS {qn(SNAPSHOT_SCHEMA)} CASCADE")
            cursor.execute(f"CREATE SCHEMA {qn(SNAPSHOT_SCHEMA)}")
        for table in sorted(connection.introspection.django_table_names(only_existing=True, include_views=False)):
            cursor.execute(f"SELECT 1 FROM {qn(table)} LIMIT 1")
            if cursor.fetchone() is None:
                continue
            cursor.execute(f"DROP TABLE IF EXISTS {_snapshot_table(connection, table)}")
            cursor.execute(f"CREATE TABLE {_snapshot_table(connection, table)} AS SELECT * FROM {qn(table)}")
            tables.append(table)
    return tables


def restore_snapshot(connection, tables):
    """Put the snapshot rows back into the emptied tables, in one transaction (foreign keys are deferred)."""
    from django.db import transaction

    qn = connection.ops.quote_name
    with transaction.atomic(using=connection.alias), connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"INSERT INTO {qn(table)} SELECT * FROM {_snapshot_table(connection, table)}")
