"""Gap analysis of a needs-assessment cycle: needs, offers, the gap between them, and the trend across cycles.

Every number is computed by the database (one aggregate statement each) over SUBMITTED responses only.

- A Party's **need** for a theme is the highest level it gave to any level question of that theme (a
  questionnaire may ask one per type of assistance): each Party counts once per theme.
- The **weighted need** of a theme in a region is 2 × (Parties with a high need) + 1 × (Parties with a medium
  need); low and none weigh nothing.
- An **offer** covers a theme in a region when a submitted offers response (of a Party or an organisation)
  offers at least one type of assistance for that theme and serves that region (`offer_counts`).
- The **gap score** is the weighted need divided by (1 + matching offers), so a need with no offer ranks above
  the same need with one. Status: no offer; too little (fewer offers than one per
  `PARTIES_PER_OFFER` Parties in need); covered.
- **Delivered**: beside each theme × region, the technical assistance requests delivered and the events attended
  since the previous cycle's deadline (`delivery`); it does not change the gap score.
- The **trend** compares, per theme, the share of answering Parties with a high or medium need, cycle by cycle.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db import connection
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from tahub.parties.models import Country, Party, Region
from tahub.vocabularies.models import Theme

from ..models import Answer, Level, Question, Response
from . import delivery

if TYPE_CHECKING:
    from ..models import Cycle

WEIGHTS: dict[str, int] = {Level.HIGH: 2, Level.MEDIUM: 1, Level.LOW: 0, Level.NONE: 0}
HIGH_WEIGHT, MEDIUM_WEIGHT = WEIGHTS[Level.HIGH], WEIGHTS[Level.MEDIUM]  # read for every row of a page
RANKS: dict[str, int] = {Level.HIGH: 3, Level.MEDIUM: 2, Level.LOW: 1, Level.NONE: 0}
LEVEL_OF_RANK = {rank: level for level, rank in RANKS.items()}
PARTIES_PER_OFFER = 5
NO_REGION = "—"


class Status:
    NO_OFFER = "no-offer"
    TOO_LITTLE = "too-little"
    COVERED = "covered"
    LABELS = {NO_OFFER: _("No offer"), TOO_LITTLE: _("Too little offered"), COVERED: _("Covered")}


@dataclass
class Tally:
    """Counts of Parties by level of need (each Party once)."""

    high: int = 0
    medium: int = 0
    low: int = 0
    none: int = 0

    def add(self, level: str, n: int) -> None:
        setattr(self, level, getattr(self, level) + n)

    @property
    def answered(self) -> int:
        return self.high + self.medium + self.low + self.none

    @property
    def in_need(self) -> int:
        return self.high + self.medium

    @property
    def weighted(self) -> int:
        return HIGH_WEIGHT * self.high + MEDIUM_WEIGHT * self.medium

    @property
    def share(self) -> float | None:
        """Percentage of answering Parties with a high or medium need (one decimal), or None."""
        return round(100 * self.in_need / self.answered, 1) if self.answered else None


@dataclass
class GapRow:
    theme: str
    theme_name: str
    region: str
    needs: Tally
    offers: int = 0
    delivered: delivery.Delivered = field(default_factory=delivery.Delivered)

    @property
    def score(self) -> float:
        return round(self.needs.weighted / (1 + self.offers), 2)

    @property
    def status(self) -> str:
        if self.offers == 0:
            return Status.NO_OFFER
        if self.offers * PARTIES_PER_OFFER < self.needs.in_need:
            return Status.TOO_LITTLE
        return Status.COVERED

    @property
    def status_label(self) -> Any:
        return Status.LABELS[self.status]


@dataclass
class TrendRow:
    theme: str
    theme_name: str
    by_cycle: dict[int, Tally] = field(default_factory=dict)  # cycle pk → Tally

    def share(self, cycle_pk: int) -> float | None:
        tally = self.by_cycle.get(cycle_pk)
        return tally.share if tally else None

    def change(self, cycle_pk: int, previous_pk: int) -> float | None:
        """Change of the share in percentage points since the previous cycle, or None."""
        now, before = self.share(cycle_pk), self.share(previous_pk)
        return None if now is None or before is None else round(now - before, 1)


def _tables() -> dict[str, str]:
    names = {m.__name__: m._meta.db_table for m in (Answer, Response, Question, Theme, Party, Country, Region)}
    names["AnswerRegions"] = Answer.regions.through._meta.db_table
    names["AnswerTypes"] = Answer.assistance_types.through._meta.db_table
    names["Submitted"], names["LevelKind"] = Response.State.SUBMITTED, Question.Kind.LEVEL
    return names


# {(theme slug, region or country): (theme name, Tally)}; {(theme slug, region): offers}
Needs = dict[tuple[str, str], tuple[str, "Tally"]]
Offers = dict[tuple[str, str], int]
LevelRow = tuple[int, str, str, str, str, int]  # party_theme_levels: cycle pk, slug, name, group, level, n
GROUPS = {"region": "rg.code", "country": "c.iso3", None: "NULL"}


def party_theme_levels(
    cycle_ids: Sequence[int], *, party_id: int | None = None, group: str | None = "region"
) -> list[LevelRow]:
    """[(cycle pk, theme slug, theme name, group, level, Parties)]: one statement. `group` is "region",
    "country" (ISO alpha-3) or None.

    The inner query takes each Party's highest level per theme; the outer one counts Parties per level."""
    if not cycle_ids:
        return []
    t = _tables()
    ranks = " ".join(f"WHEN '{level}' THEN {rank}" for level, rank in RANKS.items())
    column = GROUPS[group]
    joins = (
        f"JOIN {t['Party']} p ON p.id = best.party_id JOIN {t['Country']} c ON c.id = p.country_id "
        f"LEFT JOIN {t['Region']} rg ON rg.id = c.region_id"
        if group
        else ""
    )
    marks = ", ".join(["%s"] * len(cycle_ids))
    party_filter = "AND r.party_id = %s" if party_id is not None else ""
    sql = f"""
        SELECT best.cycle_id, th.slug, th.name, {column}, best.rank, COUNT(*)
        FROM (SELECT r.cycle_id, r.party_id, q.theme_id, MAX(CASE a.level {ranks} END) AS rank
              FROM {t["Answer"]} a
              JOIN {t["Response"]} r ON r.id = a.response_id
              JOIN {t["Question"]} q ON q.id = a.question_id
              WHERE r.cycle_id IN ({marks}) AND r.state = %s AND q.kind = %s AND q.theme_id IS NOT NULL
                AND a.level <> '' {party_filter}
              GROUP BY r.cycle_id, r.party_id, q.theme_id) best
        JOIN {t["Theme"]} th ON th.id = best.theme_id {joins}
        GROUP BY best.cycle_id, th.slug, th.name, {column + ", " if group else ""}best.rank
    """  # noqa: S608 (table names come from the models; values are parameters)
    params: list[Any] = [*cycle_ids, t["Submitted"], t["LevelKind"]] + ([party_id] if party_id is not None else [])
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [(c, slug, name, key or NO_REGION, LEVEL_OF_RANK[rank], n) for c, slug, name, key, rank, n in cursor]


def offer_counts(cycle: Cycle, *, region: str | None = None) -> Offers:
    """{(theme slug, region code): offers} over the cycle's submitted offers: one statement.

    An offer covers a theme when its answer to that theme's offer question names at least one type of
    assistance, and a region when its regions answer names it, or names none (it offers everywhere)."""
    t = _tables()
    region_filter = "AND rg.code = %s" if region else ""
    regions_of = f"""SELECT 1 FROM {t["Answer"]} a2 JOIN {t["Question"]} q2 ON q2.id = a2.question_id
                     JOIN {t["AnswerRegions"]} ar ON ar.answer_id = a2.id
                     WHERE a2.response_id = r.id AND q2.kind = %s"""  # noqa: S608 (names from the models)
    sql = f"""
        SELECT th.slug, rg.code, COUNT(DISTINCT r.id)
        FROM {t["Answer"]} a
        JOIN {t["Response"]} r ON r.id = a.response_id
        JOIN {t["Question"]} q ON q.id = a.question_id
        JOIN {t["Theme"]} th ON th.id = q.theme_id
        CROSS JOIN {t["Region"]} rg
        WHERE r.cycle_id = %s AND r.kind = %s AND r.state = %s AND q.kind = %s {region_filter}
          AND EXISTS (SELECT 1 FROM {t["AnswerTypes"]} at WHERE at.answer_id = a.id)
          AND (EXISTS ({regions_of} AND ar.region_id = rg.id) OR NOT EXISTS ({regions_of}))
        GROUP BY th.slug, rg.code
    """  # noqa: S608 (table names come from the models; values are parameters)
    regions_kind = Question.Kind.REGIONS
    params: list[Any] = [cycle.pk, Response.Kind.OFFERS, t["Submitted"], Question.Kind.OFFER]
    params += ([region] if region else []) + [regions_kind, regions_kind]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {(slug, code): n for slug, code, n in cursor}


def needs_by_theme_region(cycle: Cycle) -> Needs:
    """{(theme slug, region): (theme name, Tally)} for the cycle: one statement."""
    return tabulate(party_theme_levels([cycle.pk]))


def tabulate(rows: Iterable[LevelRow]) -> Needs:
    """party_theme_levels rows (one cycle) → {(theme slug, group): (theme name, Tally)}."""
    table: Needs = {}
    for _cycle, slug, name, key, level, n in rows:
        table.setdefault((slug, key), (name, Tally()))[1].add(level, n)
    return table


def gap_ranking(
    needs: Needs,
    offers: Offers,
    delivered: dict[tuple[str, str], delivery.Delivered] | None = None,
    names: dict[str, str] | None = None,
) -> list[GapRow]:
    """[GapRow] for every theme × region with a need, an offer or assistance delivered, the largest gap first.

    `needs`: needs_by_theme_region(); `offers`: offer_counts(); `delivered`: delivery.delivered_by_theme_region().
    Themes offered or delivered but not needed are named with one more statement, unless `names` ({slug: name})
    names them."""
    delivered = delivered or {}
    names = {**(names or {}), **{slug: name for (slug, _region), (name, _tally) in needs.items()}}
    missing = {slug for slug, _region in (*offers, *delivered)} - set(names)
    if missing:
        names.update(Theme.objects.filter(slug__in=missing).values_list("slug", "name"))
    rows = [
        GapRow(slug, names.get(slug, slug), region, needs.get(key, ("", Tally()))[1], offers.get(key, 0),
               delivered.get(key) or delivery.Delivered())
        for key in set(needs) | set(offers) | set(delivered)
        for slug, region in [key]
    ]  # fmt: skip
    return sorted(rows, key=lambda r: (-r.score, -r.needs.weighted, r.theme_name, r.region))


def totals_by(needs: Needs, position: int) -> dict[str, tuple[str, Tally]]:
    """Sum a needs table over the other key: position 0 → {theme slug: (name, Tally)}, 1 → {region: Tally}."""
    totals: dict[str, tuple[str, Tally]] = {}
    for key, (name, tally) in needs.items():
        total = totals.setdefault(key[position], (name if position == 0 else key[1], Tally()))[1]
        total.high, total.medium = total.high + tally.high, total.medium + tally.medium
        total.low, total.none = total.low + tally.low, total.none + tally.none
    return totals


def theme_trend(cycles: Iterable[Cycle]) -> list[TrendRow]:
    """[TrendRow] per theme over `cycles` (each Party once per theme and cycle): one statement."""
    rows: dict[str, TrendRow] = {}
    for cycle_pk, slug, name, _group, level, n in party_theme_levels([c.pk for c in cycles], group=None):
        row = rows.setdefault(slug, TrendRow(slug, name))
        row.by_cycle.setdefault(cycle_pk, Tally()).add(level, n)
    return sorted(rows.values(), key=lambda r: r.theme_name)


def previous_cycle(cycle: Cycle, cycles: Iterable[Cycle]) -> Cycle | None:
    """The cycle of `cycles` just before `cycle` (by deadline), or None."""
    earlier = [c for c in cycles if (c.deadline, c.slug) < (cycle.deadline, cycle.slug)]
    return max(earlier, key=lambda c: (c.deadline, c.slug), default=None)


def trend_versus(
    cycle: Cycle, previous: Cycle | None, rows: Iterable[TrendRow] | None = None
) -> list[tuple[TrendRow, float | None, float | None, float | None]]:
    """[(TrendRow, share now, share before, change in points)] against the previous cycle: largest rise first.
    `rows`: theme_trend() of the two cycles when the caller has them."""
    compared = []
    for row in theme_trend([cycle] + ([previous] if previous else [])) if rows is None else rows:
        change = row.change(cycle.pk, previous.pk) if previous else None
        compared.append((row, row.share(cycle.pk), row.share(previous.pk) if previous else None, change))
    return sorted(compared, key=lambda r: (r[3] is None, -(r[3] or 0), r[0].theme_name))


class CycleAnalysis:
    """Everything the gap page, its exports, the report and the API show for one cycle; each part is
    computed once, on first use (one statement each). `published.PublishedAnalysis` reads the same from the
    results staff published."""

    live = True  # the Secretariat's figures, computed now (PublishedAnalysis: the published ones)
    computed_at: datetime.datetime | None = None  # PublishedAnalysis: when the published figures were computed

    def __init__(self, cycle: Cycle, visible_cycles: Iterable[Cycle]) -> None:
        self.cycle = cycle
        self.previous = previous_cycle(cycle, visible_cycles)

    @cached_property
    def needs(self) -> Needs:
        return needs_by_theme_region(self.cycle)

    @cached_property
    def offers(self) -> Offers:
        return offer_counts(self.cycle)

    @property
    def delivered_since(self) -> datetime.date | None:
        """The first day whose deliveries count: the day after the previous cycle's deadline (None: ever)."""
        return delivery.window_start(self.previous)

    @cached_property
    def delivered(self) -> dict[tuple[str, str], delivery.Delivered]:
        return delivery.delivered_by_theme_region(self.delivered_since)

    @cached_property
    def gaps(self) -> list[GapRow]:
        return gap_ranking(self.needs, self.offers, self.delivered)

    @cached_property
    def themes(self) -> list[tuple[str, Tally]]:
        """[(theme name, Tally)], most weighted need first."""
        return sorted(totals_by(self.needs, 0).values(), key=lambda item: (-item[1].weighted, item[0]))

    @cached_property
    def regions(self) -> dict[str, Tally]:
        """{region: Tally} over every theme."""
        return {region: tally for region, (_name, tally) in totals_by(self.needs, 1).items()}

    @cached_property
    def trend(self) -> list[tuple[TrendRow, float | None, float | None, float | None]]:
        return trend_versus(self.cycle, self.previous)

    def respondents(self) -> Any:
        return Response.objects.filter(cycle=self.cycle, state=Response.State.SUBMITTED).count()


def weighted_by_country(cycle: Cycle, *, theme: str | None = None) -> dict[str, int]:
    """{iso3: weighted need} per Party (summed over themes, or for one theme): the Secretariat's map."""
    values: dict[str, int] = {}
    for _c, slug, _name, iso3, level, n in party_theme_levels([cycle.pk], group="country"):
        if theme is None or slug == theme:
            values[iso3] = values.get(iso3, 0) + WEIGHTS[level] * n
    return values


def cycles_ordered(cycles: Iterable[Cycle]) -> list[Cycle]:
    """Oldest first (by deadline): the columns of the theme × cycle table."""
    return sorted(cycles, key=lambda c: (c.deadline, c.slug))
