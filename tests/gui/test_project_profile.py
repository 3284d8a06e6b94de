# SPDX-License-Identifier: GPL-2.0-or-later
"""One rule profile per QGIS project: the project dock, the check dock and Processing show and use the same one."""
import pytest
from qgis.core import QgsProject

from double_guarantee_plugin.core import project_profile


@pytest.fixture()
def check_dock_widget(iface, qgis_new_project):
    from qgis.PyQt.QtCore import Qt
    from double_guarantee_plugin.gui.docks.check_dock import create_dock
    widget = create_dock(iface)
    iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, widget)
    yield widget
    widget.cleanup()
    iface.removeDockWidget(widget)
    widget.setParent(None)


def test_one_profile_shown_and_changed_in_every_dock(dock, check_dock_widget, project_db_path, idle, tmp_path):
    dock.open_database(str(project_db_path))
    assert dock.select_project("DG2024-07")
    idle(dock)
    assert dock.profile_combo.currentData() == check_dock_widget.profile_combo.currentData() == "national_2017"
    # changed in the check dock: the project dock shows it and recomputes its credits with it
    check_dock_widget.profile_combo.setCurrentIndex(check_dock_widget.profile_combo.findData("jiangsu_2014"))
    idle(dock)
    assert dock.profile_combo.currentData() == "jiangsu_2014"
    assert dock.profile.id == check_dock_widget.profile().id == "jiangsu_2014"
    assert dock.last_snapshot.profile_id == "jiangsu_2014"
    project = QgsProject.instance()
    assert project.readEntry("DoubleGuarantee", "rule_profile", "")[0] == "jiangsu_2014"
    assert project.isDirty()
    # saved with the QGIS project, read back into both docks
    path = tmp_path / "county.qgz"
    assert project.write(str(path))
    project.clear()
    idle(dock)
    assert dock.profile_combo.currentData() == check_dock_widget.profile_combo.currentData() == "national_2017"
    assert project.read(str(path))
    idle(dock)
    assert dock.profile_combo.currentData() == check_dock_widget.profile_combo.currentData() == "jiangsu_2014"
    assert dock.last_snapshot.profile_id == "jiangsu_2014"


def test_a_project_saved_with_only_the_check_docks_key_keeps_it(qgis_new_project):
    project = QgsProject.instance()
    project.writeEntry("DoubleGuarantee", "check_rule_profile", "jiangsu_2014")
    assert project_profile.current_profile().id == "jiangsu_2014"
    project_profile.project_profile().set_profile_id("national_2017")
    assert project.readEntry("DoubleGuarantee", "check_rule_profile", "")[0] == ""
    assert project_profile.current_profile_id() == "national_2017"


def test_processing_without_a_profile_uses_the_projects(qgis_new_project, demo_paths, processing_ready):
    from qgis import processing
    from qgis.core import QgsProcessing, QgsVectorLayer
    layer = QgsVectorLayer(f"{demo_paths['projects']}|layername=plots", "plots", "ogr")
    project_profile.project_profile().set_profile_id("jiangsu_2014")
    by_project = processing.run("doubleguarantee:computecredits", {"INPUT": layer, "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT, "PROJECT_OUTPUT": QgsProcessing.TEMPORARY_OUTPUT})
    explicit = processing.run("doubleguarantee:computecredits", {"INPUT": layer, "RULE_PROFILE": "jiangsu_2014",
                                                                 "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT, "PROJECT_OUTPUT": QgsProcessing.TEMPORARY_OUTPUT})
    national = processing.run("doubleguarantee:computecredits", {"INPUT": layer, "RULE_PROFILE": "national_2017",
                                                                 "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT, "PROJECT_OUTPUT": QgsProcessing.TEMPORARY_OUTPUT})

    def capacities(result):
        return sorted(round(f["credit_capacity_kg"] or 0, 3) for f in result["OUTPUT"].getFeatures())
    assert capacities(by_project) == capacities(explicit) != capacities(national)
