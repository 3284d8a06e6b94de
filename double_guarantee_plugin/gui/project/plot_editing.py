# SPDX-License-Identifier: GPL-2.0-or-later
"""Plot editing for the project dock: draw, split, reshape, merge, delete, fill from a layer, repair.

Every edit is one undo step on the plots layer (``core.projects``) recorded in the database's
history.  Drawing uses QGIS's own capture tool with a preview of the plot's area and credits
(``drawing_preview``).  A locked (accepted or filed) project refuses every edit with the way out:
reopen it first (``core.acceptance``).
"""
from qgis.core import QgsCoordinateTransform, QgsMapLayerProxyModel, QgsProject
from qgis.gui import QgsFieldComboBox, QgsMapLayerComboBox, QgsVertexMarker
from qgis.PyQt.QtCore import QObject
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout

from ...core import projects
from ...core.acceptance import is_locked
from ...i18n import tr
from ..components.credit_panel import STATUS_COLOURS
from ..tools.plot_tools import ReshapePlotTool, SplitPlotsTool, open_attribute_form
from .drawing_preview import DrawingOverlay, DrawingPreview, PreviewDrawPlotTool


class FillFromLayerDialog(QDialog):
    """Pick a polygon layer and the field holding GB/T 21010 class codes to copy."""

    def __init__(self, parent=None, exclude=None):
        super().__init__(parent)
        self.setWindowTitle(tr("Fill plots from a layer"))
        form = QFormLayout(self)
        self.layer_combo = QgsMapLayerComboBox()
        self.layer_combo.setFilters(QgsMapLayerProxyModel.Filter.PolygonLayer)
        if exclude:
            self.layer_combo.setExceptedLayerList(exclude)
        self.field_combo = QgsFieldComboBox()
        self.field_combo.setAllowEmptyFieldName(True)
        self.layer_combo.layerChanged.connect(self.field_combo.setLayer)
        self.field_combo.setLayer(self.layer_combo.currentLayer())
        self.target_combo = QComboBox()
        self.target_combo.addItem(tr("Class before"), "class_before")
        self.target_combo.addItem(tr("Class after"), "class_after")
        form.addRow(tr("Layer (its selected features become plots)"), self.layer_combo)
        form.addRow(tr("Field with land-class codes"), self.field_combo)
        form.addRow(tr("Copy the codes into"), self.target_combo)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class PlotEditor(QObject):
    """The plot tools of the dock: ``dock`` gives the database, the selected project, messages and figures."""

    def __init__(self, dock):
        super().__init__(dock)
        self.dock = dock
        self.iface = dock.iface
        self.active_tool = None
        self.problem_marker = None
        self.form_opener = open_attribute_form
        self.preview = None
        self.overlay = None

    @property
    def database(self):
        return self.dock.database

    @property
    def plots_layer(self):
        return self.dock.database.plots_layer

    # -- guards ----------------------------------------------------------------------------------
    def require_editable_project(self):
        """The selected project's code, refusing a locked (accepted) project with the way out."""
        code = self.dock.require_project()
        self.require_unlocked(code)
        return code

    def require_unlocked(self, code):
        feature = projects.find_project(self.database.projects_layer, code)
        status = feature["status"] if feature is not None else None
        if is_locked(status):
            raise projects.ProjectError(tr("Project {} is accepted and locked: reopen it (with a reason) "
                                           "before changing its plots or fields", code))

    def _require_unlocked_fids(self, fids):
        codes = {str(self.plots_layer.getFeature(fid)["project_code"]) for fid in fids}
        for code in sorted(codes):
            self.require_unlocked(code)

    # -- map tools -------------------------------------------------------------------------------
    def _activate(self, tool):
        self.deactivate_tool()
        projects.ensure_editing(self.plots_layer)
        canvas = self.iface.mapCanvas()
        canvas.setCurrentLayer(self.plots_layer)
        self.active_tool = tool
        canvas.setMapTool(tool)
        return tool

    def deactivate_tool(self):
        tool, self.active_tool = self.active_tool, None
        if tool is not None:
            try:
                canvas = self.iface.mapCanvas()
                if canvas.mapTool() is tool:
                    canvas.unsetMapTool(tool)
            except RuntimeError:
                pass

    def start_draw(self):
        code = self.require_editable_project()
        self.preview = DrawingPreview(self.plots_layer, code, self.dock.profile)
        tool = PreviewDrawPlotTool(self.iface, self.plots_layer, self.dock.selected_project,
                                   on_added=self._plot_added, on_message=self.dock.message,
                                   form_opener=lambda *a: self.form_opener(*a), on_preview=self._preview)
        return self._activate(tool)

    def _preview(self, geometry):
        text = self.preview.text(geometry) if self.preview is not None else None
        if self.overlay is None:
            if not text:
                return
            self.overlay = DrawingOverlay(self.iface.mapCanvas())
        try:
            self.overlay.show_text(text)
        except RuntimeError:      # QGIS deleted its canvas (closing)
            self.overlay = None

    def remove_overlay(self):
        overlay, self.overlay = self.overlay, None
        if overlay is not None:
            try:
                overlay.deleteLater()
            except RuntimeError:
                pass

    def start_split(self):
        self.require_editable_project()
        return self._activate(SplitPlotsTool(self.iface, self.plots_layer, on_done=self._plots_changed,
                                             on_message=self.dock.message))

    def start_reshape(self):
        self.require_editable_project()
        return self._activate(ReshapePlotTool(self.iface, self.plots_layer, on_done=self._plots_changed,
                                              on_message=self.dock.message))

    def _plot_added(self, _fid):
        self.database.record([self.plots_layer])
        code = self.dock.selected_project()
        if code:   # the next plot proposes what this one got
            self.preview = DrawingPreview(self.plots_layer, code, self.dock.profile)
        self.dock.live.debouncer.poke()

    def _plots_changed(self, _fids):
        self.database.record([self.plots_layer])
        self.dock.live.debouncer.poke()

    # -- one-click edits -------------------------------------------------------------------------
    def merge_selected(self):
        self.require_editable_project()
        fids = list(self.plots_layer.selectedFeatureIds())
        self._require_unlocked_fids(fids)
        projects.ensure_editing(self.plots_layer)
        keep = projects.merge_plots(self.plots_layer, fids)
        self.database.record([self.plots_layer])
        self.plots_layer.selectByIds([keep])
        return keep

    def delete_selected_plots(self):
        self.require_editable_project()
        fids = list(self.plots_layer.selectedFeatureIds())
        if not fids:
            raise projects.ProjectError(tr("Select the plots to delete on the map or in the plot list"))
        self._require_unlocked_fids(fids)
        projects.delete_plots(self.plots_layer, fids)
        self.database.record([self.plots_layer])
        return len(fids)

    def fill_from_layer_dialog(self):
        code = self.require_editable_project()
        dialog = FillFromLayerDialog(self.dock, [self.plots_layer])
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        layer = dialog.layer_combo.currentLayer()
        if layer is None:
            raise projects.ProjectError(tr("Choose a polygon layer"))
        return self.fill_from_layer(layer, list(layer.selectedFeatureIds()), dialog.field_combo.currentField(),
                                    dialog.target_combo.currentData(), code)

    def fill_from_layer(self, layer, fids, class_field=None, as_class="class_before", code=None):
        code = code or self.require_editable_project()
        self.require_unlocked(code)
        if not fids:
            raise projects.ProjectError(tr("{}: select the features that should become plots", layer.name()))
        new_ids = projects.fill_from_layer(self.plots_layer, code, layer, fids, class_field, as_class)
        self.database.record([self.plots_layer])
        self.dock.message(tr("{} plots added from {}", len(new_ids), layer.name()), "success")
        return new_ids

    # -- invalid geometries ----------------------------------------------------------------------
    def repair_plots(self, fids=None):
        """Repair invalid plot geometries, all in one undo step."""
        self.dock.require_database()
        snapshot = self.dock.last_snapshot
        if fids is None:
            fids = [fid for fid, _code, _problem in (snapshot.geometry_problems if snapshot else [])]
        if not fids:
            return []
        self._require_unlocked_fids(fids)
        repaired = []
        with projects.edit_command(self.plots_layer, tr("Repair {} plots", len(fids))):
            for fid in fids:
                feature = self.plots_layer.getFeature(fid)
                if not projects.geometry_problem(feature.geometry()):
                    continue
                fixed = projects.repaired_geometry(feature.geometry())
                if fixed is None:
                    raise projects.ProjectError(tr("Plot {} cannot be repaired automatically; redraw it",
                                                   feature["plot_code"]))
                self.plots_layer.changeGeometry(fid, fixed)
                repaired.append(fid)
        self.database.record([self.plots_layer])
        self.dock.message(tr("{} plots repaired", len(repaired)), "success")
        return repaired

    def show_problem(self, fid):
        """Select an invalid plot, centre the map on its first error and mark the spot."""
        snapshot = self.dock.last_snapshot
        point = snapshot.problem_points.get(fid) if snapshot is not None else None
        self.plots_layer.selectByIds([fid])
        if point is None:
            return None
        canvas = self.iface.mapCanvas()
        destination = canvas.mapSettings().destinationCrs()
        if destination.isValid() and destination != self.plots_layer.crs():
            point = QgsCoordinateTransform(self.plots_layer.crs(), destination,
                                           QgsProject.instance()).transform(point)
        self.clear_problem_marker()
        marker = QgsVertexMarker(canvas)
        marker.setIconType(QgsVertexMarker.IconType.ICON_X)
        marker.setIconSize(18)
        marker.setPenWidth(3)
        marker.setColor(QColor(STATUS_COLOURS["blocking"]))
        marker.setCenter(point)
        self.problem_marker = marker
        canvas.setCenter(point)
        canvas.refresh()
        return point

    def clear_problem_marker(self):
        marker, self.problem_marker = self.problem_marker, None
        if marker is not None:
            try:
                self.iface.mapCanvas().scene().removeItem(marker)
            except RuntimeError:
                pass
