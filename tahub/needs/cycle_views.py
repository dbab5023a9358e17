"""Staff change a cycle before its first deadline; respondents ask to reopen a submitted response and staff see
those requests. Thin: the rules are in `services`."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from tahub.core.forms import add_service_errors
from tahub.core.workflow import Stale

from . import respondents, selectors, services
from .forms import CycleEditForm, DeclineReopenForm, ReopenRequestForm
from .models import respondent_url
from .response_views import RespondentMixin


class EditCycleView(PermissionRequiredMixin, View):
    permission_required = "needs.open_cycle"
    template_name = "needs/cycle_form.html"

    def _render(self, request, cycle, form, status=200):
        return render(request, self.template_name, {"form": form, "cycle": cycle}, status=status)

    def get(self, request, cycle):
        cycle = selectors.cycle_get(cycle)
        return self._render(request, cycle, CycleEditForm(initial=CycleEditForm.initial_for(cycle)))

    def post(self, request, cycle):
        cycle = selectors.cycle_get(cycle)
        form = CycleEditForm(request.POST, initial=CycleEditForm.initial_for(cycle))
        if form.is_valid():
            try:
                services.update_cycle(cycle, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
                return self._render(request, cycle, form, status=409 if isinstance(error, Stale) else 400)
            messages.success(request, _("The cycle is changed; newly invited respondents will be e-mailed."))
            return redirect("needs_staff:cycles")
        return self._render(request, cycle, form, status=400)


class RequestReopenView(RespondentMixin, View):
    """A respondent's people ask the Secretariat to reopen their submitted response, saying why."""

    template_name = "needs/request_reopen.html"

    def _render(self, request, cycle, kind, respondent, response, form, status=200):
        context = {"cycle": cycle, "kind": kind, "respondent": respondent, "response": response, "form": form,
                   "back_url": respondent_url("needs:respond", cycle, kind, respondent)}  # fmt: skip
        return render(request, self.template_name, context, status=status)

    def get(self, request, cycle, kind, who, key):
        cycle, respondent, response = self.load(request, cycle, kind, who, key)
        return self._render(request, cycle, kind, respondent, response, ReopenRequestForm())

    def post(self, request, cycle, kind, who, key):
        cycle, respondent, response = self.load(request, cycle, kind, who, key)
        form = ReopenRequestForm(request.POST)
        if form.is_valid():
            try:
                if response is None:
                    raise ValidationError(services.NOT_SUBMITTED)
                services.request_reopen(response, by=request.user, reason=form.cleaned_data["reason"])
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Your request is sent to the Secretariat."))
                return self.back(cycle, kind, respondent)
        return self._render(request, cycle, kind, respondent, response, form, status=400)


class ReopenRequestListView(PermissionRequiredMixin, TemplateView):
    """Staff: the pending requests to reopen a response, oldest first, each with its Reopen button."""

    permission_required = "needs.reopen_response"
    template_name = "needs/staff_reopen_requests.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(requests=respondents.pending_reopen_requests(), **kwargs)


class DeclineReopenView(PermissionRequiredMixin, View):
    """Staff decline a pending request to reopen a response, saying why (e-mailed to the person who asked)."""

    permission_required = "needs.reopen_response"
    template_name = "needs/decline_reopen.html"

    def _render(self, request, reopen_request, form, status=200):
        return render(request, self.template_name, {"request_": reopen_request, "form": form}, status=status)

    def get(self, request, pk):
        return self._render(
            request, get_object_or_404(respondents.pending_reopen_requests(), pk=pk), DeclineReopenForm()
        )

    def post(self, request, pk):
        reopen_request = get_object_or_404(respondents.reopen_requests(), pk=pk)
        form = DeclineReopenForm(request.POST)
        if form.is_valid():
            try:
                services.decline_reopen_request(reopen_request, by=request.user, reason=form.cleaned_data["reason"])
            except ValidationError as error:
                add_service_errors(form, error)
                return self._render(
                    request, reopen_request, form, status=409 if getattr(error, "code", None) == "decided" else 400
                )
            messages.success(request, _("The request is declined; the person who asked will be e-mailed why."))
            return redirect("needs_staff:reopen_requests")
        return self._render(request, reopen_request, form, status=400)
