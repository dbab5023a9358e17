"""The public pages that belong to no domain app: home, notes on the data, the language switch. (Whom to contact,
core/contact.html, is served by accounts: it lists the people the Secretariat's roles name.)"""

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import i18n
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin


class HomeView(PermissionRequiredMixin, TemplateView):
    """What TA Hub is, how a Party asks for assistance, and who provides it."""

    permission_required = "core.view_public_page"
    template_name = "core/home.html"


class DataNotesView(PermissionRequiredMixin, TemplateView):
    """The known doubts in the reference data, kept visible rather than silently fixed."""

    permission_required = "core.view_public_page"
    template_name = "core/data_notes.html"


def _safe_next(request):
    next_url = request.POST.get("next") or "/"
    allowed = url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return next_url if allowed else "/"


@require_POST
def set_language(request):
    """Switch the language (a cookie), or, for a language we do not offer, say so and change nothing.

    Django's own view accepts any language it has a catalogue for; we offer only settings.LANGUAGES.
    """
    code = request.POST.get(i18n.LANGUAGE_QUERY_PARAMETER, "")
    offered = dict(settings.LANGUAGES)
    if code in offered:
        return i18n.set_language(request)
    names = ", ".join(str(name) for name in offered.values())
    messages.error(
        request,
        _("The language “%(code)s” is not available. Choose one of: %(names)s.") % {"code": code[:20], "names": names},
    )
    return HttpResponseRedirect(_safe_next(request))
