"""The pages of private-link applications (core/applications.py), parametrised per app: the applicant's private
page, the reviewer's page with the decision form, and the download of a supporting document.

An app subclasses each view and names its process, its selectors and its templates; nothing here knows the
domain.
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views import View
from rules.contrib.views import PermissionRequiredMixin

from .forms import MultipleDocumentsField, add_service_errors


class ApplicationAnswerForm(forms.Form):
    answer = forms.CharField(label=_("Your answer"), widget=forms.Textarea(attrs={"rows": 4}), required=False)
    documents = MultipleDocumentsField(label=_("More documents"), required=False)


class ApplicationReviewForm(forms.Form):
    """The decision: accept, ask for more, or decline, named by the process's verbs and labels."""

    action = forms.ChoiceField(label=_("Decision"), widget=forms.RadioSelect)
    message = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, process, **kwargs):
        super().__init__(*args, **kwargs)
        labels = process.labels
        self.fields["action"].choices = [
            (process.accept_verb[0], labels["accept"]),
            ("ask", _("Ask for more information")),
            (process.decline_verb[0], labels["decline"]),
        ]
        self.fields["message"].label = labels["message"]
        self.fields["message"].help_text = labels["message_help"]


class ApplicationStatusView(View):
    """The applicant's private page (by token): where the application is, and a place to answer questions.

    Subclasses set `template_name`, `get_application(token)` and `answer(application, answer, documents)`."""

    template_name = None
    context_name = "application"
    answered_message = _("Your answer was sent to the Secretariat.")

    def get_application(self, token):
        raise NotImplementedError

    def answer(self, application, *, answer, documents):
        raise NotImplementedError

    def _render(self, request, application, form, status=200):
        context = {self.context_name: application, "application": application, "form": form}
        return render(request, self.template_name, context, status=status)

    def get(self, request, token):
        return self._render(request, self.get_application(token), ApplicationAnswerForm())

    def post(self, request, token):
        application = self.get_application(token)
        form = ApplicationAnswerForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                self.answer(application, answer=form.cleaned_data["answer"], documents=form.cleaned_data["documents"])
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, self.answered_message)
                return redirect(application)
        return self._render(request, application, form, status=400)


class ApplicationReviewView(PermissionRequiredMixin, View):
    """The reviewer's page: the application, its documents and thread, and the decision form.

    Subclasses set `process`, `permission_required`, `facts_template` (the app's own fields as <dt>/<dd>),
    `heading` (with %(name)s), `document_url` and `success_url` (URL names), `get_queryset()`, and
    `decide(application, by, action, message)` (the app's review service); `published(application)` lists
    what acceptance makes public, so the reviewer sees all of it before deciding."""

    process = None
    template_name = "core/application_review.html"
    facts_template = None
    heading = None
    document_url = None
    success_url = None
    done_message = _("Done: the applicant has been told by e-mail.")
    published_heading = _("What acceptance makes public")

    def get_queryset(self):
        raise NotImplementedError

    def decide(self, application, *, by, action, message):
        raise NotImplementedError

    def published(self, application):
        """What accepting the application makes public, as (label, value) pairs the page shows before the
        decision; an app whose acceptance publishes nothing returns []."""
        return []

    def _render(self, request, application, form, status=200):
        context = {
            "application": application,
            "form": form,
            "heading": self.heading % {"name": application.name},
            "facts_template": self.facts_template,
            "document_url": self.document_url,
            "published": self.published(application),
            "published_heading": self.published_heading,
        }
        return render(request, self.template_name, context, status=status)

    def get(self, request, pk):
        application = get_object_or_404(self.get_queryset(), pk=pk)
        return self._render(request, application, ApplicationReviewForm(process=self.process))

    def post(self, request, pk):
        application = get_object_or_404(self.get_queryset(), pk=pk)
        form = ApplicationReviewForm(request.POST, process=self.process)
        if form.is_valid():
            try:
                self.decide(application, by=request.user, **form.cleaned_data)
            except ValidationError as error:
                # A missing message or reason belongs next to the message box; anything else at the top.
                form.add_error("message" if hasattr(error, "error_dict") else None, error.messages)
            else:
                messages.success(request, self.done_message)
                return redirect(self.success_url)
        return self._render(request, application, form, status=400)


class ApplicationDocumentView(PermissionRequiredMixin, View):
    """A supporting document of an application: private, only reviewers download it (others are refused)."""

    process = None

    def get(self, request, pk, document_pk):
        lookup = {"pk": document_pk, f"{self.process.document_field}_id": pk}
        document = get_object_or_404(self.process.document_model, **lookup)
        return FileResponse(document.file.open("rb"), as_attachment=True, filename=str(document))
