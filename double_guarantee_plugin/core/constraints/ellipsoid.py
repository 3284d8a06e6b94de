# SPDX-License-Identifier: GPL-2.0-or-later
"""Ellipsoidal areas of plots and overlaps from their planar moments, in numpy, as ``QgsDistanceArea`` gives them.

For transverse-Mercator CRSs in metres on the CGCS2000/GRS80 ellipsoid (the CGCS2000
Gauss-Krüger zones, UTM on GRS80).  QGIS measures a polygon's ellipsoidal area as the area on the
ellipsoid of the polygon whose edges are geodesics between its vertices (GeographicLib).  Two
things separate that from the planar shape:

1. the areal scale of the projection, k² (conformal): the ellipsoidal area of the planar shape is
   ∬ w dA with w = 1/k².  In TM, w = sech²(x'/R)/k₀² to O(x'⁴/R⁴), x' the true distance from the
   central meridian, R² = ρν at the footpoint latitude.  Around a plot's centre (x_c, y_c):

       w ≈ w_c · (1 + w₁ (x − x_c) + w₂ (x − x_c)² + w₃ (y − y_c))

   with w₁ = −2 tanh(u)/(k₀R), w₂ = (3 tanh²u − 1)/(k₀R)², u = (x_c − x₀)/(k₀R), w₃ the (tiny)
   northward change through ρν, and w_c = 1/k² at the centre taken exactly from the projection
   (Krüger's series to n⁶, Karney 2011, the algorithm PROJ uses; k from a 100 m step);
2. each edge is a geodesic, whose image bows away from the straight edge (the arc-to-chord
   correction of TM): between them lies L²·ΔY·x̄/(12 k₀² R²) for an edge of length L rising ΔY at
   mean distance x̄ from the meridian (0.01 m² for a 700 m edge 140 km off the meridian).

So with the planar area A and the moments Mx = ∬(x − x_c), Mxx = ∬(x − x_c)², My = ∬(y − y_c) of
a polygon, and its edges' sums B₁ = ΣL²ΔY, Bₓ = ΣL²ΔY(x̄ − x_c) (all from one boundary integral,
``overlap_area``):

    E = w_c · (A + w₁ Mx + w₂ Mxx + w₃ My + (Bₓ + (x_c − x₀)·B₁) / (12 k₀² R²))

for a plot and for any overlap inside it, with the plot's coefficients.  Left out are terms of order
(x'/R)·(Δx/R)² and (x'/R)²·(Δx/R) of the area (below 10⁻⁹ at 140 km from the meridian for a
plot 700 m wide) and the next terms of the bulge.  Against ``QgsDistanceArea`` on the county bench
(plots up to 50 ha across the zone width): 3·10⁻⁴ m² at worst, plots and overlaps alike.
``ConstraintEngine`` checks the model against ``QgsDistanceArea`` on a few plots of every batch and
measures with QGIS where they differ (another QGIS, another ellipsoid or projection).
"""
import math
import re

import numpy as np

# CGCS2000 (and GRS80): semi-major axis, flattening
A = 6378137.0
F = 1 / 298.257222101
_PARAMETER = re.compile(r"\+(\w+)(?:=([^\s]+))?")
_GRS80_NAMES = ("GRS80", "GRS 1980")


def tm_parameters(crs):
    """``{false_easting, false_northing, k0, lon0 (radians)}`` when ``crs`` is a transverse
    Mercator CRS in metres on the GRS80/CGCS2000 ellipsoid, else None."""
    if crs is None or not crs.isValid() or crs.isGeographic():
        return None
    parameters = {key: value for key, value in _PARAMETER.findall(crs.toProj() or "")}
    if parameters.get("units", "m") != "m" or parameters.get("proj") not in ("tmerc", "utm"):
        return None
    if parameters.get("ellps") != "GRS80":
        semi_major, inverse_flattening = parameters.get("a"), parameters.get("rf")
        try:
            if semi_major is None or abs(float(semi_major) - A) > 1e-6 or inverse_flattening is None or \
                    abs(float(inverse_flattening) - 1 / F) > 1e-9:
                return None
        except ValueError:
            return None
    if "approx" in parameters or "axis" in parameters:
        return None
    try:
        if parameters["proj"] == "utm":
            zone = int(parameters["zone"])
            return {"false_easting": 500000.0, "false_northing": 10000000.0 if "south" in parameters else 0.0,
                    "k0": 0.9996, "lon0": math.radians(zone * 6 - 183)}
        return {"false_easting": float(parameters.get("x_0", 0.0)),
                "false_northing": float(parameters.get("y_0", 0.0)),
                "k0": float(parameters.get("k", parameters.get("k_0", 1.0))),
                "lon0": math.radians(float(parameters.get("lon_0", 0.0))),
                "lat0": float(parameters.get("lat_0", 0.0))}
    except (KeyError, ValueError):
        return None


class GaussKruger:
    """The ellipsoidal-area model of one TM CRS (see the module docstring)."""

    def __init__(self, false_easting, false_northing, k0, lon0, lat0=0.0):
        if lat0:
            raise ValueError("a transverse Mercator with a latitude of origin is not handled here")
        self.false_easting, self.false_northing, self.k0, self.lon0 = false_easting, false_northing, k0, lon0
        n = F / (2 - F)
        self.e2 = F * (2 - F)
        self.e = math.sqrt(self.e2)
        self.rectifying = A / (1 + n) * (1 + n ** 2 / 4 + n ** 4 / 64 + n ** 6 / 256)
        self.beta = (
            n / 2 - 2 * n ** 2 / 3 + 37 * n ** 3 / 96 - n ** 4 / 360 - 81 * n ** 5 / 512 + 96199 * n ** 6 / 604800,
            n ** 2 / 48 + n ** 3 / 15 - 437 * n ** 4 / 1440 + 46 * n ** 5 / 105 - 1118711 * n ** 6 / 3870720,
            17 * n ** 3 / 480 - 37 * n ** 4 / 840 - 209 * n ** 5 / 4480 + 5569 * n ** 6 / 90720,
            4397 * n ** 4 / 161280 - 11 * n ** 5 / 504 - 830251 * n ** 6 / 7257600,
            4583 * n ** 5 / 161280 - 108847 * n ** 6 / 3991680,
            20648693 * n ** 6 / 638668800,
        )

    @classmethod
    def for_crs(cls, crs):
        """The model of ``crs``, or None when it is not a TM CRS this module handles."""
        parameters = tm_parameters(crs)
        if parameters is None:
            return None
        try:
            return cls(**parameters)
        except ValueError:
            return None

    # -- projection ---------------------------------------------------------------------------
    def to_geographic(self, x, y):
        """``(longitude, latitude)`` in radians of projected ``x``, ``y`` (arrays, metres)."""
        xi = (np.asarray(y, dtype=np.float64) - self.false_northing) / (self.k0 * self.rectifying)
        eta = (np.asarray(x, dtype=np.float64) - self.false_easting) / (self.k0 * self.rectifying)
        xi_prime, eta_prime = xi.copy(), eta.copy()
        for order, beta in enumerate(self.beta, 1):
            xi_prime -= beta * np.sin(2 * order * xi) * np.cosh(2 * order * eta)
            eta_prime -= beta * np.cos(2 * order * xi) * np.sinh(2 * order * eta)
        sinh_eta = np.sinh(eta_prime)
        cos_xi = np.cos(xi_prime)
        longitude = self.lon0 + np.arctan2(sinh_eta, cos_xi)
        tau_prime = np.sin(xi_prime) / np.hypot(sinh_eta, cos_xi)      # tan of the conformal latitude
        latitude = np.arctan(self._tau(tau_prime))
        return longitude, latitude

    def _tau(self, tau_prime):
        """tan φ from tan χ (conformal latitude), Newton's method as in Karney (2011)."""
        e, e2 = self.e, self.e2
        tau = tau_prime / (1 - e2)
        for _ in range(4):
            tau1 = np.hypot(1.0, tau)
            sigma = np.sinh(e * np.arctanh(e * tau / tau1))
            tau_guess = tau * np.hypot(1.0, sigma) - sigma * tau1
            tau = tau + (tau_prime - tau_guess) / np.hypot(1.0, tau_guess) * (1 + (1 - e2) * tau * tau) / (
                (1 - e2) * tau1)
        return tau

    # -- the areal scale and the weights ---------------------------------------------------------
    def scale(self, x, y, step=50.0):
        """w_c = 1/k² at the points ``x``, ``y``: k from the ellipsoidal length of a 2·``step`` m
        east-west step (its error, O(step²/R²), is below 10⁻¹⁰)."""
        x, y = np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)
        longitude, latitude = self.to_geographic(np.concatenate((x - step, x + step)), np.concatenate((y, y)))
        count = len(x)
        middle = (latitude[:count] + latitude[count:]) / 2
        sin2 = np.sin(middle) ** 2
        normal = A / np.sqrt(1 - self.e2 * sin2)
        meridian = A * (1 - self.e2) / (1 - self.e2 * sin2) ** 1.5
        length = np.hypot(normal * np.cos(middle) * (longitude[count:] - longitude[:count]),
                          meridian * (latitude[count:] - latitude[:count]))
        k = 2 * step / length
        return 1 / (k * k)

    def ellipsoidal_m2(self, moments, centre_x, centre_y, coefficients=None):
        """Ellipsoidal areas from rows of moments ``(A, Mx, Mxx, My, B₁, Bₓ)`` about the centres
        (absolute coordinates; ``coefficients`` from ``coefficients(centre_x, centre_y)``)."""
        scale, w1, w2, w3, bulge = coefficients if coefficients is not None else self.coefficients(centre_x,
                                                                                                   centre_y)
        moments = np.asarray(moments, dtype=np.float64).reshape(-1, 6)
        offset = np.asarray(centre_x, dtype=np.float64) - self.false_easting
        return scale * (moments[:, 0] + w1 * moments[:, 1] + w2 * moments[:, 2] + w3 * moments[:, 3]
                        + bulge * (moments[:, 5] + offset * moments[:, 4]))

    def coefficients(self, centre_x, centre_y):
        """``(w_c, w1, w2, w3, bulge)`` of plots centred at ``centre_x``, ``centre_y``."""
        w1, w2, w3 = self.weights(centre_x, centre_y)
        bulge = 1.0 / (12.0 * self.k0 * self.k0 * self._radius2(centre_y))
        return self.scale(centre_x, centre_y), w1, w2, w3, bulge

    # -- weights of overlaps inside a plot ------------------------------------------------------
    def _radius2(self, y):
        """ρν at the footpoint latitude of northing ``y`` (an approximation good to 10⁻³, ample for
        the weights, whose own size is below 10⁻⁵)."""
        latitude = (np.asarray(y, dtype=np.float64) - self.false_northing) / (self.k0 * self.rectifying)
        sin2 = np.sin(latitude) ** 2
        return A * A * (1 - self.e2) / (1 - self.e2 * sin2) ** 2

    def weights(self, x, y):
        """``(w1, w2, w3)`` at plot centres ``x``, ``y`` (arrays): see the module docstring."""
        x = np.asarray(x, dtype=np.float64)
        radius2 = self._radius2(y)
        radius = np.sqrt(radius2) * self.k0
        tanh = np.tanh((x - self.false_easting) / radius)
        w1 = -2 * tanh / radius
        w2 = (3 * tanh * tanh - 1) / (radius * radius)
        # d ln w / dy = −2 tanh(u) · du/dy = u tanh(u) · d ln(ρν) / dy
        step = 1000.0
        change = (np.log(self._radius2(np.asarray(y) + step)) - np.log(self._radius2(np.asarray(y) - step))) / (
            2 * step)
        w3 = (x - self.false_easting) / radius * tanh * change
        return w1, w2, w3
