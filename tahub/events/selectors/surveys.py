"""Survey results, aggregated in SQL: an event's ratings and comments, and the ratings across the events of
each theme."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import Avg, Count

from ..models import SurveyAnswer

if TYPE_CHECKING:
    from ..models import Event


def survey_results(event: Event, kind: str) -> tuple[dict[str, Any], int, list[str]]:
    """[(question, responses, average rating)] for the event's ratings, and the number of responses."""
    answers = SurveyAnswer.objects.filter(response__registration__event=event, response__kind=kind)
    rows = answers.filter(rating__isnull=False).values("question").annotate(n=Count("pk"), average=Avg("rating"))
    responses = event.registrations.filter(survey_responses__kind=kind).count()
    comments = list(answers.exclude(text="").values_list("text", flat=True)[:200])
    return {row["question"]: row for row in rows.order_by("question")}, responses, comments


def survey_results_by_theme(kind: str) -> list[Any]:  # dicts: theme, question, n, average
    """[(theme name, question, responses, average)] across every event tagged with the theme."""
    return list(
        SurveyAnswer.objects.filter(response__kind=kind, rating__isnull=False)
        .values("response__registration__event__themes__name", "question")
        .annotate(n=Count("pk"), average=Avg("rating"))
        .exclude(response__registration__event__themes__name=None)
        .order_by("response__registration__event__themes__name", "question")
    )
