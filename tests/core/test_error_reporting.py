"""The optional error reporter (sentry-sdk): off unless SENTRY_DSN is set, and never with personal data."""

import sys

import pytest
import sentry_sdk
from django.core.exceptions import ImproperlyConfigured

from tahub import error_reporting
from tests.core.test_settings import manage

DSN = "https://public@sentry.example.invalid/1"  # never reached: nothing is reported in these tests


@pytest.fixture
def init_calls(monkeypatch):
    calls = []
    monkeypatch.setattr(sentry_sdk, "init", lambda **options: calls.append(options))
    return calls


def test_without_a_dsn_nothing_is_started(init_calls):
    assert error_reporting.init_error_reporting("", environment="production") is False
    assert init_calls == []


def test_with_a_dsn_the_client_starts_without_personal_data(init_calls):
    assert error_reporting.init_error_reporting(DSN, environment="production", release="abc123") is True
    (options,) = init_calls
    assert options["dsn"] == DSN
    assert options["send_default_pii"] is False
    assert options["traces_sample_rate"] == 0.0
    assert (options["environment"], options["release"]) == ("production", "abc123")


def test_a_dsn_without_sentry_sdk_installed_fails_clearly(monkeypatch):
    monkeypatch.setitem(sys.modules, "sentry_sdk", None)  # import sentry_sdk now raises ImportError
    with pytest.raises(ImproperlyConfigured, match=r'sentry-sdk is not installed: pip install "\.\[sentry\]"'):
        error_reporting.init_error_reporting(DSN, environment="production")


ACTIVE = (
    "import sentry_sdk; from django.conf import settings; print(settings.ERROR_REPORTING, sentry_sdk.is_initialized())"
)


def test_the_settings_start_the_reporter_only_when_sentry_dsn_is_set(tmp_path):
    off = manage("shell", "--no-imports", "-c", ACTIVE, tmp_path=tmp_path)
    assert off.returncode == 0, off.stderr
    assert off.stdout.split() == ["False", "False"]
    on = manage("shell", "--no-imports", "-c", ACTIVE, tmp_path=tmp_path, SENTRY_DSN=DSN)
    assert on.returncode == 0, on.stderr
    assert on.stdout.split() == ["True", "True"]
