"""The public pages that belong to no domain app: home, notes on the data, whom to contact, the language switch."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views import View, i18n
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from tahub.accounts.rules import require

from . import contact


class HomeView(PermissionRequiredMixin, TemplateView):
    """What TA Hub is, how a Party asks for assistance, and who provides it."""

    permission_required = "core.view_public_page"
    template_name = "core/home.html"


class DataNotesView(PermissionRequiredMixin, TemplateView):
    """The known doubts in the reference data, kept visible rather than silently fixed."""

    permission_required = "core.view_public_page"
    template_name = "core/data_notes.html"


class ContactView(View):
    """Whom to contact: the Secretariat's technical assistance contacts and address, the regional focal points by
    UN regional group (those who chose to be shown), and a general feedback form (e-mailed to the Secretariat)."""

    template_name = "core/contact.html"

    def _render(self, request, form, status=200):
        from tahub.accounts import selectors as accounts

        context = {
            "form": form,
            "address": contact.SECRETARIAT_ADDRESS,
            "phone": contact.SECRETARIAT_PHONE,
            "fax": contact.SECRETARIAT_FAX,
            "secretariat": accounts.secretariat_contacts(),
            "regions": accounts.regional_focal_points(),
            "ask_url": reverse("assistance:create"),
        }
        return render(request, self.template_name, context, status=status)

    def get(self, request):
        require(request.user, "core.view_public_page")
        return self._render(request, contact.FeedbackForm())

    def post(self, request):
        require(request.user, "core.view_public_page")
        form = contact.FeedbackForm(request.POST)
        if form.is_valid():
            try:
                contact.send_feedback(data=form.cleaned_data, client_ip=request.META.get("REMOTE_ADDR", ""))
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Thank you: your message was sent to the Secretariat."))
                return redirect("contact")
        return self._render(request, form, status=400)


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
