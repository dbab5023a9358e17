"""The calendar feed (`/events/calendar.ics` and the API's): which events it carries, and answering calendar
clients that poll it cheaply.

Without a month, the feed carries the events that ended in the last PAST_DAYS days and every later one (at
most LIMIT, by start); an older event is in its month's feed (`?month=2019-05`) and has its own .ics link on
its page. The text is cached (Django's cache: per process unless CACHES points at a shared one), keyed on the
filters, the reader's language, the window's first day and the latest change to any event the calendar shows,
so an edit is in the next answer. The same key is the ETag, and the latest change the Last-Modified: a client
that sends If-None-Match or If-Modified-Since gets 304 Not Modified, which costs one aggregate query.
"""

import datetime
import hashlib

from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

from . import ical, selectors

PAST_DAYS = 90
LIMIT = 1000
CACHE_SECONDS = 60 * 60  # the key changes with every edit; this only bounds the memory held by unused feeds
FILENAME = "tahub-events.ics"


def window_start(now=None):
    """Midnight UTC PAST_DAYS days ago: the window moves once a day, so a day's answers share one cache entry."""
    today = (now or timezone.now()).astimezone(datetime.UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    return today - datetime.timedelta(days=PAST_DAYS)


def feed_events(filters, now=None):
    """The events of the feed: the month's if `filters["month"]` is given, else the window's; by start."""
    since = None if filters.get("month") else window_start(now)
    events = selectors.calendar(**filters, ended_since=since)
    return events.select_related(None).prefetch_related(None)[:LIMIT]  # the text names no theme or organiser


def _key_and_modified(filters, now):
    latest, count = selectors.calendar_state()
    since = None if filters.get("month") else window_start(now)
    parts = [sorted((k, str(v)) for k, v in filters.items() if v), translation.get_language(), since, latest, count]
    key = "events.feed:" + hashlib.sha256(repr(parts).encode()).hexdigest()[:40]
    # The window drops old events at midnight UTC, so the feed may have changed then, even without an edit.
    modified = max(filter(None, [latest, since and since + datetime.timedelta(days=PAST_DAYS)]), default=None)
    return key, modified


def response(request, filters, now=None):
    """The feed as a response: 304 if the client has this version, else the (cached) iCalendar text."""
    key, modified = _key_and_modified(filters, now)
    headers = HttpResponse()
    headers["ETag"] = f'"{key.rsplit(":", 1)[1]}"'
    headers["Cache-Control"] = "no-cache"  # clients may keep it, and ask with the ETag whether it changed
    if modified:
        headers["Last-Modified"] = http_date(modified.timestamp())
    not_modified = get_conditional_response(
        request, etag=headers["ETag"], last_modified=modified and int(modified.timestamp()), response=headers
    )
    if not_modified is not headers:
        return not_modified
    content = cache.get(key)
    if content is None:
        content = ical.calendar_bytes(feed_events(filters, now))
        cache.set(key, content, CACHE_SECONDS)
    reply = ical.ics_response(content, FILENAME)
    for name in ("ETag", "Cache-Control", "Last-Modified"):
        if name in headers:
            reply[name] = headers[name]
    return reply
