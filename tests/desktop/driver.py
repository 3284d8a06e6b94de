# SPDX-License-Identifier: GPL-2.0-or-later
"""Started by ``qgis --code``: runs the desktop scenario inside the real QGIS, writes the result, exits.

The scenario (``scenario.py``) is a generator of steps; each step is a generator that acts (input
events, scheduled on the event loop) and yields ``user.Wait`` conditions.  A poll timer resumes it
when its condition holds, also while a modal dialog runs its own event loop, so a step can open a
dialog with a click and then fill it.  Every critical message in QGIS's message log (Python errors
included, which QGIS logs as warnings tagged "Python error") fails the run.  The result is a JSON file (``DG_DESKTOP_RESULT``); then the process ends at
once with ``os._exit``: the throwaway profile needs no saving.
"""
import json
import os
import sys
import time
import traceback

HERE = os.environ["DG_DESKTOP_HERE"]
if HERE not in sys.path:
    sys.path.insert(0, HERE)

from qgis.core import Qgis, QgsApplication  # noqa: E402
from qgis.PyQt.QtCore import QCoreApplication, QTimer  # noqa: E402

import user  # noqa: E402

POLL_MS = 25


class Run:
    def __init__(self):
        self.out = os.environ["DG_DESKTOP_OUT"]
        self.result_path = os.environ["DG_DESKTOP_RESULT"]
        self.deadline = time.monotonic() + float(os.environ.get("DG_DESKTOP_TIMEOUT", "150"))
        self.eyes = user.Eyes(self.out)
        self.steps = []            # [{"step", "seconds", "ok", "error"}]
        self.log_problems = []     # critical messages of QGIS's message log
        self.log_lines = []
        self.current = None
        self.step_started = 0.0
        self.wait = None
        self.pending_shot = None   # the step just finished: its screenshot, once the map is drawn
        self.busy = False
        self.finished = False
        QgsApplication.messageLog().messageReceived.connect(self._logged)
        import importlib
        module = importlib.import_module(os.environ.get("DG_DESKTOP_SCENARIO", "scenario"))
        self.scenario = module.Scenario(self)
        self.steps_iter = iter(self.scenario.steps())
        self.step_gen = None
        self.timer = QTimer()
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def _logged(self, message, tag, level):
        line = f"[{tag}] {level} {message}"
        self.log_lines.append(line)
        # QGIS 3.22 logs an exception escaping Python code as a *warning* tagged "Python error" (translated)
        python_error = tag in ("Python error", QCoreApplication.translate("Python", "Python error"))
        if (level == Qgis.MessageLevel.Critical or python_error) and not self.scenario.expected_critical(message, tag):
            self.log_problems.append(line)

    def tick(self):
        if self.busy or self.finished:
            return
        self.busy = True
        try:
            self._advance()
        except Exception as exc:  # noqa: BLE001 - any failure ends the run with its story
            self._fail(exc)
        finally:
            self.busy = False

    def _advance(self):
        if time.monotonic() > self.deadline:
            raise user.StepFailed("the whole run took too long")
        if self.log_problems:
            raise user.StepFailed("critical message in QGIS's log: " + self.log_problems[0])
        if self.wait is not None:
            if not self.wait.done():
                if self.wait.expired():
                    why = f" ({self.wait.explain()})" if self.wait.explain else ""
                    raise user.StepFailed(f"waited {self.wait.timeout:.0f} s for: {self.wait.what}{why}")
                return
            self.wait = None
        if self.pending_shot:
            self.eyes.shot(self.pending_shot)
            self.pending_shot = None
        while True:
            if self.step_gen is None:
                step = next(self.steps_iter, None)
                if step is None:
                    self._finish()
                    return
                name, function = step
                self.current, self.step_started = name, time.monotonic()
                self.step_gen = function()
            try:
                waited = next(self.step_gen)
            except StopIteration:
                self.steps.append({"step": self.current, "seconds": round(time.monotonic() - self.step_started, 2),
                                   "ok": True})
                self.step_gen = None
                self.pending_shot = self.current
                self.wait = self.scenario.settled()
                return
            if waited is not None:
                self.wait = waited
                return

    def _fail(self, exc):
        detail = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
        self.steps.append({"step": self.current, "seconds": round(time.monotonic() - self.step_started, 2),
                           "ok": False, "error": str(exc), "traceback": detail})
        try:
            self.eyes.shot(f"FAILED_{self.current}")
        except Exception:  # noqa: BLE001
            pass
        self._finish()

    def _finish(self):
        self.finished = True
        from qgis.PyQt.QtWidgets import QTabBar
        from qgis.utils import iface
        self.scenario.facts["tab_bars_at_end"] = [
            (bar.isVisible(), user.global_rect(bar).getRect(), [bar.tabText(i) for i in range(bar.count())])
            for bar in iface.mainWindow().findChildren(QTabBar) if bar.parentWidget() is iface.mainWindow()]
        self.timer.stop()
        ok = all(step["ok"] for step in self.steps) and not self.log_problems
        with open(self.result_path, "w", encoding="utf-8") as handle:
            json.dump({"ok": ok, "steps": self.steps, "log_problems": self.log_problems, "log": self.log_lines,
                       "facts": self.scenario.facts}, handle, ensure_ascii=False, indent=1)
        sys.stdout.flush()
        os._exit(0)


RUN = Run()
