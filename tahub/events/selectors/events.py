"""The reads of events themselves: the calendar (and what its feed's version depends on), one event, its
materials, and the events other apps list (those delivered to a Party, those an organisation organised)."""

from __future__ import annotations

import datetime
from functools import partial
from itertools import groupby
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db.models import CharField, Count, F, Max, Prefetch, Q, QuerySet, Value, Window
from django.db.models.functions import RowNumber
from django.http import Http404
from django.shortcuts import get_object_or_404
from modeltranslation.utils import build_localized_fieldname

from tahub.core import compiled
from tahub.core.translated import reading_order
from tahub.directory.models import Organisation
from tahub.vocabularies.models import Theme

from ..models import Event, EventState, Material, Registration

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from tahub.accounts.models import User
    from tahub.parties.models import Party


def _with_relations(queryset: QuerySet[Event]) -> QuerySet[Event]:
    return queryset.select_related("region").prefetch_related(
        Prefetch("organisers", queryset=Organisation.objects.only("pk", "slug", "name", "short_name")),
        Prefetch("themes", queryset=Theme.objects.only("pk", "slug", "name")),
    )


def calendar(
    *,
    kind: str | None = None,
    theme: str | None = None,
    region: str | None = None,
    month: datetime.date | None = None,
    language: str | None = None,
    mode: str | None = None,
    ended_since: datetime.datetime | None = None,
) -> QuerySet[Event]:
    """Published (and cancelled, marked) events, filtered; `month` is a date (its first day) in the events'
    own time zones (the local first day, `starts_on`); `ended_since` keeps those ending at or after that
    time (the feed's window). Ordered by start."""
    queryset = Event.objects.exclude(state=EventState.DRAFT)
    if kind:
        queryset = queryset.filter(kind=kind)
    if theme:
        queryset = queryset.filter(themes__slug=theme)
    if region:
        queryset = queryset.filter(region__code=region)
    if month:
        queryset = queryset.filter(starts_on__year=month.year, starts_on__month=month.month)
    if language:
        listed = Q(languages=language) | Q(languages__startswith=f"{language};")
        queryset = queryset.filter(
            listed | Q(languages__endswith=f";{language}") | Q(languages__contains=f";{language};")
        )
    if mode:
        queryset = queryset.filter(mode=mode)
    if ended_since:
        queryset = queryset.filter(end__gte=ended_since)
    return _with_relations(queryset).order_by("start", "slug")


# What the calendar's rows show of an event (`calendar_rows`), its title in every language (title_en, ...).
CALENDAR_FIELDS = ("pk", "slug", "state", "kind", "mode", "venue", "time_zone", "start", "end", "starts_on", "ends_on")
TITLES = tuple(build_localized_fieldname("title", code) for code in settings.MODELTRANSLATION_LANGUAGES)


def calendar_rows(**filters: Any) -> QuerySet[Any]:
    """The events of `calendar` (same filters, same order) as plain values, for the calendar page: one dict an
    event with CALENDAR_FIELDS and `title_<language>` for each language (`title_in_reader_language` picks
    one). No model instances and no prefetch: a page of 50 events was 50 events, their themes and organisers as
    model instances, for a dozen values a row; `calendar_names` reads the names of the page's rows."""
    events = calendar(**filters).select_related(None).prefetch_related(None)
    return events.rewrite(False).values(*CALENDAR_FIELDS, *TITLES)  # type: ignore[attr-defined]


def title_in_reader_language() -> tuple[str, ...]:
    """The `title_<language>` keys of a `calendar_rows` row to read in turn, the first not blank being the title
    (else ""): what `event.title` gives (`core.translated.reading_order`), worked out once a page, not once a
    row."""
    return reading_order(Event, "title")


def calendar_names(event_ids: list[int]) -> tuple[dict[int, list[str]], dict[int, list[str]]]:
    """({event id: its themes' names}, {event id: its organisers' names}) for these events, in two queries: the
    themes by name, the organisers by name written as they are shown (the short name, else the name). An event
    without any is left out."""
    if not event_ids:
        return {}, {}
    themes = (
        Event.themes.through.objects.filter(event_id__in=event_ids)
        .order_by("event_id", "theme__name", "theme_id")
        .values_list("event_id", "theme__name")
    )
    organisers = (
        Event.organisers.through.objects.filter(event_id__in=event_ids)
        .order_by("event_id", "organisation__name", "organisation_id")
        .values_list("event_id", "organisation__short_name", "organisation__name")
    )
    return (
        {event: [name for _, name in rows] for event, rows in groupby(themes, key=itemgetter(0))},
        {event: [short or name for _, short, name in rows] for event, rows in groupby(organisers, key=itemgetter(0))},
    )


def calendar_state() -> tuple[datetime.datetime | None, int]:
    """(latest update, count) of the events the calendar may show: what any change to the feed changes (an
    edit, a publication or cancellation, a new or removed event). One aggregate query."""
    found = Event.objects.exclude(state=EventState.DRAFT).aggregate(latest=Max("updated_at"), count=Count("pk"))
    return found["latest"], found["count"]


def _visible(user: User | AnonymousUser, events: QuerySet[Event], slug: str) -> Event:
    event = get_object_or_404(events, slug=slug)
    if not user.has_perm("events.view_event", event):
        raise Http404
    return event


def event_get(user: User | AnonymousUser, slug: str) -> Event:
    """One event the user may see (published or cancelled; drafts for staff only); 404 otherwise."""
    return _visible(
        user,
        _with_relations(Event.objects.select_related("programme_activity__biennium")).prefetch_related(
            "partners", "decisions", "materials", "eligible_regions"
        ),
        slug,
    )


def event_page(user: User | AnonymousUser, slug: str) -> Event:
    """`event_get` without its prefetches, for the event's page, which reads what the event relates to from
    `event_relations`: six prefetches built ~10,000 Python calls of model instances for a few names."""
    return _visible(user, Event.objects.select_related("programme_activity__biennium"), slug)


# The page's lists of what an event relates to, as (kind, position, up to three texts), all of them in one UNION
# ALL: five many-to-many reads, each numbered in its model's order (a window, so that no collation is Python's).
_TEXT = CharField()
_RELATIONS = (  # kind, relation, order, fields
    ("organisers", Event.organisers, ("organisation__name", "organisation_id"),
     ("organisation__slug", "organisation__short_name", "organisation__name")),
    ("partners", Event.partners, ("organisation__name", "organisation_id"),
     ("organisation__short_name", "organisation__name")),
    ("themes", Event.themes, ("theme__name", "theme_id"), ("theme__name",)),
    ("decisions", Event.decisions, ("decision__year", "decision__sort_key", "decision__number"), ("decision__number",)),
    ("regions", Event.eligible_regions, ("region__code", "region_id"), ("region__name",)),
)  # fmt: skip


def _relations_query(event_id: int) -> QuerySet[Any]:
    parts = []
    for kind, relation, order, fields in _RELATIONS:
        texts = [F(name) for name in fields] + [Value("", output_field=_TEXT)] * (3 - len(fields))
        rows = relation.through.objects.filter(event_id=event_id).order_by()
        rows = rows.annotate(
            kind=Value(kind, output_field=_TEXT),
            position=Window(RowNumber(), order_by=[F(name).asc() for name in order]),
            a=texts[0], b=texts[1], c=texts[2],
        )  # fmt: skip
        parts.append(rows.values_list("kind", "position", "a", "b", "c"))
    return parts[0].union(*parts[1:], all=True)


def _materials_query(event_id: int, *, public_only: bool) -> QuerySet[Any]:
    materials = Material.objects.filter(event_id=event_id)
    if public_only:
        materials = materials.filter(public=True)
    return materials.order_by("kind", "title", "pk").values_list("pk", "kind", "title", "file", "url", "public")


def event_relations(event: Event, *, all_materials: bool) -> dict[str, list[Any]]:
    """What the event's page shows of its organisers ((slug, short name, name)), partners (short name or name),
    themes (names), decisions (numbers), regions whose Parties may nominate (names) and materials (dicts: pk,
    kind, title, file, url, public; the public ones unless `all_materials`), each in its model's order. Two
    queries, compiled once per process (`core.compiled`): as six ORM queries they cost ~6,600 Python calls a
    request, compiled ~300."""
    found: dict[str, list[Any]] = {kind: [] for kind, *_rest in _RELATIONS}
    for kind, _position, a, b, c in sorted(compiled.rows("events.relations", _relations_query, event.pk)):
        found[kind].append((a, b, c))
    materials = compiled.rows(
        "events.all_materials" if all_materials else "events.public_materials",
        partial(_materials_query, public_only=not all_materials),
        event.pk,
    )
    fields = ("pk", "kind", "title", "file", "url", "public")
    return {
        "organisers": found["organisers"],
        "partners": [short or name for short, name, _c in found["partners"]],
        **{kind: [a for a, _b, _c in found[kind]] for kind in ("themes", "decisions", "regions")},
        "materials": [dict(zip(fields, row, strict=True)) for row in materials],
    }


def published_event(slug: str) -> Event:
    return get_object_or_404(Event.objects.exclude(state=EventState.DRAFT), slug=slug)


# Links other apps call: an event is assistance delivered to the Parties of its attendees.


def events_delivered_to_party(party: Party) -> QuerySet[Event]:
    """Published events the Party's nominees attended, newest first, with their themes."""
    attended = Registration.objects.filter(party=party, attended=True).values("event_id")
    return _with_relations(Event.objects.filter(pk__in=attended, state=EventState.PUBLISHED)).order_by("-start")


def events_organised_by(organisation: Organisation, *, limit: int | None = None) -> list[Event] | QuerySet[Event]:
    """Published events the organisation (a partner or a regional centre) organised or partnered, newest first."""
    queryset = (
        Event.objects.filter(Q(organisers=organisation) | Q(partners=organisation), state=EventState.PUBLISHED)
        .distinct()
        .order_by("-start")
    )
    return list(queryset[:limit]) if limit else queryset
