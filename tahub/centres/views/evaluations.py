"""The Secretariat's evaluation of a centre: opening a score sheet for a period, scoring each criterion,
finalising it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View
from rules.contrib.views import LoginRequiredMixin

from tahub.core.forms import add_service_errors
from tahub.core.rules import require

from .. import selectors, services
from ..forms import EvaluationStartForm, ScoreForm
from ..models import Score


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
