"""Published results: a cycle's aggregates computed once, when staff publish them, and read by the public.

The public gap analysis, the trend across cycles and the API's aggregates (for anyone but the Secretariat) read
one `PublishedResults` row per cycle instead of aggregating every answer, every request delivered and every
event attended (at 20 cycles × 200 responses × 60 answers and 50,000 requests: two small queries instead of four
aggregates). `services.publish_results` writes the row in its transaction; publishing again refreshes it (answers
entered late, a response reopened, assistance delivered since); withdrawing the results deletes it. The
Secretariat's pages keep computing live: they show unpublished cycles too, and the figures as they are now.

A row holds everything of its own cycle. What depends on other cycles is read at request time (the previous
published cycle, for the trend) or kept consistent when the published cycles change: assistance delivered is
counted from the day after the previous published cycle's deadline, so publishing or withdrawing an earlier cycle
recomputes the next published one when its window moves.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from django.db.models import Q
from django.utils.functional import cached_property

from ..models import PublishedResults
from . import analysis, delivery
from .cycles import cycle_list

if TYPE_CHECKING:
    from django.contrib.auth.models import AnonymousUser

    from tahub.accounts.models import User

    from ..models import Cycle


def _levels(tally: analysis.Tally) -> list[int]:
    return [tally.high, tally.medium, tally.low, tally.none]


def compute(cycle: Cycle, published_cycles: Sequence[Cycle]) -> tuple[dict[str, Any], datetime.date | None]:
    """(data, delivered_since): the cycle's aggregates as JSON, `published_cycles` being the cycles whose results
    are public once it is (they decide the previous cycle, hence the window of assistance delivered)."""
    live = analysis.CycleAnalysis(cycle, published_cycles)
    totals = [
        [row.theme, row.theme_name, *_levels(row.by_cycle[cycle.pk])]
        for row in analysis.theme_trend([cycle])
        if cycle.pk in row.by_cycle
    ]
    data = {
        "needs": [[slug, name, region, *_levels(t)] for (slug, region), (name, t) in sorted(live.needs.items())],
        "offers": [[slug, region, n] for (slug, region), n in sorted(live.offers.items())],
        "delivered": [[slug, region, d.requests, d.events] for (slug, region), d in sorted(live.delivered.items())],
        "themes": totals,
        "names": {row.theme: row.theme_name for row in live.gaps},
        "respondents": live.respondents(),
    }
    return data, live.delivered_since


def published_cycles(*, besides: Cycle | None = None) -> list[Cycle]:
    """The cycles whose results are public (and `besides`, about to be), oldest first."""
    condition = Q(results_published_at__isnull=False) | Q(pk=getattr(besides, "pk", None))
    return analysis.cycles_ordered(cycle_list().filter(condition))


def results_of(cycles: Iterable[Cycle], published: list[Cycle]) -> dict[int, PublishedResults]:
    """{cycle pk: PublishedResults} for these published cycles: one query. A published cycle without its row
    (published before results were stored) gets it now, once."""
    from ..services.results import store  # the one write of a read: services import this module

    found = {r.cycle_id: r for r in PublishedResults.objects.filter(cycle__in=[c.pk for c in cycles])}
    for cycle in cycles:
        if cycle.pk not in found:
            found[cycle.pk] = store(cycle, by=None, published=published)
    return found


def _tallies(rows: Iterable[list[Any]]) -> analysis.Needs:
    return {(slug, region): (name, analysis.Tally(*levels)) for slug, name, region, *levels in rows}


def stored_themes(cycles: list[Cycle]) -> dict[int, tuple[datetime.datetime, Any]]:
    """{cycle pk: (when its figures were computed, its per-theme totals)} for these published cycles: that part
    of each stored row only (the trend across every cycle needs no more), one query."""
    found = {
        pk: (computed_at, themes)
        for pk, computed_at, themes in PublishedResults.objects.filter(cycle__in=[c.pk for c in cycles]).values_list(
            "cycle_id", "computed_at", "data__themes"
        )
    }
    if len(found) < len(cycles):
        found |= {pk: (r.computed_at, r.data["themes"]) for pk, r in results_of(cycles, cycles).items()}
    return found


def themes_of(cycles: list[Cycle]) -> dict[int, Any]:
    """{cycle pk: its per-theme totals} for these published cycles (`stored_themes`), one query."""
    return {pk: themes for pk, (_computed_at, themes) in stored_themes(cycles).items()}


def trend_rows(themes: dict[int, Any], cycles: Iterable[Cycle]) -> list[analysis.TrendRow]:
    """[TrendRow] per theme over `cycles` from their totals ({cycle pk: stored "themes"}), as theme_trend."""
    rows: dict[str, analysis.TrendRow] = {}
    for cycle in cycles:
        for slug, name, *levels in themes[cycle.pk]:
            row = rows.setdefault(slug, analysis.TrendRow(slug, name))
            row.theme_name, row.by_cycle[cycle.pk] = name, analysis.Tally(*levels)
    return sorted(rows.values(), key=lambda r: r.theme_name)


class PublishedAnalysis(analysis.CycleAnalysis):
    """A CycleAnalysis read from the cycle's PublishedResults (and the previous cycle's, for the trend)."""

    live = False

    def __init__(self, cycle: Cycle, visible_cycles: Iterable[Cycle], results: dict[int, PublishedResults]) -> None:
        super().__init__(cycle, visible_cycles)
        self.results = results[cycle.pk]
        self.computed_at = self.results.computed_at
        self.previous_results = results.get(self.previous.pk) if self.previous else None

    @cached_property
    def needs(self) -> analysis.Needs:
        return _tallies(self.results.data["needs"])

    @cached_property
    def offers(self) -> analysis.Offers:
        return {(slug, region): n for slug, region, n in self.results.data["offers"]}

    @property
    def delivered_since(self) -> datetime.date | None:
        return self.results.delivered_since

    @cached_property
    def delivered(self) -> dict[tuple[str, str], delivery.Delivered]:
        return {(slug, region): delivery.Delivered(r, e) for slug, region, r, e in self.results.data["delivered"]}

    @cached_property
    def gaps(self) -> list[analysis.GapRow]:
        return analysis.gap_ranking(self.needs, self.offers, self.delivered, names=self.results.data["names"])

    @cached_property
    def trend(self) -> list[tuple[analysis.TrendRow, float | None, float | None, float | None]]:
        cycles = [self.cycle] + ([self.previous] if self.previous else [])
        results = {self.cycle.pk: self.results}
        if self.previous and self.previous_results:
            results[self.previous.pk] = self.previous_results
        themes = {pk: r.data["themes"] for pk, r in results.items()}
        return analysis.trend_versus(self.cycle, self.previous, rows=trend_rows(themes, cycles))

    def respondents(self) -> Any:
        return self.results.data["respondents"]

    @property
    def version(self) -> tuple[Any, ...]:
        """What changes whenever anything a public page shows of this analysis may: the stored figures of the
        cycle and of the previous one (publishing again writes them anew; withdrawing the previous cycle makes
        another one previous) and what the page shows of the cycles themselves (edited: `updated_at`)."""
        previous, before = self.previous, self.previous_results
        return (
            (self.cycle.pk, self.cycle.title, self.cycle.period, self.cycle.updated_at),
            (self.cycle.results_published_at, self.computed_at, self.delivered_since),
            previous and (previous.pk, previous.title, previous.updated_at),
            before and before.computed_at,
        )


def analysis_for(user: User | AnonymousUser, cycle: Cycle, cycles: list[Cycle]) -> analysis.CycleAnalysis:
    """The analysis of `cycle` as `user` may see it (`cycles`: every cycle they may see, as
    selectors.analysed_cycle gives them): live for the Secretariat, the published results for anyone else."""
    if user.has_perm("needs.view_cycles"):
        return analysis.CycleAnalysis(cycle, cycles)
    previous = analysis.previous_cycle(cycle, cycles)
    return PublishedAnalysis(cycle, cycles, results_of([c for c in (cycle, previous) if c], cycles))


class Trend:
    """The theme × cycle table's rows over `cycles` (oldest first, those `user` may see): live for the
    Secretariat, else from the published results; and `version`, what changes whenever anything a public page
    shows of them may (None for the Secretariat: live figures are never cached)."""

    def __init__(self, user: User | AnonymousUser, cycles: list[Cycle]) -> None:
        self.cycles = cycles
        self.stored = None if user.has_perm("needs.view_cycles") else stored_themes(cycles)

    @cached_property
    def rows(self) -> list[analysis.TrendRow]:
        if self.stored is None:
            return analysis.theme_trend(self.cycles)
        return trend_rows({pk: themes for pk, (_at, themes) in self.stored.items()}, self.cycles)

    @property
    def version(self) -> tuple[Any, ...] | None:
        """Each cycle as the page shows it (title, link, order; edited: `updated_at`; withdrawn: gone) and when
        its figures were stored (publishing again stores them anew)."""
        if self.stored is None:
            return None
        return tuple(
            (c.pk, c.slug, c.title, c.deadline, c.results_published_at, c.updated_at, self.stored[c.pk][0])
            for c in self.cycles
        )


def trend_for(user: User | AnonymousUser, cycles: list[Cycle]) -> list[analysis.TrendRow]:
    """[TrendRow] over `cycles` (oldest first, those `user` may see): live for the Secretariat, else published."""
    return Trend(user, cycles).rows
