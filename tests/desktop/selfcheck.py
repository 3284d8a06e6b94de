# SPDX-License-Identifier: GPL-2.0-or-later
"""A scenario that must fail: proves the desktop harness catches what a user would see go wrong.

A Python exception escaping a Qt slot inside QGIS (QGIS logs it as a critical "Python error" and shows
a message bar) must fail the run even though no step's own check failed; the harness's own test
(tests/test_desktop_harness.py) runs this with ``--scenario selfcheck`` and expects the failure.
"""
from qgis.PyQt.QtCore import QTimer
from qgis.utils import iface

from user import Wait


class Scenario:
    def __init__(self, run):
        self.run = run
        self.facts = {}

    def expected_critical(self, message, tag):
        return False

    def settled(self):
        return Wait(lambda: True, "nothing")

    def steps(self):
        return [("start", self.start), ("python_error", self.python_error)]

    def start(self):
        yield Wait(lambda: iface.mainWindow().isVisible(), "QGIS's window", 60)

    def python_error(self):
        def broken_slot():
            raise RuntimeError("a slot of the plugin went wrong")
        QTimer.singleShot(0, broken_slot)
        # a user would carry on: the run must end here on QGIS's log, not on this wait
        yield Wait(lambda: False, "something that never happens", 30)
