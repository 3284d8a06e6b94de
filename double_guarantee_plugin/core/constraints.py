"""Constraint checks of supplementary-farmland plots against basic farmland, the red line, slope and extra layers.

domain.md §5.  A ``ConstraintSet`` names the constraint layers (saved in the QGIS project and
shareable as a JSON file); a ``ConstraintEngine`` checks plots against it, one plot live
(``check_geometry``) or whole layers (``check_plots``), and returns ``PlotCheck`` and
``ProjectCheck`` results: ellipsoidal overlap areas on CGCS2000 (m² and 亩), shares, the ids of
the conflicting features, a status and a readable message.  A constraint layer that is missing,
unreadable, empty or without a CRS gives ``not_checked``, which never counts as ``ok``.

Speed: each constraint layer's spatial index is cached per layer and CRS in
``constraint_index.REGISTRY``; edits of the layer's buffer are laid over it, a commit, reload or
removal drops it (an unedited GeoPackage layer is indexed from one bulk read, ``constraint_gpkg``).
``check_plots`` measures the planar overlaps of all plots with a layer together
(``LayerIndex.overlap_planar_many``: numpy, ``overlap_area``), the live ``check_geometry`` plot by
plot with the plot's prepared GEOS geometry; pairs numpy cannot be sure of go that way too.
Planar overlaps are turned into ellipsoidal ones with the plot's own ellipsoidal/planar ratio
where ``constraint_scale`` bounds the error at 1e-6 (else measured).  Overlap geometries of a batch
are built only when read (the dock flashes a few).
"""
import functools
import json
import math
import threading
from dataclasses import dataclass, field, fields as dataclass_fields

from qgis.core import (QgsCoordinateReferenceSystem, QgsExpression, QgsFeatureRequest, QgsGeometry, QgsMapLayer,
                       QgsProject, QgsRasterLayer, QgsVectorLayer, QgsWkbTypes)

from . import constraint_rules, tables
from .area import EllipsoidalArea
from .constraint_index import REGISTRY, merge_overlapping, polygonal_part, repaired
from .constraint_scale import AreaScale
from .credits import NEW_FARMLAND, NOT_CREDITABLE, UPGRADING
from .layer_credits import PlotFields
from .units import m2_to_mu
from ..i18n import tr

STATUS_OK, STATUS_WARNING, STATUS_BLOCKING, STATUS_NOT_CHECKED = "ok", "warning", "blocking", "not_checked"
STATUS_ORDER = (STATUS_OK, STATUS_WARNING, STATUS_BLOCKING)  # worse to the right; not_checked is separate

SEVERITY_BLOCKING, SEVERITY_WARNING, SEVERITY_INFO = "blocking", "warning", "info"
ROLE_BASIC_FARMLAND, ROLE_RED_LINE, ROLE_SLOPE, ROLE_EXTRA = "basic_farmland", "red_line", "slope", "extra"
ROLE_LAND_SURVEY = "land_survey"
ROLES = (ROLE_BASIC_FARMLAND, ROLE_RED_LINE, ROLE_SLOPE, ROLE_LAND_SURVEY, ROLE_EXTRA)

PROJECT_SCOPE = "DoubleGuarantee"
PROJECT_KEY = "constraint_set"
FILE_SCHEMA = "constraint_set/1"

# how a plot's worst finding ranks: a layer we could not check hides nothing worse than a warning,
# so not_checked sits between blocking and warning (and is never shown as ok)
_RANK = {STATUS_BLOCKING: 0, STATUS_NOT_CHECKED: 1, STATUS_WARNING: 2, STATUS_OK: 3}


def worst_status(statuses):
    """blocking > not_checked > warning > ok; an empty list is not_checked (nothing was checked)."""
    statuses = [status for status in statuses if status]
    if not statuses:
        return STATUS_NOT_CHECKED
    return min(statuses, key=lambda status: _RANK.get(status, 1))


def status_rank(status):
    return _RANK.get(status, 1)


def status_label(status):
    from .verdicts import verdict_label    # the one table of verdict words
    return verdict_label(status)


def role_label(role):
    return {ROLE_BASIC_FARMLAND: tr("Basic farmland"), ROLE_RED_LINE: tr("Ecological red line"),
            ROLE_SLOPE: tr("Slope"), ROLE_LAND_SURVEY: tr("Land survey"), ROLE_EXTRA: tr("Other layer")}.get(role, role)


def default_workers():
    """Threads for batch checks.  GEOS calls release the GIL, but two threads measured no faster
    than one on the 2-core bench machine (4,128 plots, warm: 2.40/2.55 s against 2.61/2.45 s),
    the Python between the GEOS calls holding the GIL; so one is the default.  Set
    ``engine.workers = 2`` to try more on a larger machine."""
    return 1


def crs_is_defined(crs):
    """False for an invalid CRS and for GeoPackage's placeholders ("Undefined geographic/cartesian SRS")."""
    if crs is None or not crs.isValid():
        return False
    return bool(crs.authid()) or "undefined" not in crs.description().lower()


def classify_plot(class_before, class_after):
    """The plot kind of core.credits from its land classes only (grades do not matter for the checks)."""
    classes = tables.land_classes()
    before = str(class_before).strip() if class_before not in (None, "") else ""
    after = str(class_after).strip() if class_after not in (None, "") else ""
    if after not in classes or not classes[after].is_cultivated:
        return NOT_CREDITABLE
    if before not in classes:
        return NOT_CREDITABLE
    return UPGRADING if classes[before].is_cultivated else NEW_FARMLAND


# ----------------------------------------------------------------------------------------------
# the constraint set


@dataclass
class ConstraintLayer:
    """One entry of a constraint set."""
    role: str                  # "basic_farmland" | "red_line" | "slope" | "land_survey" | "extra"
    layer_id: str              # QgsProject layer id, or "" when given a layer object
    source: str                # layer source URI (for saving/sharing)
    name: str
    severity: str              # "blocking" | "warning" | "info"
    applies_to: tuple          # plot kinds: ("new_farmland", "upgrading")
    slope_field: str = ""      # for a slope polygon layer
    max_slope_deg: float = 25.0
    class_field: str = ""      # for a land-survey layer (``dlbm``)
    provider: str = "ogr"      # "ogr" (vector) or "gdal" (a DEM raster for slope)
    excludes_credit: bool = False   # overlap is taken out of new-farmland credit (basic farmland)
    layer: object = field(default=None, repr=False, compare=False)  # the layer object, not saved

    def to_dict(self):
        data = {item.name: getattr(self, item.name) for item in dataclass_fields(self) if item.name != "layer"}
        data["applies_to"] = list(self.applies_to)
        return data

    @classmethod
    def from_dict(cls, data, where=""):
        if not isinstance(data, dict):
            raise ValueError(f"{where}: a constraint layer should be an object")
        role = data.get("role")
        if role not in ROLES:
            raise ValueError(f"{where}: role '{role}' is not one of {', '.join(ROLES)}")
        rule = constraint_rules.defaults().role(role)
        severity = data.get("severity", rule["severity"])
        if severity not in constraint_rules.SEVERITIES:
            raise ValueError(f"{where}: severity '{severity}' is not one of {', '.join(constraint_rules.SEVERITIES)}")
        applies = data.get("applies_to", rule["applies_to"])
        if not isinstance(applies, (list, tuple)) or any(k not in constraint_rules.PLOT_KINDS_CHECKED for k in applies):
            raise ValueError(f"{where}: applies_to should list plot kinds of {constraint_rules.PLOT_KINDS_CHECKED}")
        if not data.get("source") and not data.get("layer_id"):
            raise ValueError(f"{where}: neither 'source' nor 'layer_id' is given")
        try:
            max_slope = float(data.get("max_slope_deg", rule.get("max_slope_deg", 25.0)))
        except (TypeError, ValueError):
            raise ValueError(f"{where}: max_slope_deg should be a number") from None
        return cls(role, str(data.get("layer_id", "")), str(data.get("source", "")), str(data.get("name", role)),
                   severity, tuple(applies), str(data.get("slope_field", "")), max_slope,
                   str(data.get("class_field", "")), str(data.get("provider", "ogr")),
                   bool(data.get("excludes_credit", rule.get("excludes_credit", False))))


def _is_deleted(obj):
    try:
        from qgis.PyQt import sip
        return sip.isdeleted(obj)
    except Exception:  # noqa: BLE001
        return False


def make_layer_entry(role, layer, name=None, severity=None, applies_to=None, slope_field="", max_slope_deg=None,
                     class_field="", project=None):
    """A ConstraintLayer for ``layer`` (a QGIS layer object or a source URI/path) with the role's defaults."""
    rule = constraint_rules.defaults().role(role)
    project = project or QgsProject.instance()
    layer_id = source = ""
    provider = "ogr"
    obj = None
    if isinstance(layer, QgsMapLayer):
        obj = layer
        source = layer.source()
        provider = layer.providerType() or provider
        if project.mapLayer(layer.id()) is not None:
            layer_id = layer.id()
        name = name or layer.name()
    else:
        source = str(layer)
        if source.lower().endswith((".tif", ".tiff", ".img", ".asc", ".vrt")):
            provider = "gdal"
        name = name or source.rsplit("=", 1)[-1].rsplit("/", 1)[-1]
    return ConstraintLayer(role, layer_id, source, name, severity or rule["severity"],
                           tuple(applies_to or rule["applies_to"]), slope_field,
                           float(max_slope_deg if max_slope_deg is not None else rule.get("max_slope_deg", 25.0)),
                           class_field or (rule.get("class_field", "") if role == ROLE_LAND_SURVEY else ""),
                           provider, bool(rule.get("excludes_credit", False)), obj)


class ConstraintSet:
    """The constraint layers of a county: saved in the QGIS project, shared as a JSON file."""

    def __init__(self, layers=None):
        self.layers = list(layers or [])

    def __repr__(self):
        return f"ConstraintSet({[(entry.role, entry.name) for entry in self.layers]})"

    @classmethod
    def from_layers(cls, basic_farmland=None, red_line=None, slope=None, slope_field="slope_deg", extra=(),
                    land_survey=None, survey_class_field="dlbm", max_slope_deg=None):
        """A set from layer objects or sources; ``extra`` holds layers, ConstraintLayers or
        ``(layer, severity[, applies_to])`` tuples."""
        entries = []
        if basic_farmland is not None:
            entries.append(make_layer_entry(ROLE_BASIC_FARMLAND, basic_farmland))
        if red_line is not None:
            entries.append(make_layer_entry(ROLE_RED_LINE, red_line))
        if slope is not None:
            entries.append(make_layer_entry(ROLE_SLOPE, slope, slope_field=slope_field or "",
                                            max_slope_deg=max_slope_deg))
        if land_survey is not None:
            entries.append(make_layer_entry(ROLE_LAND_SURVEY, land_survey, class_field=survey_class_field))
        for item in extra or ():
            if isinstance(item, ConstraintLayer):
                entries.append(item)
            elif isinstance(item, (tuple, list)):
                layer, severity = item[0], item[1]
                applies = item[2] if len(item) > 2 else None
                entries.append(make_layer_entry(ROLE_EXTRA, layer, severity=severity, applies_to=applies))
            else:
                entries.append(make_layer_entry(ROLE_EXTRA, item))
        return cls(entries)

    def by_role(self, role):
        return [entry for entry in self.layers if entry.role == role]

    def to_dict(self):
        return {"schema": FILE_SCHEMA, "layers": [entry.to_dict() for entry in self.layers]}

    def to_json(self):
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1, sort_keys=True)

    @classmethod
    def from_dict(cls, data, where="constraint set"):
        if not isinstance(data, dict):
            raise ValueError(f"{where}: not a JSON object")
        if str(data.get("schema", "")).split("/")[0] != FILE_SCHEMA.split("/")[0]:
            raise ValueError(f"{where}: schema is '{data.get('schema')}', expected '{FILE_SCHEMA}'")
        layers = data.get("layers")
        if not isinstance(layers, list):
            raise ValueError(f"{where}: field 'layers' should be a list")
        return cls([ConstraintLayer.from_dict(item, f"{where}: layers[{index}]") for index, item in enumerate(layers)])

    @classmethod
    def from_json(cls, text, where="constraint set"):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{where}: line {exc.lineno}: not valid JSON ({exc.msg})") from None
        return cls.from_dict(data, where)

    def save_file(self, path):
        """Write the set to ``path`` (written whole to a temporary file first: no half-written file)."""
        import os
        temporary = f"{path}.part"
        with open(temporary, "w", encoding="utf-8") as handle:
            handle.write(self.to_json())
        os.replace(temporary, path)

    @classmethod
    def load_file(cls, path):
        try:
            with open(path, encoding="utf-8-sig") as handle:
                text = handle.read()
        except OSError as exc:
            raise ValueError(f"{path}: cannot be read ({exc.strerror})") from None
        return cls.from_json(text, str(path))

    def write_to_project(self, project=None):
        """Save the set in the QGIS project (scope ``DoubleGuarantee``); it travels with the .qgz."""
        (project or QgsProject.instance()).writeEntry(PROJECT_SCOPE, PROJECT_KEY, self.to_json())

    @classmethod
    def from_project(cls, project=None):
        """The set saved in the project, or None when it holds none."""
        text, found = (project or QgsProject.instance()).readEntry(PROJECT_SCOPE, PROJECT_KEY, "")
        if not found or not text:
            return None
        return cls.from_json(text, tr("constraint set of the QGIS project"))


def load_constraint_set(project=None):
    """The constraint set saved in ``project`` (or the current one), or None."""
    return ConstraintSet.from_project(project)


def clear_project_constraint_set(project=None):
    (project or QgsProject.instance()).removeEntry(PROJECT_SCOPE, PROJECT_KEY)


# ----------------------------------------------------------------------------------------------
# results


@dataclass
class LayerCheck:
    """One plot (or project) against one constraint layer."""
    role: str
    name: str
    status: str
    message: str
    overlap_m2: float = None
    overlap_mu: float = None
    share: float = None
    feature_ids: list = field(default_factory=list)
    severity: str = ""
    geometry: object = field(default=None, repr=False, compare=False)  # the overlap (QgsGeometry, plot CRS)

    def set_geometry_source(self, source):
        """Compute ``geometry`` only when it is first read, by calling ``source()`` (a batch check
        measures overlaps without building them; the dock flashes a few of them)."""
        self._geometry = None
        self._geometry_source = source


def _get_overlap_geometry(check):
    source = check.__dict__.get("_geometry_source")
    if source is not None:
        check._geometry_source = None
        check._geometry = source()
    return check.__dict__.get("_geometry")


def _set_overlap_geometry(check, value):
    check._geometry_source = None
    check._geometry = value


# the dataclass keeps ``geometry`` as a constructor argument; reading it may build it (see above)
LayerCheck.geometry = property(_get_overlap_geometry, _set_overlap_geometry)


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


@dataclass
class PlotCheck:
    plot_fid: int
    plot_code: str
    project_code: str
    plot_kind: str
    status: str
    message: str
    layers: list                # [LayerCheck]
    bf_overlap_m2: float = 0.0
    rl_overlap_m2: float = 0.0
    slope_overlap_m2: float = 0.0
    excluded_m2: float = 0.0    # new-farmland area to exclude from credits (inside basic farmland)
    blocking_reason: str = ""   # non-empty => credits zero
    area_m2: float = 0.0
    messages: list = field(default_factory=list)   # readable, worst first
    geometry: object = field(default=None, repr=False, compare=False)  # the (repaired) plot geometry

    @property
    def conflict_geometry(self):
        """The union of the overlaps that are not ok (for flashing on the canvas), or None."""
        parts = [check.geometry for check in self.layers
                 if check.geometry is not None and check.status in (STATUS_WARNING, STATUS_BLOCKING)]
        if not parts:
            return None
        return QgsGeometry.unaryUnion(parts) if len(parts) > 1 else parts[0]


@dataclass
class ProjectCheck:
    project_code: str
    status: str
    messages: list              # readable, worst first
    plots: list                 # [PlotCheck]
    layers: list                # [LayerCheck] aggregated per constraint layer (overlap counted once)
    rules: list = field(default_factory=list)     # [constraint_rules.RuleCheck]
    area_m2: float = 0.0

    @property
    def area_mu(self):
        return m2_to_mu(self.area_m2)


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


# units.m2_to_mu takes a float through exact Fractions (tens of µs a call); on the per-plot path the
# factor, taken once from units.py, is applied directly (the same value to the last bit or two)
_MU_PER_M2 = m2_to_mu(1.0)


class PlotMeasure(EllipsoidalArea):
    """Ellipsoidal areas of one CRS, and the per-plot factor that turns planar overlaps into
    ellipsoidal ones where ``constraint_scale`` bounds its error (None elsewhere)."""

    def __init__(self, source_crs, transform_context=None):
        super().__init__(source_crs, transform_context)
        self.scale = AreaScale(self.crs)

    def factor(self, planar_m2, ellipsoidal_m2, rectangle):
        return self.scale.factor(planar_m2, ellipsoidal_m2, rectangle)


def _mu(area_m2):
    return area_m2 * _MU_PER_M2


def _fmt_area(area_m2):
    return tr("{:.1f} m² ({:.2f} mu)", area_m2, _mu(area_m2))


class ConstraintEngine:
    """Checks plots against a constraint set; caches per-layer indexes (see ``constraint_index``)."""

    def __init__(self, constraint_set, profile=None, project=None, transform_context=None):
        if constraint_set is None:
            constraint_set = ConstraintSet()
        self.constraint_set = constraint_set
        self.profile = profile or tables.load_rule_profile()
        self.project = project or QgsProject.instance()
        self.transform_context = transform_context or self.project.transformContext()
        self.rules = constraint_rules.defaults()
        self.workers = default_workers()
        self._snapshots = {}    # layer id -> LayerSource taken on the main thread for a worker thread
        self._opened = {}       # source -> layer opened by the engine (not in the project)
        self._steep = {}        # (raster id, threshold) -> memory layer of steep areas

    def snapshot_layers(self):
        """Call on the main thread before checking in a QgsTask: indexes not yet cached will be
        built from thread-safe snapshots of the constraint layers."""
        from .constraint_index import LayerSource
        self._snapshots = {}
        for entry in self.constraint_set.layers:
            resolved = self.resolve(entry)
            if not resolved.problem and isinstance(resolved.layer, QgsVectorLayer):
                self._snapshots[resolved.layer.id()] = LayerSource(resolved.layer)
        from .standard_layers import plot_rules   # issue 15: the standard layers' snapshots too
        plot_rules.prepare(self)

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
        if not isinstance(layer, QgsVectorLayer) or layer.geometryType() != QgsWkbTypes.GeometryType.PolygonGeometry:
            return _Resolved(entry, None, tr("layer '{}' is not a polygon layer", entry.name))
        if layer.featureCount() == 0:
            return _Resolved(entry, None, tr("layer '{}' is empty", entry.name))
        resolved = _Resolved(entry, layer)
        if entry.role == ROLE_SLOPE:
            name = entry.slope_field or "slope_deg"
            # lookupField: case-insensitive (standard layers write DLBM; PostGIS mirrors dlbm)
            if layer.fields().lookupField(name) < 0:
                return _Resolved(entry, None, tr("slope layer '{}' has no field '{}'", entry.name, name))
            resolved.attribute = layer.fields().at(layer.fields().lookupField(name)).name()
            resolved.accept = _steeper_than(entry.max_slope_deg)
        elif entry.role == ROLE_LAND_SURVEY:
            name = entry.class_field or "dlbm"
            if layer.fields().lookupField(name) < 0:
                return _Resolved(entry, None, tr("land-survey layer '{}' has no field '{}'", entry.name, name))
            resolved.attribute = layer.fields().at(layer.fields().lookupField(name)).name()
        return resolved

    def _steep_layer(self, raster, max_slope_deg):
        key = (raster.id(), raster.source(), float(max_slope_deg))
        layer = self._steep.get(key)
        if layer is None:
            from .constraint_dem import steep_area_layer
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
    def _prepare_plot(geometry, measure):
        """``(usable geometry or None, problem, area_m2, prepared engine, bbox, factor)`` of one plot;
        ``factor`` (ellipsoidal / planar area of the plot) turns planar overlap areas into
        ellipsoidal ones, or is None where that would not be exact enough (see constraint_scale)."""
        problem = ""
        if geometry is None or geometry.isNull() or geometry.isEmpty():
            return None, tr("the plot has no geometry"), 0.0, None, None, None
        usable, error = repaired(geometry)
        if error:
            problem = tr("the plot geometry is invalid: {} (repaired for the check)", error)
        if usable is None:
            return None, problem or tr("the plot has no usable geometry"), 0.0, None, None, None
        engine = _LazyEngine(usable)
        area_m2 = measure.area_m2(usable)
        rectangle = usable.boundingBox()
        return usable, problem, area_m2, engine, rectangle, measure.factor(usable.area(), area_m2, rectangle)

    def _check_one(self, prepared, geometry, measure, plot_kind, plot_fid=-1, plot_code="", project_code="",
                   class_before=None, plot=None, measured=None):
        """``measured``: ``{position in prepared: (hits, planar overlap area)}`` from a batch."""
        plot_messages = []        # (status, message)
        usable, problem, area_m2, engine, rectangle, factor = plot or self._prepare_plot(geometry, measure)
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
                                                  class_before, factor,
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
                     factor=None, measured=None, plot_geometry=None):
        entry = resolved.entry
        base = LayerCheck(entry.role, entry.name, STATUS_NOT_CHECKED, "", severity=entry.severity)
        if resolved.problem or index is None:
            base.message = tr("not checked: {}", resolved.problem or tr("no index"))
            return base
        if entry.role == ROLE_LAND_SURVEY:
            return self._survey_check(resolved, index, engine, rectangle, measure, plot_area_m2, plot_kind,
                                      class_before, base)
        if measured is not None and factor is not None:
            fids, planar_m2 = measured          # a batch measured it; the geometry is built if asked for
            overlap = functools.partial(_lazy_overlap, index, plot_geometry, rectangle, resolved.accept) \
                if fids else None
        else:
            fids, planar_m2, overlap = index.overlap_planar(engine, rectangle, resolved.accept)
        if overlap is None:
            area = 0.0
        elif factor is not None:
            area = planar_m2 * factor         # the plot's own area scale (constraint_scale: error ≤ 1e-6)
        else:
            area = measure.area_m2(overlap)
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
        check = self._check_one(prepared, geometry, measure, plot_kind, plot_fid, plot_code, project_code,
                                class_before)
        from .standard_layers import plot_rules   # issue 15: named features, GDPDJB slope, unstable farmland
        return plot_rules.apply_to_plot(self, check, crs)

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
                items.append((feature.id(), geometry, values, kind, self._prepare_plot(geometry, measure)))
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
        from .standard_layers import plot_rules   # issue 15: named features, GDPDJB slope, unstable farmland
        plot_rules.apply_to_results(self, results, plots_layer, fields)
        if feedback is not None:
            feedback.setProgress(100.0)
        return results

    def _measure_batch(self, prepared, items, feedback):
        """``[{position in prepared: (hits, planar overlap area)}]`` per item: the overlaps of all plots
        with each vector layer measured together (``LayerIndex.overlap_planar_many``); an item or a
        layer left out is measured plot by plot.  None when canceled."""
        measured = [{} for _item in items]
        batch = [number for number, item in enumerate(items) if item[4][0] is not None and item[4][5] is not None]
        layers = [(position, resolved, index) for position, (resolved, index) in enumerate(prepared)
                  if index is not None and not resolved.problem and resolved.entry.role != ROLE_LAND_SURVEY]
        if not batch or not layers:
            return measured
        plots = [(items[number][4][3], items[number][4][4], bytes(items[number][4][0].asWkb())) for number in batch]
        for done, (position, resolved, index) in enumerate(layers):
            found = index.overlap_planar_many(plots, resolved.accept, feedback)
            if found is None:
                return None
            for number, result in zip(batch, found):
                if result is not None:
                    measured[number][position] = result
            if feedback is not None:
                feedback.setProgress(50.0 * (done + 1) / len(layers))
        return measured

    def _check_items(self, prepared, items, crs, total, feedback):
        """PlotChecks of ``items`` in order: the overlaps measured for all plots together
        (``_measure_batch``), then each plot's findings on ``self.workers`` threads (GEOS releases the
        GIL); None when canceled."""
        measured = self._measure_batch(prepared, items, feedback)
        if measured is None:
            return None
        numbered = [item + (extra,) for item, extra in zip(items, measured)]

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


def _positions(layer_fields, fields):
    """``{field name: index in layer_fields}`` of the plot fields named in ``fields`` (PlotFields)."""
    names = (fields.project_code, fields.plot_code, fields.class_before, fields.class_after)
    return {name: layer_fields.indexOf(name) for name in names if name}


def _kind_label(kind):
    return {NEW_FARMLAND: tr("new farmland"), UPGRADING: tr("upgrading"),
            NOT_CREDITABLE: tr("not creditable")}.get(kind, kind)


def _values(feature, fields, positions=None):
    """The plot's codes and classes; ``positions`` (``_positions``) saves looking the fields up."""
    if positions is None:
        positions = _positions(feature.fields(), fields)
    attributes = feature.attributes()

    def value(name):
        position = positions.get(name, -1)
        if position < 0 or position >= len(attributes):
            return None
        found = attributes[position]
        if found is None or (hasattr(found, "isNull") and found.isNull()):
            return None
        return found
    code = value(fields.project_code)
    plot_code = value(fields.plot_code)
    return {"project_code": str(code) if code is not None else "", "plot_code": str(plot_code) if plot_code else "",
            "class_before": value(fields.class_before), "class_after": value(fields.class_after)}


__all__ = [
    "STATUS_OK", "STATUS_WARNING", "STATUS_BLOCKING", "STATUS_NOT_CHECKED", "STATUS_ORDER", "ConstraintLayer",
    "ConstraintSet", "LayerCheck", "PlotCheck", "ProjectCheck", "ConstraintEngine", "worst_status", "classify_plot",
    "load_constraint_set", "polygonal_part",
]
