# SPDX-License-Identifier: GPL-2.0-or-later
"""Area of a parcel read from a coordinate file, and the check of its declared 地块面积.

Planar areas come from shapely; ellipsoidal areas on the CGCS2000 ellipsoid from pyproj's
geodesic polygon area (python3-pyproj is a dependency of python3-qgis), which is the algorithm
QgsDistanceArea uses too, so ``core.area.EllipsoidalArea`` gives the same figure.
"""
import functools
import math
import re

import numpy as np

from .. import units
from .messages import QT_TR_NOOP, Message

CGCS2000_A = 6378137.0
CGCS2000_RF = 298.257222101

HECTARE = "ha"
SQUARE_METRE = "m2"
MU = "mu"
UNIT_M2 = {HECTARE: float(units.ha_to_m2(1)), SQUARE_METRE: 1.0, MU: float(units.mu_to_m2(1))}
UNIT_LABELS = {HECTARE: "ha", SQUARE_METRE: "m²", MU: "亩"}

_DECLARED = re.compile(
    r"^\s*([+]?(?:\d+(?:\.\d*)?|\.\d+))\s*(公顷|hm2|hm²|ha|平方米|m2|m²|㎡|亩)?\s*$", re.IGNORECASE)
_SUFFIX_UNITS = {"公顷": HECTARE, "hm2": HECTARE, "hm²": HECTARE, "ha": HECTARE, "平方米": SQUARE_METRE,
                 "m2": SQUARE_METRE, "m²": SQUARE_METRE, "㎡": SQUARE_METRE, "亩": MU}


@functools.lru_cache(maxsize=16)
def _to_geographic(epsg):
    """A transformer from the file's projected CRS to its own geographic CRS (lon, lat)."""
    try:
        from pyproj import CRS, Transformer
    except ImportError:  # pragma: no cover - pyproj ships with python3-qgis
        return None
    crs = CRS.from_epsg(int(epsg))
    return Transformer.from_crs(crs, crs.geodetic_crs, always_xy=True)


@functools.lru_cache(maxsize=1)
def _geod():
    from pyproj import Geod
    return Geod(a=CGCS2000_A, rf=CGCS2000_RF)


def to_geographic(epsg, eastings, northings):
    """``(lons, lats)`` of projected coordinates in the CRS's own datum, or None if they cannot be had."""
    transformer = _to_geographic(epsg) if epsg else None
    if transformer is None:
        return None
    lons, lats = transformer.transform(eastings, northings)
    if not (np.isfinite(lons).all() and np.isfinite(lats).all()):
        return None  # coordinates outside what the projection can invert
    return lons, lats


def to_geographic_started(epsg, eastings, northings):
    """Start ``to_geographic`` in a background thread; returns a function that waits for its result.

    PROJ releases the GIL while it transforms, so the reader builds its shapely geometries
    meanwhile.  The thread makes its own transformer (pyproj transformers are not to be shared
    between threads); it is built like the cached one, so the figures are the same.
    """
    import threading

    outcome = {}

    def work():
        try:
            from pyproj import CRS, Transformer
            crs = CRS.from_epsg(int(epsg))
            transformer = Transformer.from_crs(crs, crs.geodetic_crs, always_xy=True)
            lons, lats = transformer.transform(eastings, northings)
            finite = np.isfinite(lons).all() and np.isfinite(lats).all()
            outcome["value"] = (lons, lats) if finite else None
        except Exception as exc:  # handed to the waiting thread, which raises it there
            outcome["error"] = exc

    thread = threading.Thread(target=work, name="coord_txt geographic", daemon=True)
    thread.start()

    def wait():
        thread.join()
        if "error" in outcome:
            raise outcome["error"]
        return outcome["value"]

    return wait


def geodesic_ring_areas(lons, lats, ring_bounds):
    """Unsigned geodesic m² on the CGCS2000 ellipsoid of each ring ``(start, stop)`` of the arrays."""
    geod = _geod()
    areas = []
    for start, stop in ring_bounds:
        area, _perimeter = geod.polygon_area_perimeter(lons[start:stop], lats[start:stop])
        areas.append(abs(area))
    return areas


def ellipsoidal_ring_areas(epsg, eastings, northings, ring_bounds):
    """Unsigned ellipsoidal m² of each ring ``(start, stop)`` of the coordinate arrays, or None."""
    geographic = to_geographic(epsg, eastings, northings)
    if geographic is None:
        return None
    return geodesic_ring_areas(geographic[0], geographic[1], ring_bounds)


class DeclaredArea:
    """地块面积 as written: the number, the unit written after it (if any) and its decimals."""

    __slots__ = ("text", "value", "unit", "decimals")

    def __init__(self, text):
        self.text = (text or "").strip()
        self.value = None
        self.unit = None
        self.decimals = 0
        match = _DECLARED.match(self.text) if self.text else None
        if match:
            number = match.group(1)
            self.value = float(number)
            self.decimals = len(number.split(".", 1)[1]) if "." in number else 0
            if match.group(2):
                self.unit = _SUFFIX_UNITS.get(match.group(2).lower())

    @property
    def is_blank(self):
        return not self.text

    @property
    def is_number(self):
        return self.value is not None


class AreaCheck:
    """How the declared area compares with the recomputed ones."""

    __slots__ = ("unit", "matches", "note", "declared_m2")

    def __init__(self, unit, matches, note, declared_m2=None):
        self.unit = unit            # ha / m2 / mu, or None when nothing was declared
        self.matches = matches      # True, False, or None (nothing to compare)
        self.note = note            # Message
        self.declared_m2 = declared_m2


def _fits(declared, unit, area_m2):
    """True when ``area_m2`` rounded like the declared figure gives the declared figure."""
    if area_m2 is None or not math.isfinite(area_m2):
        return False
    in_unit = area_m2 / UNIT_M2[unit]
    tolerance = 0.5 * 10 ** (-declared.decimals) + 1e-9 * max(1.0, abs(declared.value))
    return abs(in_unit - declared.value) <= tolerance


def check_declared_area(declared, planar_m2, ellipsoidal_m2):
    """Compare 地块面积 with the planar and ellipsoidal areas; say which unit the file seems to use."""
    official = ellipsoidal_m2 if ellipsoidal_m2 is not None else planar_m2
    official_ha = official / UNIT_M2[HECTARE] if official is not None else float("nan")
    if declared.is_blank:
        return AreaCheck(None, None, Message(QT_TR_NOOP(
            "no area declared; computed {:.2f} m² = {:.4f} ha"), official, official_ha))
    if not declared.is_number:
        return AreaCheck(None, False, Message(QT_TR_NOOP(
            "declared area '{}' is not a number; computed {:.2f} m² = {:.4f} ha"),
            declared.text, official, official_ha))
    candidates = [declared.unit] if declared.unit else [HECTARE, SQUARE_METRE, MU]
    fitting = [unit for unit in candidates
               if _fits(declared, unit, ellipsoidal_m2) or _fits(declared, unit, planar_m2)]
    if fitting:
        unit = fitting[0]
        declared_m2 = declared.value * UNIT_M2[unit]
        if unit == HECTARE:
            note = Message(QT_TR_NOOP("declared {} ha matches the computed area ({:.2f} m² = {:.4f} ha)"),
                           declared.text, official, official_ha)
        else:
            note = Message(QT_TR_NOOP(
                "declared {} is in {}, not hectares; it matches the computed area ({:.2f} m² = {:.4f} ha)"),
                declared.text, UNIT_LABELS[unit], official, official_ha)
        return AreaCheck(unit, True, note, declared_m2)
    # no unit fits: report against the closest one, so the figure shown is the likely intent
    if official is not None and official > 0 and declared.value > 0:
        unit = min(candidates, key=lambda u: abs(math.log(declared.value * UNIT_M2[u] / official)))
    else:
        unit = candidates[0]
    declared_m2 = declared.value * UNIT_M2[unit]
    return AreaCheck(unit, False, Message(QT_TR_NOOP(
        "declared {} ({}) does not match the computed area {:.2f} m² = {:.4f} ha (planar {:.2f} m²); "
        "difference {:.2f} m²"), declared.text, UNIT_LABELS[unit], official, official_ha,
        planar_m2 if planar_m2 is not None else float("nan"),
        (declared_m2 - official) if official is not None else float("nan")), declared_m2)


def within_coordinate_precision(area_check, official_m2, perimeter_m, precision_text):
    """True when a declared area that does not match still lies within what the file's 精度 allows:
    coordinates rounded to ``precision`` metres move an area by at most perimeter × precision."""
    try:
        precision_m = float(str(precision_text).strip())
    except (TypeError, ValueError):
        return False
    if not (precision_m > 0 and math.isfinite(precision_m)) or area_check is None or area_check.declared_m2 is None \
            or official_m2 is None or perimeter_m is None:
        return False
    return abs(area_check.declared_m2 - official_m2) <= perimeter_m * precision_m
