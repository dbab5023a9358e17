"""The Secretariat records a centre's endorsements by the COP: a region's nomination (with its dossier) and the
COP's decision on it, and the renewal of a centre's endorsement."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View
from rules.contrib.views import LoginRequiredMixin

from tahub.core.forms import add_service_errors
from tahub.core.rules import require

from .. import selectors, services
from ..forms import EndorseForm, NominationForm
from ..models import Nomination
from .centres import download


class NominationCreateView(LoginRequiredMixin, View):
    def get(self, request):
        require(request.user, "centres.evaluate")
        return render(request, "centres/nomination_form.html", {"form": NominationForm()})

    def post(self, request):
        require(request.user, "centres.evaluate")
        form = NominationForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.nominate_centre(by=request.user, data=form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Nomination recorded."))
                return redirect("centres_staff:home")
        return render(request, "centres/nomination_form.html", {"form": form}, status=400)


class NominationDossierView(LoginRequiredMixin, View):
    """A nomination's dossier: for the Secretariat, who records nominations and the COP's decisions."""

    def get(self, request, pk):
        require(request.user, "centres.evaluate")
        return download(get_object_or_404(Nomination, pk=pk).dossier)


class NominationDecisionView(LoginRequiredMixin, View):
    """Record the COP's decision on a nomination: endorsed for four years, or not endorsed (with why)."""

    def post(self, request, pk):
        require(request.user, "centres.evaluate")
        nomination = get_object_or_404(Nomination, pk=pk)
        form = EndorseForm(request.POST)
        form.is_valid()
        data = form.cleaned_data
        try:
            if "endorse" in request.POST:
                if not data.get("start_year"):
                    raise ValidationError(_("Give the first year of the term."))
                services.endorse_nomination(
                    nomination, by=request.user, decision=data.get("decision"), start_year=data["start_year"]
                )
            else:
                services.decline_nomination(
                    nomination, by=request.user, decision=data.get("decision"), note=data.get("note", "")
                )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The COP's decision is recorded."))
        return redirect("centres_staff:home")


class RenewView(LoginRequiredMixin, View):
    def post(self, request, code):
        require(request.user, "centres.evaluate")
        form = EndorseForm(request.POST)
        form.is_valid()
        data = form.cleaned_data
        try:
            # No first year given: the renewal follows on from the current term.
            services.renew_endorsement(
                selectors.centre_get(code),
                by=request.user,
                decision=data.get("decision"),
                start_year=data.get("start_year"),
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The renewal is recorded."))
        return redirect("centres_staff:home")
