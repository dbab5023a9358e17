"""The centres' pages: the public list and a centre's page; the base of a centre's own pages (its workspace, work
plans, reports, feedback), the workspace itself; and the Secretariat's overview of the centres.

Thin: load (selectors), check access (rules), act (services)."""

from django.http import FileResponse, Http404
from django.shortcuts import render
from django.views import View
from django.views.generic import DetailView, ListView
from rules.contrib.views import LoginRequiredMixin, PermissionRequiredMixin

from tahub.core.rules import require
from tahub.directory.labels import language_names

from .. import selectors
from ..forms import ApproveWorkPlanForm, CentreFilterForm, EvaluationStartForm
from ..models import Nomination, ReportingPeriod, WorkPlan


class CentreListView(PermissionRequiredMixin, ListView):
    """The regional and subregional centres, filtered by UN region."""

    permission_required = "centres.view_regionalcentre"
    template_name = "centres/centre_list.html"
    context_object_name = "centres"

    def get_queryset(self):
        self.form = CentreFilterForm(self.request.GET or None)
        return selectors.centre_list(**self.form.filters())

    def get_context_data(self, **kwargs):
        return super().get_context_data(form=self.form, **kwargs)


class CentreDetailView(PermissionRequiredMixin, DetailView):
    """One centre: host, region, languages, endorsements, and the doubts about its data."""

    permission_required = "centres.view_regionalcentre"
    template_name = "centres/centre_detail.html"
    context_object_name = "centre"

    def get_object(self, queryset=None):
        # Read once: the permission check (object-level) and the page both ask for it.
        if not hasattr(self, "_object"):
            self._object = selectors.centre_page(self.kwargs["code"])
        return self._object

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            languages=language_names(self.object.language_list),
            record=selectors.centre_record(self.object),
            may_report=self.request.user.has_perm("centres.report_activities", self.object),
            **kwargs,
        )


def download(document):
    """An upload as a download named after the file its author sent (the stored name adds a random folder)."""
    if not document:
        raise Http404
    return FileResponse(document.open("rb"), as_attachment=True, filename=document.name.rsplit("/", 1)[-1])


class CentreScopedView(LoginRequiredMixin, View):
    """Loads the centre of the address; a page for the centre's own staff (or the Secretariat)."""

    permission = "centres.report_activities"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.centre = selectors.centre_get(kwargs["code"])
        require(request.user, self.permission, self.centre)
        return super().dispatch(request, *args, **kwargs)


class WorkspaceView(CentreScopedView):
    """The centre's own page: its work plans and its report for each period."""

    def get(self, request, code):
        context = {
            "centre": self.centre,
            "plans": self.centre.work_plans.all(),
            "periods": [(p, self.centre.reports.filter(period=p).first()) for p in ReportingPeriod.objects.all()],
        }
        return render(request, "centres/workspace.html", context)


class StaffCentresView(LoginRequiredMixin, View):
    """For the Secretariat: endorsement terms, reports due, work plans to approve."""

    def get(self, request):
        require(request.user, "centres.evaluate")
        period = ReportingPeriod.objects.first()
        context = {
            "endorsements": selectors.endorsements_expiring(selectors.today()),
            "period": period,
            "report_status": selectors.report_status(period) if period else [],
            "plans": WorkPlan.objects.filter(state=WorkPlan.State.SUBMITTED).select_related("centre"),
            "nominations": Nomination.objects.filter(state=Nomination.State.SUBMITTED).select_related("host_country"),
            "decisions": ApproveWorkPlanForm().fields["decision"].queryset,
            "approve_form": ApproveWorkPlanForm(),
            "start_form": EvaluationStartForm(),
        }
        return render(request, "centres/staff_centres.html", context)
