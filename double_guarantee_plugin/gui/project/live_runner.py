# SPDX-License-Identifier: GPL-2.0-or-later
"""The project dock's background credit runs: the selected project's live figures and every project's totals.

Both runs compute in a ``core.live_credits.CreditTask`` off the main thread from a snapshot of the
plots layer taken on the main thread.  The selected project follows edits after a short debounce
(``DEBOUNCE_MS``); the other projects' totals follow lazily (``ALL_PROJECTS_DELAY_MS``), since a run
over 50,000 plots takes seconds.  A newer run of a kind overtakes an older one (generations), so a
slow result never overwrites a fresher one.  Results arrive as ``projectSnapshot`` / ``allSnapshot``.
"""
import time

from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import QObject, pyqtSignal

from ...core import live_credits, projects
from ...core.project_profile import current_profile
from ...i18n import tr

ALL_PROJECTS_DELAY_MS = 2000


class LiveCredits(QObject):
    projectSnapshot = pyqtSignal(object)   # CreditSnapshot of the selected project
    allSnapshot = pyqtSignal(object)       # CreditSnapshot of every project (after merging the live one)

    def __init__(self, database, selected_code, parent=None):
        super().__init__(parent)
        self.database = database
        self.selected_code = selected_code     # () -> the selected project's code or None
        self.profile = current_profile()     # the QGIS project's one rule profile (core.project_profile)
        self.constraint_set = None
        # one engine per kind of run: the all-projects run and the live run may overlap in two threads
        self.engine_caches = {"project": live_credits.ConstraintEngineCache(),
                              "all": live_credits.ConstraintEngineCache()}
        self.project_credits = {}        # code -> ProjectCredit (all-projects run or latest live run)
        self.project_checks = {}         # code -> status
        self.last_snapshot = None
        self._types_cache = None
        self._tasks = {}                 # kind -> running CreditTask
        self._generation = {"project": 0, "all": 0}
        self._project_started = 0.0
        self.debouncer = live_credits.Debouncer(live_credits.DEBOUNCE_MS, self)
        self.debouncer.triggered.connect(self.refresh_project)
        self.all_debouncer = live_credits.Debouncer(ALL_PROJECTS_DELAY_MS, self)
        self.all_debouncer.triggered.connect(self.refresh_all)

    # -- inputs ----------------------------------------------------------------------------------
    def set_profile(self, profile):
        self.profile = profile
        self.clear_engines()

    def set_constraint_set(self, constraint_set):
        self.constraint_set = constraint_set
        self.clear_engines()

    def sync_constraint_set(self):
        """Follow the constraint set saved in the QGIS project (the check dock may have changed it)."""
        stored = live_credits.project_constraint_set(QgsProject.instance())
        if stored is None:
            return False
        if live_credits.constraint_set_key(stored) == live_credits.constraint_set_key(self.constraint_set):
            return False
        self.set_constraint_set(stored)
        return True

    def clear_engines(self):
        for cache in self.engine_caches.values():
            cache.clear()

    def forget_project_types(self):
        self._types_cache = None

    def project_types(self):
        layer = self.database.projects_layer
        if layer is None:
            return None
        if self._types_cache is None:
            self._types_cache = {row.get("project_code"): row.get("project_type")
                                 for row in projects.list_projects(layer)}
        return self._types_cache

    def reset(self):
        self.cancel()
        self.all_debouncer.stop()
        self.debouncer.stop()
        self.project_credits, self.project_checks = {}, {}
        self._types_cache = None

    # -- runs ------------------------------------------------------------------------------------
    def refresh_project(self):
        """Recompute the selected project's figures in the background (called debounced)."""
        self.debouncer.stop()
        code = self.selected_code()
        if not code or self.database.plots_layer is None:
            return None
        return self._start("project", code, tr("Credits of {}", code))

    def refresh_all(self, *_args):
        """Recompute every project's totals and verdicts for the project list (background)."""
        self.all_debouncer.stop()
        return self._start("all", None, tr("Credits of all projects"))

    def compute_now(self, code, profile=None):
        """The project's snapshot computed on the spot (an acceptance must deposit exactly these figures),
        under ``profile`` (the project's own, for an acceptance) or the QGIS project's."""
        self.sync_constraint_set()
        return live_credits.compute_snapshot(self.database.plots_layer, code, profile or self.profile,
                                             self.constraint_set,
                                             live_credits.ConstraintEngineCache(),
                                             project_types=self.project_types())

    def _start(self, kind, project_code, description):
        plots = self.database.plots_layer
        if plots is None:
            return None
        old = self._tasks.pop(kind, None)
        if old is not None:
            try:
                old.cancel()
            except RuntimeError:
                pass
        self.sync_constraint_set()
        self._generation[kind] += 1
        generation = self._generation[kind]
        started = time.monotonic()
        source = live_credits.LayerSnapshot(plots)  # main thread: copies the edit buffer

        def done(snapshot, task, kind=kind, generation=generation, started=started):
            if self._tasks.get(kind) is task:
                del self._tasks[kind]
            if snapshot is None or generation != self._generation[kind]:
                return  # cancelled or overtaken by a newer edit
            if kind == "project":
                self._project_started = started
                self._project_done(snapshot)
            else:
                self._all_done(snapshot, started)

        task = live_credits.CreditTask(description, source, project_code, self.profile, self.constraint_set,
                                       self.engine_caches[kind], done, self.project_types())
        self._tasks[kind] = task
        QgsApplication.taskManager().addTask(task)
        return task

    def _project_done(self, snapshot):
        self.last_snapshot = snapshot
        if not snapshot.error:
            self.project_credits[snapshot.project_code] = snapshot.project_credit
            self.project_checks[snapshot.project_code] = snapshot.check_status
        self.projectSnapshot.emit(snapshot)

    def _all_done(self, snapshot, started):
        if not snapshot.error:
            self.project_credits = dict(snapshot.project_credits)
            self.project_checks = dict(snapshot.check_statuses)
            if self.database.projects_layer is not None:
                from ...core.credits import ProjectCredit
                for row in projects.list_projects(self.database.projects_layer):   # no plots: zeros, not "…"
                    code = row.get("project_code")
                    self.project_credits.setdefault(code, ProjectCredit(code))
            latest = self.last_snapshot
            if latest is not None and not latest.error and self._project_started > started:
                # the live run saw newer edits of the selected project than this slower full run
                self.project_credits[latest.project_code] = latest.project_credit
                self.project_checks[latest.project_code] = latest.check_status
        self.allSnapshot.emit(snapshot)

    def set_checks(self, statuses):
        """Verdicts another part of the plugin just computed (code -> status), shown until the next run."""
        self.project_checks.update(statuses)

    def busy(self):
        """True while an edit is waiting for its debounce or a credit task is running."""
        return self.debouncer.pending() or bool(self._tasks)

    def cancel(self, wait_ms=0):
        """Cancel running credit tasks; with ``wait_ms`` also wait for their threads (on unload)."""
        tasks = list(self._tasks.values())
        for task in tasks:
            try:
                task.cancel()
            except RuntimeError:
                pass
        if wait_ms:
            for task in tasks:
                try:
                    task.waitForFinished(wait_ms)
                except RuntimeError:
                    pass
        self._tasks = {}
        for kind in self._generation:
            self._generation[kind] += 1
