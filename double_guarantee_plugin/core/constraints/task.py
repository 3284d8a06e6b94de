# SPDX-License-Identifier: GPL-2.0-or-later
"""Constraint checks in a QgsTask: snapshots taken on the main thread, checks off it, results back on it.

No widgets.  ``ConstraintCheckTask.run()`` stores any exception and ``finished()`` hands the
results (or the error) to ``on_done`` on the main thread, so a broken layer never takes QGIS down.
"""
import time
import traceback

from qgis.core import QgsFeedback, QgsTask

from .registry import LayerSource


class ConstraintCheckTask(QgsTask):
    """Checks the plots of ``plots_layer`` (optionally only ``project_codes``) with ``engine``."""

    def __init__(self, description, engine, plots_layer, on_done, project_codes=None, project_types=None):
        super().__init__(description, QgsTask.Flag.CanCancel)
        # both snapshots on the main thread: the worker never touches a live layer
        self.source = LayerSource(plots_layer)
        engine.snapshot_layers()
        self.engine = engine
        self.project_codes = project_codes
        self.project_types = project_types
        self.on_done = on_done
        self.results = None
        self.error = ""
        self.elapsed_s = 0.0
        self.feedback = QgsFeedback()
        self.feedback.progressChanged.connect(self.setProgress)

    def cancel(self):
        self.feedback.cancel()
        super().cancel()

    def run(self):
        started = time.perf_counter()
        try:
            self.results = self.engine.check_plots(self.source, self.project_codes, self.feedback,
                                                   project_types=self.project_types)
        except Exception as exc:  # noqa: BLE001 - reported by finished() on the main thread
            self.error = f"{exc}\n{traceback.format_exc()}"
        self.elapsed_s = time.perf_counter() - started
        return not self.isCanceled() and not self.error

    def finished(self, result):
        if self.on_done is not None:
            self.on_done(self, self.results if result else None)
