# SPDX-License-Identifier: GPL-2.0-or-later
"""Property: any parcel (parts, holes, islands) written with any options reads back the same to 0.001 m."""
import math

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from shapely.geometry import MultiPolygon, Polygon

from double_guarantee_plugin.core.coord_txt import ParcelToWrite, WriteOptions, format_coord_txt, read_coord_txt
from double_guarantee_plugin.core.coord_txt.writer import ENCODINGS

TEXT = st.text(alphabet="东西南北地块农田水库补充耕地ABCxyz0123456789_-()", max_size=12)


@st.composite
def star(draw, cx, cy, radius, clockwise):
    """A star-shaped ring around (cx, cy): simple by construction."""
    count = draw(st.integers(3, 24))
    step = 2 * math.pi / count
    angles = [step * (k + draw(st.floats(-0.3, 0.3))) for k in range(count)]
    radii = [draw(st.floats(0.6, 1.0)) * radius for _ in angles]
    ring = [(cx + r * math.cos(a), cy + r * math.sin(a)) for a, r in zip(angles, radii)]
    return ring[::-1] if clockwise else ring


@st.composite
def parcels(draw):
    parts = []
    for index in range(draw(st.integers(1, 3))):
        cx = 39_500_000 + draw(st.floats(-50_000, 50_000)) + index * 5_000
        cy = 3_500_000 + draw(st.floats(-50_000, 50_000))
        radius = draw(st.floats(20, 1500))
        outer = draw(star(cx, cy, radius, draw(st.booleans())))
        holes = []
        if draw(st.booleans()):
            holes.append(draw(star(cx, cy, radius * 0.4, draw(st.booleans()))))
            if draw(st.booleans()):  # an island inside the hole
                parts.append(Polygon(draw(star(cx, cy, radius * 0.15, draw(st.booleans())))))
        parts.append(Polygon(outer, holes))
    geometry = parts[0] if len(parts) == 1 else MultiPolygon(parts)
    assume(geometry.is_valid)  # a hole of a spiky outline may cross it: not a parcel
    return ParcelToWrite(geometry, code=draw(TEXT), name=draw(TEXT), use=draw(TEXT),
                         class_code=draw(st.sampled_from(["", "0101", "0103", "0201K", "1104A"])),
                         extra_fields=draw(st.lists(TEXT, max_size=2)))


@settings(max_examples=200, deadline=None, database=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
@given(st.lists(parcels(), min_size=1, max_size=3), st.sampled_from(sorted(ENCODINGS)),
       st.sampled_from(["CRLF", "LF"]), st.booleans(), st.sampled_from(["ha", "m2", "mu"]),
       st.sampled_from(["next", "first"]))
def test_written_parcels_read_back_the_same(written, encoding, line_ending, zone_prefix, area_unit, closing):
    options = WriteOptions(encoding=encoding, line_ending=line_ending, zone_prefix=zone_prefix, area_unit=area_unit,
                           closing_point_name=closing)
    text = format_coord_txt(written, 4527, options)
    data = text.encode(ENCODINGS[encoding])
    result = read_coord_txt(data)
    assert result.epsg == (4527 if zone_prefix else 4548) and result.line_ending == line_ending
    shift = 0.0 if zone_prefix else 39_000_000.0
    assert len(result.parcels) == len(written)
    for original, parcel in zip(written, result.parcels):
        assert (parcel.code, parcel.name, parcel.use, parcel.class_code, parcel.extra_fields) == \
            (original.code.strip(), original.name.strip(), original.use.strip(), original.class_code,
             [value.strip() for value in original.extra_fields])
        assert parcel.declared_point_count == parcel.point_lines
        originals = [original.geometry] if original.geometry.geom_type == "Polygon" else list(original.geometry.geoms)
        rings = []
        for polygon in originals:
            rings.append(list(polygon.exterior.coords))
            rings.extend(list(hole.coords) for hole in polygon.interiors)
        assert len(parcel.rings) == len(rings)
        got = parcel.geometry
        assert abs(got.area - original.geometry.area) <= 0.001 * original.geometry.length + 1e-6
        assert got.hausdorff_distance(original.geometry if zone_prefix else
                                      _shifted(original.geometry, -shift)) <= 0.001
        assert parcel.area_check.matches and parcel.area_check.unit == area_unit


def _shifted(geometry, dx):
    from shapely.affinity import translate
    return translate(geometry, xoff=dx)
