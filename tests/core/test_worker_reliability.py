"""No e-mail lost when the worker dies or the mail server fails (issue 18.3).

The end-to-end tests run real workers (manage.py db_worker, tests/worker.py) against a small SMTP server in this
process: one worker is killed (SIGKILL) while the server stalls on its message, and another delivers it; a
refused connection is retried after its delay. The others check the retry rules, the lease and the staff page of
failed e-mails in this process, running the queued tasks with django-tasks-db's own Worker.run_task.
"""

import datetime
import smtplib
import socket
import threading
import time

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from tahub.core import mail as queued
from tahub.core.worker import LEASE_EXPIRED, reclaim_stale_tasks
from tests.accounts import cast
from tests.worker import run_batch, start_worker

SMTP = "django.core.mail.backends.smtp.EmailBackend"
QUEUE = "tahub.core.mail.QueuedEmailBackend"


class SmtpStub:
    """Just enough of an SMTP server: records each message, or (stall) never answers the end of its data."""

    def __init__(self, port=0, *, stall=False):
        self.stall = stall
        self.messages = []
        self.stalled = threading.Event()
        self.release = threading.Event()
        self.server = socket.socket()
        self.server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.server.bind(("127.0.0.1", port))
        self.server.listen()
        self.port = self.server.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def close(self):
        self.release.set()
        self.server.close()

    def _accept(self):
        while True:
            try:
                conn, _address = self.server.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(conn,), daemon=True).start()

    def _serve(self, conn):
        with conn, conn.makefile("rb") as lines:

            def say(text):
                conn.sendall(text.encode() + b"\r\n")

            say("220 stub ESMTP")
            for line in lines:
                verb = line[:4].upper()
                if verb in (b"EHLO", b"HELO"):
                    say("250 stub")
                elif verb == b"DATA":
                    say("354 end with <CR><LF>.<CR><LF>")
                    data = b"".join(iter(lines.readline, b".\r\n"))
                    if self.stall:
                        self.stalled.set()
                        self.release.wait(120)
                        return
                    self.messages.append(data.decode())
                    say("250 queued")
                elif verb == b"QUIT":
                    say("221 bye")
                    return
                else:  # MAIL, RCPT, RSET, NOOP
                    say("250 ok")


def _queue_one(subject="Your request GEN1-00042 moved"):
    with override_settings(EMAIL_BACKEND=QUEUE):
        assert mail.send_mail(subject, "Details inside.", None, ["focal@ministry.example"]) == 1


def _smtp_env(port, **extra):
    return {"EMAIL_BACKEND": SMTP, "EMAIL_HOST": "127.0.0.1", "EMAIL_PORT": str(port), **extra}


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.django_db(transaction=True)
def test_a_worker_killed_mid_send_leaves_the_email_to_another_worker():
    _queue_one()
    stub = SmtpStub(stall=True)
    lease = 4  # the second worker's: the first, stalled on purpose, must not reclaim its own task meanwhile
    first = start_worker(**_smtp_env(stub.port, EMAIL_TIMEOUT="60", TASK_LEASE_SECONDS="600"))
    try:
        assert stub.stalled.wait(180), "the worker never reached the mail server"
        (task,) = DBTaskResult.objects.all()
        assert task.status == "RUNNING"
    finally:
        first.kill()  # SIGKILL: no clean-up of any kind
        first.communicate(timeout=30)
    stub.stall = False
    time.sleep(max(0.0, (task.started_at + datetime.timedelta(seconds=lease + 0.5) - timezone.now()).total_seconds()))

    output = run_batch(**_smtp_env(stub.port, EMAIL_TIMEOUT="10", TASK_LEASE_SECONDS=str(lease)))

    task.refresh_from_db()
    assert "Stale tasks: 1 back in the queue, 0 failed." in output
    assert task.status == "SUCCESSFUL"
    assert len(task.worker_ids) == 2  # claimed by the killed worker, then by the second
    (message,) = stub.messages
    assert "Subject: Your request GEN1-00042 moved" in message
    assert "To: focal@ministry.example" in message
    stub.close()


@pytest.mark.django_db(transaction=True)
def test_a_refused_connection_is_retried_after_its_delay():
    _queue_one()
    port = _free_port()  # nothing listens there yet: the connection is refused

    run_batch(**_smtp_env(port, EMAIL_RETRY_DELAY="1"))

    first, second = DBTaskResult.objects.order_by("enqueued_at")
    assert (first.status, first.exception_class_path) == ("FAILED", "tahub.core.mail.EmailDeferred")
    assert "ConnectionRefusedError" in first.traceback
    assert second.status == "READY" and second.args_kwargs["kwargs"]["attempt"] == 2
    assert list(queued.failed_emails()) == []  # not a failure yet: another attempt is queued
    stub = SmtpStub(port)
    time.sleep(max(0.0, (second.run_after - timezone.now()).total_seconds()))

    run_batch(**_smtp_env(port, EMAIL_RETRY_DELAY="1"))

    second.refresh_from_db()
    assert second.status == "SUCCESSFUL"
    assert len(stub.messages) == 1
    stub.close()


def test_the_smtp_connection_has_a_timeout(settings):
    from django.core.mail import get_connection

    assert settings.EMAIL_TIMEOUT == 30
    assert get_connection(SMTP).timeout == 30


@pytest.mark.parametrize(
    ("error", "transient"),
    [
        (ConnectionRefusedError(111, "Connection refused"), True),
        (TimeoutError("timed out"), True),
        (socket.gaierror(-3, "Temporary failure in name resolution"), True),
        (smtplib.SMTPServerDisconnected("Connection unexpectedly closed"), True),
        (smtplib.SMTPConnectError(421, b"too busy"), True),
        (smtplib.SMTPDataError(451, b"try again later"), True),
        (smtplib.SMTPRecipientsRefused({"a@example.org": (450, b"mailbox busy")}), True),
        (smtplib.SMTPRecipientsRefused({"a@example.org": (550, b"no such user")}), False),
        (smtplib.SMTPAuthenticationError(535, b"bad credentials"), False),
        (smtplib.SMTPDataError(554, b"rejected"), False),
        (smtplib.SMTPNotSupportedError("STARTTLS"), False),
        (ValueError("a bug"), False),
    ],
)
def test_which_failures_are_worth_another_attempt(error, transient):
    assert queued.is_transient(error) is transient


def test_the_delays_grow(settings):
    settings.EMAIL_RETRY_DELAY = 60
    assert [queued.retry_delay(n).total_seconds() for n in (1, 2, 3, 4)] == [60, 180, 540, 1620]


class RefusingBackend:
    """A delivery backend whose server refuses the recipient for good (550)."""

    def __init__(self, **kwargs):
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False

    def send_messages(self, messages):
        raise smtplib.SMTPRecipientsRefused({m.to[0]: (550, b"5.1.1 no such user") for m in messages})


class UnreachableBackend(RefusingBackend):
    def send_messages(self, messages):
        raise ConnectionRefusedError(111, "Connection refused")


def _run_ready():
    """Run the ready tasks as db_worker does (django-tasks-db's Worker.run_task), in this process."""
    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    while (result := DBTaskResult.objects.ready().first()) is not None:
        result.claim(worker.worker_id)
        worker.run_task(result)


@pytest.mark.django_db
def test_a_permanent_refusal_is_not_retried_and_is_listed_for_staff(settings, client):
    settings.EMAIL_DELIVERY_BACKEND = f"{__name__}.RefusingBackend"
    _queue_one()

    _run_ready()

    (task,) = DBTaskResult.objects.all()
    assert task.status == "FAILED"
    assert task.exception_class_path == "smtplib.SMTPRecipientsRefused"
    admin = cast.staff("admin@example.org")
    cast.sign_in(client, admin, second_factor=True)
    page = client.get("/staff/failed-emails/").content.decode()
    assert "focal@ministry.example" in page
    assert "Your request GEN1-00042 moved" in page
    assert "no such user" in page


@pytest.mark.django_db
def test_the_last_attempt_fails_for_good(settings):
    settings.EMAIL_DELIVERY_BACKEND = f"{__name__}.UnreachableBackend"
    settings.EMAIL_MAX_ATTEMPTS = 3
    settings.EMAIL_RETRY_DELAY = 0
    _queue_one()

    _run_ready()

    attempts = list(DBTaskResult.objects.order_by("enqueued_at"))
    assert [(t.args_kwargs["kwargs"].get("attempt", 1), t.exception_class_path) for t in attempts] == [
        (1, "tahub.core.mail.EmailDeferred"),
        (2, "tahub.core.mail.EmailDeferred"),
        (3, "builtins.ConnectionRefusedError"),
    ]
    assert [r.pk for r in queued.failed_emails()] == [attempts[-1].pk]


@pytest.mark.django_db
def test_staff_send_a_failed_email_again_once(settings, client):
    settings.EMAIL_DELIVERY_BACKEND = f"{__name__}.RefusingBackend"
    _queue_one()
    _run_ready()
    (failed,) = queued.failed_emails()
    admin = cast.staff("admin@example.org")
    cast.sign_in(client, admin, second_factor=True)
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    url = f"/staff/failed-emails/{failed.pk}/send-again/"

    response = client.post(url)
    again = client.post(url)  # a double click queues nothing more

    assert response.status_code == 302 and response.url == "/staff/failed-emails/"
    assert again.status_code == 302
    failed.refresh_from_db()
    assert failed.return_value["by"] == admin.email
    assert list(queued.failed_emails()) == []
    assert DBTaskResult.objects.ready().count() == 1
    _run_ready()
    (sent,) = mail.outbox
    assert (sent.subject, sent.to) == ("Your request GEN1-00042 moved", ["focal@ministry.example"])


@pytest.mark.django_db
def test_regional_staff_may_not_resend(client):
    regional = cast.staff("rfp@example.org", role=cast.StaffRole.Role.REGIONAL_FOCAL_POINT, region="AFR")
    cast.sign_in(client, regional, second_factor=True)
    assert client.get("/staff/failed-emails/").status_code == 403


@pytest.mark.django_db
def test_a_stale_running_task_is_reclaimed_and_one_that_keeps_killing_workers_fails(settings):
    settings.TASK_LEASE_SECONDS = 60
    _queue_one()
    _queue_one("Another")
    stale, fresh = DBTaskResult.objects.order_by("enqueued_at")
    for result in (stale, fresh):
        result.claim("dead-worker")
    DBTaskResult.objects.filter(pk=stale.pk).update(started_at=timezone.now() - datetime.timedelta(seconds=61))

    assert reclaim_stale_tasks() == (1, 0)
    stale.refresh_from_db()
    fresh.refresh_from_db()
    assert (stale.status, fresh.status) == ("READY", "RUNNING")

    stale.claim("second")
    stale.claim("third")
    DBTaskResult.objects.filter(pk=stale.pk).update(started_at=timezone.now() - datetime.timedelta(seconds=61))
    assert reclaim_stale_tasks() == (0, 1)
    stale.refresh_from_db()
    assert (stale.status, stale.exception_class_path) == ("FAILED", LEASE_EXPIRED)
    assert [r.pk for r in queued.failed_emails()] == [stale.pk]
