"""Staff accounts need a session signed in with a second factor (TOTP or a recovery code).

Everywhere, not only on staff pages: a staff member acts on requests, listings and records from pages that
others use too. A staff user who has no authenticator yet is sent to set one up; one whose session was not
confirmed with a second factor is sent to confirm it. Only the sign-in steps themselves
(settings.SECOND_FACTOR_SIGN_IN_STEPS: they need to know who is signing in) keep such a session's user.

The language switch, static files, the probes and the API are not redirected
(settings.SECOND_FACTOR_EXEMPT_PREFIXES), but there a staff session that has not passed the second factor counts
as anonymous: it reads what the public reads (no unpublished results, no draft events, no exports). A personal API
token (``Authorization: Bearer``) is its own credential and still authenticates its owner.

The admin's own password-only sign-in page is replaced by ours, which asks for the second factor (and is
watched by axes).
"""

from urllib.parse import urlencode

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from asgiref.sync import sync_to_async
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from tahub.core.i18n import offered
from tahub.core.links import cached_reverse, urlconf_key


def session_used_second_factor(request, user=None):
    """Whether this session's sign-in included a second factor (allauth records each method used)."""
    user = request.user if user is None else user
    return any(record.get("method") == "mfa" for record in get_authentication_records(request, user))


def lacks_second_factor(request, user):
    """A signed-in staff user whose session has not passed a second factor (or who has no authenticator yet)."""
    if not (user.is_authenticated and user.is_staff):
        return False
    return not (is_mfa_enabled(user, [Authenticator.Type.TOTP]) and session_used_second_factor(request, user))


_STEPS: dict = {}


def _sign_in_steps():
    """The paths of settings.SECOND_FACTOR_SIGN_IN_STEPS, reversed once per URLconf and script prefix (a set built
    on every request cost ~130 Python calls, /healthz's included)."""
    key = (*urlconf_key(), tuple(settings.SECOND_FACTOR_SIGN_IN_STEPS))
    try:
        return _STEPS[key]
    except KeyError:
        steps = _STEPS[key] = frozenset(cached_reverse(name) for name in key[2])
        return steps


def _to(name, next_path):
    return redirect(f"{reverse(name)}?{urlencode({'next': next_path})}")


def _anonymous_without_second_factor(request):
    """Replace request.user (lazily: static files and probes do not touch the database) by the anonymous user
    when the session is a staff session without its second factor."""
    signed_in = request.user

    def effective():
        return AnonymousUser() if lacks_second_factor(request, signed_in) else signed_in

    request.user = SimpleLazyObject(effective)
    request.auser = sync_to_async(effective)


class StaffTwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path
        if path.startswith("/admin/login/"):
            return _to("account_login", request.GET.get("next") or "/admin/")
        if path in _sign_in_steps():
            return self.get_response(request)
        if any(path.startswith(prefix) for prefix in settings.SECOND_FACTOR_EXEMPT_PREFIXES):
            _anonymous_without_second_factor(request)
            return self.get_response(request)
        user = request.user
        if not (user.is_authenticated and user.is_staff):
            return self.get_response(request)
        if not is_mfa_enabled(user, [Authenticator.Type.TOTP]):
            messages.warning(request, _("Staff pages need two-factor sign-in. Set up an authenticator app first."))
            return _to("mfa_activate_totp", path)
        if not session_used_second_factor(request, user):
            messages.info(request, _("Confirm it is you with a code from your authenticator app."))
            return _to("mfa_reauthenticate", path)
        return self.get_response(request)


class AccountLanguageMiddleware:
    """A signed-in person's preferred language (their account's), over the cookie and the browser's: their pages
    are in it on any device. After LocaleMiddleware and the authentication; static files and the probes are
    skipped, so they never read the session."""

    SKIPPED = ("/static/", "/healthz", "/readyz")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(self.SKIPPED) and request.user.is_authenticated:
            language = offered(request.user.language)
            if language:
                translation.activate(language)
                request.LANGUAGE_CODE = language
        return self.get_response(request)
