"""E-mail goes out through the task queue, one message per task: bounded in time, retried, and never lost silently.

`QueuedEmailBackend` is Django's EMAIL_BACKEND: every message sent anywhere (the apps' notifications, allauth's
password resets) becomes one `task_deliver_email` task, in the caller's transaction. The worker delivers it with
the configured backend (settings.EMAIL_DELIVERY_BACKEND: SMTP in production, the console in development), whose
SMTP connection gives up after EMAIL_TIMEOUT seconds. A transient failure (no connection, a timeout, a dropped
connection, a 4xx answer) schedules the next attempt after a growing delay (EMAIL_RETRY_DELAY × 3^(attempt-1),
at most EMAIL_MAX_ATTEMPTS attempts); a permanent one (a 5xx answer, a refused address) or the last attempt
fails the task, which the staff page of failed e-mails lists with a button to send it again
(tahub/core/mail_views.py). A worker that dies mid-send leaves its task RUNNING: any worker puts it back in the
queue once its lease has run out (tahub/core/worker.py), so delivery is at least once.

`send_localized` is how every app writes a message to people: each recipient reads it in their own language
(core/i18n.py), whatever page or task caused it — the one place that switches the language for e-mails.
"""

import base64
import datetime
import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_tasks import task

from . import i18n

logger = logging.getLogger(__name__)

DELIVER_TASK = "tahub.core.mail.task_deliver_email"


class EmailDeferred(Exception):
    """This attempt failed for a reason that may pass; the next attempt is queued (its task id is in the message)."""


def serialize(message):
    """A message as JSON-safe data for the task queue (attachments base64-encoded)."""
    attachments = []
    for attachment in message.attachments:
        filename, content, mimetype = attachment if isinstance(attachment, tuple) else (None, None, None)
        if content is None:
            raise ValueError("Only (filename, content, mimetype) attachments can be queued")
        raw = content.encode() if isinstance(content, str) else content
        attachments.append([filename, base64.b64encode(raw).decode("ascii"), mimetype])
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email or settings.DEFAULT_FROM_EMAIL,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": {str(k): str(v) for k, v in message.extra_headers.items()},
        "alternatives": [[str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])],
        "content_subtype": message.content_subtype,
        "attachments": attachments,
    }


def deserialize(data):
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data["cc"],
        bcc=data["bcc"],
        reply_to=data["reply_to"],
        headers=data["headers"],
        alternatives=[tuple(pair) for pair in data["alternatives"]],
    )
    message.content_subtype = data.get("content_subtype", "plain")
    for filename, content, mimetype in data.get("attachments", []):
        message.attach(filename, base64.b64decode(content), mimetype)
    return message


def recipient_languages(recipients):
    """[(language, [addresses])] in the order first met: each recipient — a user (their preferred language), an
    address (the preferred language of the account with that address, if any) or an (address, fallback
    language) pair, e.g. the language a participant registered in — with settings.LANGUAGE_CODE for the rest.
    One query at most, for the addresses; an address given twice is written to once."""
    resolved, addresses = [], []
    for recipient in recipients:
        if isinstance(recipient, str | tuple):
            address, fallback = (recipient, "") if isinstance(recipient, str) else recipient
            resolved.append((address, None, fallback))
            addresses.append(address)
        elif recipient is not None and recipient.email:
            resolved.append((recipient.email, i18n.language_of(recipient), ""))
    accounts = i18n.account_languages(addresses)
    groups, seen = {}, set()
    for address, language, fallback in resolved:
        if not address or address.lower() in seen:
            continue
        seen.add(address.lower())
        language = language or accounts.get(address.lower()) or i18n.offered(fallback) or settings.LANGUAGE_CODE
        groups.setdefault(language, []).append(address)
    return list(groups.items())


def send_localized(recipients, *, subject, template="", context=None, body=None, attachments=None, **options):
    """E-mail `recipients` (see `recipient_languages`), each in their own language; returns the messages sent.

    Recipients sharing a language share one message (as one `send_mail` to them all would); each message says
    its language in a Content-Language header. Under `translation.override(language)` it calls `subject()`
    (or takes str() of a lazy translation), renders `template` with `context` (or calls `body()`), and calls
    `attachments()`, which returns [(filename, content, mimetype)] — an export made for the recipient is in
    their language too. `options` go to EmailMessage (from_email, reply_to, cc, bcc).
    """
    messages = []
    for language, addresses in recipient_languages(recipients):
        with translation.override(language):
            text = body() if body is not None else render_to_string(template, context or {})
            message = EmailMessage(
                str(subject() if callable(subject) else subject),
                text,
                to=addresses,
                headers={"Content-Language": language},
                **options,
            )
            for filename, content, mimetype in attachments() if attachments is not None else []:
                message.attach(filename, content, mimetype)
        messages.append(message)
    return get_connection().send_messages(messages) if messages else 0


class QueuedEmailBackend(BaseEmailBackend):
    """Queues each message as its own delivery task (so a retry re-sends that message only)."""

    def send_messages(self, email_messages):
        for message in email_messages:
            if message.recipients():
                task_deliver_email.enqueue(message=serialize(message))
        return len([m for m in email_messages if m.recipients()])


def is_transient(error):
    """Whether a later attempt may succeed: network trouble, timeouts and 4xx answers; not 5xx or bad addresses."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(400 <= code < 500 for code, _message in error.recipients.values())
    if isinstance(error, smtplib.SMTPServerDisconnected):
        return True
    if isinstance(error, smtplib.SMTPResponseException):
        return 400 <= error.smtp_code < 500 or error.smtp_code < 0  # -1: no answer at all (SMTPConnectError)
    if isinstance(error, smtplib.SMTPException):
        return False  # e.g. SMTPNotSupportedError: configuration, not luck
    return isinstance(error, OSError)  # refused connection, timeout, unreachable host, DNS failure


def retry_delay(attempt):
    """The wait before attempt `attempt + 1`: EMAIL_RETRY_DELAY, then 3 times longer each time."""
    return datetime.timedelta(seconds=settings.EMAIL_RETRY_DELAY * 3 ** (attempt - 1))


def deliver(data):
    """Send one queued message now with the delivery backend; errors propagate."""
    with get_connection(settings.EMAIL_DELIVERY_BACKEND, fail_silently=False) as connection:
        return connection.send_messages([deserialize(data)])


@task()
def task_deliver_email(*, message, attempt=1):
    """Deliver one message; on a transient failure queue the next attempt (with a growing delay) and fail this
    one with EmailDeferred; on a permanent failure, or the last attempt, fail with the error itself."""
    try:
        return deliver(message)
    except Exception as error:
        if attempt >= settings.EMAIL_MAX_ATTEMPTS or not is_transient(error):
            # For good: the staff page of failed e-mails lists it; the operator's log says so too.
            logger.error("E-mail to %s failed for good (attempt %d): %r", message["to"], attempt, error)
            raise
        run_after = timezone.now() + retry_delay(attempt)
        later = task_deliver_email.using(run_after=run_after).enqueue(message=message, attempt=attempt + 1)
        logger.warning("E-mail to %s deferred (attempt %d): %r", message["to"], attempt, error)
        raise EmailDeferred(
            f"attempt {attempt} failed ({error!r}); attempt {attempt + 1} queued as {later.id}"
        ) from error


def send_again(data):
    """Queue a failed message once more, from its first attempt (the staff page's "send again")."""
    return task_deliver_email.enqueue(message=data)


def failed_emails():
    """Messages that failed for good (not the attempts followed by another), newest first, not yet sent again."""
    from django_tasks_db.models import DBTaskResult

    return (
        DBTaskResult.objects.failed()
        .filter(task_path=DELIVER_TASK, return_value__isnull=True)
        .exclude(exception_class_path=f"{__name__}.EmailDeferred")
        .order_by("-finished_at")
    )


def describe_failure(result):
    """What the failed-e-mails page shows of one failed delivery task."""
    kwargs = result.args_kwargs.get("kwargs", {})
    message = kwargs.get("message", {})
    lines = [line for line in result.traceback.strip().splitlines() if line.strip()]
    return {
        "id": result.id,
        "to": ", ".join(message.get("to", [])),
        "subject": message.get("subject", ""),
        "attempts": kwargs.get("attempt", 1),
        "failed_at": result.finished_at,
        "error": lines[-1] if lines else result.exception_class_path,
    }


def send_failed_again(result_id, *, by):
    """Queue a failed message again from its first attempt; the failed task records who did it and the new task,
    and leaves the list. Returns the new task, or None when the message was already sent again (or is unknown)."""
    from django.db import transaction

    with transaction.atomic():
        result = failed_emails().select_for_update().filter(pk=result_id).first()
        if result is None:
            return None
        again = send_again(result.args_kwargs["kwargs"]["message"])
        result.return_value = {"sent_again_as": str(again.id), "by": by.email, "at": timezone.now().isoformat()}
        result.save(update_fields=["return_value"])
    logger.warning("Failed e-mail %s sent again by %s as %s", result_id, by.email, again.id)
    return again
