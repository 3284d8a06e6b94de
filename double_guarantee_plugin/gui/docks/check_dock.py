# SPDX-License-Identifier: GPL-2.0-or-later
"""The check dock: pick the constraint layers, see every plot's constraint status, zoom to conflicts.

Thin: the checks are ``core.constraints`` (full checks in a ``core.constraints.task`` QgsTask, the
re-check of the projects whose plots were just edited on the spot, which takes milliseconds with
warm indexes).  The constraint set and the plots layer are saved in the QGIS project
(scope ``DoubleGuarantee``) and restored when a project is read.  Any edit of a plot or of a
constraint layer triggers a re-check after a short debounce, well within 300 ms.
"""
from qgis.core import (Qgis, QgsApplication, QgsCoordinateTransform, QgsMapLayerProxyModel,
                       QgsProject, QgsRasterLayer, QgsVectorLayer, QgsWkbTypes)
from qgis.gui import QgsFieldComboBox, QgsMapLayerComboBox, QgsRubberBand
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtGui import QBrush, QColor
from qgis.PyQt.QtWidgets import (QAbstractItemView, QComboBox, QDockWidget, QFileDialog, QFormLayout, QHBoxLayout,
                                 QHeaderView, QLabel, QListWidget, QListWidgetItem, QPushButton, QTreeWidget,
                                 QTreeWidgetItem, QVBoxLayout, QWidget)

from ...core import constraints
from ...core.constraints.rules import SEVERITIES
from ...core.constraints.task import ConstraintCheckTask
from ...core.units import m2_to_mu
from ...core.verdicts import VERDICT_COLOURS as STATUS_COLOURS, verdict_label
from ...core.project_profile import current_profile, project_profile
from ...i18n import tr
from ..components import check_events
from ..components.dock_look import dock_title
from ..components.profile_selector import ProfileSelector
from ...core.standard_layers.constraint_set import auto_constraint_set
from ...core.standard_layers.recognition import find_plots_layer
from ..components.found_layers import found_text, standard_field
from ..components.signals import disconnect_all

DOCK_ORDER = 20
OBJECT_NAME = "DoubleGuaranteeCheckDock"
SCOPE = constraints.PROJECT_SCOPE
KEY_PLOTS_LAYER = "check_plots_layer"
DEBOUNCE_MS = 120     # edits come in bursts; 120 ms + a warm re-check stays well under 300 ms
ALIGN_NUMBER = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
COLUMNS = ("item", "status", "bf_m2", "rl_m2", "slope_m2", "message")
PLOT_SIGNALS = ("geometryChanged", "featureAdded", "featureDeleted", "attributeValueChanged",
                "committedFeaturesAdded", "committedFeaturesRemoved", "afterRollBack")
CONSTRAINT_SIGNALS = ("geometryChanged", "featureAdded", "featureDeleted", "attributeValueChanged",
                      "committedFeaturesAdded", "committedFeaturesRemoved", "committedGeometriesChanges",
                      "committedAttributeValuesChanges", "afterRollBack", "dataChanged")


def create_dock(iface):
    return CheckDock(iface)


def _brush(status):
    return QBrush(QColor(STATUS_COLOURS.get(status, "#6c6c6c")))


def severity_label(severity):
    """What a constraint layer's severity does to a plot (not a verdict: a blocking layer blocks)."""
    return {"blocking": tr("Blocking"), "warning": tr("Warning"), "info": tr("Info")}.get(severity, severity)


def _set_overlaps(item, areas_m2):
    """Columns 2–4: overlaps in mu with thousands separators, m² in the tooltip."""
    for column, area_m2 in zip((2, 3, 4), areas_m2):
        area_m2 = float(area_m2 or 0.0)
        item.setText(column, format_mu(m2_to_mu(area_m2)))
        item.setToolTip(column, tr("{} m²", f"{area_m2:,.1f}"))
        item.setTextAlignment(column, ALIGN_NUMBER)


def format_mu(area_mu):
    return f"{area_mu:,.2f}"


class CheckDock(QDockWidget):
    """Constraint status of every plot, per project, with zoom and flash of the conflicting area."""

    def __init__(self, iface, parent=None):
        super().__init__(dock_title(OBJECT_NAME), parent or iface.mainWindow())
        self.setObjectName(OBJECT_NAME)
        self.iface = iface
        self.results = {}              # project code -> ProjectCheck
        self.plot_checks = {}          # fid -> PlotCheck
        self.fid_project = {}          # fid -> project code (to re-check the right project after an edit)
        self.engine = None
        self.task = None
        self.pending_full = False
        self.dirty_fids = set()
        self.last_elapsed_s = 0.0
        self.check_count = 0
        self._watched = []             # (layer, [(signal, slot)])
        self._restoring = False
        self._closed = False           # after cleanup(): the combos may still see layers come and go
        self._rubber_bands = []

        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(DEBOUNCE_MS)
        self.debounce.timeout.connect(self._recheck_due)

        body = QWidget()
        layout = QVBoxLayout(body)
        form = QFormLayout()
        self.plots_combo = self._layer_combo(QgsMapLayerProxyModel.Filter.PolygonLayer, allow_empty=True)
        self.plots_combo.setObjectName("plotsLayerCombo")
        self.bf_combo = self._layer_combo(QgsMapLayerProxyModel.Filter.PolygonLayer)
        self.bf_combo.setObjectName("basicFarmlandCombo")
        self.rl_combo = self._layer_combo(QgsMapLayerProxyModel.Filter.PolygonLayer)
        self.rl_combo.setObjectName("redLineCombo")
        self.slope_combo = self._layer_combo(QgsMapLayerProxyModel.Filter.PolygonLayer | QgsMapLayerProxyModel.Filter.RasterLayer)
        self.slope_combo.setObjectName("slopeCombo")
        self.slope_field = QgsFieldComboBox()
        self.slope_field.setObjectName("slopeFieldCombo")
        self.slope_field.setAllowEmptyFieldName(True)
        self.survey_combo = self._layer_combo(QgsMapLayerProxyModel.Filter.PolygonLayer)
        self.survey_combo.setObjectName("landSurveyCombo")
        self.survey_field = QgsFieldComboBox()
        self.survey_field.setObjectName("surveyFieldCombo")
        self.survey_field.setAllowEmptyFieldName(True)
        self.profile_selector = ProfileSelector(with_label=False)
        self.profile_combo = self.profile_selector.combo
        form.addRow(tr("Plots"), self.plots_combo)
        form.addRow(tr("Basic farmland"), self.bf_combo)
        form.addRow(tr("Ecological red line"), self.rl_combo)
        # a layer and its field side by side need their names readable: narrower, the form puts the label above
        for combo, width_px in ((self.slope_combo, 130), (self.slope_field, 100), (self.survey_combo, 130),
                                (self.survey_field, 100)):
            combo.setMinimumWidth(width_px)
        slope_row = QHBoxLayout()
        slope_row.addWidget(self.slope_combo, 2)
        slope_row.addWidget(self.slope_field, 1)
        form.addRow(tr("Slope (layer, field)"), slope_row)
        survey_row = QHBoxLayout()
        survey_row.addWidget(self.survey_combo, 2)
        survey_row.addWidget(self.survey_field, 1)
        form.addRow(tr("Land survey (layer, class field)"), survey_row)
        form.addRow(tr("Rule profile"), self.profile_selector)
        layout.addLayout(form)
        # issue 15: the layers found in the project by their standard field codes (the user may change them)
        found_row = QHBoxLayout()
        self.found_label = QLabel("")
        self.found_label.setObjectName("foundLayersLabel")
        self.found_label.setWordWrap(True)
        self.find_button = QPushButton(tr("Find layers"))
        self.find_button.setObjectName("findLayersButton")
        self.find_button.setToolTip(tr("Fill the layers from those found in the project by their standard field "
                                       "codes (DLTB, YJJBNTTB, STBHHX, CZKFBJ)"))
        self.find_button.clicked.connect(self.find_layers)
        found_row.addWidget(self.found_label, 1)
        found_row.addWidget(self.find_button)
        layout.addLayout(found_row)

        extra_row = QHBoxLayout()
        self.extra_combo = self._layer_combo(QgsMapLayerProxyModel.Filter.PolygonLayer)
        self.extra_severity = QComboBox()
        for severity in SEVERITIES:
            self.extra_severity.addItem(severity_label(severity), severity)
        self.extra_severity.setCurrentIndex(1)
        add_button = QPushButton(tr("Add"))
        add_button.clicked.connect(self._add_extra)
        remove_button = QPushButton(tr("Remove"))
        remove_button.clicked.connect(self._remove_extra)
        extra_row.addWidget(self.extra_combo, 2)
        extra_row.addWidget(self.extra_severity)
        extra_row.addWidget(add_button)
        extra_row.addWidget(remove_button)
        layout.addWidget(QLabel(tr("Other constraint layers")))
        layout.addLayout(extra_row)
        self.extra_list = QListWidget()
        self.extra_list.setObjectName("extraLayersList")
        self.extra_list.setMaximumHeight(70)
        layout.addWidget(self.extra_list)

        buttons = QHBoxLayout()
        self.check_button = QPushButton(tr("Check now"))
        self.check_button.setObjectName("checkButton")
        self.check_button.clicked.connect(self.check_all)
        export_button = QPushButton(tr("Export set…"))
        export_button.clicked.connect(self._export_set)
        import_button = QPushButton(tr("Import set…"))
        import_button.clicked.connect(self._import_set)
        buttons.addWidget(self.check_button)
        buttons.addStretch(1)
        buttons.addWidget(export_button)
        buttons.addWidget(import_button)
        layout.addLayout(buttons)

        self.verdict_label = QLabel(tr("Not checked"))
        self.verdict_label.setObjectName("verdictLabel")
        self.verdict_label.setWordWrap(True)
        layout.addWidget(self.verdict_label)
        self.tree = QTreeWidget()
        self.tree.setObjectName("checkTree")
        self.tree.setColumnCount(len(COLUMNS))
        self.tree.setHeaderLabels([tr("Project / plot"), tr("Verdict"), tr("Basic farmland (mu)"),
                                   tr("Red line (mu)"), tr("Slope (mu)"), tr("Message")])
        header = self.tree.header()
        for column in range(1, len(COLUMNS) - 1):
            # the verdict and the overlaps always fit their figures and their whole heading
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        for column in (2, 3, 4):
            self.tree.headerItem().setTextAlignment(column, ALIGN_NUMBER)
            self.tree.headerItem().setToolTip(column, tr("Overlap in mu (1 mu = 2000/3 m²); the tooltip of each "
                                                         "figure gives it in m²"))
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.itemClicked.connect(self._item_clicked)
        layout.addWidget(self.tree, 1)
        self.info_label = QLabel("")
        self.info_label.setObjectName("infoLabel")
        layout.addWidget(self.info_label)
        self.setWidget(body)

        for combo in (self.plots_combo, self.bf_combo, self.rl_combo, self.slope_combo, self.survey_combo):
            combo.layerChanged.connect(self._settings_changed)
        self.slope_combo.layerChanged.connect(self._slope_layer_changed)
        self.survey_combo.layerChanged.connect(self._survey_layer_changed)
        self.slope_field.fieldChanged.connect(self._settings_changed)
        self.survey_field.fieldChanged.connect(self._settings_changed)
        project_profile().changed.connect(self._profile_changed)
        project = QgsProject.instance()
        project.readProject.connect(self._project_read)
        project.cleared.connect(self._project_cleared)
        # the conflict highlight belongs to the check: it goes when the user leaves it
        self.visibilityChanged.connect(self._visibility_changed)
        canvas = self._canvas()
        if canvas is not None:
            canvas.mapToolSet.connect(self._map_tool_changed)
        project.layersAdded.connect(self._layers_added)
        self.restore_state()

    @staticmethod
    def _layer_combo(filters, allow_empty=True):
        combo = QgsMapLayerComboBox()
        combo.setFilters(filters)
        combo.setAllowEmptyLayer(allow_empty)
        combo.setLayer(None)
        return combo

    # -- the constraint set ----------------------------------------------------------------------
    def plots_layer(self):
        layer = self.plots_combo.currentLayer()
        return layer if isinstance(layer, QgsVectorLayer) and layer.isValid() else None

    @staticmethod
    def profile():
        return current_profile()

    def _profile_changed(self, _profile_id):
        if self._restoring:
            return
        self.engine = None
        if self.plots_layer() is not None:
            self.check_all()

    def constraint_set(self):
        slope = self.slope_combo.currentLayer()
        slope_field = self.slope_field.currentField() if isinstance(slope, QgsVectorLayer) else ""
        extras = [self.extra_list.item(row).data(Qt.ItemDataRole.UserRole) for row in range(self.extra_list.count())]
        constraint_set = constraints.ConstraintSet.from_layers(
            basic_farmland=self.bf_combo.currentLayer(), red_line=self.rl_combo.currentLayer(),
            slope=slope, slope_field=slope_field or "slope_deg",
            land_survey=self.survey_combo.currentLayer(),
            survey_class_field=self.survey_field.currentField() or "dlbm",
            extra=[entry for entry in extras if entry is not None])
        return constraint_set

    def _slope_layer_changed(self, layer):
        self.slope_field.setLayer(layer if isinstance(layer, QgsVectorLayer) else None)
        if isinstance(layer, QgsVectorLayer):
            self.slope_field.setField(standard_field(layer, "slope_deg", "slope_deg"))

    def _survey_layer_changed(self, layer):
        self.survey_field.setLayer(layer if isinstance(layer, QgsVectorLayer) else None)
        if isinstance(layer, QgsVectorLayer):
            self.survey_field.setField(standard_field(layer, "dlbm", "class_code"))

    # -- layers found by role (issue 15) ------------------------------------------------------------
    def find_layers(self):
        """Fill the plots layer and every constraint layer from the layers recognised in the project."""
        project = QgsProject.instance()
        auto_set, found = auto_constraint_set(project, self.profile())
        plots = find_plots_layer(project)
        self._restoring = True
        try:
            if plots is not None:
                self.plots_combo.setLayer(plots)
            combos = {constraints.ROLE_BASIC_FARMLAND: self.bf_combo, constraints.ROLE_RED_LINE: self.rl_combo,
                      constraints.ROLE_SLOPE: self.slope_combo, constraints.ROLE_LAND_SURVEY: self.survey_combo}
            for entry in auto_set.layers:
                combo = combos.get(entry.role)
                if combo is None:
                    if not any(self.extra_list.item(row).data(Qt.ItemDataRole.UserRole).source == entry.source
                               for row in range(self.extra_list.count())):
                        self._append_extra(entry)
                    continue
                combo.setLayer(entry.layer)
                if entry.role == constraints.ROLE_SLOPE:
                    self._slope_layer_changed(entry.layer)
                elif entry.role == constraints.ROLE_LAND_SURVEY:
                    self._survey_layer_changed(entry.layer)
        finally:
            self._restoring = False
        summary, details = found_text(found)
        self.found_label.setText(summary)
        self.found_label.setToolTip(details)
        self._settings_changed()
        return found

    def _nothing_chosen(self):
        return (self.plots_layer() is None and self.extra_list.count() == 0 and
                all(combo.currentLayer() is None for combo in (self.bf_combo, self.rl_combo, self.slope_combo,
                                                               self.survey_combo)))

    def _layers_added(self, _layers):
        if self._restoring or self._closed:
            return
        project = QgsProject.instance()
        # a dock with nothing chosen yet fills itself as soon as the county's layers are loaded
        if self._nothing_chosen() and constraints.ConstraintSet.from_project(project) is None:
            self.find_layers()
        elif not self._nothing_chosen() and self.plots_layer() is None and find_plots_layer(project) is not None:
            # the project database opened after the county's layers: its plots are what to check.  Not while
            # nothing is chosen: a QGIS project being read adds its layers before readProject restores the set
            # it saved, and writing the dock's empty choice then would overwrite that set
            self.plots_combo.setLayer(find_plots_layer(project))

    def _add_extra(self):
        layer = self.extra_combo.currentLayer()
        if layer is None:
            return
        severity = self.extra_severity.currentData()
        entry = constraints.make_layer_entry(constraints.ROLE_EXTRA, layer, severity=severity)
        self._append_extra(entry)
        self._settings_changed()

    def _append_extra(self, entry):
        item = QListWidgetItem(f"{entry.name}（{severity_label(entry.severity)}）")
        item.setData(Qt.ItemDataRole.UserRole, entry)
        self.extra_list.addItem(item)

    def _remove_extra(self):
        for item in self.extra_list.selectedItems():
            self.extra_list.takeItem(self.extra_list.row(item))
        self._settings_changed()

    def _settings_changed(self, *_args):
        if self._restoring or self._closed:
            return
        constraint_set = self.constraint_set()
        project = QgsProject.instance()
        constraint_set.write_to_project(project)
        plots = self.plots_layer()
        project.writeEntry(SCOPE, KEY_PLOTS_LAYER, plots.id() if plots else "")
        self.engine = None
        self._watch_layers()
        self.check_all()

    def restore_state(self):
        """Restore the plots layer, constraint layers and profile saved in the current QGIS project."""
        project = QgsProject.instance()
        self._restoring = True
        try:
            try:
                saved = constraints.ConstraintSet.from_project(project)
            except ValueError as exc:
                self._message(str(exc), Qgis.MessageLevel.Warning)
                saved = None
            plots_id, _found = project.readEntry(SCOPE, KEY_PLOTS_LAYER, "")
            self.plots_combo.setLayer(project.mapLayer(plots_id) if plots_id else None)
            for combo in (self.bf_combo, self.rl_combo, self.slope_combo, self.survey_combo):
                combo.setLayer(None)
            self.extra_list.clear()
            for entry in (saved.layers if saved else []):
                layer = self._find_layer(entry)
                combo = {constraints.ROLE_BASIC_FARMLAND: self.bf_combo, constraints.ROLE_RED_LINE: self.rl_combo,
                         constraints.ROLE_SLOPE: self.slope_combo,
                         constraints.ROLE_LAND_SURVEY: self.survey_combo}.get(entry.role)
                if combo is not None:
                    combo.setLayer(layer)
                    if entry.role == constraints.ROLE_SLOPE:
                        self._slope_layer_changed(layer)
                        if entry.slope_field:
                            self.slope_field.setField(entry.slope_field)
                    if entry.role == constraints.ROLE_LAND_SURVEY:
                        self._survey_layer_changed(layer)
                        if entry.class_field:
                            self.survey_field.setField(entry.class_field)
                else:
                    self._append_extra(entry)
        finally:
            self._restoring = False
        self.engine = None
        self._watch_layers()
        if saved is None and self._nothing_chosen() and find_plots_layer(project) is not None:
            self.find_layers()          # no set saved: start from the layers found by role
            return
        if self.plots_layer() is not None:
            self.check_all()
        else:
            self._clear_results()

    @staticmethod
    def _find_layer(entry):
        project = QgsProject.instance()
        if entry.layer_id and project.mapLayer(entry.layer_id) is not None:
            return project.mapLayer(entry.layer_id)
        for layer in project.mapLayers().values():
            if entry.source and layer.source() == entry.source:
                return layer
        return None

    def _export_set(self):
        path, _filter = QFileDialog.getSaveFileName(self, tr("Export the constraint set"), "",
                                                    tr("Constraint set (*.json)"))
        if path:
            try:
                self.constraint_set().save_file(path)
            except OSError as exc:
                self._message(tr("{}: cannot be written ({})", path, exc.strerror), Qgis.MessageLevel.Critical)

    def _import_set(self):
        path, _filter = QFileDialog.getOpenFileName(self, tr("Import a constraint set"), "",
                                                    tr("Constraint set (*.json)"))
        if not path:
            return
        try:
            imported = constraints.ConstraintSet.load_file(path)
        except ValueError as exc:
            self._message(str(exc), Qgis.MessageLevel.Critical)
            return
        imported.write_to_project()
        plots = self.plots_layer()
        self.restore_state()
        if plots is not None:
            self.plots_combo.setLayer(plots)

    # -- watching edits ----------------------------------------------------------------------------
    def _watch_layers(self):
        self._unwatch_layers()
        plots = self.plots_layer()
        if plots is not None:
            self._connect(plots, PLOT_SIGNALS, self._plot_edited)
        for combo in (self.bf_combo, self.rl_combo, self.slope_combo, self.survey_combo):
            layer = combo.currentLayer()
            if isinstance(layer, (QgsVectorLayer, QgsRasterLayer)):
                self._connect(layer, CONSTRAINT_SIGNALS, self._constraint_edited)
        for row in range(self.extra_list.count()):
            entry = self.extra_list.item(row).data(Qt.ItemDataRole.UserRole)
            layer = self._find_layer(entry) if entry is not None else None
            if isinstance(layer, QgsVectorLayer):
                self._connect(layer, CONSTRAINT_SIGNALS, self._constraint_edited)

    def _connect(self, layer, names, slot):
        connected = []
        for name in names:
            signal = getattr(layer, name, None)
            if signal is not None:
                signal.connect(slot)
                connected.append((signal, slot))
        self._watched.append((layer, connected))

    def _unwatch_layers(self):
        from qgis.PyQt import sip
        for layer, connected in self._watched:
            if not sip.isdeleted(layer):      # a deleted layer's signals are gone with it (and crash if touched)
                disconnect_all(connected)
        self._watched = []

    def _plot_edited(self, fid=None, *_args):
        if isinstance(fid, int) and not isinstance(fid, bool):
            self.dirty_fids.add(fid)       # an edit in the edit buffer: re-check that plot's project
        else:
            self.pending_full = True       # a commit or a rollback: fids may have changed
        self.debounce.start()

    def _constraint_edited(self, *_args):
        self.pending_full = True
        self.debounce.start()

    def _recheck_due(self):
        if self.pending_full or self.plots_layer() is None:
            self.pending_full = False
            self.dirty_fids.clear()
            self.check_all()
            return
        fids, self.dirty_fids = self.dirty_fids, set()
        codes = set()
        layer = self.plots_layer()
        for fid in fids:
            if fid in self.fid_project:
                codes.add(self.fid_project[fid])
            feature = layer.getFeature(fid)
            if feature.isValid() and feature.fields().indexOf("project_code") >= 0:
                codes.add(str(feature["project_code"]))
        if codes:
            self.check_projects(sorted(codes))

    # -- checking ----------------------------------------------------------------------------------
    def _engine(self):
        if self.engine is None:
            self.engine = constraints.ConstraintEngine(self.constraint_set(), self.profile())
        return self.engine

    def busy(self):
        return self.debounce.isActive() or self.task is not None

    def check_all(self):
        """Check every plot in a background task (cancels a running one)."""
        layer = self.plots_layer()
        if layer is None:
            self._clear_results()
            self.verdict_label.setText(tr("Not checked: choose the plots layer"))
            return
        if self.task is not None:
            self.pending_full = True     # checked again when the running task is done
            self.task.cancel()
            return
        self.task = ConstraintCheckTask(tr("Checking plots against the constraint layers"), self._engine(), layer,
                                        self._task_done)
        QgsApplication.taskManager().addTask(self.task)

    def _task_done(self, task, results):
        if task is not self.task:
            return
        self.task = None
        if task.error:
            self._message(tr("The constraint check failed: {}", task.error.splitlines()[0]), Qgis.MessageLevel.Critical)
        elif results is not None:
            self.results = results
            self.last_elapsed_s = task.elapsed_s
            self._index_results()
            self._fill_tree()
            check_events.hub().projectsChecked.emit({code: check.status for code, check in results.items()})
        if self.pending_full:
            self.pending_full = False
            self.check_all()

    def check_projects(self, codes):
        """Re-check the plots of ``codes`` now (fast with warm indexes) and update their rows."""
        layer = self.plots_layer()
        if layer is None:
            return
        if self.task is not None:
            self.pending_full = True
            return
        import time
        started = time.perf_counter()
        fresh = self._engine().check_plots(layer, codes)
        self.last_elapsed_s = time.perf_counter() - started
        for code in codes:
            if code in fresh:
                self.results[code] = fresh[code]
            else:
                self.results.pop(code, None)     # its last plot was deleted or moved to another project
        self._index_results()
        self._fill_tree()
        check_events.hub().projectsChecked.emit({code: self.results[code].status for code in codes
                                                 if code in self.results})

    def _index_results(self):
        self.plot_checks = {}
        self.fid_project = {}
        for code, project in self.results.items():
            for plot in project.plots:
                self.plot_checks[plot.plot_fid] = plot
                self.fid_project[plot.plot_fid] = code
        self.check_count += 1

    def _clear_results(self):
        self.results, self.plot_checks, self.fid_project = {}, {}, {}
        self.tree.clear()
        self._clear_rubber_bands()

    def _fill_tree(self):
        selected = self._selected_key()
        self.tree.clear()
        counts = {}
        for code in sorted(self.results, key=lambda c: (constraints.status_rank(self.results[c].status), str(c))):
            project = self.results[code]
            counts[project.status] = counts.get(project.status, 0) + 1
            item = QTreeWidgetItem([str(code), verdict_label(project.status), "", "", "",
                                    project.messages[0] if project.messages else ""])
            _set_overlaps(item, [self._sum(project, role) for role in
                                 (constraints.ROLE_BASIC_FARMLAND, constraints.ROLE_RED_LINE, constraints.ROLE_SLOPE)])
            item.setData(0, Qt.ItemDataRole.UserRole, ("project", code))
            item.setForeground(1, _brush(project.status))
            item.setToolTip(5, "\n".join(project.messages))
            for plot in project.plots:
                child = QTreeWidgetItem([plot.plot_code, verdict_label(plot.status), "", "", "", plot.message])
                _set_overlaps(child, [plot.bf_overlap_m2, plot.rl_overlap_m2, plot.slope_overlap_m2])
                child.setData(0, Qt.ItemDataRole.UserRole, ("plot", plot.plot_fid))
                child.setForeground(1, _brush(plot.status))
                child.setBackground(1, QBrush(QColor(STATUS_COLOURS[plot.status]).lighter(185)))
                child.setToolTip(5, "\n".join(plot.messages))
                item.addChild(child)
            self.tree.addTopLevelItem(item)
            if project.status != constraints.STATUS_OK:
                item.setExpanded(True)
        self.tree.resizeColumnToContents(0)
        worst = constraints.worst_status([project.status for project in self.results.values()])
        parts = [f"{verdict_label(status)}: {counts[status]}" for status in
                 (constraints.STATUS_BLOCKING, constraints.STATUS_NOT_CHECKED, constraints.STATUS_WARNING,
                  constraints.STATUS_OK) if counts.get(status)]
        self.verdict_label.setText(tr("Verdict: {} ({} projects: {})", verdict_label(worst),
                                      len(self.results), ", ".join(parts)))
        self.verdict_label.setStyleSheet(f"color: {STATUS_COLOURS.get(worst, '#6c6c6c')}; font-weight: bold")
        self.info_label.setText(tr("{} plots checked in {:.0f} ms", len(self.plot_checks), 1000 * self.last_elapsed_s))
        if selected:
            self._select_key(selected)

    @staticmethod
    def _sum(project, role):
        return sum((check.overlap_m2 or 0.0) for check in project.layers if check.role == role)

    def _selected_key(self):
        items = self.tree.selectedItems()
        return items[0].data(0, Qt.ItemDataRole.UserRole) if items else None

    def _select_key(self, key):
        for index in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(index)
            for item in [top] + [top.child(i) for i in range(top.childCount())]:
                if item.data(0, Qt.ItemDataRole.UserRole) == key:
                    self.tree.setCurrentItem(item)
                    return

    def item_for_plot(self, fid):
        for index in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(index)
            for i in range(top.childCount()):
                if top.child(i).data(0, Qt.ItemDataRole.UserRole) == ("plot", fid):
                    return top.child(i)
        return None

    # -- zoom and flash ----------------------------------------------------------------------------
    def _item_clicked(self, item, _column=0):
        kind, key = item.data(0, Qt.ItemDataRole.UserRole)
        layer = self.plots_layer()
        if layer is None:
            return
        if kind == "plot":
            checks = [self.plot_checks.get(key)]
        else:
            checks = list(self.results.get(key).plots) if key in self.results else []
        checks = [check for check in checks if check is not None and check.geometry is not None]
        if not checks:
            return
        self.show_conflicts(layer, checks)

    def show_conflicts(self, layer, checks):
        """Zoom to the plots of ``checks``, outline them and flash their conflicting areas."""
        from qgis.core import QgsGeometry
        canvas = self.iface.mapCanvas()
        self._clear_rubber_bands()
        outline = QgsGeometry.unaryUnion([check.geometry for check in checks]) if len(checks) > 1 \
            else checks[0].geometry
        conflicts = [check.conflict_geometry for check in checks if check.conflict_geometry is not None]
        band = QgsRubberBand(canvas, QgsWkbTypes.GeometryType.PolygonGeometry)
        band.setColor(QColor(30, 90, 200, 220))
        band.setFillColor(QColor(30, 90, 200, 30))
        band.setWidth(2)
        band.setToGeometry(outline, layer)
        self._rubber_bands.append(band)
        if conflicts:
            conflict = QgsGeometry.unaryUnion(conflicts) if len(conflicts) > 1 else conflicts[0]
            red = QgsRubberBand(canvas, QgsWkbTypes.GeometryType.PolygonGeometry)
            red.setColor(QColor(200, 30, 30, 230))
            red.setFillColor(QColor(220, 40, 40, 110))
            red.setWidth(2)
            red.setToGeometry(conflict, layer)
            self._rubber_bands.append(red)
            canvas.flashGeometries([conflict], layer.crs())
        transform = QgsCoordinateTransform(layer.crs(), canvas.mapSettings().destinationCrs(), QgsProject.instance())
        extent = transform.transformBoundingBox(outline.boundingBox())
        extent.scale(1.3)
        canvas.setExtent(extent)
        canvas.refresh()

    def rubber_band_geometries(self):
        return [band.asGeometry() for band in self._rubber_bands]

    def _clear_rubber_bands(self):
        if not self._rubber_bands:
            return
        canvas = self.iface.mapCanvas()
        for band in self._rubber_bands:
            band.reset(QgsWkbTypes.GeometryType.PolygonGeometry)
            canvas.scene().removeItem(band)
        self._rubber_bands = []

    def _canvas(self):
        return self.iface.mapCanvas() if self.iface is not None and hasattr(self.iface, "mapCanvas") else None

    def _visibility_changed(self, visible):
        if not visible:
            self._clear_rubber_bands()

    def _map_tool_changed(self, *_args):
        self._clear_rubber_bands()

    # -- project life ------------------------------------------------------------------------------
    def _project_read(self, *_args):
        self._clear_rubber_bands()
        self.restore_state()

    def _project_cleared(self):
        self._unwatch_layers()
        self.engine = None
        self._clear_results()

    def _message(self, text, level=Qgis.MessageLevel.Info):
        bar = self.iface.messageBar() if hasattr(self.iface, "messageBar") else None
        if bar is not None:
            bar.pushMessage(tr("Constraint checks"), text, level, 8)

    def cleanup(self):
        self._closed = True
        project = QgsProject.instance()
        disconnect_all(((project.readProject, self._project_read), (project.cleared, self._project_cleared),
                        (project_profile().changed, self._profile_changed),
                        (self.visibilityChanged, self._visibility_changed),
                        (project.layersAdded, self._layers_added)))
        canvas = self._canvas()
        if canvas is not None:
            disconnect_all(((canvas.mapToolSet, self._map_tool_changed),))
        self.debounce.stop()
        self._unwatch_layers()
        if self.task is not None:
            task, self.task = self.task, None
            task.cancel()
            task.waitForFinished(10000)
        self._clear_rubber_bands()
        if self.engine is not None:
            self.engine.close()
            self.engine = None
