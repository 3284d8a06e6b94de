# SPDX-License-Identifier: GPL-2.0-or-later
"""Polygon helpers of the checks: the polygon part of a result, repairs of invalid shapes, overlapping pieces merged."""
from qgis.core import QgsGeometry, QgsWkbTypes

from ..layer_credits import geometry_error


POLYGON = QgsWkbTypes.GeometryType.PolygonGeometry


def polygonal_part(geometry):
    """The polygon part of ``geometry`` (intersections may add lines and points where shapes touch)."""
    if geometry is None or geometry.isNull() or geometry.isEmpty():
        return None
    if geometry.type() == POLYGON:
        return geometry
    if QgsWkbTypes.isMultiType(geometry.wkbType()) or geometry.type() == QgsWkbTypes.GeometryType.UnknownGeometry:
        parts = [part for part in geometry.asGeometryCollection() if part.type() == POLYGON and not part.isEmpty()]
        if parts:
            return QgsGeometry.collectGeometry(parts) if len(parts) > 1 else parts[0]
    return None


def repaired(geometry):
    """(usable polygon geometry or None, error text): invalid shapes are repaired with makeValid."""
    if geometry is None or geometry.isNull() or geometry.isEmpty():
        return None, "empty geometry"
    if geometry.isGeosValid():
        return geometry, ""
    error = geometry_error(geometry) or "invalid geometry"
    fixed = polygonal_part(geometry.makeValid())
    return fixed, error


def _polygonal(abstract):
    """The polygon part of an intersection result (a QgsAbstractGeometry), or None when empty."""
    piece = QgsGeometry(abstract)
    if piece.type() != POLYGON:
        piece = polygonal_part(piece)
    if piece is None or piece.isEmpty():
        return None
    return piece


def _meeting(fids, boxes):
    """The pairs of ``fids`` whose boxes ``(x_min, y_min, x_max, y_max)`` meet (a sweep in x)."""
    ordered = sorted(zip(boxes, fids))
    pairs = []
    count = len(ordered)
    for position in range(count):
        (x_min, y_min, x_max, y_max), fid = ordered[position]
        for later in range(position + 1, count):
            (other_x_min, other_y_min, _other_x_max, other_y_max), other = ordered[later]
            if other_x_min > x_max:
                break
            if other_y_min <= y_max and other_y_max >= y_min:
                pairs.append((fid, other) if fid < other else (other, fid))
    return pairs


def _grouped(fids, boxes):
    """The set of ``fids`` whose box ``(x_min, y_min, x_max, y_max)`` meets another one's."""
    return {fid for pair in _meeting(fids, boxes) for fid in pair}


def merge_overlapping(pieces):
    """Collect ``pieces``, unioning only the groups whose interiors overlap (a shared edge is no overlap)."""
    if not pieces:
        return None
    count = len(pieces)
    boxes = [piece.boundingBox() for piece in pieces]
    parent = list(range(count))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    order = sorted(range(count), key=lambda i: boxes[i].xMinimum())
    for position, i in enumerate(order):
        for j in order[position + 1:]:
            if boxes[j].xMinimum() > boxes[i].xMaximum():
                break
            if (boxes[i].intersects(boxes[j]) and find(i) != find(j) and pieces[i].intersects(pieces[j])
                    and not pieces[i].touches(pieces[j])):
                parent[find(i)] = find(j)
    groups = {}
    for i in range(count):
        groups.setdefault(find(i), []).append(pieces[i])
    merged = [group[0] if len(group) == 1 else QgsGeometry.unaryUnion(group) for group in groups.values()]
    merged = [piece for piece in merged if piece is not None and not piece.isEmpty()]
    if not merged:
        return None
    return merged[0] if len(merged) == 1 else QgsGeometry.collectGeometry(merged)
