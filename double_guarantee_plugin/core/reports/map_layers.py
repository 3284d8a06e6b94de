# SPDX-License-Identifier: GPL-2.0-or-later
"""Display layers of a meeting map: plots styled by kind (paddy hatched) and constraint overlaps in red.

The sheet never draws the user's own layers' styles: it copies the features it needs into memory
layers with a fixed, documented symbology, so every sheet looks the same whatever the user's
project looks like, and the export can run away from the main thread.
"""
from qgis.core import (QgsCoordinateTransform, QgsCoordinateTransformContext,
                       QgsFeature, QgsFeatureRequest, QgsField, QgsFillSymbol, QgsGeometry,
                       QgsLinePatternFillSymbolLayer, QgsLineSymbol, QgsRectangle,
                       QgsRuleBasedRenderer, QgsSingleSymbolRenderer, QgsSimpleFillSymbolLayer, QgsSimpleLineSymbolLayer,
                       QgsVectorLayer)
from qgis.PyQt.QtCore import Qt, QVariant
from qgis.PyQt.QtGui import QColor

from ..credits import NEW_FARMLAND, NOT_CREDITABLE, UPGRADING
from .report_data import kind_label

# The red of a conflict; the tests look for it in rendered pages, so keep it in one place.
CONFLICT_RED = QColor(230, 0, 0)
RED_LINE_OUTLINE = QColor(150, 0, 150)
BASIC_FARMLAND_OUTLINE = QColor(150, 115, 50)
KIND_COLOURS = {NEW_FARMLAND: QColor(120, 200, 90), UPGRADING: QColor(250, 205, 70),
                NOT_CREDITABLE: QColor(185, 185, 185)}
PADDY_HATCH = QColor(0, 80, 200)


def _transform(source_crs, target_crs):
    return QgsCoordinateTransform(source_crs, target_crs, QgsCoordinateTransformContext())


def _memory_layer(name, crs, fields):
    spec = "MultiPolygon?crs=" + crs.authid() if crs.authid() else "MultiPolygon"
    layer = QgsVectorLayer(spec, name, "memory")
    if not crs.authid():
        layer.setCrs(crs)
    layer.dataProvider().addAttributes([QgsField(n, t) for n, t in fields])
    layer.updateFields()
    return layer


def _fill(colour, outline, width=0.3, style=Qt.BrushStyle.SolidPattern):
    symbol = QgsFillSymbol()
    symbol.deleteSymbolLayer(0)
    fill = QgsSimpleFillSymbolLayer(colour, style, outline, Qt.PenStyle.SolidLine, width)
    symbol.appendSymbolLayer(fill)
    return symbol


def _hatch(colour, spacing_mm, angle, outline=None, outline_width=0.0):
    symbol = QgsFillSymbol()
    symbol.deleteSymbolLayer(0)
    hatch = QgsLinePatternFillSymbolLayer()
    hatch.setLineAngle(angle)
    hatch.setDistance(spacing_mm)
    line = QgsLineSymbol()
    line.deleteSymbolLayer(0)
    line.appendSymbolLayer(QgsSimpleLineSymbolLayer(colour, 0.35))
    hatch.setSubSymbol(line)
    symbol.appendSymbolLayer(hatch)
    if outline is not None:
        symbol.appendSymbolLayer(QgsSimpleFillSymbolLayer(QColor(0, 0, 0, 0), Qt.BrushStyle.NoBrush, outline,
                                                          Qt.PenStyle.SolidLine, outline_width))
    return symbol


def plot_layer(plots_layer, plot_credits, target_crs, fields_map):
    """Memory copy of one project's plots with ``plot_kind`` and ``paddy``, styled by kind."""
    from ...i18n import tr
    layer = _memory_layer(tr("Plots"), target_crs, [("plot_code", QVariant.String), ("plot_kind", QVariant.String),
                                                    ("paddy", QVariant.Int)])
    transform = _transform(plots_layer.crs(), target_crs)
    by_fid = dict(plot_credits)
    features = []
    request = QgsFeatureRequest().setFilterFids(list(by_fid))
    class_after = fields_map.class_after
    for feature in plots_layer.getFeatures(request):
        credit = by_fid[feature.id()]
        geometry = QgsGeometry(feature.geometry())
        if geometry.isEmpty():
            continue
        geometry.transform(transform)
        out = QgsFeature(layer.fields())
        out.setGeometry(geometry)
        value = feature[class_after] if feature.fields().indexOf(class_after) >= 0 else None
        paddy = 1 if str(value).strip() == "0101" and credit.plot_kind != NOT_CREDITABLE else 0
        out.setAttributes([str(credit.plot_code), credit.plot_kind, paddy])
        features.append(out)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()

    root = QgsRuleBasedRenderer.Rule(None)
    for kind in (NEW_FARMLAND, UPGRADING, NOT_CREDITABLE):
        colour = KIND_COLOURS[kind]
        root.appendChild(QgsRuleBasedRenderer.Rule(_fill(colour, colour.darker(170), 0.4),
                                                   0, 0, f"\"plot_kind\" = '{kind}'", kind_label(kind)))
    root.appendChild(QgsRuleBasedRenderer.Rule(_hatch(PADDY_HATCH, 1.6, 45), 0, 0, "\"paddy\" = 1",
                                               tr("Paddy after (hatched)")))
    layer.setRenderer(QgsRuleBasedRenderer(root))
    return layer


def union_geometry(layer_or_geometries):
    geometries = [g for g in layer_or_geometries if g is not None and not g.isEmpty()]
    return QgsGeometry.unaryUnion(geometries) if geometries else QgsGeometry()


def constraint_features(constraint_layer, extent, target_crs):
    """Geometries of ``constraint_layer`` within ``extent`` (in ``target_crs``), transformed to it."""
    if constraint_layer is None or not constraint_layer.isValid() or not constraint_layer.crs().isValid():
        return []
    to_source = _transform(target_crs, constraint_layer.crs())
    to_target = _transform(constraint_layer.crs(), target_crs)
    rect = to_source.transformBoundingBox(extent)
    request = QgsFeatureRequest().setFilterRect(rect).setNoAttributes()
    geometries = []
    for feature in constraint_layer.getFeatures(request):
        geometry = QgsGeometry(feature.geometry())
        if geometry.isEmpty():
            continue
        if not geometry.isGeosValid():
            geometry = geometry.makeValid()
        geometry.transform(to_target)
        geometries.append(geometry)
    return geometries


def overlap_geometry(plots_union, constraint_geometries):
    """Plot area inside the constraint features; overlapping constraint features count once."""
    if plots_union.isEmpty() or not constraint_geometries:
        return QgsGeometry()
    engine = QgsGeometry.createGeometryEngine(plots_union.constGet())
    engine.prepareGeometry()
    touching = [g for g in constraint_geometries if engine.intersects(g.constGet())]
    if not touching:
        return QgsGeometry()
    overlap = plots_union.intersection(union_geometry(touching))
    return overlap if not overlap.isEmpty() and overlap.area() > 0 else QgsGeometry()


def overlap_layer(name, geometry, target_crs, role):
    """The overlap with a constraint: solid red for the red line, red hatch for basic farmland."""
    layer = _memory_layer(name, target_crs, [("role", QVariant.String)])
    if not geometry.isEmpty():
        feature = QgsFeature(layer.fields())
        feature.setGeometry(geometry)
        feature.setAttributes([role])
        layer.dataProvider().addFeatures([feature])
        layer.updateExtents()
    if role == "red_line":
        symbol = _fill(CONFLICT_RED, CONFLICT_RED, 0.5)
    else:
        symbol = _hatch(CONFLICT_RED, 1.0, -45, CONFLICT_RED, 0.5)
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    return layer


def context_layer(name, geometries, target_crs, role):
    """Constraint features around the project, outlines only (so overlaps stay the only red)."""
    layer = _memory_layer(name, target_crs, [("role", QVariant.String)])
    features = []
    for geometry in geometries:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(geometry)
        feature.setAttributes([role])
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    outline = RED_LINE_OUTLINE if role == "red_line" else BASIC_FARMLAND_OUTLINE
    symbol = QgsFillSymbol()
    symbol.deleteSymbolLayer(0)
    line = QgsSimpleFillSymbolLayer(QColor(0, 0, 0, 0), Qt.BrushStyle.NoBrush, outline,
                                    Qt.PenStyle.DashLine if role == "red_line" else Qt.PenStyle.SolidLine,
                                    0.6 if role == "red_line" else 0.2)
    symbol.appendSymbolLayer(line)
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    return layer


def padded_extent(rect, ratio=0.15, minimum=100.0):
    """``rect`` grown by ``ratio`` of its size on each side (at least ``minimum`` map units)."""
    grow = max(rect.width(), rect.height()) * ratio
    grow = max(grow, minimum)
    return QgsRectangle(rect.xMinimum() - grow, rect.yMinimum() - grow, rect.xMaximum() + grow,
                        rect.yMaximum() + grow)
