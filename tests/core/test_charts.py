"""Charts that cannot mislead (issue 15.2): no label cut, the full text in a <title>, a value scale from zero.

The SVG scales as a whole (viewBox, width 100 %), text with it: a label that fits its column in viewBox units fits
at every viewport from 360 px to 1,440 px, so the checks below are made in those units."""

import xml.etree.ElementTree as ET

import pytest

from tahub.core import charts

NS = {"svg": "http://www.w3.org/2000/svg"}
LONG = [
    "Elimination and restriction of production and use of POPs listed in Annexes A and B — Asia-Pacific States",
    "Stockpiles, wastes and contaminated sites: identification, management and disposal — African States",
    "Research, development and monitoring of persistent organic pollutants — Latin American and Caribbean States",
    "DDT use for disease vector control — Central and Eastern European States",
    "Short",
    "Pneumonoultramicroscopicsilicovolcanoconiosisandotherverylongwordswithoutanyspace",
]


def _labels(svg):
    """[(full text from the <tspan> lines, [line texts], x of the column's right edge)] of the bar labels."""
    root = ET.fromstring(str(svg))
    found = []
    for text in root.iter("{http://www.w3.org/2000/svg}text"):
        if text.get("text-anchor") != "end":
            continue
        lines = [span.text or "" for span in text.findall("svg:tspan", NS)]
        joined = ""
        for line in lines:
            joined += line[:-1] if line.endswith("-") and not line.endswith(" -") else line + " "
        found.append((joined.strip(), lines, float(text.findall("svg:tspan", NS)[0].get("x"))))
    return root, found


def _titles(root):
    return [t.text for t in root.iter("{http://www.w3.org/2000/svg}title")]


@pytest.mark.parametrize(
    "draw",
    [
        lambda rows: charts.bar_chart([(label, value) for label, value in rows], title="Gaps"),
        lambda rows: charts.stacked_bar_chart(
            [(label, [value, 1, 0, 2]) for label, value in rows],
            series=[("High", "#a8280b"), ("Medium", "#e8602c"), ("Low", "#f9a870"), ("None", "#d9d9d9")],
            title="Levels",
        ),
    ],
    ids=["bar", "stacked"],
)
def test_long_labels_are_wrapped_never_cut_and_each_line_fits(draw):
    root, labels = _labels(draw([(label, 2.67 - i / 10) for i, label in enumerate(LONG)]))

    assert [full for full, _lines, _x in labels] == LONG  # every word of every label is drawn
    for _full, lines, right in labels:
        assert all(charts.text_width(line) <= right for line in lines)  # no line runs off the left edge
        assert all(charts.text_width(line) <= charts.LABEL_WIDTH - 6 for line in lines)
    assert len(labels[0][1]) > 1  # the long ones are on several lines
    titles = _titles(root)
    assert all(any(t.startswith(label + ":") for t in titles) for label in LONG)  # the full text as a tooltip


def test_bars_start_at_zero_on_a_round_scale_that_says_so():
    root = ET.fromstring(str(charts.bar_chart([("A", 64.3), ("B", 68.3)], title="Shares", unit="%")))

    bars = [r for r in root.iter("{http://www.w3.org/2000/svg}rect")]
    assert {float(r.get("x")) for r in bars} == {charts.LABEL_WIDTH}
    # Bars in proportion to their values from zero: 64.3 / 68.3, not the difference between them.
    widths = [float(r.get("width")) for r in bars]
    assert widths[0] / widths[1] == pytest.approx(64.3 / 68.3, rel=0.02)
    texts = [t.text for t in root.iter("{http://www.w3.org/2000/svg}text") if t.text]
    assert texts[-1] == "Scale from 0 to 80 %" and "0" in texts and "80" in texts


def test_the_legend_wraps_instead_of_overlapping():
    series = [(f"A rather long series name {i}", "#000000") for i in range(5)]
    root = ET.fromstring(str(charts.stacked_bar_chart([("x", [1] * 5)], series=series, title="t")))

    legend = [t for t in root.iter("{http://www.w3.org/2000/svg}text") if t.text and t.text.startswith("A rather")]
    boxes = sorted((float(t.get("y")), float(t.get("x")), t.text) for t in legend)
    for (y1, x1, text1), (y2, x2, _text2) in zip(boxes, boxes[1:], strict=False):
        assert y2 > y1 or x2 >= x1 + charts.text_width(text1)
    assert all(x + charts.text_width(text) <= charts.CHART_WIDTH for _y, x, text in boxes)


def test_wrap_gives_back_the_text_and_nice_top_is_round():
    assert charts.wrap("one two three four", 1000) == ["one two three four"]
    assert " ".join(charts.wrap(LONG[0], 120)) == LONG[0]
    assert [charts.nice_top(v) for v in (2.67, 68.3, 7, 0.4, 13, 100)] == [3, 80, 8, 0.4, 20, 100]
    assert charts.bar_chart([("a", 0)], title="t") == ""
