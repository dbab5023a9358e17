"""Needs assessment pages: thin. Public gap table; a Party's questionnaire; staff cycle list and actions."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from tahub.core.forms import add_service_errors

from . import respondents, selectors, services
from .cycle_views import (  # noqa: F401
    DeclineReopenView,
    EditCycleView,
    ReopenRequestListView,
    RequestReopenView,
)
from .forms import CycleForm
from .models import Response
from .response_views import RespondView, UploadView, WorkbookView  # noqa: F401 (the respondent's pages)


class CycleIndexView(TemplateView):
    template_name = "needs/cycle_index.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            cycles=selectors.cycle_list(), parties=selectors.parties_answered_by(self.request.user), **kwargs
        )


class CycleListView(PermissionRequiredMixin, TemplateView):
    permission_required = "needs.view_cycles"
    template_name = "needs/staff_cycles.html"

    def get_context_data(self, **kwargs):
        cycles = list(selectors.cycle_list().select_related("published_results"))
        rates = respondents.response_rates(cycles)
        rows = [(cycle, rates.get(cycle.pk, [])) for cycle in cycles]
        return super().get_context_data(rows=rows, **kwargs)


class OpenCycleView(PermissionRequiredMixin, View):
    permission_required = "needs.open_cycle"
    template_name = "needs/cycle_form.html"

    def get(self, request):
        return render(request, self.template_name, {"form": CycleForm(initial=CycleForm.defaults())})

    def post(self, request):
        form = CycleForm(request.POST)
        if form.is_valid():
            try:
                services.open_cycle(by=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The cycle is open."))
                return redirect("needs_staff:cycles")
        return render(request, self.template_name, {"form": form})


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


class PublishView(PermissionRequiredMixin, View):
    """Publish a cycle's results, or publish them again with today's figures."""

    permission_required = "needs.open_cycle"
    http_method_names = ["post"]

    def post(self, request, cycle):
        cycle = selectors.cycle_get(cycle)
        again = cycle.results_published_at is not None
        services.publish_results(cycle, by=request.user)
        messages.success(request, _("The public now sees today's figures.") if again else _("The results are public."))
        return redirect("needs_staff:cycles")


class WithdrawView(PermissionRequiredMixin, View):
    """Withdraw a cycle's published results: only the Secretariat sees them again."""

    permission_required = "needs.open_cycle"
    http_method_names = ["post"]

    def post(self, request, cycle):
        try:
            services.withdraw_results(selectors.cycle_get(cycle), by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The results are withdrawn: only the Secretariat sees them."))
        return redirect("needs_staff:cycles")
