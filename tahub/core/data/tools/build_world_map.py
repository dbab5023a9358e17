"""Build world_map.json: one simplified SVG path per country (ISO alpha-3), for server-rendered maps.

Source: the per-country GeoJSON shipped in the PyPI package `countryinfo` 1.0.1 (MIT licence; its outlines are
those of the public-domain Natural Earth 1:110m countries, via the world.geo.json collection). Countries
the package has no outline for get a dot at their centroid (`latlng`), so small island States still show.

Projection: equirectangular, longitude -180..180 → x 0..1000, latitude 84..-58 → y 0..{HEIGHT}
(Antarctica left out). Each ring is simplified (Douglas–Peucker, tolerance 0.6 units) and rounded to whole
units; rings smaller than 2 units across are dropped.

Rebuild, with the package (the project's `tools` extra) installed outside the project's environment:
    python3 -m venv /tmp/geo && /tmp/geo/bin/pip install ".[tools]"
    /tmp/geo/bin/python tahub/core/data/tools/build_world_map.py
"""

import json
import math
from pathlib import Path

WIDTH, TOP, BOTTOM = 1000, 84.0, -58.0
HEIGHT = round(WIDTH * (TOP - BOTTOM) / 360)
TOLERANCE, MIN_SIZE = 0.6, 2
OUT = Path(__file__).resolve().parent.parent / "world_map.json"


def project(lon, lat):
    return (lon + 180) * WIDTH / 360, (TOP - lat) * HEIGHT / (TOP - BOTTOM)


def _distance(point, start, end):
    (x, y), (x1, y1), (x2, y2) = point, start, end
    if (x1, y1) == (x2, y2):
        return math.hypot(x - x1, y - y1)
    return abs((y2 - y1) * x - (x2 - x1) * y + x2 * y1 - y2 * x1) / math.hypot(y2 - y1, x2 - x1)


def simplify(points, tolerance):
    """Douglas–Peucker, iterative."""
    keep, stack = {0, len(points) - 1}, [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        index, worst = None, tolerance
        for i in range(first + 1, last):
            d = _distance(points[i], points[first], points[last])
            if d > worst:
                index, worst = i, d
        if index is not None:
            keep.add(index)
            stack += [(first, index), (index, last)]
    return [points[i] for i in sorted(keep)]


def ring_path(ring):
    points = simplify([project(lon, lat) for lon, lat in ring], TOLERANCE)
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    if max(xs) - min(xs) < MIN_SIZE and max(ys) - min(ys) < MIN_SIZE:
        return ""
    rounded = []
    for x, y in points:
        point = (round(x), round(y))
        if not rounded or rounded[-1] != point:
            rounded.append(point)
    if len(rounded) < 3:
        return ""
    return "M" + "L".join(f"{x} {y}" for x, y in rounded) + "Z"


def country_path(geometry):
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return "".join(ring_path(polygon[0]) for polygon in polygons)


def main():
    import countryinfo

    data = Path(countryinfo.__file__).parent / "data"
    shapes, dots = {}, {}
    for path in sorted(data.glob("*.json")):
        info = json.loads(path.read_text(encoding="utf-8"))
        iso3 = (info.get("ISO") or {}).get("alpha3")
        if not iso3 or iso3 == "ATA":
            continue
        features = (info.get("geoJSON") or {}).get("features") or []
        d = "".join(country_path(f["geometry"]) for f in features if f.get("geometry"))
        if d:
            shapes[iso3] = d
        elif info.get("latlng"):
            x, y = project(info["latlng"][1], info["latlng"][0])
            if 0 <= y <= HEIGHT:
                dots[iso3] = [round(x), round(y)]
    document = {"width": WIDTH, "height": HEIGHT, "shapes": shapes, "dots": dots}
    OUT.write_text(json.dumps(document, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
    print(f"{OUT.name}: {len(shapes)} shapes, {len(dots)} dots, {OUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
