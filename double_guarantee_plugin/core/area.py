# SPDX-License-Identifier: GPL-2.0-or-later
"""Ellipsoidal areas on the CGCS2000 ellipsoid, whatever the layer's CRS (domain.md §4)."""
from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransformContext, QgsDistanceArea,
                       QgsProject, QgsUnitTypes)

from .crs import CGCS2000_ELLIPSOID


class EllipsoidalArea:
    """Measures polygons of one source CRS in ellipsoidal m² on CGCS2000."""

    def __init__(self, source_crs, transform_context=None):
        if isinstance(source_crs, str):
            source_crs = QgsCoordinateReferenceSystem(source_crs)
        if not source_crs.isValid():
            raise ValueError("the layer has no valid CRS: ellipsoidal areas cannot be computed")
        self.crs = source_crs
        self._measure = QgsDistanceArea()
        context = transform_context or QgsProject.instance().transformContext()
        if context is None:
            context = QgsCoordinateTransformContext()
        self._measure.setSourceCrs(source_crs, context)
        if not self._measure.setEllipsoid(CGCS2000_ELLIPSOID):
            raise RuntimeError(f"QGIS does not know the ellipsoid {CGCS2000_ELLIPSOID}")

    def area_m2(self, geometry):
        """Ellipsoidal area of a (multi)polygon geometry in m²."""
        if geometry is None or geometry.isEmpty():
            return 0.0
        area = self._measure.measureArea(geometry)
        return self._measure.convertAreaMeasurement(area, QgsUnitTypes.AreaUnit.AreaSquareMeters)


def planar_area_m2(geometry):
    """Planar area in the layer's own units (m² for projected CRSs)."""
    return geometry.area() if geometry is not None else 0.0
