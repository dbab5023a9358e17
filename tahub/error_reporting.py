"""Optional error reporting to Sentry (or a server speaking its protocol): off unless SENTRY_DSN is set.

sentry-sdk is an optional dependency (`pip install ".[sentry]"`). Reports carry no personal data
(send_default_pii=False: no cookies, no user, no request body, no client address) and no performance traces.
"""

from django.core.exceptions import ImproperlyConfigured


def init_error_reporting(dsn: str, *, environment: str, release: str = "") -> bool:
    """Start the Sentry client when `dsn` is set; returns whether it started."""
    if not dsn:
        return False
    try:
        import sentry_sdk
    except ImportError as exc:
        raise ImproperlyConfigured(
            'SENTRY_DSN is set but sentry-sdk is not installed: pip install ".[sentry]"'
        ) from exc
    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        release=release or None,
        send_default_pii=False,
        traces_sample_rate=0.0,
    )
    return True
