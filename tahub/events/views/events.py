"""The pages of events themselves: the public calendar, its iCalendar feed, an event and its own `.ics`; and
the Secretariat's: the list of events, creating and editing one (through content.py), publishing and cancelling
it (cancelling after a confirmation page). Thin: selectors, content and services."""

from html import escape
from zoneinfo import ZoneInfo

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.dates import MONTHS_3
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views import View
from rules.contrib.views import PermissionRequiredMixin

from tahub.core.forms import add_service_errors
from tahub.core.links import url_pattern
from tahub.core.pagination import paginate

from .. import content, feed, ical, selectors, services
from ..forms import CalendarFilterForm, EventForm, RegistrationForm
from ..models import Event, EventState, Kind, Material, Mode, RegistrationMode, RegistrationState

NONE = "—"


class CalendarView(View):
    def get(self, request):
        form = CalendarFilterForm(request.GET or None)
        page, query = paginate(request, selectors.calendar_rows(**form.filters()))
        page.object_list = events = list(page.object_list)
        rows = calendar_rows_html(events, *selectors.calendar_names([event["pk"] for event in events]))
        context = {"form": form, "page": page, "query": query, "feed_days": feed.PAST_DAYS, "rows": rows}
        return render(request, "events/calendar.html", context)


def calendar_rows_html(events, themes, organisers):
    """The calendar's rows (`selectors.calendar_rows`, their names from `selectors.calendar_names`) as HTML.
    Written here, not in the template: there, each event cost ~2,000 Python calls (the dates included from
    partials/when.html in the event's time zone, a URL reversed, two labels translated, its themes and
    organisers as model instances: 130,455 calls for a page of 50, now 30,632); here the URL pattern, the labels
    and the month names are made once a page.
    The markup is the template's: the local start and end as partials/when.html writes them, the title linked
    to the event (marked if cancelled), kind, mode and venue, themes and organisers ("—" for none)."""
    url = url_pattern("events:detail")
    kinds = {choice.value: escape(str(choice.label)) for choice in Kind}  # translated once
    modes = {choice.value: escape(str(choice.label)) for choice in Mode}
    cancelled_label = escape(_("cancelled"))  # outside the f-string: xgettext reads no call in one
    cancelled = f" <strong>{cancelled_label}</strong>"
    titles = selectors.title_in_reader_language()
    months = {}
    rows = []
    for event in events:
        zone = event["time_zone"]
        start, end = event["start"].astimezone(ZoneInfo(zone)), event["end"].astimezone(ZoneInfo(zone))
        for month in (start.month, end.month):
            if month not in months:
                months[month] = escape(MONTHS_3[month].title())  # as the date filter's "M"
        begins = f"{start.day} {months[start.month]} {start.year:04d}, {start.hour:02d}:{start.minute:02d}"
        if event["starts_on"] == event["ends_on"]:
            when = f"{begins}–{end.hour:02d}:{end.minute:02d}"
        else:
            when = f"{begins} – {end.day} {months[end.month]} {end.year:04d}, {end.hour:02d}:{end.minute:02d}"
        pk, kind, mode, venue = event["pk"], event["kind"], event["mode"], event["venue"]
        title = next((event[key] for key in titles if event[key]), "")
        rows.append(
            f"\n  <tr><td>{when} ({escape(zone)})\n</td>"
            f'<td><a href="{escape(url.format(event["slug"]))}">{escape(title)}</a>'
            f"{cancelled if event['state'] == EventState.CANCELLED else ''}</td>"
            f"<td>{kinds.get(kind) or escape(kind)}</td>"
            f"<td>{modes.get(mode) or escape(mode)}{', ' + escape(venue) if venue else ''}</td>"
            f"<td>{'; '.join(map(escape, themes.get(pk, ()))) or NONE}</td>"
            f"<td>{'; '.join(map(escape, organisers.get(pk, ()))) or NONE}</td></tr>\n  "
        )
    return mark_safe("".join(rows))  # noqa: S308 (every value above is escaped)


class FeedView(View):
    """The calendar as iCalendar, with the same filters: subscribe to, e.g., every webinar in French. Without a
    month, from PAST_DAYS ago on (feed.py); 304 to a client that already has this version."""

    def get(self, request):
        return feed.response(request, CalendarFilterForm(request.GET or None).filters())


def event_context(request, event, **given):
    """What events/event_detail.html shows of `event` to this person (`given`: the registration form's answer
    with its errors passes its form). The event's relations are values (`selectors.event_relations`), not model
    instances, and who may manage events is asked once (the materials shown and the staff links)."""
    manage = request.user.has_perm("events.manage_events")
    relations = selectors.event_relations(event, all_materials=manage)
    kinds = dict(Material.Kind.choices)
    for material in relations["materials"]:
        material["kind_label"] = kinds.get(material["kind"], material["kind"])
    # The labels of the event's choices, as get_<field>_display gives them (which rebuilds the choices each time).
    labels = {}
    for field, enum in (("state", EventState), ("kind", Kind), ("mode", Mode), ("registration_mode", RegistrationMode)):
        value = getattr(event, field)
        labels[field] = dict(enum.choices).get(value, value)
    nomination = event.registration_mode == RegistrationMode.NOMINATION
    return {
        "e": event,
        "counts": selectors.registration_counts(event),
        "open": event.registration_open(),
        **relations,
        "labels": labels,
        "manage": manage,
        "parties": selectors.parties_user_may_nominate_for(request.user) if nomination else [],
        "form": RegistrationForm() if event.registration_mode == RegistrationMode.OPEN else None,
        **given,
    }


class EventView(View):
    def get(self, request, slug):
        event = selectors.event_page(request.user, slug)
        return render(request, "events/event_detail.html", event_context(request, event))


class EventIcsView(View):
    def get(self, request, slug):
        event = selectors.event_get(request.user, slug)
        return ical.response([event], f"{event.slug}.ics")


class StaffMixin(PermissionRequiredMixin):
    permission_required = "events.manage_events"


class EventListView(StaffMixin, View):
    def get(self, request):
        page, query = paginate(request, Event.objects.order_by("-start"))
        return render(request, "events/staff/event_list.html", {"page": page, "query": query})


class EventFormView(StaffMixin, View):
    """Create an event (no slug) or edit one; a save from a stale page is refused with a message."""

    def _event(self, slug):
        return get_object_or_404(Event, slug=slug) if slug else None

    def _render(self, request, form, event, status=200):
        return render(request, "events/staff/event_form.html", {"form": form, "e": event}, status=status)

    def get(self, request, slug=None):
        event = self._event(slug)
        return self._render(request, EventForm(instance=event), event)

    def post(self, request, slug=None):
        event = self._event(slug)
        form = EventForm(request.POST, instance=event)
        if form.is_valid():
            try:
                if event is None:
                    event = content.create_event(by=request.user, data=form.data_for_service())
                else:
                    version = form.cleaned_data.get("version")
                    event = content.update_event(event, by=request.user, data=form.data_for_service(), version=version)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Event saved."))
                return redirect("events_staff:registrations", event.slug)
        return self._render(request, form, event, status=422)


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
