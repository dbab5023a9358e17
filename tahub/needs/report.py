"""The cycle summary for the Conference of the Parties: the gap-analysis tables (exporters.CYCLE_TABLES) as one
XLSX workbook (a sheet each, with a cover sheet) or as a PDF (the tables, and the charts and the map as vector
images), ready for an information document. Used by the staff button and `manage.py needs_summary_report`."""

import io
import re

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from tahub.core.charts import bar_chart, stacked_bar_chart
from tahub.core.exports import spreadsheet_safe
from tahub.core.pdf import latin1, new_document

from . import exporters
from .map import by_region, world_map

FORMATS = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}
LEVEL_COLOURS = ["#a8280b", "#e8602c", "#f9a870", "#d9d9d9"]


def tables(analysis):
    return [build(analysis) for build in exporters.CYCLE_TABLES.values()]


def cover(analysis):
    """[(label, value)]: what the summary covers."""
    cycle, published = analysis.cycle, analysis.cycle.results_published_at
    return [
        (_("Cycle"), cycle.title),
        (_("Period covered"), cycle.period),
        (_("Deadline"), cycle.deadline.isoformat()),
        (_("Responses submitted"), analysis.respondents()),
        (_("Compared with"), analysis.previous.title if analysis.previous else _("no earlier cycle")),
        (_("Results published"), published.date().isoformat() if published else _("not yet")),
        (_("Produced"), timezone.localtime().strftime("%Y-%m-%d %H:%M")),
    ]  # fmt: skip


def build_xlsx(analysis):
    """Every cell through `spreadsheet_safe`: a theme or cycle title starting with "=" stays text."""
    from openpyxl import Workbook

    def row(values):
        return [spreadsheet_safe(value) for value in values]

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Summary")[:31])
    sheet.append(row([_("Needs assessment: summary for the Conference of the Parties")]))
    for label, value in cover(analysis):
        sheet.append(row([label, value]))
    for table in tables(analysis):
        sheet = workbook.create_sheet(table.slug[:31])
        sheet.append(row([table.title]))
        sheet.append(row(table.header))
        for values in table.rows:
            sheet.append(row(values))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _svg_for_pdf(svg):
    """fpdf2 draws SVG shapes, paths and text; it needs a size in units and has no use for <title>/<desc>."""
    svg = latin1(re.sub(r"<(title|desc)[^>]*>.*?</\1>", "", str(svg), flags=re.S))
    width, height = re.search(r'viewBox="0 0 (\d+) (\d+)"', svg).groups()
    return svg.replace('width="100%"', f'width="{width}" height="{height}"', 1).encode()


def charts(analysis):
    """[(title, SVG)] for the PDF: the needs by theme, the largest gaps, the map by region."""
    series = [(_("High"), LEVEL_COLOURS[0]), (_("Medium"), LEVEL_COLOURS[1]), (_("Low"), LEVEL_COLOURS[2]),
              (_("None"), LEVEL_COLOURS[3])]  # fmt: skip
    themes = [(name, [t.high, t.medium, t.low, t.none]) for name, t in analysis.themes]
    shares = {region: tally.share for region, tally in analysis.regions.items()}
    found = [
        (_("Parties by level of need, per theme"), stacked_bar_chart(themes, series=series, title="")),
        (_("The fifteen largest gaps (gap score)"),
         bar_chart([(exporters.gap_label(r), r.score) for r in analysis.gaps[:15]], title="")),
        (_("Share of Parties with a high or medium need, by region (%)"),
         world_map(by_region(shares), title="", description="", unit="%", top=100,
                   measure=_("the share of the region's Parties with a high or medium need")) if shares else ""),
    ]  # fmt: skip
    return [(title, svg) for title, svg in found if svg]


def _fit(pdf, text, width):
    while text and pdf.get_string_width(text) > width - 1.5:
        text = text[:-2] + "."
    return text


def _grid(pdf, table):
    """A plain grid of cells (fpdf2's table() lays out every cell's line breaks: ten times slower); the first
    column takes what the others leave, and a too-long value is cut with a dot."""
    others = 16 if len(table.header) > 6 else 24
    widths = [max(40, pdf.epw - others * (len(table.header) - 1))] + [others] * (len(table.header) - 1)
    for index, row in enumerate([table.header, *table.rows]):
        pdf.set_font(pdf.body_font, "B" if index == 0 else "", 7)
        values = [_fit(pdf, pdf.printable(value), width) for value, width in zip(row, widths, strict=False)]
        pdf.row(widths, values, 5, border=1)  # in Arabic, the first column at the right


def _heading(pdf, text, size):
    pdf.set_font(pdf.body_font, "B", size)
    pdf.multi_cell(0, size / 2 + 1, pdf.printable(text), new_x="LMARGIN", new_y="NEXT")


def build_pdf(analysis):
    """The summary as a PDF in the documents' one font (`core.pdf.new_document`: DejaVu Sans where installed, so
    names in any Latin, Greek or Cyrillic script print). The charts' SVG text is still narrowed to Latin-1: fpdf2
    draws it in a generic sans-serif font, not the document's."""
    pdf = new_document(title=analysis.cycle.title, orientation="portrait", format="A4")
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    _heading(pdf, _("Needs assessment: summary for the Conference of the Parties"), 16)
    pdf.set_font(pdf.body_font, "", 10)
    for label, value in cover(analysis):
        pdf.multi_cell(0, 6, pdf.printable(f"{label}: {value}"), new_x="LMARGIN", new_y="NEXT")
    for title, svg in charts(analysis):
        pdf.ln(4)
        _heading(pdf, title, 12)
        pdf.image(io.BytesIO(_svg_for_pdf(svg)), w=pdf.epw)
    for table in tables(analysis):
        pdf.add_page()
        _heading(pdf, table.title, 12)
        pdf.set_font(pdf.body_font, "", 7)
        if not table.rows:
            pdf.multi_cell(0, 6, pdf.printable(_("No data.")))
            continue
        _grid(pdf, table)
    return bytes(pdf.output())


def build(analysis, fmt):
    if fmt not in FORMATS:
        raise ValueError(fmt)
    return build_xlsx(analysis) if fmt == "xlsx" else build_pdf(analysis)


def download(analysis, fmt):
    if fmt not in FORMATS:
        raise Http404
    response = HttpResponse(build(analysis, fmt), content_type=FORMATS[fmt])
    response["Content-Disposition"] = f'attachment; filename="{analysis.cycle.slug}-summary.{fmt}"'
    return response
