"""Staff accounts need a session signed in with a second factor (TOTP or a recovery code).

Everywhere, not only on staff pages: a staff member acts on requests, listings and records from pages that
others use too. A staff user who has no authenticator yet is sent to set one up; one whose session was not
confirmed with a second factor is sent to confirm it. Only the sign-in pages themselves, the language switch,
static files, the probes and the token-authenticated API are exempt (settings.SECOND_FACTOR_EXEMPT_PREFIXES).
The admin's own password-only sign-in page is replaced by ours, which asks for the second factor (and is
watched by axes).
"""

from urllib.parse import urlencode

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _


def session_used_second_factor(request):
    """Whether this session's sign-in included a second factor (allauth records each method used)."""
    return any(record.get("method") == "mfa" for record in get_authentication_records(request, request.user))


def _to(name, next_path):
    return redirect(f"{reverse(name)}?{urlencode({'next': next_path})}")


class StaffTwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path
        if path.startswith("/admin/login/"):
            return _to("account_login", request.GET.get("next") or "/admin/")
        if any(path.startswith(prefix) for prefix in settings.SECOND_FACTOR_EXEMPT_PREFIXES):
            return self.get_response(request)
        user = request.user
        if not (user.is_authenticated and user.is_staff):
            return self.get_response(request)
        if not is_mfa_enabled(user, [Authenticator.Type.TOTP]):
            messages.warning(request, _("Staff pages need two-factor sign-in. Set up an authenticator app first."))
            return _to("mfa_activate_totp", path)
        if not session_used_second_factor(request):
            messages.info(request, _("Confirm it is you with a code from your authenticator app."))
            return _to("mfa_reauthenticate", path)
        return self.get_response(request)
