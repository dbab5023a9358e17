"""A world map coloured by need, as server-rendered SVG: no JavaScript, a <title> on every country, and the
same numbers in a table beside it. Outlines: tahub/core/data/world_map.json (see PROVENANCE-world-map.md).

The public and a Party's people see each country coloured by its REGION's aggregate (published aggregates only,
never one Party's answers); the Secretariat sees each Party's own weighted need."""

import json
from functools import lru_cache
from html import escape
from pathlib import Path

from django.conf import settings
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from tahub.core.charts import nice_top
from tahub.parties.models import Country

MAP_FILE = Path(settings.BASE_DIR) / "tahub" / "core" / "data" / "world_map.json"
NO_DATA = "#e8e8e8"
# Light to dark, readable in greyscale; upper bounds of each class (inclusive) in the value's unit.
PALETTE = ["#fde0c5", "#f9a870", "#e8602c", "#a8280b"]


@lru_cache(maxsize=1)
def outlines():
    return json.loads(MAP_FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _reference():
    """({iso3: (name, region code)}, {region code: region name}): one query, once per process (reference data)."""
    countries, regions = {}, {}
    for iso3, name, code, region in Country.objects.values_list("iso3", "name", "region__code", "region__name"):
        countries[iso3] = (name, code or "")
        if code:
            regions[code] = region
    return countries, regions


@lru_cache(maxsize=1)
def _outline_html():
    """([(iso3, '<path d="…" fill="')], [(iso3, '<circle … fill="')]) by ISO code: each shape's HTML up to its
    colour, escaped once per process."""
    data = outlines()
    paths = [(iso3, f'<path d="{escape(d)}" fill="') for iso3, d in sorted(data["shapes"].items())]
    circles = [
        (iso3, f'<circle cx="{escape(str(x))}" cy="{escape(str(y))}" r="2.5" fill="')
        for iso3, (x, y) in sorted(data["dots"].items())
    ]
    return paths, circles


def country_regions():
    """{iso3: (name, region code)}."""
    return _reference()[0]


def region_names():
    """{region code: name}: people read names; the CSV and the API keep the codes."""
    return _reference()[1]


def region_name(code):
    return region_names().get(code, code)


def classes(values, *, top=None):
    """Four classes of equal width from zero to `top` (the scale's own end: 100 for a percentage) or, without
    one, to the round number at or above the largest value: [(low, high, colour)]. Anchored at zero, a small
    spread (four regions between 64 % and 68 %) falls in one class, not in four colours that look like little
    and great need."""
    present = [v for v in values if v is not None]
    if not present:
        return []
    top = top or nice_top(max(present))
    step = top / len(PALETTE)
    return [(round(i * step, 1), round((i + 1) * step, 1), colour) for i, colour in enumerate(PALETTE)]


def colour_of(value, bins):
    if value is None or not bins:
        return NO_DATA
    for _low, high, colour in bins:
        if value <= high:
            return colour
    return bins[-1][2]


def by_region(region_values):
    """{iso3: value} for every country of a region with a value."""
    return {iso3: region_values.get(region) for iso3, (_name, region) in country_regions().items()}


def _number(value):
    return f"{value:g}" if isinstance(value, float) else str(value)


def world_map(values, *, title, description, unit, top=None, measure=""):
    """SVG of the world, each country filled by its value ({iso3: number or None}) with a legend below that says
    what is measured (`measure`), that darker means more, and the range of each colour (classes from zero to
    `top`, see `classes`)."""
    data, names = outlines(), country_regions()
    bins = classes(values.values(), top=top)
    none_label = _("no data")

    def label(iso3):
        value = values.get(iso3)
        shown = none_label if value is None else f"{value} {unit}"
        return f"{names.get(iso3, (iso3, ''))[0]}: {shown}"

    # Written once per shape without format_html (~250 shapes and dots): the outlines are escaped once per
    # process (`_outline_html`), each label here; the colours are the palette's constants. The same HTML.
    paths, circles = _outline_html()
    shapes = "".join(
        f'{head}{colour_of(values.get(iso3), bins)}" stroke="#ffffff" stroke-width="0.5"><title>'
        f"{escape(label(iso3))}</title></path>"
        for iso3, head in paths
    )
    dots = "".join(
        f'{head}{colour_of(values.get(iso3), bins)}" stroke="#555555" stroke-width="0.4"><title>'
        f"{escape(label(iso3))}</title></circle>"
        for iso3, head in circles
    )
    legend_y = data["height"] + 34
    if bins:
        explained = _(
            "Colours: %(measure)s, lighter for less and darker for more; classes of equal width from 0 to %(top)s "
            "%(unit)s."
        ) % {"measure": measure or unit, "top": _number(bins[-1][1]), "unit": unit}
    else:
        explained = _("No data to colour yet.")
    legend = format_html(
        '<text x="10" y="{}" font-size="13">{}</text>', data["height"] + 18, explained
    ) + format_html_join(
        "",
        '<rect x="{}" y="{}" width="14" height="14" fill="{}" stroke="#555555" stroke-width="0.4"></rect>'
        '<text x="{}" y="{}" font-size="13">{}</text>',
        (
            (10 + i * 170, legend_y, colour, 30 + i * 170, legend_y + 12, text)
            for i, (colour, text) in enumerate(
                [(c, f"{_number(low)}–{_number(high)} {unit}") for low, high, c in bins] + [(NO_DATA, none_label)]
            )
        ),
    )
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="map-title map-desc" '
        'viewBox="0 0 {} {}" width="100%"><title id="map-title">{}</title><desc id="map-desc">{}</desc>'
        '<rect width="100%" height="100%" fill="#f4f8fb"></rect>{}{}{}</svg>',
        data["width"],
        data["height"] + 56,
        title,
        description,
        mark_safe(shapes),  # noqa: S308 (every value escaped above)
        mark_safe(dots),  # noqa: S308 (every value escaped above)
        legend,
    )
