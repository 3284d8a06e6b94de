"""The check dock: pick the constraint layers, see every plot's constraint status, zoom to conflicts.

Thin: the checks are ``core.constraints`` (full checks in a ``core.constraint_task`` QgsTask, the
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
                                 QLabel, QListWidget, QListWidgetItem, QPushButton, QTreeWidget, QTreeWidgetItem,
                                 QVBoxLayout, QWidget)

from ...core import constraints, tables
from ...core.constraint_rules import SEVERITIES
from ...core.constraint_task import ConstraintCheckTask
from ...i18n import tr
from ..components import check_events
from ..components.signals import disconnect_all

DOCK_ORDER = 20
OBJECT_NAME = "DoubleGuaranteeCheckDock"
SCOPE = constraints.PROJECT_SCOPE
KEY_PLOTS_LAYER, KEY_PROFILE = "check_plots_layer", "check_rule_profile"
DEBOUNCE_MS = 120     # edits come in bursts; 120 ms + a warm re-check stays well under 300 ms
STATUS_COLOURS = {constraints.STATUS_OK: "#1b7f3b", constraints.STATUS_WARNING: "#b06d00",
                  constraints.STATUS_BLOCKING: "#c0392b", constraints.STATUS_NOT_CHECKED: "#6c6c6c"}
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


class CheckDock(QDockWidget):
    """Constraint status of every plot, per project, with zoom and flash of the conflicting area."""

    def __init__(self, iface, parent=None):
        super().__init__(tr("Double Guarantee constraint checks"), parent or iface.mainWindow())
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
        self._rubber_bands = []

        self.debounce = QTimer(self)
        self.debounce.setSingleShot(True)
        self.debounce.setInterval(DEBOUNCE_MS)
        self.debounce.timeout.connect(self._recheck_due)

        body = QWidget()
        layout = QVBoxLayout(body)
        form = QFormLayout()
        self.plots_combo = self._layer_combo(QgsMapLayerProxyModel.PolygonLayer, allow_empty=True)
        self.plots_combo.setObjectName("plotsLayerCombo")
        self.bf_combo = self._layer_combo(QgsMapLayerProxyModel.PolygonLayer)
        self.bf_combo.setObjectName("basicFarmlandCombo")
        self.rl_combo = self._layer_combo(QgsMapLayerProxyModel.PolygonLayer)
        self.rl_combo.setObjectName("redLineCombo")
        self.slope_combo = self._layer_combo(QgsMapLayerProxyModel.PolygonLayer | QgsMapLayerProxyModel.RasterLayer)
        self.slope_combo.setObjectName("slopeCombo")
        self.slope_field = QgsFieldComboBox()
        self.slope_field.setObjectName("slopeFieldCombo")
        self.slope_field.setAllowEmptyFieldName(True)
        self.survey_combo = self._layer_combo(QgsMapLayerProxyModel.PolygonLayer)
        self.survey_combo.setObjectName("landSurveyCombo")
        self.survey_field = QgsFieldComboBox()
        self.survey_field.setObjectName("surveyFieldCombo")
        self.survey_field.setAllowEmptyFieldName(True)
        self.profile_combo = QComboBox()
        self.profile_combo.setObjectName("profileCombo")
        for profile_id in tables.rule_profile_ids():
            profile = tables.load_rule_profile(profile_id)
            self.profile_combo.addItem(f"{profile.name_zh} ({profile.id})", profile.id)
        form.addRow(tr("Plots"), self.plots_combo)
        form.addRow(tr("Basic farmland"), self.bf_combo)
        form.addRow(tr("Ecological red line"), self.rl_combo)
        slope_row = QHBoxLayout()
        slope_row.addWidget(self.slope_combo, 2)
        slope_row.addWidget(self.slope_field, 1)
        form.addRow(tr("Slope (layer, field)"), slope_row)
        survey_row = QHBoxLayout()
        survey_row.addWidget(self.survey_combo, 2)
        survey_row.addWidget(self.survey_field, 1)
        form.addRow(tr("Land survey (layer, class field)"), survey_row)
        form.addRow(tr("Rule profile"), self.profile_combo)
        layout.addLayout(form)

        extra_row = QHBoxLayout()
        self.extra_combo = self._layer_combo(QgsMapLayerProxyModel.PolygonLayer)
        self.extra_severity = QComboBox()
        for severity in SEVERITIES:
            self.extra_severity.addItem(constraints.status_label(severity) if severity != "info" else tr("Info"),
                                        severity)
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
        self.tree.setHeaderLabels([tr("Project / plot"), tr("Status"), tr("Basic farmland m²"), tr("Red line m²"),
                                   tr("Slope m²"), tr("Message")])
        self.tree.setSelectionMode(QAbstractItemView.SingleSelection)
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
        self.profile_combo.currentIndexChanged.connect(self._settings_changed)
        project = QgsProject.instance()
        project.readProject.connect(self._project_read)
        project.cleared.connect(self._project_cleared)
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

    def profile(self):
        return tables.load_rule_profile(self.profile_combo.currentData() or tables.DEFAULT_PROFILE_ID)

    def constraint_set(self):
        slope = self.slope_combo.currentLayer()
        slope_field = self.slope_field.currentField() if isinstance(slope, QgsVectorLayer) else ""
        extras = [self.extra_list.item(row).data(Qt.UserRole) for row in range(self.extra_list.count())]
        constraint_set = constraints.ConstraintSet.from_layers(
            basic_farmland=self.bf_combo.currentLayer(), red_line=self.rl_combo.currentLayer(),
            slope=slope, slope_field=slope_field or "slope_deg",
            land_survey=self.survey_combo.currentLayer(),
            survey_class_field=self.survey_field.currentField() or "dlbm",
            extra=[entry for entry in extras if entry is not None])
        return constraint_set

    def _slope_layer_changed(self, layer):
        self.slope_field.setLayer(layer if isinstance(layer, QgsVectorLayer) else None)
        if isinstance(layer, QgsVectorLayer) and layer.fields().indexOf("slope_deg") >= 0:
            self.slope_field.setField("slope_deg")

    def _survey_layer_changed(self, layer):
        self.survey_field.setLayer(layer if isinstance(layer, QgsVectorLayer) else None)
        if isinstance(layer, QgsVectorLayer) and layer.fields().indexOf("dlbm") >= 0:
            self.survey_field.setField("dlbm")

    def _add_extra(self):
        layer = self.extra_combo.currentLayer()
        if layer is None:
            return
        severity = self.extra_severity.currentData()
        entry = constraints.make_layer_entry(constraints.ROLE_EXTRA, layer, severity=severity)
        self._append_extra(entry)
        self._settings_changed()

    def _append_extra(self, entry):
        item = QListWidgetItem(f"{entry.name} ({entry.severity})")
        item.setData(Qt.UserRole, entry)
        self.extra_list.addItem(item)

    def _remove_extra(self):
        for item in self.extra_list.selectedItems():
            self.extra_list.takeItem(self.extra_list.row(item))
        self._settings_changed()

    def _settings_changed(self, *_args):
        if self._restoring:
            return
        constraint_set = self.constraint_set()
        project = QgsProject.instance()
        constraint_set.write_to_project(project)
        plots = self.plots_layer()
        project.writeEntry(SCOPE, KEY_PLOTS_LAYER, plots.id() if plots else "")
        project.writeEntry(SCOPE, KEY_PROFILE, self.profile_combo.currentData() or "")
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
                self._message(str(exc), Qgis.Warning)
                saved = None
            plots_id, _found = project.readEntry(SCOPE, KEY_PLOTS_LAYER, "")
            self.plots_combo.setLayer(project.mapLayer(plots_id) if plots_id else None)
            profile_id, _found = project.readEntry(SCOPE, KEY_PROFILE, "")
            index = self.profile_combo.findData(profile_id)
            if index >= 0:
                self.profile_combo.setCurrentIndex(index)
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
                self._message(tr("{}: cannot be written ({})", path, exc.strerror), Qgis.Critical)

    def _import_set(self):
        path, _filter = QFileDialog.getOpenFileName(self, tr("Import a constraint set"), "",
                                                    tr("Constraint set (*.json)"))
        if not path:
            return
        try:
            imported = constraints.ConstraintSet.load_file(path)
        except ValueError as exc:
            self._message(str(exc), Qgis.Critical)
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
            entry = self.extra_list.item(row).data(Qt.UserRole)
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
        for _layer, connected in self._watched:
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
            self._message(tr("The constraint check failed: {}", task.error.splitlines()[0]), Qgis.Critical)
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
            item = QTreeWidgetItem([str(code), constraints.status_label(project.status),
                                    self._sum(project, constraints.ROLE_BASIC_FARMLAND),
                                    self._sum(project, constraints.ROLE_RED_LINE),
                                    self._sum(project, constraints.ROLE_SLOPE),
                                    project.messages[0] if project.messages else ""])
            item.setData(0, Qt.UserRole, ("project", code))
            item.setForeground(1, _brush(project.status))
            item.setToolTip(5, "\n".join(project.messages))
            for plot in project.plots:
                child = QTreeWidgetItem([plot.plot_code, constraints.status_label(plot.status),
                                         f"{plot.bf_overlap_m2:.1f}", f"{plot.rl_overlap_m2:.1f}",
                                         f"{plot.slope_overlap_m2:.1f}", plot.message])
                child.setData(0, Qt.UserRole, ("plot", plot.plot_fid))
                child.setForeground(1, _brush(plot.status))
                child.setBackground(1, QBrush(QColor(STATUS_COLOURS[plot.status]).lighter(185)))
                child.setToolTip(5, "\n".join(plot.messages))
                item.addChild(child)
            self.tree.addTopLevelItem(item)
            if project.status != constraints.STATUS_OK:
                item.setExpanded(True)
        for column in range(len(COLUMNS) - 1):
            self.tree.resizeColumnToContents(column)
        worst = constraints.worst_status([project.status for project in self.results.values()])
        parts = [f"{constraints.status_label(status)}: {counts[status]}" for status in
                 (constraints.STATUS_BLOCKING, constraints.STATUS_NOT_CHECKED, constraints.STATUS_WARNING,
                  constraints.STATUS_OK) if counts.get(status)]
        self.verdict_label.setText(tr("Verdict: {} ({} projects: {})", constraints.status_label(worst),
                                      len(self.results), ", ".join(parts)))
        self.verdict_label.setStyleSheet(f"color: {STATUS_COLOURS.get(worst, '#6c6c6c')}; font-weight: bold")
        self.info_label.setText(tr("{} plots checked in {:.0f} ms", len(self.plot_checks), 1000 * self.last_elapsed_s))
        if selected:
            self._select_key(selected)

    @staticmethod
    def _sum(project, role):
        total = sum((check.overlap_m2 or 0.0) for check in project.layers if check.role == role)
        return f"{total:.1f}"

    def _selected_key(self):
        items = self.tree.selectedItems()
        return items[0].data(0, Qt.UserRole) if items else None

    def _select_key(self, key):
        for index in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(index)
            for item in [top] + [top.child(i) for i in range(top.childCount())]:
                if item.data(0, Qt.UserRole) == key:
                    self.tree.setCurrentItem(item)
                    return

    def item_for_plot(self, fid):
        for index in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(index)
            for i in range(top.childCount()):
                if top.child(i).data(0, Qt.UserRole) == ("plot", fid):
                    return top.child(i)
        return None

    # -- zoom and flash ----------------------------------------------------------------------------
    def _item_clicked(self, item, _column=0):
        kind, key = item.data(0, Qt.UserRole)
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
        band = QgsRubberBand(canvas, QgsWkbTypes.PolygonGeometry)
        band.setColor(QColor(30, 90, 200, 220))
        band.setFillColor(QColor(30, 90, 200, 30))
        band.setWidth(2)
        band.setToGeometry(outline, layer)
        self._rubber_bands.append(band)
        if conflicts:
            conflict = QgsGeometry.unaryUnion(conflicts) if len(conflicts) > 1 else conflicts[0]
            red = QgsRubberBand(canvas, QgsWkbTypes.PolygonGeometry)
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
        canvas = self.iface.mapCanvas()
        for band in self._rubber_bands:
            band.reset(QgsWkbTypes.PolygonGeometry)
            canvas.scene().removeItem(band)
        self._rubber_bands = []

    # -- project life ------------------------------------------------------------------------------
    def _project_read(self, *_args):
        self.restore_state()

    def _project_cleared(self):
        self._unwatch_layers()
        self.engine = None
        self._clear_results()

    def _message(self, text, level=Qgis.Info):
        bar = self.iface.messageBar() if hasattr(self.iface, "messageBar") else None
        if bar is not None:
            bar.pushMessage(tr("Constraint checks"), text, level, 8)

    def cleanup(self):
        project = QgsProject.instance()
        disconnect_all(((project.readProject, self._project_read), (project.cleared, self._project_cleared)))
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
