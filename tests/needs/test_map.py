"""The world map: light, every country named, coloured by class, readable without JavaScript."""

from tahub.needs import map as need_map


def test_the_outlines_are_light_and_cover_the_parties():
    data = need_map.outlines()
    assert need_map.MAP_FILE.stat().st_size < 60_000
    assert {"KEN", "BRA", "IND", "FJI"} <= set(data["shapes"]) | set(data["dots"])


def test_classes_and_colours():
    bins = need_map.classes([0, 10, 20, 40, None])
    assert [b[2] for b in bins] == need_map.PALETTE
    assert need_map.colour_of(0, bins) == need_map.PALETTE[0]
    assert need_map.colour_of(40, bins) == need_map.PALETTE[-1]
    assert need_map.colour_of(None, bins) == need_map.NO_DATA
    assert need_map.classes([None]) == []


def test_each_country_has_a_title_and_the_svg_a_title_and_desc(db):
    svg = str(need_map.world_map({"KEN": 12, "BRA": 3}, title="Needs", description="By country", unit="points"))
    data = need_map.outlines()
    assert svg.count("<title>") == len(data["shapes"]) + len(data["dots"])
    assert "<title>Kenya: 12 points</title>" in svg and "no data</title>" in svg
    assert '<title id="map-title">Needs</title><desc id="map-desc">By country</desc>' in svg
    assert "style=" not in svg and "<script" not in svg
    assert len(svg.encode()) < 80_000
