"""Every read of events for pages, the feed, the API and other apps; each costs a fixed number of queries."""

import datetime
from zoneinfo import ZoneInfo

from django.db.models import Avg, Count, Max, Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import timezone

from tahub.directory.models import Organisation
from tahub.parties.models import Party
from tahub.vocabularies.models import Theme

from .models import Event, EventState, Registration, RegistrationState, SurveyAnswer

REMIND_DAYS_AHEAD = 2


def _with_relations(queryset):
    return queryset.select_related("region").prefetch_related(
        Prefetch("organisers", queryset=Organisation.objects.only("pk", "slug", "name", "short_name")),
        Prefetch("themes", queryset=Theme.objects.only("pk", "slug", "name")),
    )


def calendar(*, kind=None, theme=None, region=None, month=None, language=None, mode=None, ended_since=None):
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


def calendar_state():
    """(latest update, count) of the events the calendar may show: what any change to the feed changes (an
    edit, a publication or cancellation, a new or removed event). One aggregate query."""
    found = Event.objects.exclude(state=EventState.DRAFT).aggregate(latest=Max("updated_at"), count=Count("pk"))
    return found["latest"], found["count"]


def event_get(user, slug):
    """One event the user may see (published or cancelled; drafts for staff only); 404 otherwise."""
    event = get_object_or_404(
        _with_relations(Event.objects.select_related("programme_activity__biennium")).prefetch_related(
            "partners", "decisions", "materials", "eligible_regions"
        ),
        slug=slug,
    )
    if not user.has_perm("events.view_event", event):
        raise Http404
    return event


def published_event(slug):
    return get_object_or_404(Event.objects.exclude(state=EventState.DRAFT), slug=slug)


def registrations_of(event):
    """The nomination list staff work on: every registration with its Party, in the order received."""
    return event.registrations.select_related("party__country", "nominated_by").order_by("created_at", "pk")


def party_nominations(event, party):
    return registrations_of(event).filter(party=party)


def registration_by_token(event, token):
    return get_object_or_404(Registration.objects.select_related("event", "party__country"), event=event, token=token)


def materials_shown(event, user):
    """The event page's materials (prefetched by event_get): the public ones, and all of them for staff."""
    materials = list(event.materials.all())
    return materials if user.has_perm("events.manage_events") else [m for m in materials if m.public]


def may_see_participant_materials(registration):
    """Materials not public are shared with the participants holding a place (or who attended)."""
    return registration.state == RegistrationState.ACCEPTED or bool(registration.attended)


def registration_counts(event):
    """{state: count} for the event, and how many places remain."""
    counts = dict(event.registrations.values_list("state").annotate(n=Count("pk")).order_by())
    counts["places_left"] = max(event.capacity - counts.get(RegistrationState.ACCEPTED, 0), 0)
    return counts


def parties_user_may_nominate_for(user):
    if not user.is_authenticated:
        return Party.objects.none()
    return (
        Party.objects.filter(contact_points__user=user)
        .select_related("country")
        .order_by("country__sort_name", "country__name")
    )


def registrations_to_remind(now=None):
    """Accepted participants of published events starting within REMIND_DAYS_AHEAD days, not yet reminded."""
    now = now or timezone.now()
    return Registration.objects.filter(
        state=RegistrationState.ACCEPTED,
        reminded_at__isnull=True,
        event__state=EventState.PUBLISHED,
        event__start__gte=now,
        event__start__lte=now + datetime.timedelta(days=REMIND_DAYS_AHEAD),
    )


def registrations_to_survey(now=None):
    """{"evaluation": [ids], "follow-up": [ids]}: attendees of published events to invite now, not yet invited
    and who have not answered. The follow-up delay is per event, so it is compared in Python, over the ids."""
    now = now or timezone.now()
    attendees = Registration.objects.filter(attended=True, event__state=EventState.PUBLISHED, event__end__lte=now)
    evaluation = attendees.filter(evaluation_invited_at__isnull=True).exclude(survey_responses__kind="evaluation")
    follow_up = attendees.filter(follow_up_invited_at__isnull=True).exclude(survey_responses__kind="follow-up")
    rows = follow_up.values_list("pk", "event__ends_on", "event__follow_up_after_days", "event__time_zone")
    due = [pk for pk, ends_on, days, zone in rows if (now.astimezone(ZoneInfo(zone)).date() - ends_on).days >= days]
    return {"evaluation": list(evaluation.values_list("pk", flat=True)), "follow-up": due}


# Links other apps call: an event is assistance delivered to the Parties of its attendees.


def events_delivered_to_party(party):
    """Published events the Party's nominees attended, newest first, with their themes."""
    attended = Registration.objects.filter(party=party, attended=True).values("event_id")
    return _with_relations(Event.objects.filter(pk__in=attended, state=EventState.PUBLISHED)).order_by("-start")


def parties_assisted(*, theme=None, since=None):
    """[(party_id, theme_slug, events)]: how many events each Party's nominees attended, by theme."""
    queryset = Registration.objects.filter(attended=True, party__isnull=False, event__state=EventState.PUBLISHED)
    if since:
        queryset = queryset.filter(event__starts_on__gte=since)
    if theme:
        queryset = queryset.filter(event__themes__slug=theme)
    return list(
        queryset.values_list("party_id", "event__themes__slug")
        .annotate(events=Count("event", distinct=True))
        .order_by("party_id", "event__themes__slug")
    )


def events_organised_by(organisation, *, limit=None):
    """Published events the organisation (a partner or a regional centre) organised or partnered, newest first."""
    queryset = (
        Event.objects.filter(Q(organisers=organisation) | Q(partners=organisation), state=EventState.PUBLISHED)
        .distinct()
        .order_by("-start")
    )
    return list(queryset[:limit]) if limit else queryset


# Survey results, aggregated in SQL.


def survey_results(event, kind):
    """[(question, responses, average rating)] for the event's ratings, and the number of responses."""
    answers = SurveyAnswer.objects.filter(response__registration__event=event, response__kind=kind)
    rows = answers.filter(rating__isnull=False).values("question").annotate(n=Count("pk"), average=Avg("rating"))
    responses = event.registrations.filter(survey_responses__kind=kind).count()
    comments = list(answers.exclude(text="").values_list("text", flat=True)[:200])
    return {row["question"]: row for row in rows.order_by("question")}, responses, comments


def survey_results_by_theme(kind):
    """[(theme name, question, responses, average)] across every event tagged with the theme."""
    return list(
        SurveyAnswer.objects.filter(response__kind=kind, rating__isnull=False)
        .values("response__registration__event__themes__name", "question")
        .annotate(n=Count("pk"), average=Avg("rating"))
        .exclude(response__registration__event__themes__name=None)
        .order_by("response__registration__event__themes__name", "question")
    )
