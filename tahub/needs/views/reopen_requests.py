"""Reopening a submitted response: its respondent's people ask, staff see the requests and reopen the response
or decline, saying why. Thin: the rules are in `services`."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from tahub.core.forms import add_service_errors

from .. import services
from ..forms import DeclineReopenForm, ReopenRequestForm
from ..models import Response, respondent_url
from ..selectors import respondents
from ..services.reopen_requests import NOT_SUBMITTED
from .responses import RespondentMixin


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
                    raise ValidationError(NOT_SUBMITTED)
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


class ReopenView(PermissionRequiredMixin, View):
    permission_required = "needs.reopen_response"
    http_method_names = ["post"]

    def post(self, request, pk):
        response = get_object_or_404(Response.objects.select_related("cycle", "party__country"), pk=pk)
        try:
            services.reopen_response(response, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The response is reopened."))
        return redirect(response)
