"""Constraint checks of supplementary-farmland plots against basic farmland, the red line, slope and extra layers.

domain.md §5.  A ``ConstraintSet`` names the constraint layers (saved in the QGIS project and
shareable as a JSON file); a ``ConstraintEngine`` checks plots against it, one plot live
(``check_geometry``) or whole layers (``check_plots``), and returns ``PlotCheck`` and
``ProjectCheck`` results: ellipsoidal overlap areas on CGCS2000 (m² and 亩), shares, the ids of
the conflicting features, a status and a readable message.  A constraint layer that is missing,
unreadable, empty or without a CRS gives ``not_checked``, which never counts as ``ok``.

Speed: each constraint layer's spatial index is cached per layer and CRS in
``registry.REGISTRY``; edits of the layer's buffer are laid over it, a commit, reload or
removal drops it (an unedited GeoPackage layer is indexed from one bulk read, ``gpkg_index``).
``check_plots`` measures the planar overlaps of all plots with a layer together
(``LayerIndex.overlap_planar_many``: numpy, ``overlap_area``), the live ``check_geometry`` plot by
plot with the plot's prepared GEOS geometry; pairs numpy cannot be sure of go that way too.
Planar overlaps are turned into ellipsoidal ones with the plot's own ellipsoidal/planar ratio
where ``area_scale`` bounds the error at 1e-6 (else measured).  Overlap geometries of a batch
are built only when read (the dock flashes a few).
"""
import functools
import math
import threading

from qgis.core import (QgsCoordinateReferenceSystem, QgsExpression, QgsFeatureRequest, QgsGeometry, QgsProject,
                       QgsRasterLayer, QgsVectorLayer, QgsWkbTypes)

from . import rules as constraint_rules
from .batch_check import measure_plots
from .constraint_set import ConstraintSet, _is_deleted
from .measure import PlotMeasure, _fmt_area, _mu
from .plots import _kind_label, _positions, _values, classify_plot
from .registry import REGISTRY
from .results import LayerCheck, PlotCheck, ProjectCheck
from .shapes import merge_overlapping, repaired
from .status import (ROLE_BASIC_FARMLAND, ROLE_LAND_SURVEY, ROLE_RED_LINE, ROLE_SLOPE, SEVERITY_BLOCKING,
                     SEVERITY_INFO, SEVERITY_WARNING, STATUS_BLOCKING, STATUS_NOT_CHECKED, STATUS_OK,
                     STATUS_WARNING, status_rank, worst_status)
from .. import tables
from ..credits import NEW_FARMLAND
from ..layer_credits import PlotFields
from ...i18n import tr


def default_workers():
    """Threads for the per-plot findings of a batch (GEOS and Python: the GIL).  Two threads
    measured no faster than one on the 2-core bench machine, the Python between the GEOS calls
    holding the GIL; so one is the default.  Set ``engine.workers = 2`` to try more on a larger
    machine."""
    return 1


def batch_threads():
    """Threads measuring a batch's chunks at once (numpy releases the GIL in its loops).  One: on the
    shared 2-core bench machine two threads measured no faster (1M parcels: 18.8 and 25.4 s against
    19.9 and 21.8 s, at a load of 11) and each chunk in flight holds ~80 MiB more.  Set
    ``engine.batch_threads = 2`` on an idle machine with cores to spare."""
    return 1


def crs_is_defined(crs):
    """False for an invalid CRS and for GeoPackage's placeholders ("Undefined geographic/cartesian SRS")."""
    if crs is None or not crs.isValid():
        return False
    return bool(crs.authid()) or "undefined" not in crs.description().lower()


class _LazyEngine:
    """The prepared GEOS engine of a plot, made on first use: a batch measures most plots without it."""
    __slots__ = ("_geometry", "_engine")

    def __init__(self, geometry):
        self._geometry = geometry
        self._engine = None

    def __getattr__(self, name):
        engine = self._engine
        if engine is None:
            engine = QgsGeometry.createGeometryEngine(self._geometry.constGet())
            engine.prepareGeometry()
            self._engine = engine
        return getattr(engine, name)


def _lazy_overlap(index, plot_geometry, rectangle, accept):
    """The overlap geometry of a plot with a layer, as ``overlap_planar`` builds it."""
    engine = QgsGeometry.createGeometryEngine(plot_geometry.constGet())
    engine.prepareGeometry()
    return index.overlap_planar(engine, rectangle, accept)[2]


# ----------------------------------------------------------------------------------------------
# the engine


class _Resolved:
    """A constraint entry resolved to a readable layer, or the reason it is not checked."""

    def __init__(self, entry, layer=None, problem=""):
        self.entry = entry
        self.layer = layer
        self.problem = problem
        self.attribute = None
        self.accept = None


def _number(value):
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(number) else number


def _steeper_than(max_slope_deg):
    threshold = float(max_slope_deg)
    return lambda value: (_number(value) or 0.0) > threshold


class ConstraintEngine:
    """Checks plots against a constraint set; caches per-layer indexes (see ``registry``)."""

    def __init__(self, constraint_set, profile=None, project=None, transform_context=None):
        if constraint_set is None:
            constraint_set = ConstraintSet()
        self.constraint_set = constraint_set
        self.profile = profile or tables.load_rule_profile()
        self.project = project or QgsProject.instance()
        self.transform_context = transform_context or self.project.transformContext()
        self.rules = constraint_rules.defaults()
        self.workers = default_workers()
        self.batch_threads = batch_threads()
        self._snapshots = {}    # layer id -> LayerSource taken on the main thread for a worker thread
        self._opened = {}       # source -> layer opened by the engine (not in the project)
        self._steep = {}        # (raster id, threshold) -> memory layer of steep areas
        self._trusted = {}      # CRS -> whether the batch's area model agreed with QgsDistanceArea

    def snapshot_layers(self):
        """Call on the main thread before checking in a QgsTask: indexes not yet cached will be
        built from thread-safe snapshots of the constraint layers."""
        from .registry import LayerSource
        self._snapshots = {}
        for entry in self.constraint_set.layers:
            resolved = self.resolve(entry)
            if not resolved.problem and isinstance(resolved.layer, QgsVectorLayer):
                self._snapshots[resolved.layer.id()] = LayerSource(resolved.layer)

    def close(self):
        """Drop the layers the engine opened itself (from sources not in the project); Python owns
        them, so they are deleted here rather than at interpreter exit."""
        self._opened.clear()
        self._steep.clear()

    # --- layer resolution ---------------------------------------------------------------------

    def _open(self, entry):
        key = (entry.provider, entry.source)
        layer = self._opened.get(key)
        if layer is None:
            if entry.provider == "gdal":
                layer = QgsRasterLayer(entry.source, entry.name, "gdal")
            else:
                layer = QgsVectorLayer(entry.source, entry.name, entry.provider or "ogr")
            self._opened[key] = layer
        return layer

    def resolve(self, entry):
        """``_Resolved``: the layer to read, or why the entry is ``not_checked``."""
        layer = entry.layer if entry.layer is not None and not _is_deleted(entry.layer) else None
        if layer is None and entry.layer_id:
            layer = self.project.mapLayer(entry.layer_id)
        if layer is None and entry.source:
            layer = self._open(entry)
        if layer is None:
            return _Resolved(entry, None, tr("layer '{}' is missing from the project", entry.name))
        if not layer.isValid():
            return _Resolved(entry, None, tr("layer '{}' cannot be read ({})", entry.name, entry.source or entry.layer_id))
        if not crs_is_defined(layer.crs()):
            return _Resolved(entry, None, tr("layer '{}' has no coordinate reference system", entry.name))
        if isinstance(layer, QgsRasterLayer):
            if entry.role != ROLE_SLOPE:
                return _Resolved(entry, None, tr("layer '{}' is a raster; only a slope DEM may be a raster", entry.name))
            try:
                layer = self._steep_layer(layer, entry.max_slope_deg)
            except Exception as exc:  # noqa: BLE001 - an unreadable DEM is reported, never a crash
                return _Resolved(entry, None, tr("the DEM '{}' cannot be turned into slope ({})", entry.name, exc))
            resolved = _Resolved(entry, layer)
            resolved.attribute = "slope_deg"
            resolved.accept = _steeper_than(entry.max_slope_deg)
            return resolved
        if not isinstance(layer, QgsVectorLayer) or layer.geometryType() != QgsWkbTypes.PolygonGeometry:
            return _Resolved(entry, None, tr("layer '{}' is not a polygon layer", entry.name))
        if layer.featureCount() == 0:
            return _Resolved(entry, None, tr("layer '{}' is empty", entry.name))
        resolved = _Resolved(entry, layer)
        if entry.role == ROLE_SLOPE:
            name = entry.slope_field or "slope_deg"
            if layer.fields().indexOf(name) < 0:
                return _Resolved(entry, None, tr("slope layer '{}' has no field '{}'", entry.name, name))
            resolved.attribute = name
            resolved.accept = _steeper_than(entry.max_slope_deg)
        elif entry.role == ROLE_LAND_SURVEY:
            name = entry.class_field or "dlbm"
            if layer.fields().indexOf(name) < 0:
                return _Resolved(entry, None, tr("land-survey layer '{}' has no field '{}'", entry.name, name))
            resolved.attribute = name
        return resolved

    def _steep_layer(self, raster, max_slope_deg):
        key = (raster.id(), raster.source(), float(max_slope_deg))
        layer = self._steep.get(key)
        if layer is None:
            from .dem import steep_area_layer
            layer = steep_area_layer(raster, max_slope_deg)
            self._steep[key] = layer
        return layer

    def prepare(self, target_crs, feedback=None, resolved_entries=None):
        """Resolve every entry and build (or reuse) its index in ``target_crs``: ``[(resolved, index)]``."""
        if resolved_entries is None:
            resolved_entries = [self.resolve(entry) for entry in self.constraint_set.layers]
        prepared = []
        for resolved in resolved_entries:
            index = None
            if not resolved.problem:
                try:
                    source = self._snapshots.pop(resolved.layer.id(), resolved.layer)  # used once
                    index = REGISTRY.get(resolved.layer, source, target_crs, self.transform_context,
                                         resolved.attribute, feedback)
                except Exception as exc:  # noqa: BLE001
                    resolved.problem = tr("layer '{}' cannot be read ({})", resolved.entry.name, exc)
            prepared.append((resolved, index))
        return prepared

    # --- one plot -----------------------------------------------------------------------------

    @staticmethod
    def _prepare_plot(geometry, measure=None, validate=True):
        """``(usable geometry or None, problem, area_m2, prepared engine, bbox)`` of one plot; without
        ``measure`` the area is left at 0 (a batch measures all plots' areas together), without
        ``validate`` the geometry is taken as it is (a batch tests it, and prepares again the few it
        cannot show valid)."""
        problem = ""
        if geometry is None or geometry.isNull() or geometry.isEmpty():
            return None, tr("the plot has no geometry"), 0.0, None, None
        if not validate:
            return geometry, "", 0.0, _LazyEngine(geometry), geometry.boundingBox()
        usable, error = repaired(geometry)
        if error:
            problem = tr("the plot geometry is invalid: {} (repaired for the check)", error)
        if usable is None:
            return None, problem or tr("the plot has no usable geometry"), 0.0, None, None
        engine = _LazyEngine(usable)
        area_m2 = measure.area_m2(usable) if measure is not None else 0.0
        return usable, problem, area_m2, engine, usable.boundingBox()

    def _check_one(self, prepared, geometry, measure, plot_kind, plot_fid=-1, plot_code="", project_code="",
                   class_before=None, plot=None, measured=None):
        """``measured``: ``{position in prepared: (hits, overlap m²)}`` from a batch."""
        plot_messages = []        # (status, message)
        usable, problem, area_m2, engine, rectangle = plot or self._prepare_plot(geometry, measure)
        if usable is None:
            check = PlotCheck(plot_fid, plot_code, project_code, plot_kind, STATUS_BLOCKING,
                              problem or tr("the plot has no usable geometry"), [],
                              blocking_reason=problem or tr("the plot has no usable geometry"))
            check.messages = [check.message]
            check.layers = [LayerCheck(r.entry.role, r.entry.name, STATUS_NOT_CHECKED, check.message,
                                       severity=r.entry.severity) for r, _i in prepared]
            return check
        if problem:
            plot_messages.append((STATUS_BLOCKING, problem))
        if area_m2 < self.profile.min_mapping_area_m2:
            plot_messages.append((STATUS_WARNING, tr(
                "the plot is {:.1f} m², below the minimum mapping area of {:.0f} m²", area_m2,
                self.profile.min_mapping_area_m2)))

        layer_checks = []
        for position, (resolved, index) in enumerate(prepared):
            layer_checks.append(self._layer_check(resolved, index, engine, rectangle, measure, area_m2, plot_kind,
                                                  class_before,
                                                  measured.get(position) if measured else None, usable))
        check = PlotCheck(plot_fid, plot_code, project_code, plot_kind, STATUS_OK, "", layer_checks,
                          area_m2=area_m2, geometry=usable)
        for layer_check in layer_checks:
            if layer_check.overlap_m2:
                if layer_check.role == ROLE_BASIC_FARMLAND:
                    check.bf_overlap_m2 += layer_check.overlap_m2
                elif layer_check.role == ROLE_RED_LINE:
                    check.rl_overlap_m2 += layer_check.overlap_m2
                elif layer_check.role == ROLE_SLOPE:
                    check.slope_overlap_m2 += layer_check.overlap_m2
        for (resolved, _index), layer_check in zip(prepared, layer_checks):
            entry = resolved.entry
            if (entry.excludes_credit and plot_kind == NEW_FARMLAND and plot_kind in entry.applies_to
                    and layer_check.overlap_m2):
                check.excluded_m2 += layer_check.overlap_m2
        check.excluded_m2 = min(check.excluded_m2, area_m2)
        findings = plot_messages + [(c.status, f"{c.name}: {c.message}") for c in layer_checks]
        findings.sort(key=lambda item: status_rank(item[0]))
        check.status = worst_status([status for status, _m in findings] or [STATUS_OK])
        if not prepared and check.status == STATUS_OK:
            # no constraint layer at all: the plot itself passed, but nothing was checked against it
            check.status = STATUS_NOT_CHECKED
            findings.insert(0, (STATUS_NOT_CHECKED, tr("no constraint layer is configured")))
        check.messages = [message for status, message in findings if status != STATUS_OK] or \
            [message for _status, message in findings][:1]
        check.message = "; ".join(check.messages) if check.messages else tr("no conflict")
        blocking = [message for status, message in findings if status == STATUS_BLOCKING]
        check.blocking_reason = "; ".join(blocking)
        return check

    def _layer_check(self, resolved, index, engine, rectangle, measure, plot_area_m2, plot_kind, class_before,
                     measured=None, plot_geometry=None):
        entry = resolved.entry
        base = LayerCheck(entry.role, entry.name, STATUS_NOT_CHECKED, "", severity=entry.severity)
        if resolved.problem or index is None:
            base.message = tr("not checked: {}", resolved.problem or tr("no index"))
            return base
        if entry.role == ROLE_LAND_SURVEY:
            return self._survey_check(resolved, index, engine, rectangle, measure, plot_area_m2, plot_kind,
                                      class_before, base)
        if measured is not None:
            fids, area = measured               # a batch measured it; the geometry is built if asked for
            overlap = functools.partial(_lazy_overlap, index, plot_geometry, rectangle, resolved.accept) \
                if fids else None
        else:
            fids, _planar_m2, overlap, area = index.overlap(engine, rectangle, resolved.accept, measure)
        if overlap is None:
            area = 0.0
        applies = plot_kind in entry.applies_to
        if area <= self.rules.min_overlap_m2:
            base.status = STATUS_OK
            base.overlap_m2, base.overlap_mu, base.share = 0.0, 0.0, 0.0
            base.message = tr("no overlap")
        else:
            base.overlap_m2, base.overlap_mu = area, _mu(area)
            base.share = area / plot_area_m2 if plot_area_m2 else None
            base.feature_ids = sorted(fids)
            if callable(overlap):
                base.set_geometry_source(overlap)
            else:
                base.geometry = overlap
            where = tr("{} ({:.1f}% of the plot) overlaps {} feature(s)", _fmt_area(area), 100 * (base.share or 0),
                       len(fids))
            if not applies:
                base.status = STATUS_OK
                base.message = tr("{}: allowed for a {} plot", where, _kind_label(plot_kind))
            elif entry.severity == SEVERITY_INFO:
                base.status = STATUS_OK
                base.message = where
            else:
                base.status = STATUS_BLOCKING if entry.severity == SEVERITY_BLOCKING else STATUS_WARNING
                base.message = f"{where}: {self._consequence(entry, plot_kind)}"
        repairs = [fid for fid in fids if fid in index.repairs] if fids else []
        if repairs:
            base.message += "; " + tr("invalid feature geometries repaired for the check: {}",
                                      ", ".join(f"fid {fid} ({index.repairs[fid]})" for fid in repairs[:5]))
        return base

    def _consequence(self, entry, plot_kind):
        if entry.role == ROLE_BASIC_FARMLAND and entry.excludes_credit and plot_kind == NEW_FARMLAND:
            return tr("already cultivated land, excluded from the new-farmland credit")
        if entry.role == ROLE_RED_LINE:
            return tr("new farmland may not be created inside the ecological red line")
        if entry.role == ROLE_SLOPE:
            return tr("slope above {:g}°", entry.max_slope_deg)
        if entry.severity == SEVERITY_BLOCKING:
            return tr("not allowed")
        return tr("to be reviewed")

    def _survey_check(self, resolved, index, engine, rectangle, measure, plot_area_m2, plot_kind, class_before,
                      base):
        entry = resolved.entry
        groups = index.overlap_by_value(engine, rectangle)
        areas = {}
        fids_by_code = {}
        for value, (fids, geometry) in groups.items():
            code = str(value).strip() if value is not None else ""
            areas[code] = areas.get(code, 0.0) + (measure.area_m2(geometry) if geometry is not None else 0.0)
            fids_by_code.setdefault(code, []).extend(fids)
        covered = sum(areas.values())
        if covered <= self.rules.min_overlap_m2:
            base.status = STATUS_WARNING
            base.message = tr("the land survey does not cover the plot")
            return base
        cultivated = {code: area for code, area in areas.items() if tables.is_cultivated(code)}
        cultivated_m2 = sum(cultivated.values())
        share = cultivated_m2 / plot_area_m2 if plot_area_m2 else 0.0
        base.overlap_m2, base.overlap_mu, base.share = cultivated_m2, _mu(cultivated_m2), share
        dominant = max(areas, key=areas.get)
        dominant_share = areas[dominant] / plot_area_m2 if plot_area_m2 else 0.0
        claimed = str(class_before).strip() if class_before not in (None, "") else ""
        if (plot_kind == NEW_FARMLAND and plot_kind in entry.applies_to
                and share > self.rules.survey_cultivated_share_max):
            base.status = STATUS_BLOCKING if entry.severity == SEVERITY_BLOCKING else (
                STATUS_WARNING if entry.severity == SEVERITY_WARNING else STATUS_OK)
            base.feature_ids = sorted(fid for code in cultivated for fid in fids_by_code[code])
            base.message = tr("the land survey shows cultivated land ({}) on {} ({:.1f}%) of a plot claimed as new "
                              "farmland", ", ".join(sorted(cultivated)), _fmt_area(cultivated_m2), 100 * share)
        elif claimed and dominant != claimed:
            base.status = STATUS_WARNING
            base.feature_ids = sorted(fids_by_code[dominant])
            base.message = tr("class before is {} but the land survey shows {} on {:.1f}% of the plot", claimed,
                              dominant, 100 * dominant_share)
        else:
            base.status = STATUS_OK
            base.message = tr("the land survey agrees ({} on {:.1f}% of the plot)", dominant, 100 * dominant_share)
        return base

    def check_geometry(self, geometry, crs, plot_kind, plot_code="", project_code="", class_before=None,
                       plot_fid=-1, feedback=None):
        """Check one plot geometry (in ``crs``) of ``plot_kind``: the live check while drawing."""
        if isinstance(crs, str):
            crs = QgsCoordinateReferenceSystem(crs)
        if not crs_is_defined(crs):
            message = tr("the plot layer has no coordinate reference system: nothing can be checked")
            return PlotCheck(plot_fid, plot_code, project_code, plot_kind, STATUS_NOT_CHECKED, message, [],
                             messages=[message])
        measure = PlotMeasure(crs, self.transform_context)
        if threading.current_thread() is threading.main_thread():
            self._snapshots = {}     # left over from a canceled task: read the live layers instead
        prepared = self.prepare(crs, feedback)
        return self._check_one(prepared, geometry, measure, plot_kind, plot_fid, plot_code, project_code,
                               class_before)

    # --- whole layers ---------------------------------------------------------------------------

    def check_plots(self, plots_layer, project_codes=None, feedback=None, fields=None, request=None,
                    project_types=None):
        """Check every plot (or those of ``project_codes``): ``{project_code: ProjectCheck}``.

        ``plots_layer``: a QgsVectorLayer or any feature source (a thread-safe snapshot).
        ``project_types``: optional ``{project_code: project_type}``; the consolidation rules then
        apply only to the types listed in ``constraint_rules.json`` (else to every project).
        """
        fields = fields or PlotFields()
        crs = plots_layer.sourceCrs() if hasattr(plots_layer, "sourceCrs") else plots_layer.crs()
        request = QgsFeatureRequest(request) if request is not None else QgsFeatureRequest()
        if project_codes is not None:
            codes = [str(code) for code in project_codes]
            if not codes:
                return {}
            expression = " OR ".join(QgsExpression.createFieldEqualityExpression(fields.project_code, code)
                                     for code in codes)
            request.combineFilterExpression(expression)
        if not crs_is_defined(crs):
            return self._all_not_checked(plots_layer, request, fields,
                                         tr("the plot layer has no coordinate reference system"))
        measure = PlotMeasure(crs, self.transform_context)
        # the index build (one long C++ call that releases the GIL) runs while the plots are read
        # and prepared here; layers are read through snapshots when this is the main thread
        if threading.current_thread() is threading.main_thread():
            self.snapshot_layers()
        resolved_entries = [self.resolve(entry) for entry in self.constraint_set.layers]
        holder = {}

        def build():
            try:
                holder["prepared"] = self.prepare(crs, feedback, resolved_entries)
            except Exception as exc:  # noqa: BLE001 - raised again below, in the caller's thread
                holder["error"] = exc

        builder = threading.Thread(target=build, name="constraint-index-build")
        builder.start()
        items = []
        try:
            positions = None
            for feature in plots_layer.getFeatures(request):
                if feedback is not None and feedback.isCanceled():
                    break
                if positions is None:
                    positions = _positions(feature.fields(), fields)
                values = _values(feature, fields, positions)
                kind = classify_plot(values["class_before"], values["class_after"])
                geometry = feature.geometry()
                items.append((feature.id(), geometry, values, kind, self._prepare_plot(geometry, validate=False)))
        finally:
            builder.join()
        if "error" in holder:
            raise holder["error"]
        prepared = holder["prepared"]
        if feedback is not None and feedback.isCanceled():
            return {}
        checks = self._check_items(prepared, items, crs, max(1, len(items)), feedback)
        if checks is None:
            return {}
        by_project = {}
        for (_fid, _geometry, values, _kind, _plot), check in zip(items, checks):
            by_project.setdefault(values["project_code"], []).append((check, values["class_before"]))
        results = {}
        for code, items in by_project.items():
            results[code] = self._project_check(code, items, prepared, measure, project_types)
        if feedback is not None:
            feedback.setProgress(100.0)
        return results

    def _check_items(self, prepared, items, crs, total, feedback):
        """PlotChecks of ``items`` in order: the plots' areas and overlaps measured for all plots
        together (``batch_check.measure_plots``), then each plot's findings on ``self.workers`` threads
        (GEOS releases the GIL); None when canceled."""
        measure = PlotMeasure(crs, self.transform_context)
        found = measure_plots(prepared, [item[4] for item in items], crs, measure, feedback, self._trusted,
                              self.batch_threads)
        if found is None:
            return None
        areas, measured, unproven = found
        numbered = []
        for number, (item, area, extra) in enumerate(zip(items, areas, measured)):
            if number in unproven:        # not shown valid in numpy: GEOS decides (and repairs), QGIS measures
                numbered.append(item[:4] + (self._prepare_plot(item[1], measure), {}))
            else:
                numbered.append(item[:4] + (item[4][:2] + (area,) + item[4][3:], extra))

        def run(chunk, progress):
            measure = PlotMeasure(crs, self.transform_context)   # a transform is not shared across threads
            found = []
            for fid, geometry, values, kind, plot, extra in chunk:
                if feedback is not None and feedback.isCanceled():
                    return None
                found.append(self._check_one(prepared, geometry, measure, kind, fid,
                                             values["plot_code"] or f"fid {fid}", values["project_code"],
                                             values["class_before"], plot, extra))
                if progress:
                    progress()
            return found

        done = [0]

        def progress():
            done[0] += 1
            if feedback is not None and done[0] % 32 == 0:
                feedback.setProgress(50.0 + 50.0 * done[0] / total)

        items = numbered
        workers = max(1, min(int(self.workers or 1), len(items) // 64 or 1))
        if workers == 1:
            return run(items, progress)
        from concurrent.futures import ThreadPoolExecutor
        size = max(1, math.ceil(len(items) / (workers * 4)))
        chunks = [items[start:start + size] for start in range(0, len(items), size)]
        with ThreadPoolExecutor(max_workers=workers) as pool:
            parts = list(pool.map(lambda chunk: run(chunk, progress), chunks))
        if any(part is None for part in parts):
            return None
        return [check for part in parts for check in part]

    def _all_not_checked(self, plots_layer, request, fields, reason):
        results = {}
        for feature in plots_layer.getFeatures(request):
            values = _values(feature, fields)
            kind = classify_plot(values["class_before"], values["class_after"])
            check = PlotCheck(feature.id(), values["plot_code"], values["project_code"], kind, STATUS_NOT_CHECKED,
                              reason, [], messages=[reason])
            project = results.setdefault(values["project_code"], ProjectCheck(values["project_code"],
                                                                              STATUS_NOT_CHECKED, [reason], [], []))
            project.plots.append(check)
        return results

    def _project_check(self, code, items, prepared, measure, project_types):
        plots = [check for check, _before in items]
        befores = [before for _check, before in items]
        project = ProjectCheck(code, STATUS_OK, [], plots, [])
        project.area_m2 = sum(check.area_m2 for check in plots)
        plots_overlap = _any_interior_overlap([check.geometry for check in plots])
        for position, (resolved, _index) in enumerate(prepared):
            entry = resolved.entry
            layer_checks = [check.layers[position] for check in plots if position < len(check.layers)]
            aggregate = LayerCheck(entry.role, entry.name, STATUS_NOT_CHECKED, "", severity=entry.severity)
            if resolved.problem:
                aggregate.message = tr("not checked: {}", resolved.problem)
            else:
                pieces = [check.geometry for check in layer_checks if check.overlap_m2] if plots_overlap else []
                pieces = [piece for piece in pieces if piece is not None]
                statuses = [check.status for check in layer_checks]
                aggregate.status = worst_status(statuses)
                if len(pieces) > 1:
                    # plots of this project overlap each other: their overlaps must count once
                    area = measure.area_m2(merge_overlapping(pieces))
                else:
                    area = sum(check.overlap_m2 or 0.0 for check in layer_checks)
                aggregate.overlap_m2, aggregate.overlap_mu = area, _mu(area)
                aggregate.share = area / project.area_m2 if project.area_m2 else None
                aggregate.feature_ids = sorted({fid for check in layer_checks for fid in check.feature_ids})
                conflicting = sum(1 for check in layer_checks if check.status in (STATUS_WARNING, STATUS_BLOCKING))
                if area > 0 or conflicting:
                    aggregate.message = tr("{} of {} plot(s) affected; {} ({:.1f}% of the project)", conflicting,
                                           len(layer_checks), _fmt_area(area), 100 * (aggregate.share or 0))
                else:
                    aggregate.message = tr("no overlap")
                if aggregate.status == STATUS_NOT_CHECKED and not aggregate.message:
                    aggregate.message = tr("not checked")
            project.layers.append(aggregate)
        geometries = [check.geometry for check in plots]
        applies_rules = project_types is None or project_types.get(code) in self.rules.consolidation_project_types
        if applies_rules:
            project.rules = constraint_rules.consolidation_checks(
                self.profile, [check.area_m2 for check in plots], geometries, befores, tr)
        findings = []
        for check in plots:
            for message in check.messages:
                if check.status != STATUS_OK:
                    findings.append((check.status, f"{check.plot_code}: {message}"))
        for rule in project.rules:
            findings.append((rule.status, rule.message))
        findings.sort(key=lambda item: status_rank(item[0]))
        project.status = worst_status([check.status for check in plots] + [rule.status for rule in project.rules])
        project.messages = [message for _status, message in findings]
        if not project.messages:
            project.messages = [tr("no conflict with the constraint layers")]
        return project


def _any_interior_overlap(geometries):
    """True when two of ``geometries`` share area (plots that only share an edge do not)."""
    usable = [(g, g.boundingBox()) for g in geometries if g is not None and not g.isEmpty()]
    for i, (first, first_box) in enumerate(usable):
        for second, second_box in usable[i + 1:]:
            if first_box.intersects(second_box) and first.intersects(second) and not first.touches(second):
                return True
    return False
