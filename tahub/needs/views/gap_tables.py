"""The gap page's tables written in Python (issue 13), the same HTML as the template loops of needs/_gaps.html and
needs/_table.html they replace: there, each cell cost ~60 Python calls (its variable looked up, localised and
escaped through the template engine), ~130,000 a page for the Secretariat's live view. Here a page's cells are
written by `Cells`, which writes each distinct value once a page (the counts and names repeat)."""

from django.utils.formats import localize
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from ..map import region_name
from ..selectors.analysis import Status


class Cells:
    """`{{ value }}` as the template wrote it (localised, then escaped), each distinct value worked out once."""

    def __init__(self):
        self.written = {}

    def __call__(self, value):
        key = (type(value), value)  # 1, 1.0 and True are equal keys of a dict, but not the same text
        try:
            return self.written[key]
        except KeyError:
            text = self.written[key] = conditional_escape(localize(value))
            return text

    def or_dash(self, value):
        """`{{ value|default_if_none:"—" }}`."""
        return "—" if value is None else self(value)


def _empty(colspan, message):
    return f'<tr><td colspan="{colspan}">{conditional_escape(message)}</td></tr>'


def gap_rows_html(gaps, cells):
    """The gaps table's rows ([(GapRow, region name)], largest gap first), numbered from 1."""
    if not gaps:
        return mark_safe(_empty(11, _("No response submitted yet.")))  # noqa: S308 (escaped)
    statuses = {status: cells(label) for status, label in Status.LABELS.items()}  # translated once a page
    return mark_safe(  # noqa: S308 (every value is escaped by `cells`)
        "".join([
            f'\n    <tr><td>{cells(rank)}</td><th scope="row">{cells(row.theme_name)}</th><td>{cells(region)}</td>'
            f"<td>{cells(row.needs.high)}</td><td>{cells(row.needs.medium)}</td><td>{cells(row.needs.weighted)}</td>"
            f"<td>{cells(row.offers)}</td><td>{cells(row.delivered.requests)}</td>"
            f"<td>{cells(row.delivered.events)}</td><td>{cells(row.score)}</td><td>{statuses[row.status]}</td></tr>\n"
            for rank, (row, region) in enumerate(gaps, start=1)
        ])
    )  # fmt: skip


def need_rows_html(needs, cells):
    """The needs by theme and region (`CycleAnalysis.needs`), the highest count of high needs first, then by name."""
    if not needs:
        return mark_safe(_empty(6, _("No response submitted yet.")))  # noqa: S308 (escaped)
    items = sorted(needs.items(), key=lambda item: (-item[1][1].high, item[1][0]))
    return mark_safe(  # noqa: S308 (every value is escaped by `cells`)
        "".join([
            f'\n    <tr><th scope="row">{cells(name)}</th><td>{cells(region_name(region) or "—")}</td>'
            f"<td>{cells(t.high)}</td><td>{cells(t.medium)}</td><td>{cells(t.low)}</td><td>{cells(t.none)}</td></tr>\n"
            for (_slug, region), (name, t) in items
        ])
    )  # fmt: skip


def table_html(table, cells):
    """An `exporters.Table` as needs/_table.html writes it: the first cell of a row is its header."""
    header = "".join([f'<th scope="col">{cells(h)}</th>' for h in table.header])
    rows = "".join([
        f'<tr><th scope="row">{cells(row[0])}</th>{"".join([f"<td>{cells.or_dash(v)}</td>" for v in row[1:]])}</tr>\n'
        if row else "<tr></tr>\n"
        for row in table.rows
    ]) or _empty(len(table.header), _("No data yet."))  # fmt: skip
    return mark_safe(  # noqa: S308 (every value is escaped by `cells`)
        f"<table><caption>{cells(table.title)}</caption>\n<thead><tr>{header}</tr></thead>\n<tbody>{rows}</tbody></table>\n"
    )


def theme_options_html(themes, chosen, cells):
    """The map's theme options after "All themes" ([(slug, name)]; `chosen` selected)."""
    return mark_safe(  # noqa: S308 (every value is escaped by `cells`)
        "".join([
            f'<option value="{cells(slug)}"{" selected" if slug == chosen else ""}>{cells(name)}</option>'
            for slug, name in themes
        ])
    )  # fmt: skip


def map_rows_html(rows, cells):
    """The table beside the map: [(Party or region name, value or None)]."""
    if not rows:
        return mark_safe("\n    " + _empty(2, _("No data yet.")))  # noqa: S308 (escaped)
    return mark_safe(  # noqa: S308 (every value is escaped by `cells`)
        "".join([f'<tr><th scope="row">{cells(key)}</th><td>{cells.or_dash(value)}</td></tr>' for key, value in rows])
    )


def trend_rows_html(trend, cells):
    """The trend against the previous cycle: [(TrendRow, share now, share before, change in points)]."""
    if not trend:
        return mark_safe(_empty(4, _("No response submitted yet.")))  # noqa: S308 (escaped)
    return mark_safe(  # noqa: S308 (every value is escaped by `cells`)
        "".join([
            f'\n    <tr><th scope="row">{cells(row.theme_name)}</th><td>{cells.or_dash(now)}</td>'
            f"<td>{cells.or_dash(before)}</td><td>{_change(change, cells)}</td></tr>\n"
            for row, now, before, change in trend
        ])
    )  # fmt: skip


def _change(change, cells):
    if change is None:
        return "—"
    return f"+{cells(change)}" if change > 0 else cells(change)
