"""Reads of cycles and their responses used by pages: each costs a fixed number of queries."""

from __future__ import annotations

from collections.abc import Iterable
from itertools import groupby
from typing import TYPE_CHECKING, Any

from django.db.models import Count, F, Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from tahub.parties.models import Eligibility, Party
from tahub.parties.selectors import party_list

from ..models import Answer, Cycle, Level, Question, Response

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from tahub.accounts.models import User

    from ..models import Questionnaire


def eligible_parties() -> QuerySet[Any]:  # Parties with `eligibility` annotated
    """The Parties that may request assistance: invited to a needs cycle by default."""
    return party_list().filter(eligibility__in=Eligibility.may_request_assistance())


def cycle_list() -> QuerySet[Cycle]:
    return Cycle.objects.select_related("questionnaire").order_by("-deadline", "slug")


def cycle_get(slug: str) -> Cycle:
    return get_object_or_404(cycle_list(), slug=slug)


def invited_party(cycle: Cycle, iso3: str) -> Party:
    """The invited Party of this country in the cycle, or 404."""
    return get_object_or_404(
        Party.objects.select_related("country"), country__iso3=iso3, needs_cycles=cycle, convention__code="SC"
    )


def response_of(cycle: Cycle, party: Party) -> Response | None:
    """The Party's response (with its answers), or None before it saved anything."""
    return Response.objects.filter(cycle=cycle, party=party).prefetch_related("answers").first()


def sections(questionnaire: Questionnaire) -> list[tuple[str, list[Question]]]:
    """[(section title, [questions])] in the questionnaire's order."""
    questions = Question.objects.filter(questionnaire=questionnaire).select_related("theme").order_by("position")
    return [(title, list(items)) for title, items in groupby(questions, key=lambda q: q.section_title)]


def gap_table(cycle: Cycle) -> list[Any]:  # dicts: theme, region, one count per level
    """Needs by theme × region × level over the cycle's submitted responses, ranked by the count of high needs.

    One aggregate query; only counts, never a Party's answers."""
    levels = {level: Count("id", filter=Q(level=level)) for level in Level.values}
    rows = (
        Answer.objects.filter(  # type: ignore[misc]  # orders by the levels annotated from a dict, unseen by mypy
            response__cycle=cycle, response__state=Response.State.SUBMITTED, question__kind=Question.Kind.LEVEL
        )
        .exclude(level="")
        .values(theme=F("question__theme__name"), region=F("response__party__country__region__code"))
        .annotate(**levels)
        .order_by("-high", "-medium", "theme", "region")
    )
    return list(rows)


def response_rates(cycles: Iterable[Cycle] | QuerySet[Cycle]) -> dict[int, list[tuple[str, int, int]]]:
    """{cycle pk: [(region code, invited, submitted)]} for the staff list: two aggregate queries."""
    invited = (
        Cycle.invited.through.objects.filter(cycle__in=cycles)
        .values_list("cycle_id", "party__country__region__code")
        .annotate(n=Count("id"))
    )
    submitted = {
        (c, r): n
        for c, r, n in Response.objects.filter(cycle__in=cycles, state=Response.State.SUBMITTED)
        .values_list("cycle_id", "party__country__region__code")
        .annotate(n=Count("id"))
        .order_by()
    }
    rates: dict[int, list[tuple[str, int, int]]] = {}
    for cycle_id, region, n in invited.order_by("cycle_id", "party__country__region__code"):
        rates.setdefault(cycle_id, []).append((region or "—", n, submitted.get((cycle_id, region), 0)))
    return rates


def parties_answered_by(user: User | AnonymousUser) -> QuerySet[Party]:
    """The Parties this user answers for (as contact or focal point)."""
    if not user.is_authenticated:
        return Party.objects.none()
    return Party.objects.filter(contact_points__user=user).select_related("country")


def cycles_visible_to(user: User | AnonymousUser) -> QuerySet[Cycle]:
    """The cycles whose aggregates `user` may see: every cycle for the Secretariat; published ones for others."""
    cycles = cycle_list()
    if user.has_perm("needs.view_cycles"):
        return cycles
    return cycles.filter(results_published_at__isnull=False)


def analysed_cycle(user: User | AnonymousUser, slug: str) -> tuple[Cycle, list[Cycle]]:
    """(cycle, every cycle `user` may see) in one query; 404 when this one is not visible (not yet published)."""
    cycles = list(cycles_visible_to(user))
    cycle = next((c for c in cycles if c.slug == slug), None)
    if cycle is None:
        raise Http404
    return cycle, cycles


def matrix_target(user: User | AnonymousUser, slug: str, iso3: str) -> tuple[Cycle, Party]:
    """(cycle, Party) for a Party's matrix: its own people and the Secretariat; 404 for anyone else."""
    cycle = cycle_get(slug)
    party = get_object_or_404(
        Party.objects.select_related("country__region"), country__iso3=iso3, needs_cycles=cycle, convention__code="SC"
    )
    if not user.has_perm("needs.view_response", party):
        raise Http404
    return cycle, party
