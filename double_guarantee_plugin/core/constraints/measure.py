"""Ellipsoidal areas of plots and overlaps, and how an area is written in a message (m² and 亩)."""
from .area_scale import AreaScale
from ..area import EllipsoidalArea
from ..units import m2_to_mu
from ...i18n import tr


# units.m2_to_mu takes a float through exact Fractions (tens of µs a call); on the per-plot path the
# factor, taken once from units.py, is applied directly (the same value to the last bit or two)
_MU_PER_M2 = m2_to_mu(1.0)


class PlotMeasure(EllipsoidalArea):
    """Ellipsoidal areas of one CRS, and the per-plot factor that turns planar overlaps into
    ellipsoidal ones where ``area_scale`` bounds its error (None elsewhere)."""

    def __init__(self, source_crs, transform_context=None):
        super().__init__(source_crs, transform_context)
        self.scale = AreaScale(self.crs)

    def factor(self, planar_m2, ellipsoidal_m2, rectangle):
        return self.scale.factor(planar_m2, ellipsoidal_m2, rectangle)


def _mu(area_m2):
    return area_m2 * _MU_PER_M2


def _fmt_area(area_m2):
    return tr("{:.1f} m² ({:.2f} mu)", area_m2, _mu(area_m2))
