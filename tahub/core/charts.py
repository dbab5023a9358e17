"""Server-rendered SVG charts: readable without JavaScript, the same picture on the page and in a PDF.

Presentation attributes only (no style attributes), so the strict Content-Security-Policy holds.
"""

from django.utils.html import format_html, format_html_join

BAR_HEIGHT, GAP, LABEL_WIDTH, CHART_WIDTH = 18, 6, 220, 560


def bar_chart(rows, *, title):
    """A horizontal bar chart of [(label, value)], titled for screen readers; empty rows give no chart."""
    rows = [(str(label), value) for label, value in rows if value]
    if not rows:
        return ""
    top = max(value for _label, value in rows)
    scale = (CHART_WIDTH - LABEL_WIDTH - 50) / top
    height = len(rows) * (BAR_HEIGHT + GAP)
    bars = format_html_join(
        "",
        '<g><text x="{}" y="{}" text-anchor="end" font-size="12">{}</text>'
        '<rect x="{}" y="{}" width="{}" height="{}" fill="#005a87"></rect>'
        '<text x="{}" y="{}" font-size="12">{}</text></g>',
        (
            (
                LABEL_WIDTH - 6, i * (BAR_HEIGHT + GAP) + 13, label[:34],
                LABEL_WIDTH, i * (BAR_HEIGHT + GAP), max(1, round(value * scale)), BAR_HEIGHT,
                LABEL_WIDTH + round(value * scale) + 4, i * (BAR_HEIGHT + GAP) + 13, value,
            )
            for i, (label, value) in enumerate(rows)
        ),
    )  # fmt: skip
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{}" viewBox="0 0 {} {}" width="100%">'
        "<title>{}</title>{}</svg>",
        title,
        CHART_WIDTH,
        height,
        title,
        bars,
    )


def stacked_bar_chart(rows, *, series, title):
    """Horizontal stacked bars: rows [(label, [value per series])], series [(name, colour)]; a legend on top.

    Each segment carries a <title> (label, series, value) for screen readers and tooltips."""
    rows = [(str(label), values) for label, values in rows if sum(values)]
    if not rows:
        return ""
    top = max(sum(values) for _label, values in rows)
    scale = (CHART_WIDTH - LABEL_WIDTH - 50) / top
    legend = format_html_join(
        "",
        '<rect x="{}" y="0" width="12" height="12" fill="{}"></rect><text x="{}" y="11" font-size="12">{}</text>',
        ((LABEL_WIDTH + i * 90, colour, LABEL_WIDTH + i * 90 + 16, name) for i, (name, colour) in enumerate(series)),
    )
    parts = []
    for i, (label, values) in enumerate(rows):
        y, x = 20 + i * (BAR_HEIGHT + GAP), LABEL_WIDTH
        parts.append(
            format_html('<text x="{}" y="{}" text-anchor="end" font-size="12">{}</text>', x - 6, y + 13, label[:34])
        )
        for (name, colour), value in zip(series, values, strict=True):
            width = round(value * scale)
            if value:
                parts.append(
                    format_html(
                        '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"><title>{}: {} {}</title></rect>',
                        x, y, max(1, width), BAR_HEIGHT, colour, label, name, value,
                    )
                )  # fmt: skip
            x += width
        parts.append(format_html('<text x="{}" y="{}" font-size="12">{}</text>', x + 4, y + 13, sum(values)))
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{}" viewBox="0 0 {} {}" width="100%">'
        "<title>{}</title>{}{}</svg>",
        title,
        CHART_WIDTH,
        20 + len(rows) * (BAR_HEIGHT + GAP),
        title,
        legend,
        format_html_join("", "{}", ((part,) for part in parts)),
    )
