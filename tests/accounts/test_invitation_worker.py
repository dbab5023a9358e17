"""The invitation e-mail goes through the real worker (manage.py db_worker), and only if the invitation commits.

These tests commit, so they use a flushed database (transactional_db) and reload the reference data; the
worker is a separate process reaching the same test database (a file for SQLite, or the PostgreSQL test
database), writing e-mails as files the test reads.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection, transaction
from django_tasks_db.models import DBTaskResult

from tahub.accounts import services
from tahub.accounts.models import Invitation
from tahub.parties.models import ContactPoint

from . import cast

pytestmark = pytest.mark.django_db(transaction=True)


class Rollback(Exception):
    pass


def _database_url():
    db = connection.settings_dict
    if db["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{db['NAME']}"
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{db['NAME']}"


def _run_worker(mail_dir):
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(mail_dir),
        "DJANGO_SETTINGS_MODULE": "tahub.settings",
    }
    command = [sys.executable, "manage.py", "db_worker", "--batch", "--no-reload", "--no-startup-delay"]
    result = subprocess.run(
        command, cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    return [path.read_text() for path in sorted(Path(mail_dir).glob("*.log"))]


def _invite(by):
    return services.invite_contact_point(
        email="new@ministry.example", party=cast.party(cast.PARTY_A), kind=ContactPoint.Kind.OFFICIAL, by=by
    )


def test_the_worker_emails_a_committed_invitation(reference_data, tmp_path):
    admin = cast.staff("admin@example.org")
    with transaction.atomic():
        invitation = _invite(admin)

    (mail,) = _run_worker(tmp_path)

    assert "To: new@ministry.example" in mail
    assert f"{settings.SITE_URL}/invitations/accept/" in mail
    assert DBTaskResult.objects.get().status == "SUCCESSFUL"
    assert Invitation.objects.get() == invitation


def test_a_rolled_back_invitation_leaves_no_task_and_no_email(reference_data, tmp_path):
    admin = cast.staff("admin@example.org")
    with pytest.raises(Rollback), transaction.atomic():
        _invite(admin)
        raise Rollback

    mails = _run_worker(tmp_path)

    assert (mails, Invitation.objects.count(), DBTaskResult.objects.count()) == ([], 0, 0)
