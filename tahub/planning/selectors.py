"""Reads of COP meetings, decisions and their paragraphs, the plan and the programme of work, shared by the
pages, the API and the exports. The mandate coverage is in `coverage.py`."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import groupby
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from django.db.models import CharField, Count, F, ForeignObjectRel, Prefetch, Q, QuerySet, Sum, Value
from django.db.models.functions import Concat
from django.shortcuts import get_object_or_404

from .models import Biennium, Decision, DecisionParagraph, Meeting, Objective, ProgrammeActivity, TAPlan

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from tahub.accounts.models import User


def decision_list(
    *, convention: str | None = None, topic: str | None = None, meeting: str | None = None
) -> QuerySet[Decision]:
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
    return queryset.order_by("year", "sort_key", "number")  # natural order: SC-1/9 before SC-1/16


def decision_topics() -> list[str]:
    """The topics that decisions are tagged with, sorted: one query."""
    topics: set[str] = set()
    for value in Decision.objects.exclude(topics="").values_list("topics", flat=True).distinct():
        topics.update(t for t in value.split(";") if t)
    return sorted(topics)


def meeting_list() -> QuerySet[Meeting]:
    return Meeting.objects.order_by("start")


def decision_get(number: str, *, with_paragraphs: bool = False) -> Decision:
    """One decision with the centre endorsements that cite it (two more queries; its paragraphs one more), or 404."""
    queryset = decision_list().prefetch_related("endorsements__centre")
    if with_paragraphs:
        queryset = queryset.prefetch_related("paragraphs")
    return get_object_or_404(queryset, number=number)


def meeting_codes() -> list[str]:
    """The codes of the meetings (COP-1, …), to check a filter value against."""
    return list(Meeting.objects.order_by("start").values_list("code", flat=True))


def decision_with_paragraphs(number: str) -> Decision:
    """One decision with its paragraphs (one more query), or 404."""
    return get_object_or_404(decision_list().prefetch_related("paragraphs"), number=number)


def paragraph_list(
    *, decision: str | None = None, asks_for_assistance: bool | None = None
) -> QuerySet[DecisionParagraph]:
    queryset = DecisionParagraph.objects.select_related("decision")
    if decision:
        queryset = queryset.filter(decision__number=decision)
    if asks_for_assistance is not None:
        queryset = queryset.filter(asks_for_assistance=asks_for_assistance)
    return queryset.order_by("decision__year", "decision__sort_key", "position", "number")


def paragraphs_by_reference(references: Iterable[tuple[str, str]]) -> dict[tuple[str, str], DecisionParagraph]:
    """{("SC-5/20", "8"): paragraph} for the (decision, paragraph) pairs that exist: one query."""
    wanted = Q(pk__in=[])
    for decision, number in references:
        wanted |= Q(decision__number=decision, number=number)
    return {
        (p.decision.number, p.number): p for p in DecisionParagraph.objects.select_related("decision").filter(wanted)
    }


def plan_list() -> QuerySet[TAPlan]:
    """The plans, newest first, each with its objectives (and their activity count) and bienniums: three queries."""
    objectives = Objective.objects.annotate(activity_count=Count("activities")).order_by("number")
    bienniums = Biennium.objects.order_by("start_year")
    return TAPlan.objects.prefetch_related(
        Prefetch("objectives", queryset=objectives), Prefetch("bienniums", queryset=bienniums)
    ).order_by("-start_year")


def plan_get(start_year: int) -> TAPlan:
    return get_object_or_404(plan_list(), start_year=start_year)


def objective_list(*, plan: int | None = None) -> QuerySet[Objective]:
    queryset = Objective.objects.select_related("plan").annotate(activity_count=Count("activities"))
    if plan:
        queryset = queryset.filter(plan__start_year=plan)
    return queryset.order_by("-plan__start_year", "number")


def biennium_years() -> list[int]:
    return list(Biennium.objects.order_by("-start_year").values_list("start_year", flat=True))


def biennium_list() -> QuerySet[Biennium]:
    """Bienniums with their activity count and approved budget, computed in SQL."""
    return (
        Biennium.objects.select_related("plan", "budget_decision")
        .annotate(activity_count=Count("activities"), approved_total=Sum("activities__approved_budget"))
        .order_by("-start_year")
    )


def activity_list(
    *,
    biennium: int | None = None,
    objective: Objective | int | None = None,
    status: str | None = None,
    convention: str | None = None,
    paragraph: DecisionParagraph | int | None = None,
    theme: str | None = None,
) -> QuerySet[ProgrammeActivity]:
    """Programme activities with what a list shows, in a fixed number of queries (one per many-to-many)."""
    queryset = ProgrammeActivity.objects.select_related(
        "biennium", "objective", "trust_fund", "lead_organisation"
    ).prefetch_related("conventions", "themes", "regions", Prefetch("legal_basis", queryset=paragraph_list()))
    return _activities_filtered(
        queryset,
        biennium=biennium,
        objective=objective,
        status=status,
        convention=convention,
        paragraph=paragraph,
        theme=theme,
    )


def activity_rows(
    *,
    biennium: int | None = None,
    objective: Objective | int | None = None,
    status: str | None = None,
    convention: str | None = None,
    paragraph: DecisionParagraph | int | None = None,
    theme: str | None = None,
) -> QuerySet[ProgrammeActivity, Any]:  # rows as dicts
    """The activities of `activity_list` as plain values, for the programme's page: dicts of `id`, `number`,
    `title` (the reader's language, else another: modeltranslation's fallback, as `title` reads), `status` (its
    code), `approved_budget` and the biennium's `start_year` and `end_year`, to paginate; `activity_labels` adds a
    page's conventions and legal basis. No model instances (an activity and its four related ones a row)."""
    return _activities_filtered(
        ProgrammeActivity.objects.all(),
        biennium=biennium,
        objective=objective,
        status=status,
        convention=convention,
        paragraph=paragraph,
        theme=theme,
    ).values(
        "id",
        "number",
        "title",
        "status",
        "approved_budget",
        start_year=F("biennium__start_year"),
        end_year=F("biennium__end_year"),
    )


def activity_labels(activity_ids: Iterable[int]) -> tuple[dict[int, list[str]], dict[int, list[tuple[str, str]]]]:
    """({activity id: [its conventions' short names, by code]}, {activity id: [(decision number, paragraph
    number) of its legal basis, in the paragraphs' order]}) for these activities: two queries. An activity
    with none is left out."""
    ids = list(activity_ids)
    conventions = (
        ProgrammeActivity.conventions.through.objects.filter(programmeactivity_id__in=ids)
        .order_by("programmeactivity_id", "convention__code")
        .values_list("programmeactivity_id", "convention__short_name")
    )
    cited = "decisionparagraph__"
    basis = (
        ProgrammeActivity.legal_basis.through.objects.filter(programmeactivity_id__in=ids)
        .order_by(
            "programmeactivity_id",
            *(f"{cited}{key}" for key in ("decision__year", "decision__sort_key", "position", "number")),
        )
        .values_list("programmeactivity_id", f"{cited}decision__number", f"{cited}number")
    )
    by_activity = {key: [name for _, name in group] for key, group in groupby(conventions, key=itemgetter(0))}
    paragraphs = {key: [(d, n) for _, d, n in group] for key, group in groupby(basis, key=itemgetter(0))}
    return by_activity, paragraphs


def _activities_filtered(
    queryset: QuerySet[ProgrammeActivity],
    *,
    biennium: int | None,
    objective: Objective | int | None,
    status: str | None,
    convention: str | None,
    paragraph: DecisionParagraph | int | None,
    theme: str | None,
) -> QuerySet[ProgrammeActivity]:
    filters = {
        "biennium__start_year": biennium,
        "objective": objective,
        "status": status,
        "conventions__code": convention,
        "legal_basis": paragraph,
        "themes__slug": theme,
    }
    queryset = queryset.filter(**{k: v for k, v in filters.items() if v not in (None, "")})
    return queryset.order_by("-biennium__start_year", "number")


def activity_get(start_year: int, number: str) -> ProgrammeActivity:
    """One activity with its partners and countries too, or 404."""
    queryset = activity_list().prefetch_related("partners", "countries")
    return get_object_or_404(queryset, biennium__start_year=start_year, number=number)


def delivery_relations() -> list[ForeignObjectRel]:
    """The records that say they delivered an activity: every model with a `programme_activity` foreign key
    to it (events, requests, centre activities as those apps add one). New ones are found, not listed here."""
    return [
        rel
        for rel in ProgrammeActivity._meta.related_objects
        if rel.one_to_many and rel.field.name == "programme_activity"
    ]


def delivery_of(
    activity: ProgrammeActivity, user: User | AnonymousUser, *, limit: int = 50
) -> list[tuple[Any, list[Any], int]]:
    """[(verbose name plural, first `limit` records `user` may see, count)] per delivering model: two queries
    per model. Who sees what is the coverage's visibility registry (drafts and private records: staff only)."""
    from .coverage import related, visible

    found = []
    for rel in delivery_relations():
        model = rel.related_model
        queryset = model._default_manager.filter(visible(model, user), programme_activity=activity).order_by("-pk")
        queryset = queryset.select_related(*related(model))
        found.append((rel.related_model._meta.verbose_name_plural, list(queryset[:limit]), queryset.count()))
    return found
