"""Reads of COP meetings and decisions, shared by the pages, the API and the exports."""

from django.db.models import CharField, Value
from django.db.models.functions import Concat
from django.shortcuts import get_object_or_404

from .models import Decision, Meeting


def decision_list(*, convention=None, topic=None, meeting=None):
    """Decisions with their convention and meeting; `topic` matches one whole topic of the ';'-separated list."""
    queryset = Decision.objects.select_related("convention", "meeting")
    if convention:
        queryset = queryset.filter(convention__code=convention)
    if topic:
        # Whole-topic match: "assessment" must not match "needs-assessment".
        queryset = queryset.annotate(
            delimited_topics=Concat(Value(";"), "topics", Value(";"), output_field=CharField())
        ).filter(delimited_topics__contains=f";{topic};")
    if meeting:
        queryset = queryset.filter(meeting__code=meeting)
    return queryset.order_by("year", "number")


def decision_topics():
    """The topics that decisions are tagged with, sorted: one query."""
    topics = set()
    for value in Decision.objects.exclude(topics="").values_list("topics", flat=True).distinct():
        topics.update(t for t in value.split(";") if t)
    return sorted(topics)


def meeting_list():
    return Meeting.objects.order_by("start")


def decision_get(number):
    """One decision with the centre endorsements that cite it (two more queries), or 404."""
    return get_object_or_404(decision_list().prefetch_related("endorsements__centre"), number=number)


def meeting_codes():
    """The codes of the meetings (COP-1, …), to check a filter value against."""
    return list(Meeting.objects.order_by("start").values_list("code", flat=True))
