# SPDX-License-Identifier: GPL-2.0-or-later
"""Project CRUD on a project database's ``projects`` table, through the layers' edit buffers.

Every change is one edit command on each layer it touches, so QGIS's undo stack (and the dock's
undo button) takes it back until the user saves.  Nothing here opens a widget: the dock and the
tests call these functions with the layers that ``core.project_db.open_project_database`` returns.
"""
from qgis.core import Qgis, QgsExpression, QgsFeature, QgsFeatureRequest, QgsGeometry, QgsRectangle, QgsVectorLayerUtils

from . import tables
from ..i18n import tr
from .layer_credits import geometry_problem


class ProjectError(ValueError):
    """A project operation that cannot be done; the message names the project and what is wrong."""


def _value(feature, name):
    if feature.fields().indexOf(name) < 0:
        return None
    value = feature[name]
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    if hasattr(value, "toString") and hasattr(value, "isValid"):  # QDate, QDateTime
        return value.toString("yyyy-MM-dd")
    return value


def feature_dict(feature):
    """The attributes of ``feature`` by field name (NULLs as None), plus ``fid``."""
    row = {name: _value(feature, name) for name in feature.fields().names()}
    row["fid"] = feature.id()
    return row


def ensure_editing(layer):
    """Put ``layer`` in edit mode (its changes stay undoable until saved)."""
    if not layer.isEditable() and not layer.startEditing():
        raise ProjectError(tr("{}: the layer cannot be edited ({})", layer.name(), layer.source()))


def code_filter(project_code):
    """A QgsFeatureRequest filter expression selecting one project's rows."""
    return QgsExpression.createFieldEqualityExpression("project_code", str(project_code))


def project_request(project_code):
    return QgsFeatureRequest().setFilterExpression(code_filter(project_code))


def list_projects(projects_layer):
    """Every project as a dict of its attributes, sorted by project code."""
    rows = [feature_dict(f) for f in projects_layer.getFeatures()]
    return sorted(rows, key=lambda row: str(row.get("project_code") or ""))


def find_project(projects_layer, project_code):
    for feature in projects_layer.getFeatures(project_request(project_code)):
        return feature
    return None


def plot_features(plots_layer, project_code):
    return list(plots_layer.getFeatures(project_request(project_code)))


def _check_status(status):
    known = [row["code"] for row in tables.project_codes()["statuses"]]
    if status is not None and status not in known:
        raise ProjectError(tr("status '{}' is not one of {}", status, ", ".join(known)))


class _EditCommand:
    """One undo step on one layer: ``endEditCommand`` on success, ``destroyEditCommand`` on error."""

    def __init__(self, layer, text):
        self.layer, self.text = layer, text

    def __enter__(self):
        ensure_editing(self.layer)
        self.layer.beginEditCommand(self.text)
        return self.layer

    def __exit__(self, kind, value, traceback):
        if kind is None:
            self.layer.endEditCommand()
        else:
            self.layer.destroyEditCommand()
        return False


def edit_command(layer, text):
    """Context manager: everything inside is one undo step of ``layer`` (rolled back on error)."""
    return _EditCommand(layer, text)


def add_project(projects_layer, attributes):
    """Add a project row; ``attributes`` needs at least ``project_code``.  Returns the new feature id."""
    code = str(attributes.get("project_code") or "").strip()
    if not code:
        raise ProjectError(tr("a project needs a project code"))
    if find_project(projects_layer, code) is not None:
        raise ProjectError(tr("project {}: the code is used already", code))
    values = dict(attributes, project_code=code)
    values.setdefault("status", "planned")
    _check_status(values["status"])
    fields = projects_layer.fields()
    unknown = [name for name in values if fields.indexOf(name) < 0]
    if unknown:
        raise ProjectError(tr("project {}: the projects table has no field {}", code, ", ".join(unknown)))
    with edit_command(projects_layer, tr("add project {}", code)):
        feature = QgsVectorLayerUtils.createFeature(
            projects_layer, QgsGeometry(), {fields.indexOf(k): v for k, v in values.items()})
        if not projects_layer.addFeature(feature):
            raise ProjectError(tr("project {}: the row could not be added", code))
    added = find_project(projects_layer, code)
    return added.id() if added is not None else None


def update_project(projects_layer, project_code, changes, text=None):
    """Change attributes of one project (e.g. ``{"project_name": …}`` to rename it) in one undo step."""
    feature = find_project(projects_layer, project_code)
    if feature is None:
        raise ProjectError(tr("project {}: not found", project_code))
    if "status" in changes:
        _check_status(changes["status"])
    if "project_code" in changes:
        raise ProjectError(tr("project {}: the code cannot be changed here (plots refer to it)", project_code))
    fields = projects_layer.fields()
    with edit_command(projects_layer, text or tr("edit project {}", project_code)):
        for name, value in changes.items():
            index = fields.indexOf(name)
            if index < 0:
                raise ProjectError(tr("project {}: the projects table has no field '{}'", project_code, name))
            if not projects_layer.changeAttributeValue(feature.id(), index, value):
                raise ProjectError(tr("project {}: '{}' could not be changed", project_code, name))
    return feature.id()


def rename_project(projects_layer, project_code, new_name):
    return update_project(projects_layer, project_code, {"project_name": new_name},
                          tr("rename project {}", project_code))


def delete_project(projects_layer, plots_layer, project_code):
    """Delete a project and its plots (one undo step on each layer); returns the number of plots deleted."""
    feature = find_project(projects_layer, project_code)
    if feature is None:
        raise ProjectError(tr("project {}: not found", project_code))
    plot_ids = [f.id() for f in plots_layer.getFeatures(project_request(project_code).setNoAttributes()
                                                        .setFlags(QgsFeatureRequest.Flag.NoGeometry))]
    with edit_command(plots_layer, tr("delete plots of {}", project_code)):
        if plot_ids and not plots_layer.deleteFeatures(plot_ids):
            raise ProjectError(tr("project {}: its plots could not be deleted", project_code))
    try:
        with edit_command(projects_layer, tr("delete project {}", project_code)):
            if not projects_layer.deleteFeature(feature.id()):
                raise ProjectError(tr("project {}: the row could not be deleted", project_code))
    except ProjectError:
        plots_layer.undoStack().undo()  # keep both layers consistent
        raise
    return len(plot_ids)


def next_plot_code(plots_layer, project_code):
    """``<project>-NNN`` one above the highest numbered plot code of the project."""
    highest = 0
    prefix = f"{project_code}-"
    for feature in plot_features(plots_layer, project_code):
        code = str(_value(feature, "plot_code") or "")
        tail = code[len(prefix):] if code.startswith(prefix) else code.rsplit("-", 1)[-1]
        if tail.isdigit():
            highest = max(highest, int(tail))
    return f"{project_code}-{highest + 1:03d}"


def last_plot_attributes(plots_layer, project_code):
    """Class and grade attributes of the project's most recently added plot (to prefill the form)."""
    # not the explicit grades of either system: one left over from the last plot would contradict the
    # grade the user enters for this one
    keys = ("class_before", "class_after", "grade_system", "grade_before", "grade_after", "slope_level",
            "farmland_type", "implementation_year")
    features = plot_features(plots_layer, project_code)
    if not features:
        return {}
    # new features have negative ids in the edit buffer: they are the most recent
    latest = min(features, key=lambda f: (f.id() >= 0, -abs(f.id())))
    return {key: _value(latest, key) for key in keys if _value(latest, key) is not None}


def project_extent(plots_layer, project_code):
    """The bounding box of a project's plots in the layer CRS, or None when it has none."""
    extent = QgsRectangle()
    extent.setMinimal()
    found = False
    for feature in plots_layer.getFeatures(project_request(project_code).setNoAttributes()):
        if feature.hasGeometry():
            extent.combineExtentWith(feature.geometry().boundingBox())
            found = True
    return extent if found else None


def invalid_plots(plots_layer, project_code):
    """``[(fid, plot_code, problem, QgsPointXY or None)]`` for the project's invalid geometries."""
    found = []
    for feature in plot_features(plots_layer, project_code):
        geometry = feature.geometry()
        problem = geometry_problem(geometry)
        if not problem:
            continue
        where = None
        errors = geometry.validateGeometry(Qgis.GeometryValidationEngine.Geos) if not geometry.isNull() else []
        if errors and errors[0].hasWhere():
            where = errors[0].where()
        found.append((feature.id(), _value(feature, "plot_code"), problem, where))
    return found


def repaired_geometry(geometry):
    """A valid multipolygon from an invalid one (QGIS makeValid, polygon parts only), or None."""
    from qgis.core import QgsWkbTypes
    fixed = geometry.makeValid()
    if fixed.isNull() or fixed.isEmpty():
        return None
    parts = [part for part in fixed.asGeometryCollection() if part.type() == QgsWkbTypes.GeometryType.PolygonGeometry]
    if not parts:
        return None
    merged = QgsGeometry.unaryUnion(parts) if len(parts) > 1 else parts[0]
    merged.convertToMultiType()
    return merged if not geometry_problem(merged) else None


def repair_plot(plots_layer, fid):
    """Replace an invalid plot geometry by its repaired form in one undo step; returns the new geometry."""
    feature = plots_layer.getFeature(fid)
    if not feature.isValid():
        raise ProjectError(tr("plot fid {}: not found", fid))
    problem = geometry_problem(feature.geometry())
    if not problem:
        return feature.geometry()
    fixed = repaired_geometry(feature.geometry())
    if fixed is None:
        raise ProjectError(tr("plot {}: {}; it cannot be repaired automatically, redraw it",
                              _value(feature, "plot_code") or fid, problem))
    with edit_command(plots_layer, tr("repair plot {}", _value(feature, "plot_code") or fid)):
        if not plots_layer.changeGeometry(fid, fixed):
            raise ProjectError(tr("plot fid {}: the geometry could not be changed", fid))
    return fixed


def add_plot(plots_layer, project_code, geometry, attributes=None, text=None):
    """Add one plot of ``project_code`` in one undo step; returns the (temporary) feature id."""
    if find_plot_layer_field(plots_layer, "project_code") < 0:
        raise ProjectError(tr("{}: not a plots layer (no project_code field)", plots_layer.name()))
    values = dict(attributes or {})
    values["project_code"] = project_code
    values.setdefault("plot_code", next_plot_code(plots_layer, project_code))
    geometry = QgsGeometry(geometry)
    geometry.convertToMultiType()
    fields = plots_layer.fields()
    with edit_command(plots_layer, text or tr("add plot {}", values["plot_code"])):
        feature = QgsVectorLayerUtils.createFeature(
            plots_layer, geometry, {fields.indexOf(k): v for k, v in values.items() if fields.indexOf(k) >= 0})
        if not plots_layer.addFeature(feature):
            raise ProjectError(tr("plot {}: could not be added", values["plot_code"]))
    return feature.id()


def find_plot_layer_field(layer, name):
    return layer.fields().indexOf(name)


def merge_plots(plots_layer, fids):
    """Merge plots into the first one (its attributes kept) in one undo step; returns its fid."""
    fids = sorted(set(fids), key=lambda fid: (fid < 0, fid))
    if len(fids) < 2:
        raise ProjectError(tr("select at least two plots to merge"))
    features = [plots_layer.getFeature(fid) for fid in fids]
    codes = {str(_value(f, "project_code")) for f in features}
    if len(codes) > 1:
        raise ProjectError(tr("plots of different projects cannot be merged ({})", ", ".join(sorted(codes))))
    merged = QgsGeometry.unaryUnion([f.geometry() for f in features])
    if merged.isNull() or merged.isEmpty():
        raise ProjectError(tr("the merged geometry is empty"))
    merged.convertToMultiType()
    keep = features[0].id()
    with edit_command(plots_layer, tr("merge {} plots", len(fids))):
        if not plots_layer.changeGeometry(keep, merged):
            raise ProjectError(tr("plot fid {}: the merged geometry could not be stored", keep))
        if not plots_layer.deleteFeatures([f.id() for f in features[1:]]):
            raise ProjectError(tr("the merged plots could not be deleted"))
    return keep


def split_plots(plots_layer, fids, line_points):
    """Split plots along a line (list of QgsPointXY in layer CRS) in one undo step; returns new fids.

    Each split-off part becomes a new plot with the original's attributes and a new plot code.
    """
    from qgis.core import QgsPointXY
    line = [QgsPointXY(p.x(), p.y()) for p in line_points]
    if len(line) < 2:
        raise ProjectError(tr("a split line needs at least two points"))
    new_ids = []
    with edit_command(plots_layer, tr("split plots")):
        for fid in fids:
            feature = plots_layer.getFeature(fid)
            geometry = QgsGeometry(feature.geometry())
            result, parts, _topology = geometry.splitGeometry(line, False)
            if result != Qgis.GeometryOperationResult.Success or not parts:
                continue
            geometry.convertToMultiType()
            plots_layer.changeGeometry(fid, geometry)
            project_code = _value(feature, "project_code")
            for part in parts:
                part.convertToMultiType()
                attributes = {name: _value(feature, name) for name in feature.fields().names()
                              if name not in ("fid",)}
                attributes["plot_code"] = next_plot_code(plots_layer, project_code)
                fields = plots_layer.fields()
                new = QgsVectorLayerUtils.createFeature(
                    plots_layer, part, {fields.indexOf(k): v for k, v in attributes.items()
                                        if fields.indexOf(k) >= 0 and k != "fid"})
                plots_layer.addFeature(new)
                new_ids.append(new.id())
        if not new_ids:
            raise ProjectError(tr("the line does not split any selected plot (it must cross it completely)"))
    return new_ids


def delete_plots(plots_layer, fids):
    with edit_command(plots_layer, tr("delete {} plots", len(fids))):
        if not plots_layer.deleteFeatures(list(fids)):
            raise ProjectError(tr("the plots could not be deleted"))
    return len(fids)


def fill_from_layer(plots_layer, project_code, source_layer, source_fids, class_field=None,
                    as_class="class_before"):
    """Copy features of any polygon layer as plots of ``project_code`` in one undo step.

    ``class_field`` names the source field holding a GB/T 21010 code (e.g. ``dlbm`` of the land
    survey); it is copied into ``as_class``.  Geometries are transformed into the plots CRS.
    """
    from qgis.core import QgsCoordinateTransform, QgsProject, QgsWkbTypes
    if source_layer.geometryType() != QgsWkbTypes.GeometryType.PolygonGeometry:
        raise ProjectError(tr("{}: not a polygon layer", source_layer.name()))
    transform = QgsCoordinateTransform(source_layer.crs(), plots_layer.crs(), QgsProject.instance())
    request = QgsFeatureRequest().setFilterFids(list(source_fids))
    fields = plots_layer.fields()
    new_ids = []
    with edit_command(plots_layer, tr("fill {} plots from {}", len(source_fids), source_layer.name())):
        for feature in source_layer.getFeatures(request):
            geometry = QgsGeometry(feature.geometry())
            if geometry.isNull() or geometry.isEmpty():
                continue
            geometry.transform(transform)
            geometry.convertToMultiType()
            attributes = {"project_code": project_code, "plot_code": next_plot_code(plots_layer, project_code)}
            if class_field:
                code = _value(feature, class_field)
                if code is not None:
                    attributes[as_class] = str(code)
            new = QgsVectorLayerUtils.createFeature(
                plots_layer, geometry, {fields.indexOf(k): v for k, v in attributes.items()})
            if not plots_layer.addFeature(new):
                raise ProjectError(tr("{} feature {}: could not be added as a plot", source_layer.name(), feature.id()))
            new_ids.append(new.id())
    return new_ids


def new_feature(plots_layer, geometry, attributes):
    """A plots feature (not added) with ``attributes`` by name: for the attribute form."""
    fields = plots_layer.fields()
    geometry = QgsGeometry(geometry)
    geometry.convertToMultiType()
    feature = QgsVectorLayerUtils.createFeature(
        plots_layer, geometry, {fields.indexOf(k): v for k, v in attributes.items() if fields.indexOf(k) >= 0})
    return QgsFeature(feature)
