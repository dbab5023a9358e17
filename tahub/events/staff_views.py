"""The Secretariat's pages for events: the list, the nomination list (accept, waitlist, decline, cancel),
attendance (marked or uploaded), publishing, and survey results."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views import View
from rules.contrib.views import PermissionRequiredMixin

from tahub.core.pagination import paginate

from . import attendance, selectors, services, surveys
from .forms import AttendanceUploadForm, DeclineForm
from .models import Event, RegistrationState

DECISIONS = {
    "accept": services.accept_registration,
    "waitlist": services.waitlist_registration,
    "decline": services.decline_registration,
    "cancel": services.cancel_registration,
}


class StaffMixin(PermissionRequiredMixin):
    permission_required = "events.manage_events"


class EventListView(StaffMixin, View):
    def get(self, request):
        page, query = paginate(request, Event.objects.order_by("-start"))
        return render(request, "events/staff/event_list.html", {"page": page, "query": query})


def _registrations_page(request, event, *, upload_form=None, status=200):
    page, query = paginate(request, selectors.registrations_of(event), per_page=100)
    context = {
        "e": event,
        "page": page,
        "query": query,
        "counts": selectors.registration_counts(event),
        "upload_form": upload_form or AttendanceUploadForm(),
        "decline_form": DeclineForm(),
    }
    return render(request, "events/staff/registrations.html", context, status=status)


class RegistrationsView(StaffMixin, View):
    def get(self, request, slug):
        return _registrations_page(request, get_object_or_404(Event, slug=slug))


class DecideView(StaffMixin, View):
    def post(self, request, slug, pk, action):
        event = get_object_or_404(Event, slug=slug)
        registration = get_object_or_404(event.registrations, pk=pk)
        if action not in DECISIONS:
            return redirect("events_staff:registrations", slug)
        kwargs = {"seen_state": request.POST.get("seen_state") or None}
        if action == "decline":
            kwargs["message"] = request.POST.get("message", "")
        try:
            result = DECISIONS[action](registration, by=request.user, **kwargs)
        except ValidationError as error:
            messages.error(request, f"{registration.name}: " + " ".join(error.messages))
        else:
            promoted = result[1] if isinstance(result, tuple) else None
            messages.success(request, _("%(name)s: done.") % {"name": registration.name})
            if promoted:
                messages.info(request, _("%(name)s moved up from the waiting list.") % {"name": promoted.name})
        return redirect("events_staff:registrations", slug)


class AttendanceView(StaffMixin, View):
    def post(self, request, slug):
        event = get_object_or_404(Event, slug=slug)
        ids = [int(pk) for pk in request.POST.getlist("attended") if pk.isdigit()]
        try:
            count = services.record_attendance(event, by=request.user, attended_ids=ids)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Attendance recorded: %(n)s present.") % {"n": count})
        return redirect("events_staff:registrations", slug)


class AttendanceUploadView(StaffMixin, View):
    def post(self, request, slug):
        event = get_object_or_404(Event, slug=slug)
        form = AttendanceUploadForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                count = attendance.import_attendance(event, by=request.user, upload=form.cleaned_data["file"])
            except ValidationError as error:
                for message in error.messages:
                    form.add_error("file", message)
            else:
                messages.success(request, _("Attendance imported: %(n)s present.") % {"n": count})
                return redirect("events_staff:registrations", slug)
        return _registrations_page(request, event, upload_form=form, status=422)


def _confirm_cancel(request, event):
    """Cancelling tells everyone registered and cannot be undone: a page says so and asks first (no JS)."""
    if event.state == "cancelled":
        return redirect("events_staff:registrations", event.slug)
    told = event.registrations.filter(state__in=RegistrationState.active()).count()
    return render(request, "events/staff/confirm_cancel.html", {"e": event, "told": told})


class MoveView(StaffMixin, View):
    """Publish on one click; cancel only after the confirmation page (a POST without `confirm=yes` shows it)."""

    def get(self, request, slug, action):
        if action != "cancel":
            return HttpResponseNotAllowed(["POST"])
        return _confirm_cancel(request, get_object_or_404(Event, slug=slug))

    def post(self, request, slug, action):
        event = get_object_or_404(Event, slug=slug)
        if action == "cancel" and request.POST.get("confirm") != "yes":
            return _confirm_cancel(request, event)
        move = {"publish": services.publish_event, "cancel": services.cancel_event}.get(action)
        if move:
            try:
                move(event, by=request.user)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
        return redirect("events_staff:registrations", slug)


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
