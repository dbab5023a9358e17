"""TA Hub settings: one module, driven by environment variables (see docs/operations.md).

Development (the default) runs on SQLite under var/ with e-mail printed to the console. Production is
switched on with TAHUB_PRODUCTION=true and then requires SECRET_KEY and ALLOWED_HOSTS, and turns on HSTS,
secure cookies and SSL redirects.
"""

import os
from importlib.util import find_spec
from pathlib import Path

import dj_database_url
from csp import constants as csp
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from tahub.env import env_bool, env_int, env_list, env_str
from tahub.error_reporting import init_error_reporting

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("TAHUB_VAR_DIR", str(BASE_DIR / "var")))

PRODUCTION = env_bool("TAHUB_PRODUCTION", False)
DEBUG = env_bool("DEBUG", not PRODUCTION)
SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY must be set in production")
    SECRET_KEY = "dev-only-insecure-key-never-used-in-production-0123456789abcdef"  # noqa: S105
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "testserver"])
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set in production")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Demo data (shared demo password) may be loaded only outside production.
DEMO_MODE = env_bool("TAHUB_DEMO", not PRODUCTION)
if PRODUCTION and DEMO_MODE:
    raise ImproperlyConfigured("TAHUB_DEMO cannot be true in production")

INSTALLED_APPS = [
    "modeltranslation",  # before the admin: its TranslationAdmin patches admin forms
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "axes",
    # Before django_tasks_db: its `db_worker` command is ours (it also reclaims the tasks of dead workers).
    "tahub.core",
    "django_tasks",
    "django_tasks_db",
    "ninja",
    "tahub.accounts",
    "tahub.vocabularies",
    "tahub.parties",
    "tahub.planning",
    "tahub.directory",
    "tahub.centres",
    "tahub.assistance",
    "tahub.observers",
    "tahub.needs",
    "tahub.funding",
    "tahub.reports",
    "tahub.events",
    "tahub.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "axes.middleware.AxesMiddleware",
    "tahub.accounts.middleware.StaffTwoFactorMiddleware",
    "tahub.accounts.middleware.AccountLanguageMiddleware",  # a signed-in person's own language, over the cookie
    "tahub.core.error_pages.ErrorPagesMiddleware",  # the site's 404/403/500 pages with DEBUG too; admin 403
]

ROOT_URLCONF = "tahub.urls"
WSGI_APPLICATION = "tahub.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "tahub" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "tahub.reports.navigation.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'tahub.sqlite3'}"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60 if PRODUCTION else 0),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    # WAL lets the worker and the web process use the file at the same time.
    DATABASES["default"]["OPTIONS"] = {"init_command": "PRAGMA journal_mode=WAL;", "transaction_mode": "IMMEDIATE"}
    # A file, not memory, so a worker started by a test (manage.py db_worker) can reach the test database.
    # Named by process, so two test runs at once do not share the file.
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / f"test_tahub_{os.getpid()}.sqlite3")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "tahub.accounts.backends.PasswordBackend",  # a password; Django's model permissions are not used
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "dashboard:home"

# Sign-in (django-allauth): e-mail is the login; accounts come from invitations, not open sign-up.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_ADAPTER = "tahub.accounts.adapters.AccountAdapter"
# allauth's own throttle stays, but looser than axes, so axes's lock-out (and its page) is what people meet.
ACCOUNT_RATE_LIMITS = {"login_failed": "20/m/ip,10/5m/key"}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "TA Hub"
# A code typed as its 30 seconds run out still counts in the next step (RFC 6238 §5.2: one step of delay); a code
# works once all the same (allauth remembers used codes in the cache).
MFA_TOTP_TOLERANCE = 1
# Staff users need a session signed in with a second factor on every page (accounts/middleware.py). Only the
# sign-in steps (URL names) keep a session that has not passed it; under the exempt prefixes it is not redirected
# but counts as anonymous (an API token still authenticates its owner).
SECOND_FACTOR_SIGN_IN_STEPS = [
    "account_login",
    "account_logout",
    "account_reauthenticate",
    "mfa_authenticate",
    "mfa_reauthenticate",
    "mfa_activate_totp",
]
SECOND_FACTOR_EXEMPT_PREFIXES = ["/i18n/", "/static/", "/healthz", "/readyz", "/api/"]
# An invitation link works for this many seconds (and only until it is used).
INVITATION_TIMEOUT = env_int("INVITATION_TIMEOUT", 14 * 24 * 3600)


def _development_site_url(addr):
    """The address `make run ADDR=…` serves ("127.0.0.1:8101", "0.0.0.0:8101" or just "8101"), as a URL."""
    host, _colon, port = addr.rpartition(":")
    if host in ("", "0.0.0.0", "[::]"):  # noqa: S104 (an address to listen on, not to link to)
        host = "127.0.0.1"
    return f"http://{host}:{port}"


# The address the e-mails link to (the worker has no request to build it from). In development it follows the
# address `make run ADDR=…` serves (TAHUB_ADDR, passed to the web process and the worker) unless SITE_URL is set.
TAHUB_ADDR = env_str("TAHUB_ADDR")
SITE_URL = env_str(
    "SITE_URL", _development_site_url(TAHUB_ADDR) if TAHUB_ADDR and not PRODUCTION else "http://127.0.0.1:8000"
).rstrip("/")
# The IATI organisation identifier the activity file is reported under (tahub/reports/iati.py). Default: UNEP's
# (XM-DAC-41116), which administers the BRS Secretariat — not confirmed by a source; see core/data/iati/PROVENANCE.md.
IATI_REPORTING_ORG_REF = env_str("IATI_REPORTING_ORG_REF", "XM-DAC-41116")

# Lock-out on guessing (django-axes): by user name and address together.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_FORM_FIELD = "login"
AXES_USERNAME_CALLABLE = "tahub.accounts.lockout.username_for_lockout"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"

LANGUAGE_CODE = "en"
# The six languages of the United Nations (issue 14). Each one offered ships a complete catalogue in tahub/locale
# (tests/core/test_i18n.py fails on an empty or fuzzy entry): a half-translated page announced as Arabic (lang,
# dir) would mislead readers and screen readers. The language is chosen by a cookie (set_language), never by a URL
# prefix, so links stay the same in every language; a signed-in person's account language wins over the cookie
# (accounts.middleware.AccountLanguageMiddleware), and e-mails go out in their recipient's (core/mail.py).
LANGUAGES = [
    ("en", _("English")),
    ("fr", _("French")),
    ("es", _("Spanish")),
    ("ar", _("Arabic")),
    ("zh-hans", _("Simplified Chinese")),
    ("ru", _("Russian")),
]
LOCALE_PATHS = [BASE_DIR / "tahub" / "locale"]
# Numbers and dates as each language writes them (Django's formats), with the few corrections of tahub/core/formats
# where Django's differ from Unicode CLDR (Arabic and Chinese grouping).
FORMAT_MODULE_PATH = ["tahub.core.formats"]
# Content in several languages (issue 14.3, docs/architecture.md "Languages"): each translated field (an event's
# title, a decision's title, ...) has a column per language (title_en, title_fr, ...; tahub/*/translation.py).
# Reading `obj.title` or `.values("title")` gives the reader's language, else English, else any other.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_LANGUAGES = tuple(code for code, _name in LANGUAGES)
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": MODELTRANSLATION_LANGUAGES}
USE_I18N = True
TIME_ZONE = "UTC"
# The Secretariat's duty station: its public holidays are not working days for the service levels
# (a country and subdivision as the `holidays` package names them: Switzerland, canton of Geneva).
DUTY_STATION_COUNTRY = env_str("DUTY_STATION_COUNTRY", "CH")
DUTY_STATION_SUBDIVISION = env_str("DUTY_STATION_SUBDIVISION", "GE")
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "tahub" / "static"]
STORAGES = {
    # Uploads: each in a random folder, served only by permission-checked views (tahub/core/uploads.py).
    "default": {"BACKEND": "tahub.core.uploads.UploadStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
MEDIA_ROOT = VAR_DIR / "media"
# Never routed (tahub/urls.py): uploads are answered only by their views, which check who may read them.
MEDIA_URL = "media/"

# One cache shared by every process and machine when TAHUB_REDIS_URL is set; else each process keeps its own
# (local memory). Production with several web processes wants Redis: allauth counts sign-in rate limits and
# remembers used second-factor codes in this cache (docs/operations.md, "Caches").
REDIS_URL = env_str("TAHUB_REDIS_URL")
if REDIS_URL and find_spec("redis") is None:
    raise ImproperlyConfigured('TAHUB_REDIS_URL is set but the redis package is not installed: pip install ".[redis]"')
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "tahub",
        }
    }

# Background work (django-tasks, database backend): enqueued in the caller's transaction, run by db_worker.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# A task still RUNNING this many seconds after a worker claimed it is put back in the queue: its worker died
# (tahub/core/worker.py). Far longer than any task runs; after TASK_MAX_CLAIMS such claims it fails instead.
TASK_LEASE_SECONDS = env_int("TASK_LEASE_SECONDS", 600)
TASK_MAX_CLAIMS = 3

# E-mail: every message is queued as its own task (tahub/core/mail.py); the worker delivers it with
# EMAIL_DELIVERY_BACKEND (the EMAIL_BACKEND variable), retrying transient failures.
EMAIL_BACKEND = "tahub.core.mail.QueuedEmailBackend"
EMAIL_DELIVERY_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if PRODUCTION else "django.core.mail.backends.console.EmailBackend",
)
if EMAIL_DELIVERY_BACKEND == EMAIL_BACKEND:
    raise ImproperlyConfigured("EMAIL_BACKEND must name the backend that delivers, not the queue")
# Seconds the SMTP connection waits for the server before the attempt fails (and is retried).
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 30)
# Attempts per message; the wait before attempt n+1 is EMAIL_RETRY_DELAY × 3^(n-1) seconds (1, 3, 9, 27 min).
EMAIL_MAX_ATTEMPTS = env_int("EMAIL_MAX_ATTEMPTS", 5)
EMAIL_RETRY_DELAY = env_int("EMAIL_RETRY_DELAY", 60)
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
# For the file-based backend (django.core.mail.backends.filebased.EmailBackend): one file per message.
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(VAR_DIR / "mail"))
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "TA Hub <no-reply@tahub.localhost>")

# Reference data: the loaders run in this order (later files refer to earlier ones).
REFERENCE_DATA_DIR = BASE_DIR / "tahub" / "core" / "data"
REFERENCE_DATA_LOADERS = [
    "tahub.parties.reference.loaders",
    "tahub.vocabularies.reference.loaders",
    "tahub.planning.reference.loaders",
    "tahub.centres.reference.loaders",
    "tahub.directory.reference.loaders",
    "tahub.funding.reference.loaders",
]

# Security headers. A strict CSP: no inline script or style anywhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [csp.SELF],
        "script-src": [csp.SELF],
        "style-src": [csp.SELF],
        "img-src": [csp.SELF, "data:"],
        "frame-ancestors": [csp.NONE],
        "form-action": [csp.SELF],
        "base-uri": [csp.SELF],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if PRODUCTION:
    # WhiteNoise serves the collected static files (python manage.py collectstatic) in production.
    MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

# Error reports to Sentry, only when SENTRY_DSN is set (tahub/error_reporting.py; sentry-sdk is the `sentry` extra).
SENTRY_DSN = env_str("SENTRY_DSN")
ERROR_REPORTING = init_error_reporting(
    SENTRY_DSN,
    environment=env_str("SENTRY_ENVIRONMENT", "production" if PRODUCTION else "development"),
    release=env_str("SENTRY_RELEASE"),
)

# django-debug-toolbar, in development only: with DEBUG and TAHUB_DEBUG_TOOLBAR=1, never in production or under
# pytest (PYTEST_VERSION); tahub/urls.py adds its URLs under the same condition. It is in the `dev` extra.
DEBUG_TOOLBAR = (
    DEBUG and not PRODUCTION and env_bool("TAHUB_DEBUG_TOOLBAR", False) and "PYTEST_VERSION" not in os.environ
)
if DEBUG_TOOLBAR:
    INSTALLED_APPS.append("debug_toolbar")
    MIDDLEWARE.insert(0, "debug_toolbar.middleware.DebugToolbarMiddleware")
    INTERNAL_IPS = ["127.0.0.1", "::1"]  # the toolbar shows for requests from this machine
