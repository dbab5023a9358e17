"""Surveys: the participant answers the evaluation and the follow-up (by their private link); the Secretariat
reads the results of an event, and across the events of each theme."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View

from tahub.core.forms import add_service_errors

from .. import feedback, selectors, surveys
from ..forms import SurveyForm
from ..models import Event
from .events import StaffMixin


class SurveyView(View):
    def _load(self, slug, token, kind):
        if kind not in surveys.CURRENT:
            raise Http404
        return selectors.registration_by_token(selectors.published_event(slug), token), surveys.current(kind)

    def get(self, request, slug, token, kind):
        registration, survey = self._load(slug, token, kind)
        try:
            feedback.check_may_answer(registration, kind)
        except ValidationError as error:
            return render(
                request, "events/survey.html", {"r": registration, "survey": survey, "refusal": error.messages[0]}
            )
        return render(request, "events/survey.html", {"r": registration, "survey": survey, "form": SurveyForm(survey)})

    def post(self, request, slug, token, kind):
        registration, survey = self._load(slug, token, kind)
        form = SurveyForm(survey, request.POST)
        if form.is_valid():
            try:
                feedback.submit_survey(registration, kind=kind, answers=form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Thank you: your answers are recorded."))
                return redirect(registration)
        return render(request, "events/survey.html", {"r": registration, "survey": survey, "form": form}, status=422)


class ResultsView(StaffMixin, View):
    def get(self, request, slug):
        event = get_object_or_404(Event, slug=slug)
        sections = []
        for kind in surveys.CURRENT:
            survey = surveys.current(kind)
            rows, responses, comments = selectors.survey_results(event, kind)
            ratings = [(q, rows.get(q.code)) for q in survey.ratings]
            sections.append({"survey": survey, "ratings": ratings, "responses": responses, "comments": comments})
        return render(request, "events/staff/results.html", {"e": event, "sections": sections})


class ThemeResultsView(StaffMixin, View):
    def get(self, request):
        kind = request.GET.get("kind") if request.GET.get("kind") in surveys.CURRENT else "evaluation"
        labels = {q.code: q.label for q in surveys.current(kind).questions}
        rows = [{**row, "label": labels.get(row["question"], row["question"])}
                for row in selectors.survey_results_by_theme(kind)]  # fmt: skip
        return render(request, "events/staff/theme_results.html", {"rows": rows, "kind": kind})
