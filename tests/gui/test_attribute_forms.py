# SPDX-License-Identifier: GPL-2.0-or-later
"""The project database's attribute forms as QGIS shows them: Chinese titles and labels, fid hidden, value
maps without English code words, required fields marked, the ✔/✘ constraint markers inside the form."""
import re

import pytest
from qgis.core import QgsFeature, QgsProject
from qgis.PyQt.QtWidgets import QComboBox, QLabel


@pytest.fixture
def layers(project_db_path, qgis_new_project):
    from double_guarantee_plugin.core.project_db import open_project_database
    plots, projects = open_project_database(str(project_db_path))
    QgsProject.instance().addMapLayers([plots, projects])
    yield plots, projects
    QgsProject.instance().removeAllMapLayers()


def _form(iface, layer):
    from qgis.gui import QgsAttributeDialog, QgsAttributeEditorContext
    from double_guarantee_plugin.gui.tools.plot_tools import FORM_MIN_WIDTH_PX
    feature = QgsFeature(layer.fields())
    context = QgsAttributeEditorContext()
    context.setMapCanvas(iface.mapCanvas())
    dialog = QgsAttributeDialog(layer, feature, False, iface.mainWindow(), True, context)
    dialog.setMode(QgsAttributeEditorContext.Mode.FixAttributeMode)
    dialog.setMinimumWidth(FORM_MIN_WIDTH_PX)        # what open_attribute_form does
    dialog.show()
    from qgis.core import QgsApplication
    QgsApplication.processEvents()
    return dialog


@pytest.mark.parametrize("which", ["plots", "projects"])
def test_forms_are_chinese_hide_fid_and_mark_required_fields(iface, layers, which):
    plots, projects = layers
    layer = plots if which == "plots" else projects
    assert layer.name() in ("Plots", "Projects", "地块", "项目")
    assert layer.editorWidgetSetup(layer.fields().indexOf("fid")).type() == "Hidden"
    config = layer.editFormConfig()
    group = config.tabs()[0]
    assert group.name() == ("地块属性" if which == "plots" else "项目信息")
    assert "fid" not in [child.name() for child in group.children()]
    aliases = {field.name(): layer.attributeDisplayName(i) for i, field in enumerate(layer.fields())}
    assert aliases["project_code"] == "项目编号 *"
    if which == "plots":
        assert aliases["class_after"] == "实施后地类 *" and aliases["grade_after"] == "实施后等别"
    dialog = _form(iface, layer)
    try:
        labels = [label.text() for label in dialog.findChildren(QLabel)]
        assert not any(text.strip() in ("fid", "FID") for text in labels)
        assert any(text.startswith("项目编号") for text in labels)
        for combo in dialog.findChildren(QComboBox):
            for i in range(combo.count()):
                if combo.itemText(i) in ("Please select", "NULL", "<NULL>", "(NULL)"):   # QGIS's own words, in its language
                    continue
                assert not re.search(r"[A-Za-z]{3,}", combo.itemText(i)), combo.itemText(i)
        markers = [label for label in dialog.findChildren(QLabel) if label.objectName() == "ConstraintStatus"]
        assert markers, "QGIS shows a constraint marker beside constrained fields"
        right = dialog.rect().right()
        for marker in markers:
            if marker.isVisible():
                top_left = marker.mapTo(dialog, marker.rect().topLeft())
                assert top_left.x() + marker.sizeHint().width() <= right, (top_left.x(), right)
    finally:
        dialog.close()
        dialog.deleteLater()


def test_project_type_value_map_shows_chinese_names_only(layers):
    _plots, projects = layers
    setup = projects.editorWidgetSetup(projects.fields().indexOf("project_type"))
    labels = [list(entry.keys())[0] for entry in setup.config()["map"]]
    assert labels and all(not re.search(r"[A-Za-z]", label) for label in labels), labels
    plots, _projects = layers
    classes = [list(entry.keys())[0] for entry in
               plots.editorWidgetSetup(plots.fields().indexOf("class_after")).config()["map"]]
    assert "0101 水田" in classes
