"""The four-year plans: the list and a plan; the staff's pages for a plan with its objectives, and for bienniums
(through the services, audited; a record saved by someone else meanwhile is refused with a message, not
overwritten)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from rules.contrib.views import LoginRequiredMixin

from tahub.core.forms import add_service_errors
from tahub.core.rules import require

from .. import selectors, services
from ..forms import BienniumForm, PlanForm, objective_formset
from ..models import Biennium, TAPlan

VIEW = "planning.view_programme"
EDIT = "planning.change_programme"


class PlanListView(View):
    def get(self, request):
        require(request.user, VIEW)
        context = {"plans": selectors.plan_list(), "may_change": request.user.has_perm(EDIT)}
        return render(request, "planning/plan_list.html", context)


class PlanView(View):
    def get(self, request, start_year):
        require(request.user, VIEW)
        plan = selectors.plan_get(start_year)
        context = {"plan": plan, "may_change": request.user.has_perm(EDIT)}
        return render(request, "planning/plan_detail.html", context)


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
