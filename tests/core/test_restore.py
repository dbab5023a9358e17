"""A backup restores (issue 18.12): the steps of docs/operations.md, "Backup and restore", run for real.

The test database (SQLite by default; PostgreSQL when DATABASE_URL points at it) gets a TA request with an
uploaded document; it is backed up with the documented commands (sqlite3 .backup and VACUUM INTO, or pg_dump)
along with the media folder, restored elsewhere: the copy holds every row of every table and every applied
migration, and a fresh `manage.py` on it reads the document's bytes. `make backup-test` runs it on SQLite and, when
DATABASE_URL names a PostgreSQL database, on PostgreSQL too.
"""

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection

from tahub.assistance import services
from tests.accounts import cast
from tests.assistance.conftest import complete_data
from tests.worker import database_url

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(settings.BASE_DIR)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
CHECK = (
    "import hashlib; from tahub.assistance.models import Attachment; "
    "print(hashlib.sha256(Attachment.objects.get().file.open('rb').read()).hexdigest())"
)


def run(*command, **env):
    result = subprocess.run(  # noqa: S603 (fixed commands of the documented procedure)
        command, cwd=ROOT, env={**os.environ, **env}, capture_output=True, text=True, timeout=300, check=False
    )
    assert result.returncode == 0, f"{command}: {result.stderr}"
    return result.stdout


def manage(*args, var_dir, db_url):
    return run(sys.executable, "manage.py", *args, TAHUB_VAR_DIR=str(var_dir), DATABASE_URL=db_url)


def row_counts(cursor, tables, quote):
    counts = {}
    for table in tables:
        cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # noqa: S608 (table names from introspection)
        counts[table] = cursor.fetchone()[0]
    return counts


@pytest.fixture
def var(settings, tmp_path, reference_data):
    """The live var/ folder: the media of the test database, holding one uploaded document."""
    settings.MEDIA_ROOT = tmp_path / "var" / "media"
    contact = cast.contact_point("contact.a@example.org", cast.PARTY_A)
    request = services.create_request(party=cast.party(cast.PARTY_A), by=contact, data=complete_data())
    services.add_attachment(request, by=contact, upload=SimpleUploadedFile("terms.pdf", PDF))
    return tmp_path / "var"


def backup_media(var, backup):
    run("tar", "-C", str(var), "-czf", str(backup / "media.tar.gz"), "media")


def restore_media(backup, restored):
    restored.mkdir(parents=True, exist_ok=True)
    run("tar", "-C", str(restored), "-xzf", str(backup / "media.tar.gz"))


def applied_migrations(cursor):
    cursor.execute("SELECT app, name FROM django_migrations")
    return set(cursor.fetchall())


def assert_restored(var_dir, db_url, expected, restored):
    """Every row of every table and every applied migration are back, and the app reads the document."""
    assert restored == expected
    digest = manage("shell", "--no-imports", "-c", CHECK, var_dir=var_dir, db_url=db_url).strip()
    assert digest == hashlib.sha256(PDF).hexdigest()


def snapshot(cursor, tables):
    return row_counts(cursor, tables, connection.ops.quote_name), applied_migrations(cursor)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite round trip runs on the SQLite test database")
@pytest.mark.parametrize("method", ["backup", "vacuum"])
def test_sqlite_backup_restores_every_row_and_the_uploads(var, tmp_path, method):
    live = connection.settings_dict["NAME"]
    tables = connection.introspection.table_names()
    with connection.cursor() as cursor:
        expected = snapshot(cursor, tables)
    assert expected[0]["assistance_attachment"] == 1 and expected[0]["parties_party"] > 100
    backup = tmp_path / "backup"
    backup.mkdir()
    copy = backup / "tahub.sqlite3"

    # Back up (docs/operations.md): a consistent copy while the site runs, then the media folder.
    if method == "backup":
        run("sqlite3", live, f".backup '{copy}'")
    else:
        run("sqlite3", live, f"VACUUM INTO '{copy}'")
    backup_media(var, backup)

    # Restore into another var/ folder: the database file, then the media folder.
    restored = tmp_path / "restored"
    restore_media(backup, restored)
    shutil.copy(copy, restored / "tahub.sqlite3")

    with sqlite3.connect(restored / "tahub.sqlite3") as db:
        got = snapshot(db.cursor(), tables)
    assert_restored(restored, f"sqlite:///{restored / 'tahub.sqlite3'}", expected, got)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="DATABASE_URL does not point at PostgreSQL")
def test_postgresql_dump_restores_every_row_and_the_uploads(var, tmp_path):
    import psycopg

    db = connection.settings_dict
    pg = {"PGHOST": db["HOST"] or "localhost", "PGPORT": str(db["PORT"] or 5432), "PGUSER": db["USER"]}
    if db["PASSWORD"]:
        pg["PGPASSWORD"] = db["PASSWORD"]
    tables = connection.introspection.table_names()
    with connection.cursor() as cursor:
        expected = snapshot(cursor, tables)
    assert expected[0]["assistance_attachment"] == 1 and expected[0]["parties_party"] > 100
    backup = tmp_path / "backup"
    backup.mkdir()
    dump = backup / "tahub.dump"
    target = f"{db['NAME']}_restored"

    run("pg_dump", "--format=custom", f"--file={dump}", db["NAME"], **pg)
    backup_media(var, backup)

    restored = tmp_path / "restored"
    restore_media(backup, restored)
    run("dropdb", "--if-exists", target, **pg)
    run("createdb", "--encoding=UTF8", "--template=template0", target, **pg)
    try:
        run("pg_restore", "--no-owner", "--exit-on-error", f"--dbname={target}", str(dump), **pg)
        url = database_url().rsplit("/", 1)[0] + "/" + target
        with psycopg.connect(url) as restored_db, restored_db.cursor() as cursor:
            got = snapshot(cursor, tables)
        assert_restored(restored, url, expected, got)
    finally:
        run("dropdb", "--if-exists", target, **pg)
