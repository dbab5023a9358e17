"""Running the real background worker (manage.py db_worker) from a test, against the test database.

The worker is a separate process: it reaches the same database (a file for SQLite, the PostgreSQL test
database otherwise), so the tests that use it commit (transactional_db). E-mails are written as files, or sent
to a test SMTP server (tests/core/test_worker_reliability.py).
"""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.db import connection


def database_url():
    db = connection.settings_dict
    if db["ENGINE"] == "django.db.backends.sqlite3":
        return f"sqlite:///{db['NAME']}"
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST'] or 'localhost'}:{db['PORT'] or 5432}/{db['NAME']}"


def worker_environment(**extra):
    """The environment of a worker process on the test database (extra: settings as environment variables)."""
    return {**os.environ, "DATABASE_URL": database_url(), "DJANGO_SETTINGS_MODULE": "tahub.settings", **extra}


# Without the system checks (1.5 s of CPU a start, ~40 starts a run): tests/core/test_settings.py runs them.
WORKER = [sys.executable, "manage.py", "db_worker", "--no-reload", "--no-startup-delay", "--skip-checks"]


def start_worker(**extra):
    """Start a worker that keeps polling (every 0.2 s) until it is stopped; the caller stops it."""
    return subprocess.Popen(  # noqa: S603 (our own manage.py, fixed arguments)
        [*WORKER, "--interval", "0.2"],
        cwd=settings.BASE_DIR,
        env=worker_environment(**extra),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def run_batch(**extra):
    """Run a worker until no task is ready; its output if it ended well."""
    result = subprocess.run(  # noqa: S603 (our own manage.py, fixed arguments)
        [*WORKER, "--batch"],
        cwd=settings.BASE_DIR,
        env=worker_environment(**extra),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout + result.stderr


def run_worker(mail_dir):
    """Run the worker until the queue is empty; return the e-mails it sent, oldest first.

    Each e-mail is a task of its own (tahub/core/mail.py), queued by the task that decided to send it; the worker
    runs both before it stops."""
    run_batch(EMAIL_BACKEND="django.core.mail.backends.filebased.EmailBackend", EMAIL_FILE_PATH=str(mail_dir))
    # The file backend writes one file per connection (one per delivered e-mail); a file may hold several
    # messages, each ending with a line of 79 dashes.
    separator = "\n" + "-" * 79 + "\n"
    files = sorted(Path(mail_dir).glob("*.log"), key=lambda path: (path.stat().st_mtime_ns, path.name))
    texts = (path.read_text() for path in files)
    return [message for text in texts for message in text.split(separator) if message.strip()]
