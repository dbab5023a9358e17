"""iCalendar (RFC 5545) for the calendar feed and for one event: local times with their TZID and VTIMEZONE.

The text is written here, line by line (escaped, folded at 75 octets, CRLF): building a component tree with the
icalendar library cost about 1 ms per event, most of a feed's time. The library still writes each VTIMEZONE,
once per zone and process (the same block for every feed). A zone that is UTC is written as UTC (…Z), as the
library does.
"""

import datetime
from functools import cache

from django.conf import settings
from django.http import HttpResponse
from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Timezone
from modeltranslation.utils import build_localized_fieldname

from tahub.core.i18n import offered

from .models import EventState, Mode

UTC_ZONES = {"UTC", "Etc/UTC", "Etc/UCT", "UCT", "Etc/Universal", "Universal", "Etc/Zulu", "Zulu"}
CONTENT_TYPE = "text/calendar; charset=utf-8"
_ESCAPES = str.maketrans({"\\": "\\\\", ";": "\\;", ",": "\\,", "\n": "\\n"})
_CONTROL = dict.fromkeys([*range(0, 9), *range(11, 32), 127])  # TEXT allows no control character but HTAB


def escape(value):
    """A TEXT value: backslash, semicolon, comma and line breaks escaped; other control characters dropped."""
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    return text.translate(_CONTROL).translate(_ESCAPES)


def fold(line):
    """One content line, folded: no physical line longer than 75 octets, never inside a UTF-8 character."""
    if len(line) <= 75 and line.isascii():
        return line + "\r\n"
    parts, current, size = [], [], 0
    for char in line:
        width = len(char.encode())
        if size + width > 75:
            parts.append("".join(current))
            current, size = [" "], 1  # a continuation line starts with one space
        current.append(char)
        size += width
    parts.append("".join(current))
    return "\r\n".join(parts) + "\r\n"


@cache
def vtimezone(name):
    """The VTIMEZONE block of an IANA zone (icalendar's, from the zone's transitions), or "" if unknown."""
    try:
        return Timezone.from_tzid(name).to_ical().decode()
    except ValueError:
        return ""


def _local(value, event):
    """(parameters, value) of a DATE-TIME: the wall-clock time in the event's zone with its TZID, else UTC."""
    if event.time_zone in UTC_ZONES or not vtimezone(event.time_zone):
        return "", f"{value.astimezone(datetime.UTC):%Y%m%dT%H%M%SZ}"
    return f";TZID={event.time_zone}", f"{value.astimezone(event.zone):%Y%m%dT%H%M%S}"


class _Context:
    """What every event of one calendar shares, worked out once: the host of the UIDs, the address of an event
    page, the reader's language and the names of the modes in it."""

    def __init__(self):
        self.host = settings.SITE_URL.split("://")[-1].split("/")[0] or "tahub"
        self.page = settings.SITE_URL + reverse("events:detail", args=["SLUG"]).replace("SLUG", "{}")
        self.language = offered(translation.get_language()) or settings.LANGUAGE_CODE  # zh-hans, not "zh"
        self.modes = {value: str(label) for value, label in Mode.choices}

    def text(self, event, field):
        """The event's title or description in the reader's language, else English (as Event.title does)."""
        return getattr(event, build_localized_fieldname(field, self.language)) or getattr(event, f"{field}_en")


def vevent(event, context=None):
    """The VEVENT of one event, as text."""
    context = context or _Context()
    start_parameters, start = _local(event.start, event)
    end_parameters, end = _local(event.end, event)
    stamp = (event.updated_at or timezone.now()).astimezone(datetime.UTC)
    lines = [
        "BEGIN:VEVENT",
        f"UID:{escape(event.slug)}@{context.host}",
        f"SUMMARY:{escape(context.text(event, 'title'))}",
        f"DTSTART{start_parameters}:{start}",
        f"DTEND{end_parameters}:{end}",
        f"DTSTAMP:{stamp:%Y%m%dT%H%M%SZ}",
        f"URL:{context.page.format(event.slug)}",
        f"LOCATION:{escape(event.venue or context.modes.get(event.mode, event.mode))}",
    ]
    description = context.text(event, "description")
    if description:
        lines.append(f"DESCRIPTION:{escape(description)}")
    lines += [f"STATUS:{'CANCELLED' if event.state == EventState.CANCELLED else 'CONFIRMED'}", "END:VEVENT"]
    return "".join(fold(line) for line in lines)


def calendar_bytes(events, name="TA Hub events"):
    """A VCALENDAR with the VTIMEZONE of each zone used (those before the events), as UTF-8 bytes."""
    context, events = _Context(), list(events)
    body = [vevent(event, context) for event in events]
    zones = sorted({event.time_zone for event in events} - UTC_ZONES)
    head = ["BEGIN:VCALENDAR", "PRODID:-//TA Hub//events//EN", "VERSION:2.0", f"X-WR-CALNAME:{escape(name)}"]
    text = "".join(fold(line) for line in head) + "".join(vtimezone(zone) for zone in zones)
    return (text + "".join(body) + "END:VCALENDAR\r\n").encode()


def response(events, filename):
    return ics_response(calendar_bytes(events), filename)


def ics_response(content, filename):
    reply = HttpResponse(content, content_type=CONTENT_TYPE)
    reply["Content-Disposition"] = f'attachment; filename="{filename}"'
    return reply
