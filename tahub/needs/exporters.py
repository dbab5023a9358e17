"""The gap analysis as tables: the same (title, header, rows) feed the page downloads (CSV, XLSX), the summary
report's sheets and its PDF, so every format shows the same numbers."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from tahub.core.exports import ListExporter

from .map import region_name

LEVEL_HEADER = [_("High"), _("Medium"), _("Low"), _("None")]


@dataclass
class Table:
    slug: str
    title: str
    header: list
    rows: list


def _levels(tally):
    return [tally.high, tally.medium, tally.low, tally.none]


def gaps_table(analysis):
    header = [_("Rank"), _("Theme"), _("Region"), *LEVEL_HEADER, _("Weighted need"), _("Offers"), _("Gap score"),
              _("Status"), _("Requests delivered"), _("Events attended")]  # fmt: skip
    rows = [
        [i, row.theme_name, row.region, *_levels(row.needs), row.needs.weighted, row.offers, row.score,
         str(row.status_label), row.delivered.requests, row.delivered.events]
        for i, row in enumerate(analysis.gaps, start=1)
    ]  # fmt: skip
    return Table("gaps", _("Gaps: needs with no or too little matching offer, largest first"), header, rows)


def needs_table(analysis):
    header = [_("Theme"), _("Region"), *LEVEL_HEADER, _("Weighted need")]
    items = sorted(analysis.needs.items(), key=lambda item: (item[1][0], item[0][1]))
    rows = [[name, region, *_levels(tally), tally.weighted] for (_slug, region), (name, tally) in items]
    return Table("needs", _("Needs by theme, region and level (Parties)"), header, rows)


def themes_table(analysis):
    header = [_("Theme"), *LEVEL_HEADER, _("Weighted need"), _("Share high or medium (%)")]
    rows = [[name, *_levels(tally), tally.weighted, tally.share] for name, tally in analysis.themes]
    return Table("themes", _("Needs by theme, all regions"), header, rows)


def gap_label(row):
    """A gap's label on a chart: its theme and its region by name (the same theme comes once per region)."""
    return f"{row.theme_name} — {region_name(row.region)}"


def offers_table(analysis, *, region_names=False):
    """Offers by theme and region; `region_names`: the regions named (pages, PDF), else by code (CSV, XLSX)."""
    names = {row.theme: row.theme_name for row in analysis.gaps}
    regions = sorted({region for _slug, region in analysis.offers})
    themes = sorted({slug for slug, _region in analysis.offers}, key=lambda slug: names.get(slug, slug))
    header = [_("Theme"), *(region_name(r) if region_names else r for r in regions)]
    rows = [[names.get(slug, slug), *(analysis.offers.get((slug, r), 0) for r in regions)] for slug in themes]
    return Table("offers", _("Offers by theme and region"), header, rows)


def trend_table(analysis):
    previous = analysis.previous.title if analysis.previous else _("previous cycle")
    header = [_("Theme"), analysis.cycle.title, previous, _("Change (points)")]
    rows = [[row.theme_name, now, before, change] for row, now, before, change in analysis.trend]
    return Table(
        "trend", _("Share of Parties with a high or medium need (%), against the previous cycle"), header, rows
    )


def regions_table(analysis):
    header = [_("Region"), *LEVEL_HEADER, _("Share high or medium (%)")]
    rows = [[region, *_levels(tally), tally.share] for region, tally in sorted(analysis.regions.items())]
    return Table("regions", _("Needs by region, all themes (Party × theme answers)"), header, rows)


def cross_cycle_table(cycles, trend):
    header = [_("Theme"), *(cycle.title for cycle in cycles)]
    rows = [[row.theme_name, *(row.share(cycle.pk) for cycle in cycles)] for row in trend]
    return Table("across-cycles", _("Share of Parties with a high or medium need (%), by cycle"), header, rows)


CYCLE_TABLES = {
    "gaps": gaps_table,
    "themes": themes_table,
    "needs": needs_table,
    "regions": regions_table,
    "offers": offers_table,
    "trend": trend_table,
}


class TableExporter(ListExporter):
    """One Table as CSV or XLSX."""

    def __init__(self, table, prefix):
        self.table = table
        self.identifier = table.slug
        self.filename = f"{prefix}-{table.slug}"

    def header(self):
        return self.table.header

    def rows(self):
        yield from ([("" if v is None else v) for v in row] for row in self.table.rows)


def matrix_table(party, rows):
    header = [_("Theme"), _("Need this cycle"), _("Offers covering the region"), _("Requests"),
              _("Requests under way"), _("Requests delivered"), _("Events attended"), _("Need unmet")]  # fmt: skip
    body = [
        [row.theme_name, str(row.level_label), "" if row.offers is None else row.offers, row.requests_total,
         row.open_requests, row.delivered, row.events, str(_("yes")) if row.unmet else ""]
        for row in rows
    ]  # fmt: skip
    return Table(
        "matrix", _("%(party)s: needs, offers, requests and assistance delivered") % {"party": party}, header, body
    )
