# SPDX-License-Identifier: GPL-2.0-or-later
"""TXT import as a user meets it: parcels far outside the county or in another zone are asked about first
(a real message box, answered by a click), area differences the file's 精度 explains are no warnings, and
the outcome is one line in the message bar."""
import pytest
from qgis.core import QgsExpression, QgsFeatureRequest, QgsProject, QgsVectorLayer

from double_guarantee_plugin.core.coord_txt import read_coord_txt
from double_guarantee_plugin.core.coord_txt.messages import Note
from double_guarantee_plugin.core.project_db import open_project_database
from double_guarantee_plugin.gui.dialogs.coord_txt import import_txt_as_plots
from dg_testutil import answer_next_message_box, copy_gpkg

HEADER = ("[属性描述]\n格式版本号=1.01版本\n坐标系=2000国家大地坐标系\n几度分带=3\n投影类型=高斯克吕格\n"
          "计量单位=米\n带号=39\n精度={precision}\n[地块坐标]\n")


def _square_txt(path, declared_ha, precision="0.001", north=3553000.0, east=39488000.0, size=100.0):
    points = [(north, east), (north, east + size), (north + size, east + size), (north + size, east), (north, east)]
    lines = [f"5,{declared_ha},DK900,,面,,,,@"] + [f"J{i},1,{n:.3f},{e:.3f}" for i, (n, e) in enumerate(points, 1)]
    path.write_text(HEADER.format(precision=precision) + "\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture()
def county(demo_paths, tmp_path, qgis_new_project):
    """The demo project database and the county layers in the QGIS project, as a user has them."""
    copy = tmp_path / "projects.gpkg"
    copy_gpkg(demo_paths["projects"], copy)
    plots, _projects = open_project_database(str(copy))
    boundary = QgsVectorLayer(f"{demo_paths['county']}|layername=basic_farmland", "永久基本农田", "ogr")
    QgsProject.instance().addMapLayers([boundary])
    yield plots
    QgsProject.instance().removeAllMapLayers()


def _count(layer, code):
    request = QgsFeatureRequest().setFilterExpression(QgsExpression.createFieldEqualityExpression("project_code", code))
    return len(list(layer.getFeatures(request)))


def test_a_file_in_another_zone_far_away_is_asked_about_and_no_keeps_the_layer(iface, county, real_coord_dir):
    path = real_coord_dir / "windr07_SampleData.txt"          # zone 37, the demo county is in zone 39
    asked = []
    answer_next_message_box("No", asked)
    assert import_txt_as_plots(iface, county, "FAR-1", [path]) == 0
    assert asked and "zone 37" in asked[0] and "zone 39" in asked[0] and "far outside the county" in asked[0]
    assert _count(county, "FAR-1") == 0 and county.undoStack().count() == 0
    answer_next_message_box("Yes", asked)
    assert import_txt_as_plots(iface, county, "FAR-1", [path]) == 5
    assert len(asked) == 2 and _count(county, "FAR-1") == 5
    county.rollBack()


def test_a_file_inside_the_county_is_imported_without_a_question(iface, county, tmp_path):
    path = _square_txt(tmp_path / "inside.txt", "1.0000")
    def never(questions):
        raise AssertionError(f"asked although the parcel is inside the county: {questions}")
    assert import_txt_as_plots(iface, county, "IN-1", [path], confirm=never) == 1
    county.rollBack()


def test_area_difference_within_the_declared_precision_is_no_warning(tmp_path):
    # 100 m × 100 m declared as 1.0005 ha: 5 m² off; 精度 0.1 m allows 400 m × 0.1 m = 40 m²
    loose = read_coord_txt(_square_txt(tmp_path / "loose.txt", "1.0005", precision="0.1"))
    strict = read_coord_txt(_square_txt(tmp_path / "strict.txt", "1.0005", precision="0.001"))
    loose_parcel, strict_parcel = loose.parcels[0], strict.parcels[0]
    assert loose_parcel.area_check.matches is False and strict_parcel.area_check.matches is False
    assert [n.level for n in loose_parcel.notes if n.message is loose_parcel.area_check.note] == [Note.INFO]
    assert [n.level for n in strict_parcel.notes if n.message is strict_parcel.area_check.note] == [Note.WARNING]


def test_the_outcome_is_one_line(iface, county, tmp_path):
    path = _square_txt(tmp_path / "noted.txt", "2.0000")           # a declared area far off: a note to check
    bar = iface.messageBar()
    import_txt_as_plots(iface, county, "ONE-1", [path], confirm=lambda questions: True)
    from qgis.core import Qgis
    messages = list(bar.get_messages(Qgis.MessageLevel.Warning))
    bar.get_messages(Qgis.MessageLevel.Warning).clear()
    assert messages, "the import reports its notes"
    text = messages[-1]
    assert "\n" not in text and len(text) < 160 and "1 note(s)" in text and "log" in text, text
    county.rollBack()
