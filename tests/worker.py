"""Running the real background worker (manage.py db_worker) from a test, against the test database.

The worker is a separate process: it reaches the same database (a file for SQLite, the PostgreSQL test
database otherwise), so the tests that use it commit (transactional_db). E-mails are written as files.
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


def run_worker(mail_dir):
    """Run the worker until the queue is empty; return the e-mails it sent, oldest first."""
    env = {
        **os.environ,
        "DATABASE_URL": database_url(),
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(mail_dir),
        "DJANGO_SETTINGS_MODULE": "tahub.settings",
    }
    command = [sys.executable, "manage.py", "db_worker", "--batch", "--no-reload", "--no-startup-delay"]
    result = subprocess.run(
        command, cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    # The file backend may write several messages to one file (one per connection, named by the second):
    # each message ends with a line of 79 dashes.
    separator = "\n" + "-" * 79 + "\n"
    texts = (path.read_text() for path in sorted(Path(mail_dir).glob("*.log")))
    return [message for text in texts for message in text.split(separator) if message.strip()]
