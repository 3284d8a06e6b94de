# SPDX-License-Identifier: GPL-2.0-or-later
"""News between docks: the check dock tells whoever listens that projects were just checked.

The project dock lists every project with its verdict; without this it would learn of a new check
only at its next credit run.  One process-wide QObject, created on first use.
"""
from qgis.PyQt.QtCore import QObject, pyqtSignal


class CheckEvents(QObject):
    projectsChecked = pyqtSignal(object)    # {project code: status} of the projects just checked


_hub = []


def hub():
    if not _hub:
        _hub.append(CheckEvents())
    return _hub[0]
