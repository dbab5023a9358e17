"""Public pages of events: the calendar, its iCalendar feed, an event, open registration, and the
participant's own page (by private link): status, surveys and certificate. Thin: selectors and services."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from tahub.core.forms import add_service_errors
from tahub.core.pagination import paginate

from . import certificates, feed, feedback, ical, selectors, services, surveys
from .forms import CalendarFilterForm, RegistrationForm, SurveyForm
from .models import RegistrationMode


class CalendarView(View):
    def get(self, request):
        form = CalendarFilterForm(request.GET or None)
        page, query = paginate(request, selectors.calendar(**form.filters()))
        context = {"form": form, "page": page, "query": query, "feed_days": feed.PAST_DAYS}
        return render(request, "events/calendar.html", context)


class FeedView(View):
    """The calendar as iCalendar, with the same filters: subscribe to, e.g., every webinar in French. Without a
    month, from PAST_DAYS ago on (feed.py); 304 to a client that already has this version."""

    def get(self, request):
        return feed.response(request, CalendarFilterForm(request.GET or None).filters())


class EventView(View):
    def get(self, request, slug):
        event = selectors.event_get(request.user, slug)
        parties = selectors.parties_user_may_nominate_for(request.user)
        context = {
            "e": event,
            "counts": selectors.registration_counts(event),
            "open": event.registration_open(),
            "materials": selectors.materials_shown(event, request.user),
            "parties": parties if event.registration_mode == RegistrationMode.NOMINATION else [],
            "form": RegistrationForm() if event.registration_mode == RegistrationMode.OPEN else None,
        }
        return render(request, "events/event_detail.html", context)


class EventIcsView(View):
    def get(self, request, slug):
        event = selectors.event_get(request.user, slug)
        return ical.response([event], f"{event.slug}.ics")


class RegisterView(View):
    """Open registration (webinars): anyone, with a name and an e-mail address."""

    def post(self, request, slug):
        event = selectors.published_event(slug)
        form = RegistrationForm(request.POST)
        if form.is_valid():
            try:
                services.register(event, language=request.LANGUAGE_CODE, **form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:  # the same answer for a known address, and the private link by e-mail only
                messages.success(request, services.REGISTRATION_SENT % {"email": form.cleaned_data["email"]})
                return redirect(event)
        context = {"e": event, "counts": selectors.registration_counts(event), "open": True, "form": form,
                   "materials": selectors.materials_shown(event, request.user)}  # fmt: skip
        return render(request, "events/event_detail.html", context, status=422)


class ParticipationView(View):
    """The participant's page, reached by the private link in their e-mails."""

    def get(self, request, slug, token):
        registration = selectors.registration_by_token(selectors.published_event(slug), token)
        materials = registration.event.materials.all() if selectors.may_see_participant_materials(registration) else []
        context = {"r": registration, "e": registration.event, "materials": materials}
        return render(request, "events/participation.html", context)

    def post(self, request, slug, token):
        registration = selectors.registration_by_token(selectors.published_event(slug), token)
        try:
            services.cancel_registration(registration, token=token)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Your registration is cancelled."))
        return redirect(registration)


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


class CertificateView(View):
    def get(self, request, slug, token):
        registration = selectors.registration_by_token(selectors.published_event(slug), token)
        try:
            pdf = certificates.certificate_pdf(registration)
        except PermissionDenied:
            raise
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="certificate-{registration.event.slug}.pdf"'
        return response
