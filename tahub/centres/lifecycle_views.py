"""A centre's own pages (work plan, activity reports), Parties' feedback, and the Secretariat's evaluation.

Thin: load (selectors), check access (rules), act (services); a refusal is shown next to the field it names.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View
from rules.contrib.views import LoginRequiredMixin

from tahub.accounts.rules import require
from tahub.core.forms import add_service_errors

from . import selectors, services
from .forms import (
    ActivityForm,
    ApproveWorkPlanForm,
    EndorseForm,
    EvaluationStartForm,
    FeedbackForm,
    NominationForm,
    ReportReviewForm,
    ScoreForm,
    WorkPlanForm,
)
from .models import Activity, ActivityReport, Nomination, ReportingPeriod, Score, WorkPlan


def _download(document):
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
        return _download(get_object_or_404(WorkPlan, centre=self.centre, pk=pk).document)


class ActivityEvidenceView(CentreScopedView):
    """An activity's evidence file: for whoever may see the centre's reports (its members, the Secretariat)."""

    def get(self, request, code, pk):
        return _download(get_object_or_404(Activity, report__centre=self.centre, pk=pk).evidence)


class WorkspaceView(CentreScopedView):
    """The centre's own page: its work plans and its report for each period."""

    def get(self, request, code):
        context = {
            "centre": self.centre,
            "plans": self.centre.work_plans.all(),
            "periods": [(p, self.centre.reports.filter(period=p).first()) for p in ReportingPeriod.objects.all()],
        }
        return render(request, "centres/workspace.html", context)


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


class FeedbackView(CentreScopedView):
    permission = "centres.give_feedback"

    def _form(self, data=None):
        return FeedbackForm(data, parties=selectors.parties_of(self.request.user))

    def get(self, request, code):
        return render(request, "centres/feedback_form.html", {"centre": self.centre, "form": self._form()})

    def post(self, request, code):
        form = self._form(request.POST)
        if form.is_valid():
            try:
                services.give_feedback(centre=self.centre, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Thank you for your feedback."))
                return redirect(self.centre)
        return render(request, "centres/feedback_form.html", {"centre": self.centre, "form": form}, status=400)


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


class EvaluationStartView(LoginRequiredMixin, View):
    def post(self, request, code):
        require(request.user, "centres.evaluate")
        form = EvaluationStartForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Give the period to evaluate."))
            return redirect("centres_staff:home")
        try:
            evaluation = services.start_evaluation(
                centre=selectors.centre_get(code), by=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("centres_staff:home")
        return redirect("centres_staff:evaluation", pk=evaluation.pk)


class EvaluationView(LoginRequiredMixin, View):
    """The score sheet: each criterion with its instructions, rankings, sources, the pre-filled count and the
    activities behind it, the score and the evaluator's comments."""

    def _render(self, request, evaluation, failed=None, status=200):
        rows = [
            (
                s,
                failed[1]
                if failed and failed[0] == s.pk
                else ScoreForm(initial={"score": s.score, "comment": s.comment}, prefix=str(s.pk)),
            )
            for s in evaluation.scores.all()
        ]
        context = {"evaluation": evaluation, "rows": rows, "evidence": selectors.evidence_for(evaluation)}
        return render(request, "centres/evaluation.html", context, status=status)

    def get(self, request, pk):
        require(request.user, "centres.evaluate")
        return self._render(request, selectors.evaluation_get(pk))

    def post(self, request, pk):
        require(request.user, "centres.evaluate")
        evaluation = selectors.evaluation_get(pk)
        if "finalise" in request.POST:
            try:
                services.finalise_evaluation(evaluation, by=request.user)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            return redirect("centres_staff:evaluation", pk=pk)
        score = get_object_or_404(Score, pk=request.POST.get("score_id"), evaluation=evaluation)
        form = ScoreForm(request.POST, prefix=str(score.pk))
        if form.is_valid():
            try:
                services.score_criterion(
                    score, by=request.user, value=form.cleaned_data["score"], comment=form.cleaned_data["comment"]
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                return redirect("centres_staff:evaluation", pk=pk)
        return self._render(request, selectors.evaluation_get(pk), failed=(score.pk, form), status=400)


class NominationCreateView(LoginRequiredMixin, View):
    def get(self, request):
        require(request.user, "centres.evaluate")
        return render(request, "centres/nomination_form.html", {"form": NominationForm()})

    def post(self, request):
        require(request.user, "centres.evaluate")
        form = NominationForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.nominate_centre(by=request.user, data=form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Nomination recorded."))
                return redirect("centres_staff:home")
        return render(request, "centres/nomination_form.html", {"form": form}, status=400)


class NominationDossierView(LoginRequiredMixin, View):
    """A nomination's dossier: for the Secretariat, who records nominations and the COP's decisions."""

    def get(self, request, pk):
        require(request.user, "centres.evaluate")
        return _download(get_object_or_404(Nomination, pk=pk).dossier)


class NominationDecisionView(LoginRequiredMixin, View):
    """Record the COP's decision on a nomination: endorsed for four years, or not endorsed (with why)."""

    def post(self, request, pk):
        require(request.user, "centres.evaluate")
        nomination = get_object_or_404(Nomination, pk=pk)
        form = EndorseForm(request.POST)
        form.is_valid()
        data = form.cleaned_data
        try:
            if "endorse" in request.POST:
                if not data.get("start_year"):
                    raise ValidationError(_("Give the first year of the term."))
                services.endorse_nomination(
                    nomination, by=request.user, decision=data.get("decision"), start_year=data["start_year"]
                )
            else:
                services.decline_nomination(
                    nomination, by=request.user, decision=data.get("decision"), note=data.get("note", "")
                )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The COP's decision is recorded."))
        return redirect("centres_staff:home")


class RenewView(LoginRequiredMixin, View):
    def post(self, request, code):
        require(request.user, "centres.evaluate")
        form = EndorseForm(request.POST)
        form.is_valid()
        data = form.cleaned_data
        try:
            # No first year given: the renewal follows on from the current term.
            services.renew_endorsement(
                selectors.centre_get(code),
                by=request.user,
                decision=data.get("decision"),
                start_year=data.get("start_year"),
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The renewal is recorded."))
        return redirect("centres_staff:home")
