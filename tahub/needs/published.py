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

from django.db.models import Q
from django.utils import timezone
from django.utils.functional import cached_property

from . import analysis, delivery
from .results import PublishedResults
from .selectors import cycle_list


def _levels(tally):
    return [tally.high, tally.medium, tally.low, tally.none]


def compute(cycle, published_cycles):
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


def published_cycles(*, besides=None):
    """The cycles whose results are public (and `besides`, about to be), oldest first."""
    condition = Q(results_published_at__isnull=False) | Q(pk=getattr(besides, "pk", None))
    return analysis.cycles_ordered(cycle_list().filter(condition))


def store(cycle, *, by, published):
    """Compute and write the cycle's PublishedResults (replacing any): `published` as for `compute`."""
    data, since = compute(cycle, published)
    results, _created = PublishedResults.objects.update_or_create(
        cycle=cycle,
        defaults={"data": data, "delivered_since": since, "computed_at": timezone.now(), "computed_by": by},
    )
    return results


def refresh_following(cycle, *, by, published):
    """After `cycle` was published or withdrawn: recompute the next published cycle when its window of
    assistance delivered moved (its previous published cycle changed)."""
    later = [c for c in published if (c.deadline, c.slug) > (cycle.deadline, cycle.slug)]
    if not later:
        return
    following = later[0]
    window = delivery.window_start(analysis.previous_cycle(following, published))
    stored = PublishedResults.objects.filter(cycle=following).values_list("delivered_since", flat=True).first()
    if stored != window:
        store(following, by=by, published=published)


def store_all(*, by=None):
    """Compute the PublishedResults of every published cycle (the data generator's published cycles)."""
    cycles = published_cycles()
    for cycle in cycles:
        store(cycle, by=by, published=cycles)
    return len(cycles)


def results_of(cycles, published):
    """{cycle pk: PublishedResults} for these published cycles: one query. A published cycle without its row
    (published before results were stored) gets it now, once."""
    found = {r.cycle_id: r for r in PublishedResults.objects.filter(cycle__in=[c.pk for c in cycles])}
    for cycle in cycles:
        if cycle.pk not in found:
            found[cycle.pk] = store(cycle, by=None, published=published)
    return found


def _tallies(rows):
    return {(slug, region): (name, analysis.Tally(*levels)) for slug, name, region, *levels in rows}


def themes_of(cycles):
    """{cycle pk: its per-theme totals} for these published cycles: that part of each stored row only (the trend
    across every cycle needs no more), one query."""
    found = dict(
        PublishedResults.objects.filter(cycle__in=[c.pk for c in cycles]).values_list("cycle_id", "data__themes")
    )
    if len(found) < len(cycles):
        found |= {pk: r.data["themes"] for pk, r in results_of(cycles, cycles).items()}
    return found


def trend_rows(themes, cycles):
    """[TrendRow] per theme over `cycles` from their totals ({cycle pk: stored "themes"}), as theme_trend."""
    rows = {}
    for cycle in cycles:
        for slug, name, *levels in themes[cycle.pk]:
            row = rows.setdefault(slug, analysis.TrendRow(slug, name))
            row.theme_name, row.by_cycle[cycle.pk] = name, analysis.Tally(*levels)
    return sorted(rows.values(), key=lambda r: r.theme_name)


class PublishedAnalysis(analysis.CycleAnalysis):
    """A CycleAnalysis read from the cycle's PublishedResults (and the previous cycle's, for the trend)."""

    def __init__(self, cycle, visible_cycles, results):
        super().__init__(cycle, visible_cycles)
        self.results = results[cycle.pk]
        self.computed_at = self.results.computed_at
        self.previous_results = results.get(self.previous.pk) if self.previous else None

    @cached_property
    def needs(self):
        return _tallies(self.results.data["needs"])

    @cached_property
    def offers(self):
        return {(slug, region): n for slug, region, n in self.results.data["offers"]}

    @property
    def delivered_since(self):
        return self.results.delivered_since

    @cached_property
    def delivered(self):
        return {(slug, region): delivery.Delivered(r, e) for slug, region, r, e in self.results.data["delivered"]}

    @cached_property
    def gaps(self):
        return analysis.gap_ranking(self.needs, self.offers, self.delivered, names=self.results.data["names"])

    @cached_property
    def trend(self):
        cycles = [self.cycle] + ([self.previous] if self.previous else [])
        results = {self.cycle.pk: self.results, **({self.previous.pk: self.previous_results} if self.previous else {})}
        themes = {pk: r.data["themes"] for pk, r in results.items()}
        return analysis.trend_versus(self.cycle, self.previous, rows=trend_rows(themes, cycles))

    def respondents(self):
        return self.results.data["respondents"]


def analysis_for(user, cycle, cycles):
    """The analysis of `cycle` as `user` may see it (`cycles`: every cycle they may see, as
    selectors.analysed_cycle gives them): live for the Secretariat, the published results for anyone else."""
    if user.has_perm("needs.view_cycles"):
        return analysis.CycleAnalysis(cycle, cycles)
    previous = analysis.previous_cycle(cycle, cycles)
    return PublishedAnalysis(cycle, cycles, results_of([c for c in (cycle, previous) if c], cycles))


def trend_for(user, cycles):
    """[TrendRow] over `cycles` (oldest first, those `user` may see): live for the Secretariat, else published."""
    if user.has_perm("needs.view_cycles"):
        return analysis.theme_trend(cycles)
    return trend_rows(themes_of(cycles), cycles)
