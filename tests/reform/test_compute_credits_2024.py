# SPDX-License-Identifier: GPL-2.0-or-later
"""``doubleguarantee:computecredits`` names the grade system each plot was credited under
(``grade_system_used``) and whether the plot stated it or the rule profile's default applied."""
import pytest
from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsVectorLayer
from qgis.PyQt.QtCore import QVariant

from qgis import processing
from double_guarantee_plugin.core.area import EllipsoidalArea
from double_guarantee_plugin.core.units import m2_to_mu

X, Y = 39_500_000, 3_550_000
FIELDS = ("project_code", "plot_code", "class_before", "class_after", "grade_system", "grade_before", "grade_after")


def square(i, size=200):
    x = X + i * 1000
    return f"POLYGON(({x} {Y},{x + size} {Y},{x + size} {Y + size},{x} {Y + size},{x} {Y}))"


@pytest.fixture()
def plots():
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4527", "plots", "memory")
    layer.dataProvider().addAttributes([QgsField(n, QVariant.Int if n.startswith("grade_") and n != "grade_system"
                                                 else QVariant.String) for n in FIELDS])
    layer.updateFields()
    for i, values in enumerate([("P", "P-1", "0404", "0103", None, None, 4),             # no system: the default
                                ("P", "P-2", "0404", "0103", "use_grade_15", None, 4),   # stated use grade
                                ("P", "P-3", "0404", "0103", "grade_20", None, 4)]):     # unknown: refused
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(square(i)))
        feature.setAttributes(list(values))
        layer.dataProvider().addFeature(feature)
    return layer


def run(layer, profile):
    result = processing.run("doubleguarantee:computecredits", {"INPUT": layer, "RULE_PROFILE": profile,
                                                               "OUTPUT": "memory:", "PROJECT_OUTPUT": "memory:"})
    return {f["plot_code"]: f for f in result["OUTPUT"].getFeatures()}


def test_grade_system_used_is_named_per_plot(processing_ready, plots):
    area_mu = m2_to_mu(EllipsoidalArea(plots.crs()).area_m2(QgsGeometry.fromWkt(square(0))))
    rows = run(plots, "national_2024")
    assert (rows["P-1"]["grade_system_used"], rows["P-1"]["grade_system_source"]) == ("quality_level_10",
                                                                                      "profile_default")
    assert rows["P-1"]["credit_capacity_kg"] == pytest.approx(area_mu * 820)     # level 4 in the example table
    assert (rows["P-2"]["grade_system_used"], rows["P-2"]["grade_system_source"]) == ("use_grade_15", "plot")
    assert rows["P-2"]["credit_capacity_kg"] == pytest.approx(area_mu * 1200)    # use grade 4: (16 − 4) × 100
    assert rows["P-3"]["plot_kind"] == "not_creditable" and "unknown grade system 'grade_20'" in rows["P-3"]["reason"]
    # the same plots under national_2017: the default there is the use grade
    legacy = run(plots, "national_2017")
    assert (legacy["P-1"]["grade_system_used"], legacy["P-1"]["grade_system_source"]) == ("use_grade_15",
                                                                                         "profile_default")
    assert legacy["P-1"]["credit_capacity_kg"] == pytest.approx(area_mu * 1200)
