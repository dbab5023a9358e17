"""A respondent's pages: its questionnaire online (save draft, submit), and the workbook round-trip.

A Party answers the needs questionnaire; a Party or an organisation answers the offers questionnaire. Someone
who may not see a respondent's answers gets 404, as if they were not there.
"""

from itertools import groupby

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views import View
from rules.contrib.views import LoginRequiredMixin

from tahub.core.forms import add_service_errors
from tahub.core.i18n import requested_language
from tahub.core.workflow import Stale

from .. import selectors, services, workbook
from ..forms import QuestionnaireForm, WorkbookUploadForm
from ..models import ReopenRequest, Response, respondent_url
from ..selectors import respondents
from ..services import answering


def _open_question(response):
    """The latest request to reopen the response when it is pending or was declined (its people see why), or
    None."""
    latest = response.reopen_requests.order_by("-created_at", "-pk").first()
    return latest if latest and latest.state != ReopenRequest.State.GRANTED else None


def _sections(questions):
    return [(title, list(items)) for title, items in groupby(questions, key=lambda q: q.section_title)]


def _rebound(request, questions, version, years):
    """The posted form again (what the person typed), carrying the response's current version."""
    data = request.POST.copy()
    data["version"] = str(version)
    form = QuestionnaireForm(data, questions=questions, years=years)
    form.is_valid()
    return form


class RespondentMixin(LoginRequiredMixin):
    """Resolves (cycle, kind, who, key) to the invited respondent the user may see, or 404."""

    def load(self, request, cycle, kind, who, key):
        cycle = selectors.cycle_get(cycle)
        respondent = respondents.invited_respondent(cycle, kind, who, key)
        if not request.user.has_perm("needs.view_response", respondent):
            raise Http404
        return cycle, respondent, respondents.response_for(cycle, kind, respondent)

    def back(self, cycle, kind, respondent):
        return redirect(respondent_url("needs:respond", cycle, kind, respondent))


class RespondView(RespondentMixin, View):
    """GET shows the questionnaire by section; POST saves a draft or submits. On submit the answers are saved
    first (their own transaction), so a refused submission keeps the draft and names what is missing."""

    template_name = "needs/respond.html"

    def _render(self, request, cycle, kind, respondent, response, form=None, status=200):
        questions = respondents.questions(cycle.questionnaire_of(kind))
        submitted = response is not None and response.state == Response.State.SUBMITTED
        if form is None:
            values = {a.question.code: answering.raw(a) for a in response.answers.all()} if response else {}
            form = QuestionnaireForm(
                questions=questions,
                values=values,
                readonly=submitted,
                version=response.version if response else 0,
                years=cycle.years,
            )
        context = {
            "cycle": cycle,
            "kind": kind,
            "respondent": respondent,
            "party": respondent,  # the name the first templates used
            "response": response,
            "submitted": submitted,
            "form": form,
            "sections": form.section_fields(_sections(questions)),
            "deadlines": cycle.deadlines(kind),
            "workbook_url": respondent_url("needs:workbook", cycle, kind, respondent),
            "upload_url": respondent_url("needs:upload", cycle, kind, respondent),
            "may_reopen": submitted and request.user.has_perm("needs.reopen_response", response),
            "may_request_reopen": submitted and request.user.has_perm("needs.request_reopen", respondent),
            "reopen_request": _open_question(response) if submitted else None,
            "request_reopen_url": respondent_url("needs:request_reopen", cycle, kind, respondent),
        }
        return render(request, self.template_name, context, status=status)

    def get(self, request, cycle, kind="needs", who="parties", key=None, iso3=None):
        cycle, respondent, response = self.load(request, cycle, kind, who, key or iso3)
        return self._render(request, cycle, kind, respondent, response)

    def post(self, request, cycle, kind="needs", who="parties", key=None, iso3=None):
        cycle, respondent, response = self.load(request, cycle, kind, who, key or iso3)
        questions = respondents.questions(cycle.questionnaire_of(kind))
        form = QuestionnaireForm(request.POST, questions=questions, years=cycle.years)
        if form.is_valid():
            target = {"party" if who == "parties" else "organisation": respondent}
            saved = None
            try:
                saved = services.save_answers(
                    cycle=cycle, kind=kind, answers=form.answers(), by=request.user,
                    version=form.cleaned_data["version"], **target,
                )  # fmt: skip
                if "submit" in request.POST:
                    services.submit_response(saved, by=request.user)
            except Stale as stale:
                return self._stale(request, cycle, kind, respondent, questions, stale)
            except ValidationError as error:
                if saved is not None:  # the draft is saved, the submission refused: carry the new version
                    form = _rebound(request, questions, saved.version, cycle.years)
                form.add_service_errors(error)
            else:
                messages.success(request, _("Submitted. Thank you.") if "submit" in request.POST else _("Saved."))
                return self.back(cycle, kind, respondent)
        response = respondents.response_for(cycle, kind, respondent)
        return self._render(request, cycle, kind, respondent, response, form)

    def _stale(self, request, cycle, kind, respondent, questions, stale):
        """Keep what this person typed on the page, say who saved first and when (this person too, from another
        tab), and carry the current
        version: saving again is a deliberate choice to replace the other person's answers."""
        response = respondents.response_for(cycle, kind, respondent)
        form = _rebound(request, questions, response.version, cycle.years)
        form.add_error(None, stale)
        return self._render(request, cycle, kind, respondent, response, form, status=409)


class WorkbookView(RespondentMixin, View):
    """The questionnaire as an XLSX workbook, pre-filled with this cycle's answers, or the previous cycle's."""

    def get(self, request, cycle, kind, who, key):
        cycle, respondent, response = self.load(request, cycle, kind, who, key)
        if response is None or not response.answers.all():
            response = respondents.previous_response(cycle, kind, respondent) or response
        with translation.override(requested_language(request)):  # ?lang=, else the page's (the account's) language
            content = workbook.build(cycle, kind, respondent, response)
        name = workbook.filename(cycle, kind, respondent)
        reply = HttpResponse(content, content_type=workbook.CONTENT_TYPE)
        reply["Content-Disposition"] = f'attachment; filename="{name}"'
        return reply


class UploadView(RespondentMixin, View):
    """Upload a filled workbook: checked row by row, all or nothing; each problem names sheet, row and column."""

    template_name = "needs/upload.html"

    def _render(self, request, cycle, kind, respondent, form, problems=(), status=200):
        context = {"cycle": cycle, "kind": kind, "respondent": respondent, "form": form, "problems": problems,
                   "back_url": respondent_url("needs:respond", cycle, kind, respondent),
                   "workbook_url": respondent_url("needs:workbook", cycle, kind, respondent)}  # fmt: skip
        return render(request, self.template_name, context, status=status)

    def get(self, request, cycle, kind, who, key):
        cycle, respondent, _response = self.load(request, cycle, kind, who, key)
        return self._render(request, cycle, kind, respondent, WorkbookUploadForm())

    def post(self, request, cycle, kind, who, key):
        cycle, respondent, response = self.load(request, cycle, kind, who, key)
        form = WorkbookUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self._render(request, cycle, kind, respondent, form, status=400)
        try:
            workbook.import_workbook(form.cleaned_data["workbook"], cycle=cycle, kind=kind, respondent=respondent,
                                     by=request.user)  # fmt: skip
        except workbook.WorkbookError as error:
            return self._render(request, cycle, kind, respondent, form, error.problems, status=400)
        except ValidationError as error:
            add_service_errors(form, error)
            return self._render(request, cycle, kind, respondent, form, status=400)
        messages.success(request, _("The workbook is imported: your answers are saved as a draft."))
        return self.back(cycle, kind, respondent)
