"""What the operator's log says when an e-mail cannot be sent (settings.LOGGING: console, LOG_LEVEL)."""

import logging
import smtplib

import pytest
from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend

from tahub.core import mail as queued


class RefusingBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise smtplib.SMTPRecipientsRefused({"focal@ministry.example": (550, b"no such user")})


class UnreachableBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        raise ConnectionRefusedError(111, "Connection refused")


def _message():
    return queued.serialize(EmailMessage("Your request moved", "Details inside.", None, ["focal@ministry.example"]))


def test_the_root_logger_writes_to_the_console_at_the_configured_level(settings):
    assert settings.LOGGING["root"] == {"handlers": ["console"], "level": "WARNING"}
    assert settings.LOGGING["handlers"]["console"]["class"] == "logging.StreamHandler"


@pytest.mark.django_db
def test_an_email_refused_for_good_is_logged_as_an_error(settings, caplog):
    settings.EMAIL_DELIVERY_BACKEND = f"{__name__}.RefusingBackend"
    with caplog.at_level(logging.WARNING, logger="tahub.core.mail"), pytest.raises(smtplib.SMTPRecipientsRefused):
        queued.task_deliver_email.call(message=_message())
    (record,) = [r for r in caplog.records if r.name == "tahub.core.mail"]
    assert record.levelno == logging.ERROR
    assert "focal@ministry.example" in record.getMessage()
    assert "failed for good (attempt 1)" in record.getMessage()


@pytest.mark.django_db
def test_an_email_that_will_be_tried_again_is_logged_as_a_warning(settings, caplog):
    settings.EMAIL_DELIVERY_BACKEND = f"{__name__}.UnreachableBackend"
    settings.EMAIL_MAX_ATTEMPTS = 2
    with caplog.at_level(logging.WARNING, logger="tahub.core.mail"), pytest.raises(queued.EmailDeferred):
        queued.task_deliver_email.call(message=_message())
    (record,) = [r for r in caplog.records if r.name == "tahub.core.mail"]
    assert record.levelno == logging.WARNING
    assert "deferred (attempt 1)" in record.getMessage()

    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="tahub.core.mail"), pytest.raises(ConnectionRefusedError):
        queued.task_deliver_email.call(message=_message(), attempt=2)  # the last attempt
    (record,) = [r for r in caplog.records if r.name == "tahub.core.mail"]
    assert record.levelno == logging.ERROR
