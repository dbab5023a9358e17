"""Cycle pages: the public list, and the staff's: the list with response rates, opening a cycle (with its
preview), changing it before its first deadline, publishing and withdrawing its results. Thin: the rules are in
`services`."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from tahub.core.forms import add_service_errors
from tahub.core.workflow import Stale

from .. import selectors, services
from ..forms import CycleEditForm, CycleForm
from ..selectors import respondents


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
    """Open a cycle in two steps (no JavaScript needed): the form, then a preview that says how many
    respondents are invited and how many e-mails will go out; only "Open and send" on the preview opens it.
    The preview carries the form's data in hidden fields; "Change" goes back to the form with it."""

    permission_required = "needs.open_cycle"
    template_name = "needs/cycle_form.html"
    confirm_template_name = "needs/cycle_confirm.html"

    def get(self, request):
        return render(request, self.template_name, {"form": CycleForm(initial=CycleForm.defaults())})

    def post(self, request):
        form = CycleForm(request.POST)
        if not form.is_valid():
            return render(request, self.template_name, {"form": form}, status=400)
        if "edit" in request.POST:
            return render(request, self.template_name, {"form": form})
        data = form.cleaned_data
        if "confirm" not in request.POST:
            return self._preview(request, form)
        try:
            services.open_cycle(by=request.user, **data)
        except ValidationError as error:
            add_service_errors(form, error)
            return render(request, self.template_name, {"form": form}, status=400)
        messages.success(request, _("The cycle is open: the invitations are being e-mailed."))
        return redirect("needs_staff:cycles")

    def _preview(self, request, form):
        data = form.cleaned_data
        offers = data.get("offers_questionnaire") is not None
        preview = respondents.invitation_preview(
            invited=data["invited"],
            offers_parties=data.get("offers_parties") or [] if offers else [],
            offers_organisations=data.get("offers_organisations") or [] if offers else [],
        )
        carry = [(name, value) for name in request.POST if name not in ("csrfmiddlewaretoken", "confirm", "edit")
                 for value in request.POST.getlist(name)]  # fmt: skip
        context = {"form": form, "data": data, "preview": preview, "carry": carry,
                   "deadlines": [(form.fields[name].label, data.get(name)) for name in
                                 ("deadline", "funding_deadline", "offers_deadline") if data.get(name)]}  # fmt: skip
        return render(request, self.confirm_template_name, context)


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
