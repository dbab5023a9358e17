"""iCalendar (RFC 5545) for the calendar feed and for one event: local times with their TZID and VTIMEZONE."""

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as VEvent

from .models import EventState


def _vevent(event):
    item = VEvent()
    item.add("uid", f"{event.slug}@{settings.SITE_URL.split('://')[-1].split('/')[0] or 'tahub'}")
    item.add("summary", event.title)
    item.add("dtstart", event.start.astimezone(event.zone))
    item.add("dtend", event.end.astimezone(event.zone))
    item.add("dtstamp", event.updated_at or timezone.now())
    item.add("url", f"{settings.SITE_URL}{event.get_absolute_url()}")
    item.add("location", event.venue or event.get_mode_display())
    if event.description:
        item.add("description", event.description)
    item.add("status", "CANCELLED" if event.state == EventState.CANCELLED else "CONFIRMED")
    return item


def calendar_bytes(events, name="TA Hub events"):
    cal = Calendar()
    cal.add("prodid", "-//TA Hub//events//EN")
    cal.add("version", "2.0")
    cal.add("x-wr-calname", name)
    for event in events:
        cal.add_component(_vevent(event))
    cal.add_missing_timezones()
    return cal.to_ical()


def response(events, filename):
    reply = HttpResponse(calendar_bytes(events), content_type="text/calendar; charset=utf-8")
    reply["Content-Disposition"] = f'attachment; filename="{filename}"'
    return reply
