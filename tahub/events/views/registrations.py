"""Who takes part, on the pages: open registration (webinars), and the Secretariat's nomination list: its rows,
the decisions beside each (accept, waitlist, decline, cancel), and attendance (marked or uploaded)."""

import html

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View

from tahub.core.forms import add_service_errors
from tahub.core.links import url_pattern
from tahub.core.pagination import paginate

from .. import attendance, selectors, services
from ..forms import AttendanceUploadForm, DeclineForm, RegistrationForm
from ..models import Event, RegistrationState
from .events import StaffMixin, event_context


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
        context = event_context(request, event, open=True, form=form)
        return render(request, "events/event_detail.html", context, status=422)


DECISIONS = {
    "accept": services.accept_registration,
    "waitlist": services.waitlist_registration,
    "decline": services.decline_registration,
    "cancel": services.cancel_registration,
}


def _registrations_page(request, event, *, upload_form=None, status=200):
    page, query = paginate(request, selectors.registrations_of(event), per_page=100)
    context = {
        "e": event,
        "page": page,
        "rows": registration_rows_html(request, event, page.object_list),
        "query": query,
        "counts": selectors.registration_counts(event),
        "upload_form": upload_form or AttendanceUploadForm(),
        "decline_form": DeclineForm(),
    }
    return render(request, "events/staff/registrations.html", context, status=status)


PK = 987654321  # a stand-in registration pk for the URL patterns (the int converter's shape, in no slug)

DECIDE_LABELS = {"accept": gettext_lazy("Accept"), "waitlist": gettext_lazy("Waiting list"),
                 "decline": gettext_lazy("Decline"), "cancel": gettext_lazy("Cancel")}  # fmt: skip

DECIDE_ACTIONS = {  # the decisions offered beside a registration in each state, in this order
    RegistrationState.NOMINATED: ("accept", "waitlist", "decline", "cancel"),
    RegistrationState.WAITLISTED: ("accept", "cancel"),
    RegistrationState.ACCEPTED: ("cancel",),
}


def registration_rows_html(request, event, registrations):
    """The nomination list's rows as HTML: name and e-mail, Party, status, letter, attended, the decisions.
    Written here, not in the template: there, each row of a nominated person cost ~2,300 Python calls (four
    included forms, each a URL reversed and a CSRF token; 344,769 calls a page of 100; issue 13). The markup is
    the template's (events/staff/decide.html for each decision, compared in tests/events/test_staff_rows.py)."""
    esc = html.escape
    token = esc(get_token(request))
    letter = url_pattern("events:letter", event.slug, placeholders=(PK,))
    states = {state.value: esc(str(state.label)) for state in RegistrationState}  # translated once a page
    forms = {}
    for action, label in DECIDE_LABELS.items():
        label = esc(str(label)).replace("{", "{{").replace("}", "}}")  # a literal of the format below
        url = esc(url_pattern("events_staff:decide", event.slug, PK, action, placeholders=(PK,)))
        forms[action] = (
            f'<form method="post" action="{url}" class="inline"><input type="hidden" name="csrfmiddlewaretoken" '
            f'value="{token}"><input type="hidden" name="seen_state" value="{{state}}"><button type="submit" '
            f'aria-label="{label}: {{name}}">{label}</button></form>\n'
        )
    letter_label, attended = esc(_("Letter")), _("%(name)s attended")
    rows = []
    for r in registrations:
        name, pk, state = esc(r.name), r.pk, r.state
        party = esc(r.party.country.name) if r.party_id and r.party.country.name else "—"
        link = f'<a href="{esc(letter.format(pk))}">{letter_label}</a>' if r.letter else "—"
        if state == RegistrationState.ACCEPTED:
            checked = " checked" if r.attended else ""
            box = (
                f'<input type="checkbox" form="attendance" name="attended" value="{pk}" id="attended-{pk}"{checked}>'
                f'<label for="attended-{pk}" class="visually-hidden">{attended % {"name": name}}</label>'
            )
        else:
            box = "—"
        decide = "".join(
            forms[action].format(pk, state=esc(state), name=name) for action in DECIDE_ACTIONS.get(state, ())
        )
        rows.append(
            f"<tr><td>{name}<br><small>{esc(r.email)}</small></td><td>{party}</td>"
            f"<td>{states.get(state, esc(state))}</td>\n  <td>{link}</td>\n  <td>{box}</td>\n  "
            f"<td>{decide}</td></tr>\n  "
        )
    return mark_safe("".join(rows))  # noqa: S308 (every value above is escaped)


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
