# SPDX-License-Identifier: GPL-2.0-or-later
"""The county overview sheet: every project's plots coloured by verdict and labelled, with county totals.

It reuses a meeting template (A3 landscape by default): the credit table holds the county totals
and the check table becomes the list of projects with their area credit and verdict.
"""
from qgis.core import (QgsCategorizedSymbolRenderer, QgsFeature, QgsFeatureRequest, QgsGeometry,
                       QgsLayoutFrame, QgsLayoutSize, QgsPalLayerSettings, QgsProject,
                       QgsRendererCategory, QgsTextFormat, QgsUnitTypes, QgsVectorLayerSimpleLabeling)
from qgis.PyQt.QtCore import QVariant
from qgis.PyQt.QtGui import QColor, QFont

from ..credits import summarize_project
from . import ReportError
from .export import export_sheet
from .fonts import resolve_font_family
from .layout import (Sheet, apply_font, configured_producer, fill_map, load_template, set_label, set_table,
                     table_of)
from .map_layers import _fill, _memory_layer, _transform, constraint_features, context_layer, padded_extent
from .report_data import credit_rows, fmt_mu, status_label
from .sheet_text import crs_note

VERDICT_COLOURS = {"ok": QColor(70, 170, 70), "warning": QColor(245, 150, 30), "blocking": QColor(230, 0, 0),
                   "not_checked": QColor(165, 165, 165)}


def _verdict_plots(plots_layer, reports, crs):
    """Memory layers: all plots by verdict, and one labelled outline per project."""
    from ...i18n import tr
    plots = _memory_layer(tr("Plots by verdict"), crs, [("project_code", QVariant.String),
                                                        ("verdict", QVariant.String)])
    labels = _memory_layer(tr("Projects"), crs, [("project_code", QVariant.String)])
    transform = _transform(plots_layer.crs(), crs)
    plot_features, label_features = [], []
    for report in reports:
        geometries = []
        for feature in plots_layer.getFeatures(QgsFeatureRequest().setFilterFids(report.fids)):
            geometry = QgsGeometry(feature.geometry())
            if geometry.isEmpty():
                continue
            geometry.transform(transform)
            out = QgsFeature(plots.fields())
            out.setGeometry(geometry)
            out.setAttributes([report.info.code, report.verdict])
            plot_features.append(out)
            geometries.append(geometry.buffer(0, 1))
        if geometries:
            outline = QgsFeature(labels.fields())
            outline.setGeometry(QgsGeometry.unaryUnion(geometries))
            outline.setAttributes([report.info.code])
            label_features.append(outline)
    plots.dataProvider().addFeatures(plot_features)
    labels.dataProvider().addFeatures(label_features)
    plots.updateExtents()
    labels.updateExtents()
    categories = [QgsRendererCategory(code, _fill(colour, colour.darker(160), 0.2), status_label(code))
                  for code, colour in VERDICT_COLOURS.items()]
    plots.setRenderer(QgsCategorizedSymbolRenderer("verdict", categories))
    return plots, labels


def _label_projects(layer, family, size_pt=7.0):
    from qgis.core import QgsTextBufferSettings, QgsSingleSymbolRenderer, QgsFillSymbol
    settings = QgsPalLayerSettings()
    settings.fieldName = "project_code"
    settings.placement = QgsPalLayerSettings.Placement.AroundPoint
    settings.dist = 1.5
    text = QgsTextFormat()
    font = QFont(family)
    font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    text.setFont(font)
    text.setSize(size_pt)
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.8)
    buffer.setColor(QColor(255, 255, 255))
    text.setBuffer(buffer)
    settings.setFormat(text)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)
    outline = QgsFillSymbol.createSimple({"color": "0,0,0,0", "style": "no", "outline_color": "40,40,40",
                                          "outline_width": "0.3"})
    layer.setRenderer(QgsSingleSymbolRenderer(outline))


def overview_sheet(project, plots_layer, reports, county_layer=None, red_line=None, template="a3_landscape",
                   font_family=None, producer=None, title=None):
    """A filled overview Sheet of ``reports`` (ProjectReport list from gather_reports)."""
    from ...i18n import tr
    if not reports:
        raise ReportError("the overview map has no project to show: no project has plots")
    family = resolve_font_family(font_family)
    crs = plots_layer.crs()
    plots, labels = _verdict_plots(plots_layer, reports, crs)
    _label_projects(labels, family)
    layers = [labels, plots]
    extent = plots.extent()
    county_name = ""
    if county_layer is not None and county_layer.isValid():
        county_geometries = constraint_features(county_layer, county_layer.extent() if county_layer.crs() == crs
                                                else _transform(county_layer.crs(), crs).transformBoundingBox(
                                                    county_layer.extent()), crs)
        boundary = context_layer(tr("County boundary"), county_geometries, crs, "county")
        boundary.renderer().symbol().symbolLayer(0).setStrokeColor(QColor(60, 60, 60))
        boundary.renderer().symbol().symbolLayer(0).setStrokeWidth(0.6)
        layers.append(boundary)
        extent.combineExtentWith(boundary.extent())
        names = county_layer.fields().names()
        if "county_name" in names:
            first = next(county_layer.getFeatures(), None)
            county_name = str(first["county_name"]) if first is not None else ""
    extent = padded_extent(extent, 0.03)
    if red_line is not None:
        layers.append(context_layer(tr("Ecological red line"), constraint_features(red_line, extent, crs), crs,
                                    "red_line"))
    layout = load_template(project, template)
    root = fill_map(layout, layers, extent, crs, [plots] + layers[2:])
    set_label(layout, "title", title or tr("{} supplementary farmland projects: overview", county_name).strip())
    set_label(layout, "subtitle", tr("{} projects", len(reports)))
    set_label(layout, "crs_note", crs_note(crs))
    totals = summarize_project(tr("County total"), [c for r in reports for _fid, c in r.plot_credits])
    set_label(layout, "credit_title", tr("County totals"))
    set_table(table_of(layout, "credit_table"), [tr("Indicator"), tr("Value"), tr("Converted")],
              credit_rows(totals))
    set_label(layout, "check_title", tr("Projects"))
    _stretch_down(layout, "check_table", ("verdict",))        # (before the table is fitted to its frame)
    set_table(table_of(layout, "check_table"), [tr("Project code"), tr("Project name"), tr("Area credit (mu)"),
                                                tr("Verdict")],
              [(r.info.code, r.info.name, fmt_mu(r.credit.credit_area_mu), status_label(r.verdict))
               for r in reports], tr("… and {} more projects (all are in the county summary table)"))
    set_label(layout, "verdict", "")
    producer = configured_producer() if producer is None else producer
    set_label(layout, "producer", tr("Producer: {}", producer) if producer else "")
    import datetime
    set_label(layout, "date", tr("Date: {}", datetime.date.today().isoformat()))
    apply_font(layout, family)
    layout.refresh()
    return Sheet(layout, layers, root, tr("Overview"))


def _stretch_down(layout, frame_id, absorb):
    """Let a table frame grow over the items in ``absorb`` down to the producer line."""
    frame = layout.itemById(frame_id)
    producer = layout.itemById("producer")
    if not isinstance(frame, QgsLayoutFrame) or producer is None:
        return
    top = frame.positionWithUnits().y()
    bottom = producer.positionWithUnits().y() - 1.0
    if bottom > top + frame.sizeWithUnits().height():
        frame.attemptResize(QgsLayoutSize(frame.sizeWithUnits().width(), bottom - top, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
    for item_id in absorb:
        item = layout.itemById(item_id)
        if item is not None:
            item.setVisibility(False)


def export_overview(path, plots_layer, reports, county_layer=None, red_line=None, template="a3_landscape",
                    font_family=None, producer=None, dpi=200, fmt="pdf"):
    """Write the county overview map to ``path`` (PDF or PNG)."""
    project = QgsProject()
    sheet = overview_sheet(project, plots_layer, reports, county_layer, red_line, template, font_family, producer)
    return export_sheet(sheet, path, fmt, dpi, font_family)
