# SPDX-License-Identifier: GPL-2.0-or-later
"""Ellipsoidal areas of plots and overlaps, and how an area is written in a message (m² and 亩)."""
from ..area import EllipsoidalArea
from ..units import m2_to_mu
from ...i18n import tr


# units.m2_to_mu takes a float through exact Fractions (tens of µs a call); on the per-plot path the
# factor, taken once from units.py, is applied directly (the same value to the last bit or two)
_MU_PER_M2 = m2_to_mu(1.0)


class PlotMeasure(EllipsoidalArea):
    """Ellipsoidal areas of one CRS as QGIS measures them (one per thread: a transform is not
    shared across threads); a batch measures most areas from planar moments instead (``ellipsoid``)."""


def _mu(area_m2):
    return area_m2 * _MU_PER_M2


def _fmt_area(area_m2):
    return tr("{:.1f} m² ({:.2f} mu)", area_m2, _mu(area_m2))
