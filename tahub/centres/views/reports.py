"""A centre's activity reports: the centre logs a period's activities (and their evidence) and submits the
report; the Secretariat reviews it, accepting it or returning it for revision."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View
from rules.contrib.views import LoginRequiredMixin

from tahub.core.forms import add_service_errors
from tahub.core.rules import require

from .. import selectors, services
from ..forms import ActivityForm, ReportReviewForm
from ..models import Activity, ActivityReport, ReportingPeriod
from .centres import CentreScopedView, download


class ActivityEvidenceView(CentreScopedView):
    """An activity's evidence file: for whoever may see the centre's reports (its members, the Secretariat)."""

    def get(self, request, code, pk):
        return download(get_object_or_404(Activity, report__centre=self.centre, pk=pk).evidence)


class ReportView(CentreScopedView):
    """The report for one period: its activities, a form to log another, and the submit button."""

    def _context(self, report, form):
        return {
            "centre": self.centre,
            "report": report,
            "form": form,
            "activities": selectors.report_activities(report),
        }

    def get(self, request, code, period):
        period = get_object_or_404(ReportingPeriod, pk=period)
        report = services.open_report(centre=self.centre, period=period, by=request.user)
        return render(request, "centres/report.html", self._context(report, ActivityForm(period=report.period)))

    def post(self, request, code, period):
        report = get_object_or_404(ActivityReport, centre=self.centre, period_id=period)
        form = ActivityForm(request.POST, request.FILES, period=report.period)
        try:
            if "remove" in request.POST:
                activity = get_object_or_404(report.activities, pk=request.POST["remove"])
                services.remove_activity(activity, by=request.user)
                messages.success(request, _("Activity removed."))
                return redirect("centres:report", code=code, period=period)
            if "submit" in request.POST:
                services.submit_report(report, by=request.user)
                messages.success(request, _("Report submitted. Thank you."))
                return redirect("centres:workspace", code=code)
            if form.is_valid():
                services.add_activity(report, by=request.user, data=form.cleaned_data)
                messages.success(request, _("Activity logged."))
                return redirect("centres:report", code=code, period=period)
        except ValidationError as error:
            add_service_errors(form, error)
        return render(request, "centres/report.html", self._context(report, form), status=400)


class ReportReviewView(LoginRequiredMixin, View):
    """The Secretariat's review of a centre's report: the report itself (every activity with its dates, Parties,
    themes, partners, budget and evidence), and the decision — accept, or return for revision with a reason."""

    def _render(self, request, report, form, status=200):
        context = {"report": report, "activities": selectors.report_activities(report), "form": form}
        return render(request, "centres/report_review.html", context, status=status)

    def get(self, request, pk):
        require(request.user, "centres.accept_report")
        return self._render(request, selectors.report_for_review(pk), ReportReviewForm())

    def post(self, request, pk):
        require(request.user, "centres.accept_report")
        report = selectors.report_for_review(pk)
        form = ReportReviewForm(request.POST)
        if form.is_valid():
            try:
                services.review_report(report, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                done = {
                    "accept": _("Report accepted."),
                    "return": _("The report was returned to the centre for revision; its members are told by e-mail."),
                }
                messages.success(request, done[form.cleaned_data["decision"]])
                return redirect("centres_staff:home")
        return self._render(request, selectors.report_for_review(pk), form, status=400)


class AcceptReportView(LoginRequiredMixin, View):
    def post(self, request, pk):
        require(request.user, "centres.accept_report")
        try:
            services.accept_report(get_object_or_404(ActivityReport, pk=pk), by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Report accepted."))
        return redirect("centres_staff:home")
