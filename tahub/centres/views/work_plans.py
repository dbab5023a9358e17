"""A centre's work plans: the centre drafts (and submits) one, anyone who may see its workspace downloads its
document; the Secretariat records the COP's approval."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View
from rules.contrib.views import LoginRequiredMixin

from tahub.core.forms import add_service_errors
from tahub.core.rules import require

from .. import services
from ..forms import ApproveWorkPlanForm, WorkPlanForm
from ..models import WorkPlan
from .centres import CentreScopedView, download


class WorkPlanCreateView(CentreScopedView):
    def get(self, request, code):
        return render(request, "centres/work_plan_form.html", {"centre": self.centre, "form": WorkPlanForm()})

    def post(self, request, code):
        form = WorkPlanForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                plan = services.draft_work_plan(centre=self.centre, by=request.user, data=form.cleaned_data)
                if "submit" in request.POST:
                    services.submit_work_plan(plan, by=request.user)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Work plan saved."))
                return redirect("centres:workspace", code=code)
        return render(request, "centres/work_plan_form.html", {"centre": self.centre, "form": form}, status=400)


class WorkPlanDocumentView(CentreScopedView):
    """A work plan's document: for whoever may see the centre's workspace (its members, the Secretariat)."""

    def get(self, request, code, pk):
        return download(get_object_or_404(WorkPlan, centre=self.centre, pk=pk).document)


class ApproveWorkPlanView(LoginRequiredMixin, View):
    def post(self, request, pk):
        require(request.user, "centres.evaluate")
        form = ApproveWorkPlanForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose the decision that approved the work plan."))
        else:
            services.approve_work_plan(get_object_or_404(WorkPlan, pk=pk), by=request.user, **form.cleaned_data)
            messages.success(request, _("Work plan recorded as approved."))
        return redirect("centres_staff:home")
