"""Observer pages: thin. Public meetings and admitted bodies, the application, representatives; staff review."""

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView
from rules.contrib.views import PermissionRequiredMixin

from tahub.core import application_views, throttle
from tahub.core.forms import add_service_errors
from tahub.core.rules import require
from tahub.directory.models import Organisation

from . import selectors, services
from .exporters import MeetingObserverExporter
from .forms import (
    ApplicationForm,
    MeetingForm,
    RegistrationDecisionForm,
    RegistrationForm,
)
from .models import ObserverMeeting, Registration


class IndexView(TemplateView):
    """Meetings open to observers with their deadlines, the admitted bodies, and who is exempt."""

    template_name = "observers/index.html"

    def get_context_data(self, **kwargs):
        meetings = list(selectors.meeting_list())
        mine = list(selectors.organisations_acting_for(self.request.user))
        statuses = selectors.admission_statuses(mine)
        open_meetings = [m for m in meetings if m.registration_open()]
        # Where a member of an organisation lands: each body it acts for, its admission, and the meetings it
        # may register representatives for now.
        acting = [(o, selectors.STATUS_LABELS.get(statuses.get(o.pk)), open_meetings if o.pk in statuses else [])
                  for o in mine]  # fmt: skip
        return super().get_context_data(
            meetings=meetings,
            bodies=selectors.admitted_bodies(),
            exemptions=selectors.exemptions(),
            exempt_bodies=selectors.exempt_by_status(),
            mine=mine,
            acting=acting,
            applications=selectors.applications_of(self.request.user),
            **kwargs,
        )


class MeetingView(TemplateView):
    """The public list of observer bodies at a meeting: no personal data of representatives."""

    template_name = "observers/meeting.html"

    def get_context_data(self, code, **kwargs):
        meeting = selectors.meeting_get(code)
        observers = list(selectors.meeting_observers(meeting))
        statuses = selectors.admission_statuses(observers)
        rows = [(o, selectors.STATUS_LABELS.get(statuses.get(o.pk), "")) for o in observers]
        mine = selectors.organisations_acting_for(self.request.user)
        return super().get_context_data(meeting=meeting, rows=rows, mine=mine, **kwargs)


class ApplicationView(View):
    """A body applies once for admission, with supporting documents."""

    template_name = "observers/application_form.html"

    def get(self, request):
        return render(request, self.template_name, {"form": ApplicationForm()})

    def post(self, request):
        form = ApplicationForm(request.POST, request.FILES)
        if form.is_valid():
            data = {k: v for k, v in form.cleaned_data.items() if k != "documents"}
            try:
                throttle.check("observer-application", throttle.client_ip(request))
                application = services.submit_application(
                    data=data, documents=form.cleaned_data["documents"], by=request.user
                )
            except ValidationError as error:
                add_service_errors(form, error)
                status = 429 if isinstance(error, throttle.Throttled) else 400
                return render(request, self.template_name, {"form": form}, status=status)
            else:
                messages.success(request, _("Thank you. We sent you a private link to follow the application."))
                return redirect(application)
        return render(request, self.template_name, {"form": form}, status=400)


class ApplicationStatusView(application_views.ApplicationStatusView):
    """The applicant's private page: where the application is, and a place to answer questions."""

    template_name = "observers/application_status.html"

    def get_application(self, token):
        return selectors.application_by_token(token)

    def answer(self, application, *, answer, documents):
        services.answer_application(application, answer=answer, documents=documents)


class RepresentativesView(LoginRequiredMixin, View):
    """An organisation's representatives at a meeting: members propose, the focal point approves."""

    template_name = "observers/representatives.html"

    def _load(self, request, code, slug):
        meeting = selectors.meeting_get(code)
        organisation = get_object_or_404(Organisation, slug=slug)
        require(request.user, "observers.propose_representative", organisation)
        return meeting, organisation

    def _render(self, request, meeting, organisation, form, status=200):
        context = {
            "meeting": meeting,
            "organisation": organisation,
            "form": form,
            "registrations": selectors.registrations_of(organisation, meeting),
            "status": selectors.STATUS_LABELS.get(selectors.admission_status(organisation)),
            "is_focal_point": request.user.has_perm("observers.approve_registration", organisation),
            "decision_form": RegistrationDecisionForm(),
        }
        return render(request, self.template_name, context, status=status)

    def get(self, request, code, slug):
        meeting, organisation = self._load(request, code, slug)
        return self._render(request, meeting, organisation, RegistrationForm())

    def post(self, request, code, slug):
        meeting, organisation = self._load(request, code, slug)
        form = RegistrationForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.register_representative(
                    meeting=meeting, organisation=organisation, data=form.cleaned_data, by=request.user
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("The representative is registered."))
                return redirect("observers:representatives", code, slug)
        return self._render(request, meeting, organisation, form, status=400)


class RegistrationDecisionView(LoginRequiredMixin, View):
    """The focal point approves or refuses a proposed representative."""

    def post(self, request, pk):
        registration = get_object_or_404(Registration.objects.select_related("meeting", "organisation"), pk=pk)
        form = RegistrationDecisionForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Choose to approve or to refuse."))
        else:
            decide = {"approve": services.approve_registration, "refuse": services.refuse_registration}
            try:
                decide[form.cleaned_data["action"]](registration, by=request.user)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("Done: the person who proposed the representative is told by e-mail."))
        return redirect("observers:representatives", registration.meeting.code, registration.organisation.slug)


class RegistrationFileView(View):
    """A representative's badge photo or nomination letter: for the organisation's observer focal point and
    the Secretariat; anyone else gets 404, as if it were not there."""

    FILES = ("photo", "nomination_letter")

    def get(self, request, pk, which):
        if which not in self.FILES:
            raise Http404
        registration = get_object_or_404(Registration.objects.select_related("organisation"), pk=pk)
        if not request.user.has_perm("observers.view_registration_files", registration.organisation):
            raise Http404
        document = getattr(registration, which)
        name = document.name.rsplit("/", 1)[-1]
        return FileResponse(document.open("rb"), as_attachment=which != "photo", filename=name)


class QueueView(PermissionRequiredMixin, TemplateView):
    permission_required = "observers.review_application"
    template_name = "observers/queue.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            applications=selectors.applications_to_review().order_by("state", "-created_at"),
            meetings=selectors.meeting_list(),
            **kwargs,
        )


class ApplicationReviewView(application_views.ApplicationReviewView):
    permission_required = "observers.review_application"
    process = services.applications.REVIEW
    facts_template = "observers/application_facts.html"
    heading = gettext_lazy("Admission of %(name)s as an observer")
    document_url = "observers_staff:document"
    success_url = "observers_staff:queue"

    def get_queryset(self):
        return selectors.applications_to_review()

    def decide(self, application, *, by, action, message):
        services.review_application(application, by=by, action=action, message=message)


class ApplicationDocumentView(application_views.ApplicationDocumentView):
    """Supporting documents are private: only the Secretariat downloads them."""

    permission_required = "observers.review_application"
    process = services.applications.REVIEW


class StaffMeetingView(PermissionRequiredMixin, TemplateView):
    """The admitted observers at a meeting with their approved representatives; CSV or XLSX."""

    permission_required = "observers.view_observer_list"
    template_name = "observers/staff_meeting.html"

    def get(self, request, code):
        meeting = selectors.meeting_get(code)
        observers = list(selectors.meeting_observers_with_representatives(meeting))
        labels = {pk: selectors.STATUS_LABELS[s] for pk, s in selectors.admission_statuses(observers).items()}
        export = request.GET.get("export")
        if export in ("csv", "xlsx"):
            return MeetingObserverExporter(meeting, observers, labels).response(export)
        rows = [(o, labels.get(o.pk, "")) for o in observers]
        return self.render_to_response(self.get_context_data(meeting=meeting, rows=rows))


class MeetingFormView(PermissionRequiredMixin, View):
    """Staff open a meeting to observers (no code) or edit one; a save from a stale page is refused."""

    permission_required = "observers.manage_meetings"
    template_name = "observers/staff_meeting_form.html"

    def _meeting(self, code):
        return get_object_or_404(ObserverMeeting, code=code) if code else None

    def _render(self, request, form, meeting, status=200):
        return render(request, self.template_name, {"form": form, "observer_meeting": meeting}, status=status)

    def get(self, request, code=None):
        meeting = self._meeting(code)
        return self._render(request, MeetingForm(instance=meeting), meeting)

    def post(self, request, code=None):
        meeting = self._meeting(code)
        form = MeetingForm(request.POST, instance=meeting)
        if form.is_valid():
            try:
                if meeting is None:
                    meeting = services.create_meeting(by=request.user, data=form.data_for_service())
                else:
                    version = form.cleaned_data.get("version")
                    meeting = services.update_meeting(
                        meeting, by=request.user, data=form.data_for_service(), version=version
                    )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Meeting saved: admitted and exempt bodies may register for it."))
                return redirect("observers_staff:meeting", meeting.code)
        return self._render(request, form, meeting, status=422)
