"""The gap-analysis pages (read only): a cycle's gaps, the trend across cycles, a Party's matrix, the summary
report. Thin: each loads and authorises through selectors, computes through analysis, renders or exports."""

from django.http import Http404
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from rules.contrib.views import PermissionRequiredMixin

from tahub.core.charts import bar_chart, stacked_bar_chart
from tahub.core.fragments import fragment
from tahub.core.i18n import requested_language

from .. import exporters, report, selectors
from ..map import by_region, country_regions, region_name, world_map
from ..selectors import analysis, matrix, published
from . import gap_tables

# Lazy: translated when a page is drawn, in that person's language (not in the language active at import).
LEVEL_SERIES = [(gettext_lazy("High"), "#a8280b"), (gettext_lazy("Medium"), "#e8602c"),
                (gettext_lazy("Low"), "#f9a870"), (gettext_lazy("None"), "#d9d9d9")]  # fmt: skip


def _levels(tally):
    return [tally.high, tally.medium, tally.low, tally.none]


def _export(request, tables, prefix):
    """The table named by ?table= as ?export=csv|xlsx, or None when no export is asked."""
    fmt, name = request.GET.get("export"), request.GET.get("table")
    if fmt not in ("csv", "xlsx"):
        return None
    if name not in tables:
        raise Http404
    return exporters.TableExporter(tables[name](), prefix).response(fmt)


def need_map(cycle_analysis, staff, theme=None):
    """(SVG, [(name, value)] for the table beside it, unit): by Party for the Secretariat (`staff`), by region for
    others. The table names Parties and regions (codes stay in the CSV and the API)."""
    if staff:
        values = analysis.weighted_by_country(cycle_analysis.cycle, theme=theme)
        unit, top = _("weighted need"), None
        measure = _("each Party's weighted need (2 per high, 1 per medium need)")
        description = _("Each Party coloured by its weighted need (2 per high, 1 per medium need).")
        names = country_regions()
        table = sorted(((names.get(iso3, (iso3, ""))[0], v) for iso3, v in values.items()),
                       key=lambda item: (-item[1], item[0]))  # fmt: skip
    else:
        shares = {
            region: tally.share
            for (slug, region), (_name, tally) in cycle_analysis.needs.items()
            if slug == theme
        } if theme else {region: tally.share for region, tally in cycle_analysis.regions.items()}  # fmt: skip
        values = by_region(shares)
        unit, top = "%", 100
        measure = _("the share of the region's Parties with a high or medium need")
        description = _("Each country coloured by its region's share of Parties with a high or medium need.")
        table = sorted((region_name(code), share) for code, share in shares.items())
    title = _("Needs by country: %(cycle)s") % {"cycle": cycle_analysis.cycle.title}
    svg = world_map(values, title=title, description=description, unit=unit, top=top, measure=measure)
    return svg, table, unit


def map_themes(result):
    """[(slug, name)] of the themes the map can show, by name."""
    return sorted({(slug, name) for (slug, _region), (name, _tally) in result.needs.items()}, key=lambda t: t[1])


def gaps_context(result, *, staff, theme, themes):
    """What the gap page's content (needs/_gaps.html) shows of `result`: its tables (rows written in Python,
    `gap_tables`), charts and map (`themes`: map_themes(result), `theme` one of them or None)."""
    map_svg, map_rows, map_unit = need_map(result, staff, theme)
    gaps = [(row, region_name(row.region)) for row in result.gaps]
    themes_table, offers = exporters.themes_table(result), exporters.offers_table(result, region_names=True)
    cells = gap_tables.Cells()
    return {
        "cycle": result.cycle,
        "analysis": result,
        "staff": staff,
        "need_rows": gap_tables.need_rows_html(result.needs, cells),
        "themes_chart": stacked_bar_chart(
            [(name, _levels(tally)) for name, tally in result.themes],
            series=LEVEL_SERIES,
            title=_("Parties by level of need, per theme"),
        ),
        "gaps_chart": bar_chart(
            [(exporters.gap_label(row), row.score) for row in result.gaps[:15]],
            title=_("The fifteen largest gaps (gap score)"),
        ),
        "gaps": gaps,
        "gap_rows": gap_tables.gap_rows_html(gaps, cells),
        "themes_table": themes_table,
        "themes_table_html": gap_tables.table_html(themes_table, cells),
        "map": map_svg,
        "map_rows": map_rows,
        "map_rows_html": gap_tables.map_rows_html(map_rows, cells),
        "map_unit": map_unit,
        "map_themes": themes,
        "map_theme": theme,
        "map_theme_options": gap_tables.theme_options_html(themes, theme, cells),
        "offers": offers,
        "offers_html": gap_tables.table_html(offers, cells),
        "trend_rows": gap_tables.trend_rows_html(result.trend, cells),
        "tables": exporters.CYCLE_TABLES,
    }


class GapAnalysisView(View):
    """A cycle's gap analysis: public once staff published it (the figures as published); the Secretariat sees
    it at any time, live. The public's content is rendered once per version of the published figures, language
    and theme (`core.fragments`); the Secretariat's every time."""

    def get(self, request, cycle):
        cycle, cycles = selectors.analysed_cycle(request.user, cycle)
        result = published.analysis_for(request.user, cycle, cycles)
        tables = {name: (lambda build=build: build(result)) for name, build in exporters.CYCLE_TABLES.items()}
        export = _export(request, tables, cycle.slug)
        if export:
            return export
        themes = map_themes(result)
        theme = request.GET.get("theme") or None
        if theme not in {slug for slug, _name in themes}:
            theme = None
        staff = result.live  # the Secretariat's live figures are never cached
        version = None if staff else (result.version, theme)
        body = fragment(
            "needs/_gaps.html", version, lambda: gaps_context(result, staff=staff, theme=theme, themes=themes)
        )
        return render(request, "needs/gaps.html", {"cycle": cycle, "analysis": result, "body": body})


def across_cycles_context(cycles, rows):
    """What the theme × cycle page's content (needs/_across_cycles.html) shows: the latest cycle's chart, the
    table (`rows`: the trend over `cycles`, oldest first) and the cycles."""
    latest = cycles[-1] if cycles else None
    chart = bar_chart(
        [(row.theme_name, row.share(latest.pk)) for row in rows if latest and row.share(latest.pk)],
        title=_("Share of Parties with a high or medium need (%%), %(cycle)s") % {"cycle": latest.title}
        if latest
        else "",
    )
    return {"cycles": cycles, "table": exporters.cross_cycle_table(cycles, rows), "chart": chart}


class AcrossCyclesView(View):
    """The theme × cycle table: every cycle whose results the person may see, oldest first. The public's
    content is rendered once per version of the published figures and language (`core.fragments`); the
    Secretariat's every time."""

    def get(self, request):
        cycles = analysis.cycles_ordered(selectors.cycles_visible_to(request.user))
        trend = published.Trend(request.user, cycles)
        export = _export(request, {"across-cycles": lambda: exporters.cross_cycle_table(cycles, trend.rows)}, "needs")
        if export:
            return export
        body = fragment("needs/_across_cycles.html", trend.version, lambda: across_cycles_context(cycles, trend.rows))
        return render(request, "needs/across_cycles.html", {"cycles": cycles, "body": body})


class PartyMatrixView(View):
    """One Party's needs → offers → requests → delivered, by theme: its own people and the Secretariat (404 for
    anyone else, so a Party's answers cannot be probed)."""

    def get(self, request, cycle, iso3):
        cycle, party = selectors.matrix_target(request.user, cycle, iso3)
        rows = matrix.party_matrix(cycle, party, show_offers=cycle.results_published_at is not None
                                   or request.user.has_perm("needs.view_cycles"))  # fmt: skip
        table = exporters.matrix_table(party, rows)
        export = _export(request, {"matrix": lambda: table}, f"{cycle.slug}-{iso3}")
        if export:
            return export
        return render(request, "needs/party_matrix.html", {"cycle": cycle, "party": party, "rows": rows})


class SummaryReportView(PermissionRequiredMixin, View):
    """The Secretariat's button: the cycle summary for the Conference of the Parties, as XLSX or PDF."""

    permission_required = "needs.view_cycles"

    def get(self, request, cycle, fmt):
        cycle, cycles = selectors.analysed_cycle(request.user, cycle)
        with translation.override(requested_language(request)):  # ?lang=: in any of the offered languages
            return report.download(analysis.CycleAnalysis(cycle, cycles), fmt)
