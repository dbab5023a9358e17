"""Needs assessment pages: thin. Public gap table; a Party's questionnaire; staff cycle list and actions."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView
from rules.contrib.views import LoginRequiredMixin, PermissionRequiredMixin

from tahub.core.forms import add_service_errors

from . import selectors, services
from .forms import CycleForm, QuestionnaireForm
from .models import Response


class CycleIndexView(TemplateView):
    template_name = "needs/cycle_index.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            cycles=selectors.cycle_list(), parties=selectors.parties_answered_by(self.request.user), **kwargs
        )


class GapView(View):
    """Aggregates only: counts by theme, region and level over submitted responses."""

    def get(self, request, cycle):
        cycle = selectors.cycle_get(cycle)
        if cycle.results_published_at is None and not request.user.has_perm("needs.view_cycles"):
            raise Http404  # not published yet: as if it were not there
        return render(request, "needs/gaps.html", {"cycle": cycle, "rows": selectors.gap_table(cycle)})


class ResponseView(LoginRequiredMixin, View):
    """The Party's questionnaire: GET shows it by section; POST saves a draft or submits.

    On submit the answers are saved first (their own transaction), so a refused submission keeps the draft
    and shows, next to each question, what is missing."""

    template_name = "needs/response_form.html"

    def _load(self, request, cycle, iso3):
        cycle = selectors.cycle_get(cycle)
        party = selectors.invited_party(cycle, iso3)
        if not request.user.has_perm("needs.view_response", party):
            raise PermissionDenied
        return cycle, party, selectors.response_of(cycle, party)

    def _render(self, request, cycle, party, response, form=None):
        sections = selectors.sections(cycle.questionnaire)
        submitted = response is not None and response.state == Response.State.SUBMITTED
        if form is None:
            answers = {a.question_id: a for a in response.answers.all()} if response else {}
            questions = [q for _title, items in sections for q in items]
            form = QuestionnaireForm(questions=questions, answers=answers, readonly=submitted)
        context = {
            "cycle": cycle,
            "party": party,
            "response": response,
            "submitted": submitted,
            "form": form,
            "sections": form.section_fields(sections),
            "may_reopen": submitted and request.user.has_perm("needs.reopen_response", response),
        }
        return render(request, self.template_name, context)

    def get(self, request, cycle, iso3):
        return self._render(request, *self._load(request, cycle, iso3))

    def post(self, request, cycle, iso3):
        cycle, party, response = self._load(request, cycle, iso3)
        questions = [q for _title, items in selectors.sections(cycle.questionnaire) for q in items]
        form = QuestionnaireForm(request.POST, questions=questions)
        if form.is_valid():
            try:
                response = services.save_answers(cycle=cycle, party=party, answers=form.cleaned_data, by=request.user)
                if "submit" in request.POST:
                    services.submit_response(response, by=request.user)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Submitted. Thank you.") if "submit" in request.POST else _("Saved."))
                return redirect("needs:response", cycle.slug, party.country.iso3)
        return self._render(request, cycle, party, selectors.response_of(cycle, party), form)


class CycleListView(PermissionRequiredMixin, TemplateView):
    permission_required = "needs.view_cycles"
    template_name = "needs/staff_cycles.html"

    def get_context_data(self, **kwargs):
        cycles = list(selectors.cycle_list())
        rates = selectors.response_rates(cycles)
        rows = [(cycle, rates.get(cycle.pk, [])) for cycle in cycles]
        return super().get_context_data(rows=rows, **kwargs)


class OpenCycleView(PermissionRequiredMixin, View):
    permission_required = "needs.open_cycle"
    template_name = "needs/cycle_form.html"

    def get(self, request):
        return render(request, self.template_name, {"form": CycleForm()})

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
    permission_required = "needs.open_cycle"
    http_method_names = ["post"]

    def post(self, request, cycle):
        services.publish_results(selectors.cycle_get(cycle), by=request.user)
        messages.success(request, _("The results are public."))
        return redirect("needs_staff:cycles")
