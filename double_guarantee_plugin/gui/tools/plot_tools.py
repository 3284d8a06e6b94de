# SPDX-License-Identifier: GPL-2.0-or-later
"""Map tools of the project dock: draw, split and reshape plots with QGIS's own capture tool.

All three are ``QgsMapToolDigitizeFeature`` (so snapping, tracing and the advanced digitizing
panel behave exactly as in QGIS); they only differ in what happens to the captured geometry.
The attribute form of a drawn plot is the layer's own (``QgsAttributeDialog`` in
``FixAttributeMode``): the plugin adds the feature itself afterwards, as one undo step.
"""
from qgis.core import Qgis, QgsFeature, QgsGeometry, QgsWkbTypes
from qgis.PyQt import sip
from qgis.gui import (QgsAdvancedDigitizingDockWidget, QgsAttributeDialog, QgsAttributeEditorContext,
                      QgsMapToolCapture, QgsMapToolDigitizeFeature)

from ...core import projects
from ...i18n import tr


def cad_dock_widget(iface):
    """QGIS's advanced digitizing panel, or a private one where the interface has none (tests, scripts)."""
    getter = getattr(iface, "cadDockWidget", None)
    widget = getter() if getter is not None else None
    if widget is None:
        widget = getattr(iface, "_dg_cad_dock", None)
        if widget is None or sip.isdeleted(widget):
            # a child of the canvas it works on, so that it dies with it: it follows the project's
            # snapping settings, and one that outlived its canvas crashed QGIS when the project was
            # cleared at exit (exitQgis() deletes the canvas first)
            widget = QgsAdvancedDigitizingDockWidget(iface.mapCanvas(), iface.mapCanvas())
            iface._dg_cad_dock = widget
    return widget


FORM_MIN_WIDTH_PX = 460    # labels, widgets and QGIS's ✔/✘ constraint markers side by side, none cut


def fit_form_height(dialog, margin_px=80):
    """Make an attribute dialog tall enough for its longest tab without scrolling, within the screen: QGIS
    sizes a tabbed form by its scroll areas' default height, which cut the plot form after six fields."""
    from qgis.PyQt.QtWidgets import QScrollArea
    extra = max([area.widget().sizeHint().height() - area.sizeHint().height()
                 for area in dialog.findChildren(QScrollArea) if area.widget() is not None] + [0])
    screen = dialog.screen() if hasattr(dialog, "screen") else None
    limit = screen.availableGeometry().height() - margin_px if screen is not None else 700
    hint = dialog.sizeHint()
    dialog.resize(max(hint.width(), FORM_MIN_WIDTH_PX), min(hint.height() + extra, limit))


def open_attribute_form(iface, layer, feature):
    """Show the layer's attribute form for an unsaved feature; the edited feature, or None if cancelled."""
    context = QgsAttributeEditorContext()
    context.setMapCanvas(iface.mapCanvas())
    dialog = QgsAttributeDialog(layer, QgsFeature(feature), False, iface.mainWindow(), True, context)
    dialog.setMode(QgsAttributeEditorContext.Mode.FixAttributeMode)
    dialog.setWindowTitle(tr("Plot attributes"))
    dialog.setMinimumWidth(FORM_MIN_WIDTH_PX)
    fit_form_height(dialog)
    if not dialog.exec():
        return None
    return QgsFeature(dialog.feature())


class _CaptureTool(QgsMapToolDigitizeFeature):
    """A QGIS capture tool on the plots layer whose result goes to ``handle(geometry)``."""

    MODE = QgsMapToolCapture.CaptureMode.CapturePolygon

    def __init__(self, iface, layer, on_message=None):
        super().__init__(iface.mapCanvas(), cad_dock_widget(iface), self.MODE)
        self.iface = iface
        self.plot_layer = layer
        self.on_message = on_message or (lambda text, level: None)
        self.setLayer(layer)
        if self.MODE == QgsMapToolCapture.CaptureMode.CaptureLine:
            self.setCheckGeometryType(False)  # a line drawn on a polygon layer
        self.digitizingCompleted.connect(self._completed)

    def _completed(self, feature):
        geometry = QgsGeometry(feature.geometry())  # the signal's feature dies with the call
        try:
            self.handle(geometry)
        except projects.ProjectError as exc:
            self.on_message(str(exc), "warning")
        except Exception as exc:  # noqa: BLE001 - an exception escaping a Qt slot would abort QGIS
            self.on_message(tr("{} failed: {}", self.toolName(), exc), "critical")

    def handle(self, geometry):
        raise NotImplementedError


class DrawPlotTool(_CaptureTool):
    """Draw a new plot of the dock's current project, then fill its attribute form."""

    def __init__(self, iface, layer, project_code_getter, on_added=None, on_message=None, form_opener=None):
        super().__init__(iface, layer, on_message)
        self.project_code_getter = project_code_getter
        self.on_added = on_added
        self.form_opener = form_opener or open_attribute_form
        self.setToolName(tr("Draw plot"))

    def handle(self, geometry):
        code = self.project_code_getter()
        if not code:
            raise projects.ProjectError(tr("Select a project before drawing a plot"))
        projects.ensure_editing(self.plot_layer)
        attributes = projects.last_plot_attributes(self.plot_layer, code)
        attributes.update(project_code=code, plot_code=projects.next_plot_code(self.plot_layer, code))
        feature = projects.new_feature(self.plot_layer, geometry, attributes)
        edited = self.form_opener(self.iface, self.plot_layer, feature)
        if edited is None:
            return None
        values = {name: edited[name] for name in edited.fields().names() if name != "fid"}
        values["project_code"] = code
        fid = projects.add_plot(self.plot_layer, code, edited.geometry(), values,
                                tr("Draw plot {}", values.get("plot_code") or ""))
        problem = projects.geometry_problem(edited.geometry())
        if problem:
            self.on_message(tr("Plot {}: {} (use Repair in the project dock)", values.get("plot_code"), problem),
                            "warning")
        if self.on_added is not None:
            self.on_added(fid)
        return fid


class SplitPlotsTool(_CaptureTool):
    """Draw a line across selected plots (or all plots it crosses) to split them."""

    MODE = QgsMapToolCapture.CaptureMode.CaptureLine

    def __init__(self, iface, layer, on_done=None, on_message=None):
        super().__init__(iface, layer, on_message)
        self.on_done = on_done
        self.setToolName(tr("Split plots"))

    def handle(self, geometry):
        points = geometry.asPolyline() if not geometry.isMultipart() else geometry.asMultiPolyline()[0]
        fids = list(self.plot_layer.selectedFeatureIds())
        if not fids:
            line_box = geometry.boundingBox()
            fids = [f.id() for f in self.plot_layer.getFeatures(line_box) if f.geometry().intersects(geometry)]
        new_ids = projects.split_plots(self.plot_layer, fids, points)
        if self.on_done is not None:
            self.on_done(new_ids)
        return new_ids


class ReshapePlotTool(_CaptureTool):
    """Draw a line that leaves and re-enters a plot to reshape it (QGIS's reshape rule)."""

    MODE = QgsMapToolCapture.CaptureMode.CaptureLine

    def __init__(self, iface, layer, on_done=None, on_message=None):
        super().__init__(iface, layer, on_message)
        self.on_done = on_done
        self.setToolName(tr("Reshape plot"))

    def handle(self, geometry):
        from qgis.core import QgsLineString, QgsPoint
        points = geometry.asPolyline() if not geometry.isMultipart() else geometry.asMultiPolyline()[0]
        line = QgsLineString([QgsPoint(p.x(), p.y()) for p in points])
        fids = list(self.plot_layer.selectedFeatureIds()) or [
            f.id() for f in self.plot_layer.getFeatures(geometry.boundingBox()) if f.geometry().intersects(geometry)]
        changed = []
        projects.ensure_editing(self.plot_layer)
        with projects.edit_command(self.plot_layer, tr("Reshape plot")):
            for fid in fids:
                shape = QgsGeometry(self.plot_layer.getFeature(fid).geometry())
                if shape.reshapeGeometry(line) == Qgis.GeometryOperationResult.Success and not shape.isEmpty():
                    shape.convertToMultiType()
                    self.plot_layer.changeGeometry(fid, shape)
                    changed.append(fid)
            if not changed:
                raise projects.ProjectError(tr("The line does not reshape any plot: it must cross the plot "
                                               "boundary twice"))
        if self.on_done is not None:
            self.on_done(changed)
        return changed


def is_polygon_layer(layer):
    return layer is not None and getattr(layer, "geometryType", lambda: None)() == QgsWkbTypes.GeometryType.PolygonGeometry
