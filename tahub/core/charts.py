"""Server-rendered SVG charts: readable without JavaScript, the same picture on the page and in a PDF.

Presentation attributes only (no style attributes), so the strict Content-Security-Policy holds.

Charts that cannot mislead (issue 15.2): a label is never cut — it is wrapped onto as many lines as it needs,
each estimated to fit its column (`text_width`), and its full text is in the bar's <title>; the value scale starts
at zero, is drawn as an axis with round ticks, and says so; the page puts the same figures in a table beside the
chart. A label should name everything that tells two bars apart (theme *and* region, for example).

Right to left (Arabic pages): a chart is drawn left to right whatever the page's direction (`direction="ltr"` on
the <svg>): its coordinates, the anchors of its labels and its zero-based axis are placed for that direction,
and the same picture goes into the PDF. Labels are in the reader's language (the bidi algorithm still lays out
an Arabic label right to left inside its run); numbers are formatted for the reader's locale.
"""

import math
from functools import lru_cache

from django.utils.formats import number_format
from django.utils.html import conditional_escape as escape
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

BAR_HEIGHT, GAP, LABEL_WIDTH, CHART_WIDTH = 18, 6, 220, 560
FONT_SIZE, LINE_HEIGHT, VALUE_ROOM, AXIS_ROOM = 12, 14, 50, 34
BAR_COLOUR, AXIS_COLOUR = "#005a87", "#555555"
TICKS = {1: 5, 2: 4, 2.5: 5, 3: 3, 4: 4, 5: 5, 6: 3, 8: 4, 10: 5}  # an axis's round end (× 10^n): its steps

# Advance widths in em of a generic sans-serif (Helvetica/Arial/DejaVu metrics, rounded up): an estimate on the
# safe side, so that a line estimated to fit does fit in any of the fonts a browser or fpdf2 may use.
_NARROW = set("iljtfI.,;:!|'’()[] ")
_WIDE = set("mwMW@%—")


def text_width(text, size=FONT_SIZE):
    """Estimated width in pixels of `text` at font size `size` (on the wide side)."""
    em = 0.0
    for char in str(text):
        if char in _NARROW:
            em += 0.34
        elif char in _WIDE:
            em += 0.95
        elif char.isupper() or char.isdigit():
            em += 0.72
        else:
            em += 0.6
    return em * size


def wrap(text, width, size=FONT_SIZE):
    """`text` as lines each estimated to fit `width` pixels, broken between words; nothing is dropped (a word
    too long for a line on its own is split, its pieces joined by a hyphen). ' '.join(lines) gives the text
    back, but for those hyphens."""
    return list(_wrapped(str(text), width, size))


@lru_cache(maxsize=2048)
def _wrapped(text, width, size):
    """wrap() of a str, once per process for each label, width and size: a chart wraps each label twice (its row's
    height, then its lines), and a page draws the same labels on every request."""
    lines, line = [], ""
    for word in str(text).split():
        while text_width(word, size) > width:  # a word longer than the line: split it
            cut = max(1, next((n for n in range(len(word), 0, -1) if text_width(word[:n] + "-", size) <= width), 1))
            if line:
                lines.append(line)
                line = ""
            lines.append(word[:cut] + "-")
            word = word[cut:]
        candidate = f"{line} {word}" if line else word
        if line and text_width(candidate, size) > width:
            lines.append(line)
            candidate = word
        line = candidate
    if line:
        lines.append(line)
    return tuple(lines or [""])


def nice_top(value):
    """The round number an axis ends at: the smallest of 1, 2, 2.5, 3, 4, 5, 6, 8 × 10^n at or above `value`."""
    if value <= 0:
        return 1
    power = 10 ** math.floor(math.log10(value))
    for step in TICKS:
        if value <= step * power + 1e-9:
            return step * power
    return 10 * power  # pragma: no cover (the loop always returns)


def _number(value):
    """`value` as the reader's locale writes it (2.5 → "2,5" in French), without a needless ".0"."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return number_format(value)


def _ticks(top):
    """Round ticks from 0 to `top` (a `nice_top`): 3 to 5 steps of a round size."""
    leading = top / 10 ** math.floor(math.log10(top))
    count = next((n for step, n in TICKS.items() if math.isclose(leading, step)), 5)
    return [top * i / count for i in range(count + 1)]


def _label_lines(label, x, y, rows_height):
    """(<text> of a wrapped label, its lines centred on the bar's row, number of lines); y: top of the row."""
    lines = wrap(label, LABEL_WIDTH - 12)
    first = y + (rows_height - len(lines) * LINE_HEIGHT) / 2 + LINE_HEIGHT - 3
    spans = "".join(
        [
            f'<tspan x="{x}" y="{round(first + i * LINE_HEIGHT, 1)}">{escape(line)}</tspan>'
            for i, line in enumerate(lines)
        ]
    )
    return mark_safe(f'<text text-anchor="end" font-size="{FONT_SIZE}">{spans}</text>'), len(lines)  # noqa: S308


def _row_height(label):
    return max(BAR_HEIGHT, len(wrap(label, LABEL_WIDTH - 12)) * LINE_HEIGHT)


def _axis(top, y, scale, unit):
    """A value axis from zero: a line, round ticks, and a note that the scale starts at zero."""
    ticks = format_html_join(
        "",
        '<line x1="{0}" y1="{1}" x2="{0}" y2="{2}" stroke="{3}" stroke-width="1"></line>'
        '<text x="{0}" y="{4}" text-anchor="middle" font-size="11">{5}</text>',
        ((round(LABEL_WIDTH + t * scale, 1), y, y + 4, AXIS_COLOUR, y + 15, _number(round(t, 2)))
         for t in _ticks(top)),
    )  # fmt: skip
    note = _("Scale from 0 to %(top)s%(unit)s") % {"top": _number(top), "unit": f" {unit}" if unit else ""}
    return format_html(
        '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="1"></line>{}'
        '<text x="{}" y="{}" font-size="11" fill="{}">{}</text>',
        LABEL_WIDTH, y, round(LABEL_WIDTH + top * scale, 1), y, AXIS_COLOUR, ticks, LABEL_WIDTH, y + 29,
        AXIS_COLOUR, note,
    )  # fmt: skip


def _svg(title, height, body):
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{}" viewBox="0 0 {} {}" width="100%"'
        ' direction="ltr">'
        "<title>{}</title>{}</svg>",
        title,
        CHART_WIDTH,
        round(height),
        title,
        body,
    )


def bar_chart(rows, *, title, unit=""):
    """A horizontal bar chart of [(label, value)], titled for screen readers; empty rows give no chart.

    Labels wrap (never cut); each bar has a <title> with its full label and value; the scale starts at zero."""
    rows = [(str(label), value) for label, value in rows if value]
    if not rows:
        return ""
    top = nice_top(max(value for _label, value in rows))
    scale = (CHART_WIDTH - LABEL_WIDTH - VALUE_ROOM) / top
    parts, y = [], 0
    suffix = escape(f" {unit}") if unit else ""
    for label, value in rows:
        height = _row_height(label)
        text, _lines = _label_lines(label, LABEL_WIDTH - 6, y, height)
        bar_y = y + (height - BAR_HEIGHT) / 2
        width = max(1, round(value * scale))
        number = escape(_number(value))
        parts.append(
            f'<g><title>{escape(label)}: {number}{suffix}</title>{text}<rect x="{LABEL_WIDTH}" y="{round(bar_y, 1)}"'
            f' width="{width}" height="{BAR_HEIGHT}" fill="{BAR_COLOUR}"></rect>'
            f'<text x="{LABEL_WIDTH + width + 4}" y="{round(bar_y + 13, 1)}" font-size="{FONT_SIZE}">{number}'
            "</text></g>"
        )
        y += height + GAP
    axis = _axis(top, y, scale, unit)
    return _svg(title, y + AXIS_ROOM, mark_safe("".join([*parts, axis])))  # noqa: S308 (every value escaped)


def _legend(series, y):
    """Legend items placed one after another, wrapping to a new line when the chart's width is used up; returns
    (SVG, height)."""
    items, x, line = [], LABEL_WIDTH, 0
    for name, colour in series:
        width = 16 + text_width(name) + 14
        if x + width > CHART_WIDTH and x > LABEL_WIDTH:
            x, line = LABEL_WIDTH, line + 1
        top = y + line * 18
        items.append((x, top, colour, x + 16, top + 11, name))
        x += width
    svg = format_html_join(
        "",
        '<rect x="{}" y="{}" width="12" height="12" fill="{}"></rect><text x="{}" y="{}" font-size="12">{}</text>',
        items,
    )
    return svg, (line + 1) * 18 + 2


def stacked_bar_chart(rows, *, series, title, unit=""):
    """Horizontal stacked bars: rows [(label, [value per series])], series [(name, colour)]; a legend on top.

    Each segment carries a <title> (label, series, value) for screen readers and tooltips; labels wrap (never
    cut); the scale starts at zero."""
    rows = [(str(label), values) for label, values in rows if sum(values)]
    if not rows:
        return ""
    top = nice_top(max(sum(values) for _label, values in rows))
    scale = (CHART_WIDTH - LABEL_WIDTH - VALUE_ROOM) / top
    legend, y = _legend(series, 0)
    parts = [legend]
    names = [(escape(name), escape(colour)) for name, colour in series]  # once a chart, not once a segment
    for label, values in rows:
        height = _row_height(label)
        text, _lines = _label_lines(label, LABEL_WIDTH - 6, y, height)
        bar_y, x = round(y + (height - BAR_HEIGHT) / 2, 1), LABEL_WIDTH
        named = escape(label)
        segments = []
        for (name, colour), value in zip(names, values, strict=True):
            width = round(value * scale)
            if value:
                segments.append(
                    f'<rect x="{x}" y="{bar_y}" width="{max(1, width)}" height="{BAR_HEIGHT}" fill="{colour}">'
                    f"<title>{named}: {name} {escape(_number(value))}</title></rect>"
                )
            x += width
        total = sum(values)
        parts.append(
            f"<g><title>{named}: {escape(total)}</title>{text}{''.join(segments)}"
            f'<text x="{x + 4}" y="{round(bar_y + 13, 1)}" font-size="{FONT_SIZE}">{escape(total)}</text></g>'
        )
        y += height + GAP
    parts.append(_axis(top, y, scale, unit))
    return _svg(title, y + AXIS_ROOM, mark_safe("".join(parts)))  # noqa: S308 (every value escaped)
