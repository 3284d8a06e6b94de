"""Ellipsoidal overlap areas from planar ones: the plot's own area scale, where it is provably constant enough.

Measuring every overlap polygon on the CGCS2000 ellipsoid (``QgsDistanceArea``) costs as much as
finding it.  In a transverse-Mercator (Gauss-Krüger, UTM) CRS the area scale factor
``m = planar area / ellipsoidal area`` is a smooth function of the distance from the central
meridian, so inside one plot it is nearly constant, and

    overlap_ellipsoidal ≈ overlap_planar × (plot_ellipsoidal / plot_planar).

Error bound.  With ``x`` the true distance from the central meridian (easting − false easting,
divided by the central scale ``k0``) and ``R`` a radius of curvature of the ellipsoid, the point
scale of TM is ``k = k0 (1 + x²/2R² + O(x⁴/R⁴))`` and the area scale ``m = k² = k0² (1 + x²/R² +
O(x⁴/R⁴))``.  The plot's ratio is the mean of ``1/m`` over the plot, the exact overlap area uses
the mean over the overlap; both lie between the extreme values of ``m`` over the plot's bounding
box ``[x_lo, x_hi]``, so the relative error is at most

    bound = (max x² − min x²) / R_min² × (1 + ε),   R_min = b²/a (the smallest radius of curvature)

with ``ε`` (1 %) covering the latitude dependence of the radius and the O(x⁴/R⁴) terms.  For a plot
300 m wide 150 km off the meridian this is 2·150 000·300 / 6 335 439² ≈ 2.2e-6; 20 km off it is
3e-7; on the meridian, for a 200 m plot, 1e-9.  The ratio is used only where ``bound`` is at most
``TOLERANCE`` (1e-6, a hundredth of the 0.01 % agreement asked of the batch check); geographic
CRSs, other projections and plots too wide for the bound are measured exactly.
"""
import re

# relative error allowed for an overlap area taken from the plot's area scale
TOLERANCE = 1e-6
# CGCS2000 (GRS80 for these purposes): semi-major axis and flattening
_A = 6378137.0
_F = 1 / 298.257222101
_B = _A * (1 - _F)
_R_MIN = _B * _B / _A          # meridional radius of curvature at the equator: the smallest one
_SAFETY = 1.01

_PARAMETER = re.compile(r"\+(\w+)=([^\s]+)")


def _tm_parameters(crs):
    """``(false_easting, k0)`` when ``crs`` is a transverse Mercator CRS in metres, else None."""
    if crs is None or not crs.isValid() or crs.isGeographic():
        return None
    proj = crs.toProj() or ""
    parameters = dict(_PARAMETER.findall(proj))
    if parameters.get("units", "m") != "m":
        return None
    projection = parameters.get("proj")
    try:
        if projection == "tmerc":
            return float(parameters.get("x_0", 0.0)), float(parameters.get("k", parameters.get("k_0", 1.0)))
        if projection == "utm":
            return 500000.0, 0.9996
    except ValueError:
        return None
    return None


class AreaScale:
    """Decides, per plot, whether overlaps may take the plot's ellipsoidal/planar ratio (see above)."""

    def __init__(self, crs, tolerance=TOLERANCE):
        self.tolerance = tolerance
        parameters = _tm_parameters(crs)
        self.applies = parameters is not None
        self.false_easting, self.k0 = parameters if parameters else (0.0, 1.0)

    def bound(self, x_min, x_max):
        """Largest relative error of an overlap area inside the easting range ``[x_min, x_max]``."""
        if not self.applies:
            return float("inf")
        low = (x_min - self.false_easting) / self.k0
        high = (x_max - self.false_easting) / self.k0
        largest = max(low * low, high * high)
        smallest = 0.0 if low <= 0.0 <= high else min(low * low, high * high)
        return (largest - smallest) / (_R_MIN * _R_MIN) * _SAFETY

    def factor(self, planar_m2, ellipsoidal_m2, rectangle):
        """``ellipsoidal / planar`` of the plot when overlaps inside ``rectangle`` may use it, else None."""
        if not self.applies or not planar_m2 > 0.0 or rectangle is None:
            return None
        if self.bound(rectangle.xMinimum(), rectangle.xMaximum()) > self.tolerance:
            return None
        return ellipsoidal_m2 / planar_m2
