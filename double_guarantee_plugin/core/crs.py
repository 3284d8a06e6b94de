# SPDX-License-Identifier: GPL-2.0-or-later
"""CGCS2000 and Xian 1980 Gauss-Krüger zone numbers ↔ EPSG codes (domain.md §4).

Pure Python: no QGIS needed.  Axis order of all these CRSs is northing (X), easting (Y).
"""

CGCS2000_GEOGRAPHIC = 4490
CGCS2000_ELLIPSOID = "EPSG:1024"  # CGCS2000 ellipsoid as QgsDistanceArea knows it

# (first zone, last zone, first EPSG code) per family
_FAMILIES = {
    ("cgcs2000", 3, True): (25, 45, 4513),
    ("cgcs2000", 3, False): (25, 45, 4534),
    ("cgcs2000", 6, True): (13, 23, 4491),
    ("cgcs2000", 6, False): (13, 23, 4502),
    ("xian1980", 3, True): (25, 45, 2349),
    ("xian1980", 3, False): (25, 45, 2370),
    ("xian1980", 6, True): (13, 23, 2327),
    ("xian1980", 6, False): (13, 23, 2338),
}


class ZoneError(ValueError):
    """A zone number or EPSG code outside the known Gauss-Krüger families."""


def epsg_for_zone(zone, zone_width=3, prefixed=True, datum="cgcs2000"):
    """EPSG code of a Gauss-Krüger zone, e.g. ``epsg_for_zone(39) == 4527``."""
    key = (datum, int(zone_width), bool(prefixed))
    if key not in _FAMILIES:
        raise ZoneError(f"unknown zone family: datum={datum} width={zone_width}")
    first, last, code = _FAMILIES[key]
    zone = int(zone)
    if not first <= zone <= last:
        raise ZoneError(f"{datum} {zone_width}-degree zone {zone} is outside {first}–{last}")
    return code + zone - first


def zone_for_epsg(epsg):
    """Return ``(datum, zone_width, prefixed, zone)`` for a Gauss-Krüger EPSG code, or None."""
    epsg = int(epsg)
    for (datum, width, prefixed), (first, last, code) in _FAMILIES.items():
        if code <= epsg <= code + (last - first):
            return datum, width, prefixed, first + epsg - code
    return None


def central_meridian(zone, zone_width=3):
    """Central meridian in degrees east of a zone."""
    zone = int(zone)
    return zone * 3 if int(zone_width) == 3 else zone * 6 - 3


def zone_from_easting(easting):
    """The zone number written in front of a prefixed easting (``39500000.0`` → 39), else None."""
    easting = float(easting)
    if easting >= 1_000_000:
        return int(easting // 1_000_000)
    return None


def zone_for_longitude(longitude, zone_width=3):
    """Zone number of the Gauss-Krüger zone that contains a longitude."""
    if int(zone_width) == 3:
        return int((float(longitude) + 1.5) // 3)
    return int(float(longitude) // 6) + 1


def is_gauss_kruger(epsg):
    return zone_for_epsg(epsg) is not None
