"""Staff pages for the plan and its objectives, and for bienniums (through the services, audited; a record saved
by someone else meanwhile is refused with a message, not overwritten)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views import View
from rules.contrib.views import LoginRequiredMixin

from tahub.core.forms import add_service_errors
from tahub.core.rules import require

from . import services
from .forms import BienniumForm, ParagraphTextForm, PlanForm, objective_formset
from .models import Biennium, DecisionParagraph, TAPlan

EDIT = "planning.change_programme"


class StaffFormView(LoginRequiredMixin, View):
    """Staff only; `start_year` in the URL names the record to edit, none to add one."""

    model = None
    record = None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        require(request.user, EDIT)
        if "start_year" in kwargs:
            self.record = get_object_or_404(self.model, start_year=kwargs["start_year"])
        return super().dispatch(request, *args, **kwargs)

    def saved(self, request, url):
        messages.success(request, _("Saved."))
        return redirect(url)


class PlanFormView(StaffFormView):
    model = TAPlan

    def render_form(self, request, form, formset, status=200):
        context = {"form": form, "formset": formset, "plan": self.record}
        return render(request, "planning/plan_form.html", context, status=status)

    def get(self, request, **kwargs):
        return self.render_form(request, PlanForm(instance=self.record), objective_formset(self.record))

    def post(self, request, **kwargs):
        form = PlanForm(request.POST, instance=self.record)
        formset = objective_formset(self.record, request.POST)
        if form.is_valid() and formset.is_valid():
            try:
                plan = self.save(request, form, formset)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                return self.saved(request, plan.get_absolute_url())
        return self.render_form(request, form, formset, status=400)

    def save(self, request, form, formset):
        data, objectives = form.data_for_service(), formset.objectives()
        if self.record is None:
            return services.create_plan(by=request.user, data=data, objectives=objectives)
        seen = form.cleaned_data.get("seen")
        return services.update_plan(self.record, by=request.user, data=data, objectives=objectives, seen=seen)


class BienniumFormView(StaffFormView):
    model = Biennium

    def render_form(self, request, form, status=200):
        context = {"form": form, "biennium": self.record}
        return render(request, "planning/biennium_form.html", context, status=status)

    def get(self, request, **kwargs):
        return self.render_form(request, BienniumForm(instance=self.record))

    def post(self, request, **kwargs):
        form = BienniumForm(request.POST, instance=self.record)
        if form.is_valid():
            try:
                biennium = self.save(request, form)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                return self.saved(request, f"{reverse('plan:activities')}?biennium={biennium.start_year}")
        return self.render_form(request, form, status=400)

    def save(self, request, form):
        data = form.data_for_service()
        if self.record is None:
            return services.create_biennium(by=request.user, data=data)
        seen = form.cleaned_data.get("seen")
        return services.update_biennium(self.record, by=request.user, data=data, seen=seen)


class ParagraphTextView(LoginRequiredMixin, View):
    """Staff who hold the official texts enter a decision paragraph's text per language (audited); the doubt
    stays visible on the public pages wherever a text is still missing."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        require(request.user, EDIT)
        self.paragraph = get_object_or_404(DecisionParagraph.objects.select_related("decision"), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def render_form(self, request, form, status=200):
        context = {"form": form, "paragraph": self.paragraph}
        return render(request, "planning/paragraph_text_form.html", context, status=status)

    def get(self, request, pk):
        return self.render_form(request, ParagraphTextForm(instance=self.paragraph))

    def post(self, request, pk):
        form = ParagraphTextForm(request.POST, instance=self.paragraph)
        if form.is_valid():
            try:
                services.update_paragraph_text(
                    self.paragraph, by=request.user, data=form.data_for_service(), seen=form.cleaned_data["seen"]
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                url = f"{self.paragraph.decision.get_absolute_url()}#paragraph-{slugify(self.paragraph.number)}"
                messages.success(request, _("Saved."))
                return redirect(url)
        return self.render_form(request, form, status=400)
