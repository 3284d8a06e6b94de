# SPDX-License-Identifier: GPL-2.0-or-later
"""The review dock: step through projects on the map and record verdicts, photos and GPS field points.

Thin over ``core.review``: every verdict is a new row of the database's review history.  The
database is the one the project dock opened (read from the QGIS project entry it writes) or one
opened here.  Keyboard: Ctrl+Alt+→ / ← next and previous project, Ctrl+Alt+1/2/3 picks 通过 /
退回 / 待核, Ctrl+Alt+S saves the verdict.  Take offline / bring back open the dialogs of
``gui.dialogs.offline`` (GeoPackage and PostGIS project databases alike); the Conflicts tab lists what
a bring-back left for the office and applies the side the reviewer chooses.
"""
import os
import tempfile

from qgis.core import (Qgis, QgsCoordinateTransform, QgsFeature, QgsFeatureRequest, QgsGeometry, QgsPointXY,
                       QgsProject, QgsVectorLayer)
from qgis.PyQt.QtCore import QDateTime, QSettings, QSize, Qt, QUrl
from qgis.PyQt.QtGui import QDesktopServices, QIcon, QKeySequence, QPixmap
from qgis.PyQt.QtWidgets import (QAbstractItemView, QAction, QButtonGroup, QComboBox, QDateTimeEdit, QDockWidget,
                                 QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListView, QListWidget,
                                 QListWidgetItem, QPlainTextEdit, QPushButton, QRadioButton, QTabWidget,
                                 QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from ...core import offline, project_db, review, review_pg
from ...core.local_time import local_time_text
from ...i18n import tr
from ..components.conflict_panel import ConflictPanel
from ..components.dock_look import dock_title
from ..components.signals import disconnect_all

DOCK_ORDER = 40
DOCK_OBJECT_NAME = "DoubleGuaranteeReviewDock"
SCOPE, KEY_DATABASE = "DoubleGuarantee", "database_path"   # written by the project dock
KEY_PG_CONNECTION, KEY_PG_SCHEMA = "pg_connection", "pg_schema"   # (idem, for a PostGIS project database)
REVIEWER_KEY = "DoubleGuarantee/review/reviewer"
FILTER_ALL, FILTER_UNREVIEWED = "all", "unreviewed"
SHORTCUTS = {"next": "Ctrl+Alt+Right", "previous": "Ctrl+Alt+Left", "passed": "Ctrl+Alt+1",
             "returned": "Ctrl+Alt+2", "to_verify": "Ctrl+Alt+3", "save": "Ctrl+Alt+S"}


def create_dock(iface):
    return ReviewDock(iface)


def verdict_label(verdict):
    return {review.PASSED: tr("review passed"), review.RETURNED: tr("review returned"),
            review.TO_VERIFY: tr("to verify on site")}.get(verdict, tr("not reviewed"))


class ReviewDock(QDockWidget):
    """A list of projects to review, one at a time, zoomed on the map."""

    def __init__(self, iface, parent=None):
        super().__init__(dock_title(DOCK_OBJECT_NAME), parent or iface.mainWindow())
        self.setObjectName(DOCK_OBJECT_NAME)
        self.iface = iface
        self.store = None
        self.plots_layer = None          # a private layer on the database's plots (for zoom and points)
        self.last_report = None
        self.last_message = ("", "")
        self.points_layer_id = None      # the memory layer showing the field points on the map
        self.follows_project_dock = True # until the user opens a database here
        self.photo_opener = QDesktopServices.openUrl   # tests replace it: no viewer runs headless
        self._build()
        self._build_shortcuts()
        project = QgsProject.instance()
        project.readProject.connect(self._project_read)
        project.cleared.connect(self.close_database)

    # -- layout --------------------------------------------------------------------------------
    def _build(self):
        root = QWidget()
        layout = QVBoxLayout(root)
        top = QHBoxLayout()
        self.database_label = QLabel(tr("No project database open"))
        self.database_label.setObjectName("databaseLabel")
        self.database_label.setWordWrap(True)
        top.addWidget(self.database_label, 1)
        open_button = QPushButton(tr("Open…"))
        open_button.clicked.connect(self._open_dialog)
        top.addWidget(open_button)
        layout.addLayout(top)

        filter_row = QHBoxLayout()
        filter_row.addWidget(QLabel(tr("Show")))
        self.filter_combo = QComboBox()
        self.filter_combo.setObjectName("filterCombo")
        self.filter_combo.addItem(tr("all projects"), FILTER_ALL)
        self.filter_combo.addItem(tr("not reviewed yet"), FILTER_UNREVIEWED)
        for verdict in review.VERDICTS:
            self.filter_combo.addItem(verdict_label(verdict), verdict)
        self.filter_combo.currentIndexChanged.connect(lambda _i: self.refresh_projects())
        filter_row.addWidget(self.filter_combo, 1)
        layout.addLayout(filter_row)

        self.project_list = QListWidget()
        self.project_list.setObjectName("reviewProjectList")
        self.project_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.project_list.currentRowChanged.connect(self._project_changed)
        layout.addWidget(self.project_list, 1)
        step = QHBoxLayout()
        self.previous_button = QPushButton(tr("◀ Previous"))
        self.previous_button.setObjectName("previousButton")
        self.previous_button.clicked.connect(self.previous_project)
        self.next_button = QPushButton(tr("Next ▶"))
        self.next_button.setObjectName("nextButton")
        self.next_button.clicked.connect(self.next_project)
        self.position_label = QLabel("")
        self.position_label.setObjectName("positionLabel")
        step.addWidget(self.previous_button)
        step.addWidget(self.position_label, 1, Qt.AlignmentFlag.AlignCenter)
        step.addWidget(self.next_button)
        layout.addLayout(step)

        self.tabs = tabs = QTabWidget()
        tabs.setObjectName("reviewTabs")
        tabs.addTab(self._verdict_tab(), tr("Verdict"))
        tabs.addTab(self._photo_tab(), tr("Photos"))
        tabs.addTab(self._points_tab(), tr("Field points"))
        self.conflict_panel = ConflictPanel(self.iface)     # asks for the deciding reviewer's name itself
        self.conflict_panel.changed.connect(self._conflict_decided)
        self.conflicts_tab = tabs.addTab(self.conflict_panel, tr("Conflicts"))
        layout.addWidget(tabs, 2)

        offline_row = QHBoxLayout()
        self.offline_button = QPushButton(tr("Take offline…"))
        self.offline_button.setObjectName("takeOfflineButton")
        self.offline_button.clicked.connect(self.take_offline)
        self.bring_back_button = QPushButton(tr("Bring back…"))
        self.bring_back_button.setObjectName("bringBackButton")
        self.bring_back_button.clicked.connect(self.bring_back)
        offline_row.addWidget(self.offline_button)
        offline_row.addWidget(self.bring_back_button)
        layout.addLayout(offline_row)
        self.setWidget(root)
        self._update_enabled()

    def _verdict_tab(self):
        tab = QWidget()
        form = QFormLayout(tab)
        self.current_label = QLabel(tr("not reviewed"))
        self.current_label.setObjectName("currentVerdictLabel")
        form.addRow(tr("Current verdict"), self.current_label)
        row = QWidget()
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        self.verdict_group = QButtonGroup(self)
        self.verdict_buttons = {}
        for verdict in review.VERDICTS:
            button = QRadioButton(verdict_label(verdict))
            button.setObjectName(f"verdict_{verdict}")
            self.verdict_group.addButton(button)
            self.verdict_buttons[verdict] = button
            row_layout.addWidget(button)
        form.addRow(tr("Verdict"), row)
        self.comment_edit = QPlainTextEdit()
        self.comment_edit.setObjectName("commentEdit")
        self.comment_edit.setMaximumHeight(70)
        form.addRow(tr("Comment"), self.comment_edit)
        self.reviewer_edit = QLineEdit(QSettings().value(REVIEWER_KEY, ""))
        self.reviewer_edit.setObjectName("reviewerEdit")
        form.addRow(tr("Reviewer"), self.reviewer_edit)
        self.time_edit = QDateTimeEdit(QDateTime.currentDateTime())
        self.time_edit.setObjectName("timeEdit")
        self.time_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.time_edit.setCalendarPopup(True)
        form.addRow(tr("Time"), self.time_edit)
        self.save_button = QPushButton(tr("Save verdict"))
        self.save_button.setObjectName("saveVerdictButton")
        self.save_button.clicked.connect(self.save_verdict)
        form.addRow(self.save_button)
        self.history_tree = QTreeWidget()
        self.history_tree.setObjectName("historyTree")
        self.history_tree.setHeaderLabels([tr("Time"), tr("Verdict"), tr("Reviewer"), tr("Comment")])
        self.history_tree.setRootIsDecorated(False)
        form.addRow(self.history_tree)
        return tab

    def _photo_tab(self):
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.photo_list = QListWidget()
        self.photo_list.setObjectName("photoList")
        self.photo_list.setViewMode(QListView.ViewMode.IconMode)
        self.photo_list.setIconSize(QSize(review.THUMBNAIL_PX, review.THUMBNAIL_PX))
        self.photo_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.photo_list.itemDoubleClicked.connect(self.open_photo)
        layout.addWidget(self.photo_list, 1)
        self.photo_button = QPushButton(tr("Attach photos…"))
        self.photo_button.setObjectName("attachPhotoButton")
        self.photo_button.clicked.connect(lambda: self.attach_photos())
        layout.addWidget(self.photo_button)
        return tab

    def _points_tab(self):
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.points_tree = QTreeWidget()
        self.points_tree.setObjectName("pointsTree")
        self.points_tree.setHeaderLabels([tr("Point"), tr("Result"), tr("Plot"), tr("Distance (m)"), tr("File")])
        self.points_tree.setRootIsDecorated(False)
        layout.addWidget(self.points_tree, 1)
        self.points_button = QPushButton(tr("Import GPX / CSV…"))
        self.points_button.setObjectName("importPointsButton")
        self.points_button.clicked.connect(lambda: self.import_points())
        layout.addWidget(self.points_button)
        return tab

    def _build_shortcuts(self):
        self.shortcut_actions = {}
        slots = {"next": self.next_project, "previous": self.previous_project, "save": self.save_verdict,
                 **{verdict: (lambda v=verdict: self.verdict_buttons[v].setChecked(True))
                    for verdict in review.VERDICTS}}
        for key, sequence in SHORTCUTS.items():
            action = QAction(key, self)
            action.setShortcut(QKeySequence(sequence))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _checked=False, slot=slots[key]: slot())
            self.addAction(action)
            self.shortcut_actions[key] = action
        self.next_button.setToolTip(SHORTCUTS["next"])
        self.previous_button.setToolTip(SHORTCUTS["previous"])
        self.save_button.setToolTip(SHORTCUTS["save"])

    def _update_enabled(self):
        has_project = self.store is not None and self.current_project() is not None
        for widget in (self.save_button, self.photo_button, self.points_button, self.next_button,
                       self.previous_button):
            widget.setEnabled(has_project)
        for widget in (self.offline_button, self.bring_back_button):
            widget.setEnabled(self.store is not None)

    # -- messages ------------------------------------------------------------------------------
    def message(self, text, level="info"):
        self.last_message = (text, level)
        levels = {"info": Qgis.MessageLevel.Info, "warning": Qgis.MessageLevel.Warning, "success": Qgis.MessageLevel.Success}
        bar = self.iface.messageBar() if hasattr(self.iface, "messageBar") else None
        if bar is not None:
            try:
                bar.pushMessage(tr("Double Guarantee"), text, levels.get(level, Qgis.MessageLevel.Info), 8)
            except Exception:  # noqa: BLE001 - a message must never take an action down with it
                pass  # nosec B110  # the noqa reason above: a message must never take an action down

    # -- database ------------------------------------------------------------------------------
    def _open_dialog(self):
        path, _ = QFileDialog.getOpenFileName(self, tr("Open project database"), "", "GeoPackage (*.gpkg)")
        if path:
            try:
                self.open_database(path)
                self.follows_project_dock = False
            except (review.ReviewError, project_db.ProjectDatabaseError) as exc:
                self.message(str(exc), "warning")

    def _project_read(self, *_args):
        path, ok = QgsProject.instance().readEntry(SCOPE, KEY_DATABASE, "")
        if not path:
            connection, _ok = QgsProject.instance().readEntry(SCOPE, KEY_PG_CONNECTION, "")
            schema, _ok = QgsProject.instance().readEntry(SCOPE, KEY_PG_SCHEMA, "")
            current = self.store if isinstance(self.store, review_pg.PgReviewStore) else None
            if connection and schema and (current is None or (current.schema, current.path) != (
                    schema, review_pg.PgReviewStore.label_of(connection, schema))):
                try:
                    self.open_pg_database(connection, schema)
                except (review.ReviewError, project_db.ProjectDatabaseError) as exc:
                    self.message(str(exc), "warning")
            return
        if ok and path:
            path = QgsProject.instance().readPath(path)
            same = (self.store is not None and not isinstance(self.store, review_pg.PgReviewStore)
                    and os.path.exists(path) and os.path.samefile(path, self.store.path))
            if os.path.exists(path) and not same:
                try:
                    self.open_database(path)
                except (review.ReviewError, project_db.ProjectDatabaseError) as exc:
                    self.message(str(exc), "warning")

    def showEvent(self, event):  # noqa: N802 (Qt's name)
        # follow the project dock: open the database it has open when the review (re)starts
        if self.follows_project_dock:
            self._project_read()
        super().showEvent(event)

    def open_database(self, path):
        path = os.path.abspath(str(path))
        project_db.migrate(path)
        store = review.ReviewStore(path)
        layer = QgsVectorLayer(project_db.layer_uri(path, project_db.PLOTS_LAYER), "review plots", "ogr")
        if not layer.isValid():
            raise review.ReviewError(f"{path}: QGIS cannot open the plots layer")
        self._close_store()
        self.store, self.plots_layer = store, layer
        self.database_label.setText(path)
        self.refresh_projects()
        self.refresh_conflicts()
        return store

    def open_pg_database(self, connection, schema):
        """Review the projects of a PostGIS project database (``connection``: a QGIS connection name or
        a PostgreSQL URI; ``schema``: its project schema)."""
        from ...core.project_db_pg import open_project_database_pg
        store = review_pg.PgReviewStore(connection, schema)
        try:
            layer, _projects = open_project_database_pg(connection, schema)
        except project_db.ProjectDatabaseError:
            store.close()
            raise
        self._close_store()
        self.store, self.plots_layer = store, layer
        self.database_label.setText(store.path)
        self.refresh_projects()
        self.refresh_conflicts()
        return store

    def _close_store(self):
        if self.store is not None:
            self.store.close()

    def close_database(self, *_args):
        self._close_store()
        self.store, self.plots_layer = None, None
        self.database_label.setText(tr("No project database open"))
        self.project_list.clear()
        self._show_project(None)
        self.refresh_conflicts()

    # -- the list ------------------------------------------------------------------------------
    def refresh_projects(self, keep=None):
        if self.store is None:
            return
        keep = keep or self.current_project()
        wanted = self.filter_combo.currentData()
        verdicts = self.store.current_verdicts()
        self.project_list.blockSignals(True)
        self.project_list.clear()
        for code, name in self.store.projects():
            current = verdicts.get(code)
            verdict = current.verdict if current else None
            if wanted == FILTER_UNREVIEWED and verdict is not None:
                continue
            if wanted not in (FILTER_ALL, FILTER_UNREVIEWED) and verdict != wanted:
                continue
            item = QListWidgetItem(f"{code}  {name or ''}  [{verdict_label(verdict)}]")
            item.setData(Qt.ItemDataRole.UserRole, code)
            self.project_list.addItem(item)
        self.project_list.blockSignals(False)
        codes = self.project_codes()
        row = codes.index(keep) if keep in codes else (0 if codes else -1)
        self.project_list.setCurrentRow(row)
        self._project_changed(row)

    def project_codes(self):
        return [self.project_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.project_list.count())]

    def current_project(self):
        item = self.project_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def next_project(self):
        self._step(1)

    def previous_project(self):
        self._step(-1)

    def _step(self, delta):
        count = self.project_list.count()
        if count:
            self.project_list.setCurrentRow(max(0, min(count - 1, self.project_list.currentRow() + delta)))

    def _project_changed(self, row):
        code = self.current_project() if row is not None and row >= 0 else None
        count = self.project_list.count()
        self.position_label.setText(f"{row + 1} / {count}" if code else "")
        self._show_project(code)
        if code:
            self.zoom_to_project(code)

    def _show_project(self, code):
        self.history_tree.clear()
        self.photo_list.clear()
        self.points_tree.clear()
        self.comment_edit.clear()
        self.time_edit.setDateTime(QDateTime.currentDateTime())
        self.verdict_group.setExclusive(False)
        for button in self.verdict_buttons.values():
            button.setChecked(False)
        self.verdict_group.setExclusive(True)
        self.current_label.setText(tr("not reviewed"))
        if code and self.store is not None:
            history = self.store.history(code)
            for entry in reversed(history):
                self.history_tree.addTopLevelItem(QTreeWidgetItem([
                    local_time_text(entry.reviewed_at), verdict_label(entry.verdict), entry.reviewer,
                    entry.comment]))
            if history:
                self.current_label.setText(verdict_label(history[-1].verdict))
            for photo in self.store.photos(code):
                self._add_thumbnail(photo)
            for point in self.store.field_points(code):
                self._add_point(point, point.uuid)
        self._update_enabled()

    def _add_thumbnail(self, photo):
        pixmap = QPixmap()
        pixmap.loadFromData(photo.thumbnail or b"", "PNG")
        item = QListWidgetItem(QIcon(pixmap), photo.file_name)
        item.setData(Qt.ItemDataRole.UserRole, photo.uuid)
        item.setToolTip(f"{photo.file_name}  {photo.width_px}×{photo.height_px}  {photo.added_at}")
        self.photo_list.addItem(item)

    def _add_point(self, point, source=""):
        result = tr("inside") if point.inside else tr("outside")
        plot = point.plot_code or ""
        if point.inside and point.plot_project_code and point.plot_project_code != self.current_project():
            plot = tr("{} (project {})", plot, point.plot_project_code)
        distance = "" if point.inside or point.distance_m is None else f"{point.distance_m:.1f}"
        self.points_tree.addTopLevelItem(QTreeWidgetItem([point.name or str(point.source_line), result, plot,
                                                          distance, source or ""]))

    # -- map -----------------------------------------------------------------------------------
    def zoom_to_project(self, code):
        if self.plots_layer is None or not hasattr(self.iface, "mapCanvas"):
            return None
        request = QgsFeatureRequest().setFilterExpression(
            "\"project_code\" = '{}'".format(code.replace("'", "''")))
        extent = None
        for feature in self.plots_layer.getFeatures(request):
            box = feature.geometry().boundingBox()
            if extent is None:
                extent = box
            else:
                extent.combineExtentWith(box)
        canvas = self.iface.mapCanvas()
        if extent is None or canvas is None:
            return None
        destination = canvas.mapSettings().destinationCrs()
        if destination.isValid() and destination != self.plots_layer.crs():
            extent = QgsCoordinateTransform(self.plots_layer.crs(), destination,
                                            QgsProject.instance()).transformBoundingBox(extent)
        extent.scale(1.2)
        canvas.setExtent(extent)
        canvas.refresh()
        return extent

    # -- actions -------------------------------------------------------------------------------
    def selected_verdict(self):
        for verdict, button in self.verdict_buttons.items():
            if button.isChecked():
                return verdict
        return None

    def save_verdict(self):
        """Record the verdict on the form as a new history row of the current project."""
        code = self.current_project()
        if self.store is None or code is None:
            return None
        verdict = self.selected_verdict()
        if verdict is None:
            self.message(tr("Choose a verdict: passed, returned or to verify."), "warning")
            return None
        reviewer = self.reviewer_edit.text().strip()
        try:
            entry = self.store.add_review(code, verdict, reviewer, self.comment_edit.toPlainText(),
                                          self.time_edit.dateTime().toPyDateTime().astimezone())
        except review.ReviewError as exc:
            self.message(str(exc), "warning")
            return None
        QSettings().setValue(REVIEWER_KEY, reviewer)
        self.message(tr("{}: {} recorded", code, verdict_label(verdict)), "success")
        self.refresh_projects(keep=code)
        return entry

    def attach_photos(self, paths=None):
        code = self.current_project()
        if self.store is None or code is None:
            return []
        if paths is None:
            paths, _ = QFileDialog.getOpenFileNames(self, tr("Attach photos"), "", tr("Images ({})", " ".join(
                f"*{suffix}" for suffix in review.PHOTO_SUFFIXES)))
        current = self.store.current(code)
        added = []
        for path in paths:
            try:
                added.append(self.store.add_photo(code, path, current.uuid if current else None,
                                                  self.reviewer_edit.text().strip() or None))
            except review.ReviewError as exc:
                self.message(str(exc), "warning")
        self._show_project(code)
        return added

    def open_photo(self, item):
        """Write the stored original to a temporary file and open it with the system viewer."""
        photo_uuid = item.data(Qt.ItemDataRole.UserRole)
        content = self.store.photo_content(photo_uuid)
        folder = tempfile.mkdtemp(prefix="dg_photo_")
        path = os.path.join(folder, os.path.basename(item.text()))
        with open(path, "wb") as handle:
            handle.write(content)
        self.photo_opener(QUrl.fromLocalFile(path))
        return path

    def import_points(self, path=None):
        code = self.current_project()
        if self.store is None or code is None:
            return None
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self, tr("Import field points"), "",
                                                  tr("GPS files (*.gpx *.csv *.txt)"))
            if not path:
                return None
        current = self.store.current(code)
        try:
            report = self.store.import_field_points(code, path, self.plots_layer,
                                                    current.uuid if current else None,
                                                    self.reviewer_edit.text().strip() or None)
        except review.ReviewError as exc:
            self.message(str(exc), "warning")
            return None
        self.last_report = report
        self._show_project(code)
        self.show_points_on_map(code)
        self.message(tr("{}: {} points, {} inside the plots, {} outside", os.path.basename(path),
                        len(report.points), len(report.inside), len(report.outside)),
                     "success" if not report.outside else "warning")
        return report

    def show_points_on_map(self, code=None):
        """Put the project's field points in a memory layer of the map (inside = 1, outside = 0)."""
        code = code or self.current_project()
        if self.store is None or code is None or self.plots_layer is None:
            return None
        project = QgsProject.instance()
        layer = project.mapLayer(self.points_layer_id) if self.points_layer_id else None
        if layer is None:
            layer = QgsVectorLayer(f"Point?crs={self.plots_layer.crs().authid()}&field=project_code:string(40)"
                                   f"&field=name:string(80)&field=inside:integer&field=plot_code:string(40)"
                                   f"&field=distance_m:double", tr("Field points"), "memory")
            project.addMapLayer(layer)
            self.points_layer_id = layer.id()
        provider = layer.dataProvider()
        provider.truncate()
        features = []
        for point in self.store.field_points(code):
            feature = QgsFeature(layer.fields())
            feature.setAttributes([code, point.name, int(point.inside), point.plot_code, point.distance_m])
            feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(point.x, point.y)))
            features.append(feature)
        provider.addFeatures(features)
        layer.updateExtents()
        layer.triggerRepaint()
        return layer

    # -- take offline, bring back, conflicts -----------------------------------------------------
    def home(self):
        """The open database as core.offline names it: a GeoPackage path or a PostGIS project schema."""
        if isinstance(self.store, review_pg.PgReviewStore):
            return offline.PgHomeSpec(self.store.target, self.store.schema)
        return self.store.path if self.store is not None else None

    def take_offline(self):
        from ..dialogs.offline import take_offline
        if self.store is not None:
            try:
                take_offline(self.iface, self.home(), [self.current_project()] if self.current_project() else [])
            except offline.OfflineError as exc:
                self.message(str(exc), "warning")

    def bring_back(self):
        from ..dialogs.offline import bring_back
        if self.store is not None:
            bring_back(self.iface, self.home())
            self.refresh_projects()
            self.refresh_conflicts()

    def refresh_conflicts(self):
        """The Conflicts tab of the open database; its title counts the ones still to decide."""
        self.conflict_panel.set_home(self.home())
        count = self.conflict_panel.open_count()
        self.tabs.setTabText(self.conflicts_tab, tr("Conflicts ({})", count) if count else tr("Conflicts"))

    def _conflict_decided(self):
        self.refresh_conflicts()
        self.refresh_projects()

    def cleanup(self):
        project = QgsProject.instance()
        disconnect_all(((project.readProject, self._project_read), (project.cleared, self.close_database)))
        self._close_store()
        self.store, self.plots_layer = None, None
        self.conflict_panel.cleanup()

