"""Every read of events for pages, the feed, the API and other apps; each costs a fixed number of queries.

Callers import this package (`selectors.calendar`); the reads live in `events` (the calendar, one event, its
materials, the events other apps list), `registrations` (who takes part, places, reminders and surveys due,
the Parties assisted) and `surveys` (the survey results, aggregated in SQL).
"""

from .events import (
    calendar,
    calendar_names,
    calendar_rows,
    calendar_state,
    event_get,
    event_page,
    event_relations,
    events_delivered_to_party,
    events_organised_by,
    published_event,
    title_in_reader_language,
)
from .registrations import (
    REMIND_DAYS_AHEAD,
    may_see_participant_materials,
    parties_assisted,
    parties_user_may_nominate_for,
    party_nominations,
    registration_by_token,
    registration_counts,
    registrations_of,
    registrations_to_remind,
    registrations_to_survey,
)
from .surveys import survey_results, survey_results_by_theme

__all__ = [
    "REMIND_DAYS_AHEAD",
    "calendar",
    "calendar_names",
    "calendar_rows",
    "calendar_state",
    "event_get",
    "event_page",
    "event_relations",
    "events_delivered_to_party",
    "events_organised_by",
    "may_see_participant_materials",
    "parties_assisted",
    "parties_user_may_nominate_for",
    "party_nominations",
    "published_event",
    "registration_by_token",
    "registration_counts",
    "registrations_of",
    "registrations_to_remind",
    "registrations_to_survey",
    "survey_results",
    "survey_results_by_theme",
    "title_in_reader_language",
]
