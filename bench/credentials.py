"""Print, as JSON, the request headers of the benchmark's signed-in visitors: {"staff": {...}, "api": {...}}.

Runs inside Django (development settings on the benchmark database, with the SECRET_KEY the server will
use: a session's auth hash and signature depend on it). Creates, once, a Secretariat administrator with a
TOTP authenticator, then:

- "staff": a database session as allauth leaves it after a password and a TOTP step (the records that
  tahub.accounts.middleware.StaffTwoFactorMiddleware checks), sent as the session cookie. Signing in through
  the forms would need a fresh TOTP code and would be locked out by axes under load; the session is the same.
- "api": a personal API token of the same user, sent as `Authorization: Bearer <token>`.
"""

import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tahub.settings")

import django  # noqa: E402

django.setup()

from allauth.mfa.models import Authenticator  # noqa: E402
from allauth.mfa.totp.internal.auth import TOTP  # noqa: E402
from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402

from tahub.accounts.models import StaffRole, User  # noqa: E402
from tahub.accounts.tokens import create_api_token  # noqa: E402

EMAIL = "bench.staff@bench.tahub.localhost"
TOTP_SECRET = "BENCHBENCHBENCHBENCHBENCHBENCHBE"  # base32; never used to sign in


def staff_user():
    user, created = User.objects.get_or_create(email=EMAIL, defaults={"name": "Benchmark staff", "is_staff": True})
    if created:
        user.set_unusable_password()
        user.save()
        StaffRole.objects.create(user=user, role=StaffRole.Role.ADMINISTRATOR)
        TOTP.activate(user, TOTP_SECRET)
    return user


def staff_session(user):
    """A session signed in with a password and a TOTP step, as allauth records them."""
    authenticator = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    now = time.time()
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "tahub.accounts.backends.PasswordBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session["account_authentication_methods"] = [
        {"method": "password", "at": now, "email": user.email},
        {"method": "mfa", "at": now, "id": authenticator.pk, "type": "totp"},
    ]
    session["account_authentication_methods_user"] = str(user.pk)
    session.create()
    return session.session_key


if __name__ == "__main__":
    person = staff_user()
    cookie = f"{settings.SESSION_COOKIE_NAME}={staff_session(person)}"
    token = create_api_token(user=person, name="benchmark")
    print(json.dumps({"staff": {"Cookie": cookie}, "api": {"Authorization": f"Bearer {token}"}}))
