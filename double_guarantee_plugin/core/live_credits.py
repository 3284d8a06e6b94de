# SPDX-License-Identifier: GPL-2.0-or-later
"""Live credits for the project dock: layer snapshots, background credit tasks and a debouncer.

No widgets here.  The dock takes a ``LayerSnapshot`` of the plots layer on the main thread (a
cheap copy of the provider handle and the edit buffer), then computes credits and constraint
checks for one project in a ``CreditTask`` off the main thread with the same code as
``doubleguarantee:computecredits`` (``core.layer_credits.compute_layer_credits``), so the panel
and the Processing algorithm cannot disagree.  The constraint engine (``core.constraints``, owned
by another part of the plugin) is imported lazily: without it, or without a configured constraint
set, the verdict is ``not_checked``, never ``ok``.
"""
import inspect
import threading
import time
import traceback
from dataclasses import dataclass, field

from qgis.core import Qgis, QgsExpression, QgsFeatureRequest, QgsFeedback, QgsTask
from qgis.PyQt.QtCore import QObject, QTimer, pyqtSignal

from . import tables
from .credits import ProjectCredit
from .layer_credits import compute_layer_credits, geometry_problem
from .layer_snapshot import LayerSnapshot  # noqa: F401 (the dock and the benches take snapshots from here)
from ..i18n import tr

# the constraint contract's names, kept here so that the dock works before core.constraints exists
STATUS_OK, STATUS_WARNING, STATUS_BLOCKING, STATUS_NOT_CHECKED = "ok", "warning", "blocking", "not_checked"

DEBOUNCE_MS = 120  # edits arrive in bursts (a split is several signals); 120 ms + compute stays under 300 ms


def constraints_module():
    """``core.constraints`` when it is installed and importable, else None."""
    try:
        from . import constraints
    except Exception:  # noqa: BLE001 - a missing or broken module means "not checked", never a crash
        return None
    if not hasattr(constraints, "ConstraintEngine"):
        return None
    return constraints


def project_constraint_set(project):
    """The constraint set saved in ``project`` through whatever reader core.constraints offers, or None."""
    module = constraints_module()
    if module is None:
        return None
    readers = [getattr(module, name, None) for name in ("load_constraint_set", "read_constraint_set",
                                                         "constraint_set_from_project")]
    readers.append(getattr(getattr(module, "ConstraintSet", None), "from_project", None))
    for reader in readers:
        if reader is None:
            continue
        try:
            result = reader(project)
        except Exception:  # noqa: BLE001
            continue  # nosec B112  # a reader that fails finds no set: the next reader is tried
        if result is not None and getattr(result, "layers", True):
            return result
    return None


def project_request(project_code):
    return QgsFeatureRequest().setFilterExpression(
        QgsExpression.createFieldEqualityExpression("project_code", str(project_code)))


@dataclass
class CreditSnapshot:
    """What the live panel shows for one project (or, with ``project_code=None``, every project)."""
    project_code: object
    project_credit: ProjectCredit = None
    project_credits: dict = field(default_factory=dict)   # code -> ProjectCredit (all-projects run)
    plot_credits: list = field(default_factory=list)       # [(fid, PlotCredit)]
    check_status: str = STATUS_NOT_CHECKED
    check_messages: list = field(default_factory=list)
    check_statuses: dict = field(default_factory=dict)     # code -> status (all-projects run)
    plot_checks: dict = field(default_factory=dict)        # fid -> PlotCheck
    geometry_problems: list = field(default_factory=list)  # [(fid, plot_code, problem)]
    problem_points: dict = field(default_factory=dict)     # fid -> QgsPointXY of the first error (layer CRS)
    capacity_kg: float = None                              # before constraint exclusions
    profile_id: str = ""
    elapsed_s: float = 0.0
    error: str = ""

    @property
    def checked(self):
        return self.check_status != STATUS_NOT_CHECKED


class ConstraintEngineCache:
    """Keeps one ConstraintEngine per constraint set: building its spatial indexes is the slow part."""

    def __init__(self):
        self._key = None
        self._engine = None
        self._lock = threading.Lock()

    def engine(self, constraint_set, profile):
        module = constraints_module()
        if module is None or constraint_set is None:
            return None
        key = (_set_key(constraint_set), profile.id if profile else None)
        with self._lock:
            if key != self._key:
                self._engine = module.ConstraintEngine(constraint_set, profile)
                self._key = key
            return self._engine

    def clear(self):
        with self._lock:
            self._key = self._engine = None


def constraint_set_key(constraint_set):
    """A value that is equal for two constraint sets holding the same layers."""
    return None if constraint_set is None else _set_key(constraint_set)


def _set_key(constraint_set):
    to_json = getattr(constraint_set, "to_json", None)
    if to_json is not None:
        try:
            return to_json()
        except Exception:  # noqa: BLE001
            pass  # nosec B110  # a set that cannot say its layers is keyed by identity below
    return id(constraint_set)


def _not_checked_reason(constraint_set):
    if constraints_module() is None:
        return tr("Not checked: the constraint engine is not installed")
    if constraint_set is None:
        return tr("Not checked: no constraint set is configured for this QGIS project")
    return tr("Not checked")


def compute_snapshot(source, project_code, profile=None, constraint_set=None, engine_cache=None,
                     feedback=None, project_types=None):
    """Credits and check verdict of one project (``project_code``) or of all (None).

    Runs in any thread when ``source`` is a ``LayerSnapshot``.  Constraint problems never raise:
    they turn the verdict into ``not_checked`` with the reason as its message.
    """
    started = time.perf_counter()
    profile = profile or tables.load_rule_profile()
    snapshot = CreditSnapshot(project_code, profile_id=profile.id)
    request = project_request(project_code) if project_code is not None else QgsFeatureRequest()

    project_checks = {}
    engine = None
    try:
        engine = (engine_cache or ConstraintEngineCache()).engine(constraint_set, profile)
    except Exception as exc:  # noqa: BLE001
        snapshot.check_messages = [tr("Not checked: the constraint set cannot be used ({})", exc)]
    if engine is not None:
        try:
            codes = [project_code] if project_code is not None else None
            options = {}
            if project_types is not None and "project_types" in inspect.signature(engine.check_plots).parameters:
                options["project_types"] = project_types  # consolidation rules apply by project type
            project_checks = engine.check_plots(source, codes, feedback, **options) or {}
        except Exception as exc:  # noqa: BLE001
            project_checks = {}
            snapshot.check_messages = [tr("Not checked: the constraint check failed ({})", exc)]
    elif not snapshot.check_messages:
        snapshot.check_messages = [_not_checked_reason(constraint_set)]
    for check in project_checks.values():
        for plot_check in getattr(check, "plots", []) or []:
            snapshot.plot_checks[plot_check.plot_fid] = plot_check

    if feedback is not None and feedback.isCanceled():
        return snapshot
    plot_credits, project_credits = compute_layer_credits(source, profile, request=request,
                                                          plot_checks=snapshot.plot_checks, feedback=feedback)
    snapshot.plot_credits = plot_credits
    snapshot.project_credits = {credit.project_code: credit for credit in project_credits}
    for fid, credit in plot_credits:
        if credit.refused and (credit.reason.startswith("invalid geometry") or credit.reason == "empty geometry"):
            snapshot.geometry_problems.append((fid, credit.plot_code, credit.reason))
    if snapshot.geometry_problems:
        snapshot.problem_points = problem_points(source, [fid for fid, _c, _p in snapshot.geometry_problems])
    if project_code is not None:
        snapshot.project_credit = snapshot.project_credits.get(project_code) or ProjectCredit(project_code)
        snapshot.capacity_kg = capacity_before_exclusions_kg(plot_credits, profile)
        check = project_checks.get(project_code)
        if check is not None:
            snapshot.check_status = check.status
            snapshot.check_messages = list(check.messages or [])
        elif engine is not None and not plot_credits:
            snapshot.check_messages = [tr("Not checked: the project has no plots")]
    else:
        snapshot.check_statuses = {code: check.status for code, check in project_checks.items()}
    snapshot.elapsed_s = time.perf_counter() - started
    return snapshot


def problem_points(source, fids):
    """Where each invalid plot's first geometry error lies: ``{fid: QgsPointXY}`` (layer CRS)."""
    from qgis.core import QgsGeometry
    points = {}
    for feature in source.getFeatures(QgsFeatureRequest().setFilterFids(list(fids))):
        geometry = feature.geometry()
        if geometry is None or geometry.isNull():
            continue
        errors = geometry.validateGeometry(Qgis.GeometryValidationEngine.Geos)
        if errors and errors[0].hasWhere():
            points[feature.id()] = errors[0].where()
    return points


def capacity_before_exclusions_kg(plot_credits, profile):
    """Grain capacity the plots add as drawn (domain.md §3 formulas on the net area of the whole plot).

    The capacity credit of a plot is smaller when part of it is excluded (basic farmland) or zero
    when it is blocked; the panel shows both so that the exclusion is visible.  Computed by
    ``core.credits`` with the credit itself (``capacity_as_drawn_kg``), so both use one grade before.
    """
    return sum((credit.capacity_as_drawn_kg for _fid, credit in plot_credits
                if not credit.refused and credit.plot_kind in ("new_farmland", "upgrading")), 0.0)


class _TaskFeedback(QgsFeedback):
    pass


class CreditTask(QgsTask):
    """Computes a ``CreditSnapshot`` off the main thread; ``on_done(snapshot)`` runs on the main thread.

    ``run()`` stores any exception in ``snapshot.error`` and ``finished()`` reports it, so a broken
    plot or constraint layer never kills QGIS's task manager.
    """

    def __init__(self, description, source, project_code, profile, constraint_set, engine_cache, on_done,
                 project_types=None):
        super().__init__(description, QgsTask.Flag.CanCancel)
        self.source = source
        self.project_code = project_code
        self.profile = profile
        self.constraint_set = constraint_set
        self.engine_cache = engine_cache
        self.on_done = on_done
        self.project_types = project_types
        self.snapshot = None
        self.feedback = _TaskFeedback()
        self.feedback.progressChanged.connect(self.setProgress)

    def cancel(self):
        self.feedback.cancel()
        super().cancel()

    def run(self):
        try:
            self.snapshot = compute_snapshot(self.source, self.project_code, self.profile, self.constraint_set,
                                             self.engine_cache, self.feedback, self.project_types)
        except Exception as exc:  # noqa: BLE001 - reported by finished() on the main thread
            self.snapshot = CreditSnapshot(self.project_code, error=f"{exc}\n{traceback.format_exc()}")
        return not self.isCanceled()

    def finished(self, result):
        if self.on_done is not None:
            self.on_done(self.snapshot if result else None, self)


class Debouncer(QObject):
    """Calls ``triggered`` once, ``delay_ms`` after the last of a burst of ``poke()`` calls."""

    triggered = pyqtSignal()

    def __init__(self, delay_ms=DEBOUNCE_MS, parent=None):
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self.triggered)

    def poke(self, *_args):
        self.timer.start()

    def pending(self):
        return self.timer.isActive()

    def stop(self):
        self.timer.stop()


def geometry_problems_of(layer, project_code):
    """``[(fid, plot_code, problem)]`` for the project's invalid plots, computed on the spot."""
    found = []
    for feature in layer.getFeatures(project_request(project_code)):
        problem = geometry_problem(feature.geometry())
        if problem:
            found.append((feature.id(), feature["plot_code"], problem))
    return found
