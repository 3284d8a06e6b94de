# SPDX-License-Identifier: GPL-2.0-or-later
"""The QGIS project's one rule profile: where it is stored, how it is read, and a signal when it changes.

Every part of the plugin that computes with a profile (project dock, check dock, meeting sheets,
ledger dialogs) asks ``current_profile()`` instead of keeping its own choice, so a QGIS project can
never show two profiles at once.  The id is stored in the project under the plugin's scope
(``DoubleGuarantee/rule_profile``, the key the project dock has always written); a project saved
before this had its check dock's choice under ``check_rule_profile``, read when the main key is empty.
"""
from qgis.core import QgsProject
from qgis.PyQt.QtCore import QObject, pyqtSignal

from . import tables

SCOPE = "DoubleGuarantee"
KEY_PROFILE = "rule_profile"
LEGACY_KEYS = ("check_rule_profile",)


def _project(project=None):
    return project if project is not None else QgsProject.instance()


def stored_profile_id(project=None):
    """The profile id saved in ``project`` ("" when none, or when it names no known profile)."""
    project = _project(project)
    known = tables.rule_profile_ids()
    for key in (KEY_PROFILE,) + LEGACY_KEYS:
        value, _found = project.readEntry(SCOPE, key, "")
        if value in known:
            return value
    return ""


def current_profile_id(project=None):
    return stored_profile_id(project) or tables.DEFAULT_PROFILE_ID


def current_profile(project=None):
    """The rule profile (``tables.RuleProfile``) of the QGIS project."""
    return tables.load_rule_profile(current_profile_id(project))


class ProjectProfile(QObject):
    """Sets the profile of the current QGIS project and announces every change (``changed(profile_id)``).

    One instance (``project_profile()``) serves the whole plugin; it also announces the profile of a
    project that was just read or cleared, so widgets showing it follow a change of project.
    """

    changed = pyqtSignal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._last = None
        project = QgsProject.instance()
        project.readProject.connect(self._project_changed)
        project.cleared.connect(self._project_changed)

    def profile_id(self):
        return current_profile_id()

    def profile(self):
        return current_profile()

    def set_profile_id(self, profile_id):
        """Store ``profile_id`` in the QGIS project (marking it dirty) and announce it; unknown ids raise."""
        tables.load_rule_profile(profile_id)   # TableError for an unknown id, before anything is stored
        project = QgsProject.instance()
        if stored_profile_id(project) != profile_id:
            project.writeEntry(SCOPE, KEY_PROFILE, profile_id)
            for key in LEGACY_KEYS:
                project.removeEntry(SCOPE, key)
        self._announce()

    def _project_changed(self, *_args):
        self._announce()

    def _announce(self):
        profile_id = current_profile_id()
        if profile_id != self._last:
            self._last = profile_id
            self.changed.emit(profile_id)

    def disconnect_project(self):
        project = QgsProject.instance()
        for signal in (project.readProject, project.cleared):
            try:
                signal.disconnect(self._project_changed)
            except (TypeError, RuntimeError):
                pass


_INSTANCE = []


def project_profile():
    """The plugin's one ``ProjectProfile``."""
    if not _INSTANCE:
        # owned by the QGIS project (Qt deletes it with the project), never by Python at interpreter exit
        _INSTANCE.append(ProjectProfile(QgsProject.instance()))
        _INSTANCE[0]._last = current_profile_id()
    return _INSTANCE[0]


def release_project_profile():
    """Disconnect and drop the instance (the plugin's unload)."""
    while _INSTANCE:
        instance = _INSTANCE.pop()
        instance.disconnect_project()
        instance.deleteLater()
