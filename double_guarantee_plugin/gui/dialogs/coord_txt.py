# SPDX-License-Identifier: GPL-2.0-or-later
"""Coordinate TXT (部标准格式) in the project dock: import files as plots, export a project, drops.

Thin functions over ``core.coord_txt``: the dock calls ``import_txt_as_plots`` (also for files
dropped on it, recognised by ``is_coord_txt_drop``) and ``export_project_txt``.  Errors become
messages in the QGIS message bar; nothing is half-added or half-written.
"""
import os

from qgis.core import (Qgis, QgsApplication, QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsExpression,
                       QgsFeatureRequest, QgsMessageLog, QgsProject, QgsRectangle, QgsTask, QgsVectorLayer,
                       QgsVectorLayerUtils)
from qgis.PyQt.QtWidgets import QMessageBox

from ...core import tables
from ...core.crs import zone_for_epsg
from ...core.coord_txt import CoordTxtError, WriteOptions, read_coord_txt, write_coord_txt
from ...core.coord_txt.messages import Note
from ...core.coord_txt.qgis_io import (check_writable_crs, epsg_of, file_crs, parcels_from_features, plot_values,
                                       suggested_zone, to_qgs_geometry)
from ...i18n import tr

SNIFF_BYTES = 65536
_RUNNING = set()
FAR_MARGIN_M = 5000.0      # parcels further than this (or a quarter of the county's size) outside it are asked about


def _message(iface, text, level=Qgis.MessageLevel.Info):
    QgsMessageLog.logMessage(text, tr("Double Guarantee"), level)
    bar = iface.messageBar() if iface is not None and hasattr(iface, "messageBar") else None
    if bar is not None:
        # errors stay until closed; other messages go after a while
        bar.pushMessage(tr("Coordinate TXT"), text, level, 0 if level == Qgis.MessageLevel.Critical else 10)


# ------------------------------------------------------------------------------------------ import

def _plot_code(parcel, stem, index, taken):
    code = parcel.code or parcel.name or f"{stem}-{index}"
    unique, counter = code, 2
    while unique in taken:
        unique = f"{code}-{counter}"
        counter += 1
    taken.add(unique)
    return unique


def plot_features(plots_layer, project_code, results):
    """New plot features (project_code, plot_code, classes, grades …) from read files, in the layer's CRS."""
    context = QgsProject.instance().transformContext()
    taken = {str(f["plot_code"]) for f in plots_layer.getFeatures(QgsFeatureRequest().setFilterExpression(
        QgsExpression.createFieldEqualityExpression("project_code", str(project_code))))}
    features = []
    for result in results:
        source = file_crs(result)
        transform = None
        if source != plots_layer.crs():
            transform = QgsCoordinateTransform(source, plots_layer.crs(), context)
        stem = os.path.splitext(os.path.basename(str(result.path or "txt")))[0]
        for index, parcel in enumerate(result.parcels, 1):
            geometry = to_qgs_geometry(parcel.geometry)
            if transform is not None:
                geometry.transform(transform)
            attributes = {}
            fields = plots_layer.fields()
            # the 8-field 地类编码 goes to class_before; a 12-field 补充耕地 parcel fills class_after,
            # quality level, slope level and year (qgis_io.plot_values)
            values = {"project_code": str(project_code), "plot_code": _plot_code(parcel, stem, index, taken)}
            values.update(plot_values(parcel))
            for name, value in values.items():
                position = fields.indexOf(name)
                if position >= 0 and value is not None:
                    attributes[position] = value
            features.append(QgsVectorLayerUtils.createFeature(plots_layer, geometry, attributes))
    return features


def _unknown_class_codes(results):
    """地类编码 values that are not GB/T 21010 codes: copied as they are, but the user should know."""
    known = tables.land_classes()
    found = []
    for result in results:
        name = os.path.basename(str(result.path))
        for parcel in result.parcels:
            if parcel.class_code and parcel.class_code not in known:
                found.append(tr("{}: parcel '{}' has 地类编码 '{}', which is not a GB/T 21010 code", name,
                                parcel.label, parcel.class_code))
    return found


def _report_notes(iface, results):
    warnings = _unknown_class_codes(results)
    for text in warnings:
        QgsMessageLog.logMessage(text, tr("Double Guarantee"), Qgis.MessageLevel.Warning)
    for result in results:
        name = os.path.basename(str(result.path))
        notes = list(result.notes) + [note for parcel in result.parcels for note in parcel.notes]
        for note in notes:
            text = f"{name}: {note.render(tr)}"
            QgsMessageLog.logMessage(text, tr("Double Guarantee"),
                                     Qgis.MessageLevel.Warning if note.level == Note.WARNING else Qgis.MessageLevel.Info)
            if note.level == Note.WARNING:
                warnings.append(text)
    return warnings


def county_extent(plots_layer):
    """The area the QGIS project covers (its other layers; else the plots already there), in the plots
    layer's CRS; None when there is nothing to compare with."""
    project = QgsProject.instance()
    context = project.transformContext()
    extent = None
    for layer in project.mapLayers().values():
        if layer is plots_layer or not layer.isValid() or layer.extent().isEmpty() or not layer.crs().isValid():
            continue
        if layer.source().split("|")[0] == plots_layer.source().split("|")[0]:
            continue                                     # the project database's own tables
        try:
            box = QgsCoordinateTransform(layer.crs(), plots_layer.crs(), context).transformBoundingBox(layer.extent())
        except Exception:  # noqa: BLE001 - a layer that cannot be transformed says nothing about the county
            continue  # nosec B112  # the noqa reason above: such a layer says nothing about the county
        if extent is None:
            extent = QgsRectangle(box)
        else:
            extent.combineExtentWith(box)
    if extent is None and plots_layer.featureCount() > 0 and not plots_layer.extent().isEmpty():
        extent = QgsRectangle(plots_layer.extent())
    return extent


def import_questions(plots_layer, results, features):
    """Why an import may be a mistake (parcels far outside the county, files in another zone), as
    sentences for the user; an empty list when nothing looks wrong."""
    questions = []
    layer_epsg = epsg_of(plots_layer.crs())
    layer_zone = zone_for_epsg(layer_epsg) if layer_epsg else None
    for result in results:
        epsg = epsg_of(file_crs(result))
        zone = zone_for_epsg(epsg) if epsg else None
        if layer_zone and zone and zone[3] != layer_zone[3]:
            questions.append(tr("{} is in zone {}, the plots layer in zone {}", os.path.basename(str(result.path)),
                                zone[3], layer_zone[3]))
    extent = county_extent(plots_layer)
    boxes = [feature.geometry().boundingBox() for feature in features if feature.hasGeometry()]
    if extent is not None and boxes and not plots_layer.crs().isGeographic():
        margin = max(FAR_MARGIN_M, 0.25 * max(extent.width(), extent.height()))
        zone_box = QgsRectangle(extent.xMinimum() - margin, extent.yMinimum() - margin,
                                extent.xMaximum() + margin, extent.yMaximum() + margin)
        far = [box for box in boxes if not zone_box.intersects(box)]
        if far:
            centre = far[0].center()
            distance_km = max(0.0, max(extent.xMinimum() - centre.x(), centre.x() - extent.xMaximum(),
                                       extent.yMinimum() - centre.y(), centre.y() - extent.yMaximum())) / 1000.0
            questions.append(tr("{} of {} parcels lie far outside the county (about {:.0f} km away)",
                                len(far), len(boxes), distance_km))
    return questions


def ask_before_import(parent, questions):
    """Yes/No: import although ``questions`` say it may be a mistake (No is the default)."""
    answer = QMessageBox.question(parent, tr("Import coordinate files?"),
                                  tr("These files may not belong to this county:") + "\n\n" + "\n".join(
                                      f"• {question}" for question in questions) + "\n\n" + tr("Import them anyway?"),
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def import_txt_as_plots(iface, plots_layer, project_code, paths, encoding="auto", zone=None, confirm=None):
    """Add every parcel of ``paths`` as plots of ``project_code``, in one edit command; returns the count.

    All files are read first; if one cannot be read, nothing is added and the message names
    the file and line.  Parcels far outside the county or files in another zone are imported only
    when ``confirm(questions)`` says so (by default the user is asked).  Class codes (地类编码)
    go to class_before.  The layer is left in edit mode so the import can be undone or saved like
    any other edit.  The outcome is one line in the message bar; the notes are in the log.
    """
    paths = [os.fspath(path) for path in paths]
    if plots_layer is None or not project_code:
        _message(iface, tr("Choose a project before importing coordinate files"), Qgis.MessageLevel.Warning)
        return 0
    try:
        results = [read_coord_txt(path, encoding=encoding, zone=zone) for path in paths]
        features = plot_features(plots_layer, project_code, results)
    except CoordTxtError as exc:
        _message(iface, tr("Nothing imported: {}", exc.render(tr)), Qgis.MessageLevel.Critical)
        return 0
    if not features:
        _message(iface, tr("Nothing imported: the files hold no parcels"), Qgis.MessageLevel.Warning)
        return 0
    questions = import_questions(plots_layer, results, features)
    if questions:
        if confirm is None:
            parent = iface.mainWindow() if iface is not None and hasattr(iface, "mainWindow") else None
            confirm = lambda items: ask_before_import(parent, items)  # noqa: E731
        if not confirm(questions):
            reasons = "; ".join(questions)
            _message(iface, tr("Nothing imported: {}", reasons), Qgis.MessageLevel.Info)
            return 0
    if not plots_layer.isEditable() and not plots_layer.startEditing():
        _message(iface, tr("Nothing imported: the layer {} cannot be edited", plots_layer.name()), Qgis.MessageLevel.Critical)
        return 0
    plots_layer.beginEditCommand(tr("Import {} plot(s) from coordinate TXT", len(features)))
    if not plots_layer.addFeatures(features):
        plots_layer.destroyEditCommand()
        _message(iface, tr("Nothing imported: the layer refused the new plots"), Qgis.MessageLevel.Critical)
        return 0
    plots_layer.endEditCommand()
    warnings = _report_notes(iface, results)
    text = tr("{} plot(s) imported into project {} from {} file(s)", len(features), project_code, len(paths))
    if warnings:
        # one line, never a scrolling bar: the notes themselves are in the log
        _message(iface, tr("{}; {} note(s) to check in the log (Double Guarantee)", text, len(warnings)),
                 Qgis.MessageLevel.Warning)
    else:
        _message(iface, text, Qgis.MessageLevel.Success)
    return len(features)


class ReadCoordTxtTask(QgsTask):
    """Reads coordinate files off the main thread; ``on_done(results, error)`` runs on the main thread.

    For big files: the dock can read in the background, then add the plots with
    ``add_read_files_as_plots`` (a layer must only be edited on the main thread).
    """

    def __init__(self, paths, on_done, encoding="auto", zone=None):
        super().__init__(tr("Reading coordinate TXT files"), QgsTask.Flag.CanCancel)
        self.paths = [os.fspath(path) for path in paths]
        self.on_done = on_done
        self.encoding = encoding
        self.zone = zone
        self.results = []
        self.error = None

    def run(self):
        try:
            for index, path in enumerate(self.paths):
                if self.isCanceled():
                    return False
                self.results.append(read_coord_txt(path, encoding=self.encoding, zone=self.zone))
                self.setProgress(100.0 * (index + 1) / len(self.paths))
        except CoordTxtError as exc:
            self.error = exc
            return False
        return True

    def finished(self, ok):
        self.on_done(self.results if ok else None, self.error)


def add_read_files_as_plots(iface, plots_layer, project_code, results):
    """The main-thread half of a background import: add already read files as plots."""
    features = plot_features(plots_layer, project_code, results)
    if not features or (not plots_layer.isEditable() and not plots_layer.startEditing()):
        return 0
    plots_layer.beginEditCommand(tr("Import {} plot(s) from coordinate TXT", len(features)))
    if not plots_layer.addFeatures(features):
        plots_layer.destroyEditCommand()
        return 0
    plots_layer.endEditCommand()
    _report_notes(iface, results)
    return len(features)


def start_background_import(iface, plots_layer, project_code, paths, on_count=None):
    """Read in a QgsTask, then add the plots in one edit command; ``on_count(n)`` gets the result."""
    def done(results, error):
        if error is not None:
            _message(iface, tr("Nothing imported: {}", error.render(tr)), Qgis.MessageLevel.Critical)
            count = 0
        elif results is None:
            count = 0
        else:
            count = add_read_files_as_plots(iface, plots_layer, project_code, results)
            _message(iface, tr("{} plot(s) imported into project {} from {} file(s)", count, project_code,
                               len(paths)), Qgis.MessageLevel.Success)
        if on_count is not None:
            on_count(count)
    task = ReadCoordTxtTask(paths, done)
    # the Python side of a QgsTask must outlive this call, or the task dies with its wrapper
    _RUNNING.add(task)
    task.taskCompleted.connect(lambda: _RUNNING.discard(task))
    task.taskTerminated.connect(lambda: _RUNNING.discard(task))
    QgsApplication.taskManager().addTask(task)
    return task


# ------------------------------------------------------------------------------------------ export

def _project_row(plots_layer, project_code):
    """The project's row of the ``projects`` table beside the plots layer, or {}."""
    source = plots_layer.source().split("|")[0]
    if not os.path.exists(source):
        return {}
    projects = QgsVectorLayer(f"{source}|layername=projects", "projects", "ogr")
    if not projects.isValid():
        return {}
    request = QgsFeatureRequest().setFilterExpression(
        QgsExpression.createFieldEqualityExpression("project_code", str(project_code)))
    for feature in projects.getFeatures(request):
        return {field.name(): feature[field.name()] for field in projects.fields()}
    return {}


def _ask_reproject(iface, text):
    parent = iface.mainWindow() if iface is not None and hasattr(iface, "mainWindow") else None
    return QMessageBox.question(parent, tr("Coordinate TXT"), text) == QMessageBox.StandardButton.Yes


def export_project_txt(iface, plots_layer, project_code, path, encoding="GBK", line_ending="CRLF",
                       zone_prefix=True, area_unit="ha", one_file_per_parcel=False, producer="",
                       reproject_to=None, confirm=None, extra_fields=(), parcel_use="", project_info=True,
                       template="standard_8"):
    """Write one project's plots as a coordinate file for 上图入库; returns the paths written ([] on error).

    地块编号 = plot_code, 地块名称 = the project's name, 地类编码 = class_after; with a 12-field
    ``template`` also 补充耕地实施年份, 耕地坡度级别 and 耕地质量等级 from the plot fields.  A layer in a CRS
    the format cannot hold (e.g. EPSG:4490) is reprojected to ``reproject_to``; without it the
    user is offered the CGCS2000 zone of the project (``confirm(text)`` answers in scripts).
    """
    request = QgsFeatureRequest().setFilterExpression(
        QgsExpression.createFieldEqualityExpression("project_code", str(project_code)))
    features = list(plots_layer.getFeatures(request))
    if not features:
        _message(iface, tr("Project {} has no plots to export", project_code), Qgis.MessageLevel.Warning)
        return []
    row = _project_row(plots_layer, project_code)
    try:
        target = None
        if reproject_to is not None:
            target = reproject_to if isinstance(reproject_to, QgsCoordinateReferenceSystem) \
                else QgsCoordinateReferenceSystem(str(reproject_to))
            check_writable_crs(target)
        else:
            extent = features[0].geometry().boundingBox()
            for feature in features[1:]:
                extent.combineExtentWith(feature.geometry().boundingBox())
            try:
                check_writable_crs(plots_layer.crs(), extent)
            except CoordTxtError as refusal:
                epsg, text = suggested_zone(plots_layer.crs(), extent)
                if epsg is None:
                    raise
                ask = confirm or (lambda question: _ask_reproject(iface, question))
                if not ask(tr("{}\n\nReproject the plots to {} for the file?", refusal.render(tr), text)):
                    _message(iface, tr("Export cancelled: {}", refusal.render(tr)), Qgis.MessageLevel.Warning)
                    return []
                target = QgsCoordinateReferenceSystem(f"EPSG:{epsg}")
        mapping = {"code": "plot_code", "class_code": "class_after", "extra": list(extra_fields)}
        names = plots_layer.fields().names()
        mapping.update({role: name for role, name in (("year", "implementation_year"), ("slope_level", "slope_level"),
                                                      ("quality_level", "quality_level_after")) if name in names})
        parcels, write_crs = parcels_from_features(features, plots_layer.crs(), mapping, target)
        name = str(row.get("project_name") or "") if row.get("project_name") not in (None, "NULL") else ""
        for parcel in parcels:
            parcel.name = name
            parcel.use = parcel_use
        info = {}
        if project_info:
            info = {"项目编号": str(project_code)}
            type_names = {entry["code"]: entry.get("name_zh") or entry["code"]
                          for entry in tables.project_codes().get("project_types", [])}
            for key, label in (("project_name", "项目名称"), ("project_type", "项目类型"),
                               ("county_code", "县级行政区代码")):
                value = row.get(key)
                if value is not None and str(value) not in ("", "NULL"):
                    info[label] = type_names.get(str(value), str(value)) if key == "project_type" else str(value)
        options = WriteOptions(encoding=encoding, line_ending=line_ending, zone_prefix=zone_prefix,
                               area_unit=area_unit, one_file_per_parcel=one_file_per_parcel, producer=producer,
                               project_info=info, template=template)
        destination = path[:-4] if one_file_per_parcel and str(path).lower().endswith(".txt") else path
        written = write_coord_txt(destination, parcels, epsg_of(write_crs), options)
    except CoordTxtError as exc:
        _message(iface, tr("Nothing exported: {}", exc.render(tr)), Qgis.MessageLevel.Critical)
        return []
    _message(iface, tr("Project {}: {} plot(s) written to {}", project_code, len(parcels),
                       written[0] if len(written) == 1 else os.path.dirname(written[0])), Qgis.MessageLevel.Success)
    return written


# ------------------------------------------------------------------------------------------ drops

def _looks_like_coord_txt(path):
    try:
        with open(path, "rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError:
        return False
    if "[地块坐标]".encode("utf-8") in head or "[地块坐标]".encode("gbk") in head \
            or "[属性描述]".encode("utf-8") in head or "[属性描述]".encode("gbk") in head:
        return True
    return any(line.rstrip().endswith(b",@") for line in head.splitlines()[:200])


def is_coord_txt_drop(mime_data):
    """Local .txt files in a drag-and-drop that look like coordinate files (else an empty list)."""
    if mime_data is None or not mime_data.hasUrls():
        return []
    found = []
    for url in mime_data.urls():
        if not url.isLocalFile():
            continue
        path = url.toLocalFile()
        if path.lower().endswith(".txt") and os.path.isfile(path) and _looks_like_coord_txt(path):
            found.append(path)
    return found
