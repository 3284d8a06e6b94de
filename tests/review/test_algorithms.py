# SPDX-License-Identifier: GPL-2.0-or-later
"""``doubleguarantee:takeoffline`` and ``doubleguarantee:bringback`` run through processing.run."""
import pytest

from double_guarantee_plugin.core import review
from double_guarantee_plugin.core.review import ReviewStore

from .conftest import PROJECT_A, PROJECT_B, open_plots_layer


def test_take_offline_and_bring_back_by_processing(processing_ready, project_db, demo_paths, tmp_path):
    from qgis import processing
    from qgis.core import QgsProcessingException
    county = demo_paths["county"]
    package = tmp_path / "field.gpkg"
    result = processing.run("doubleguarantee:takeoffline", {
        "DATABASE": str(project_db), "PROJECTS": f"{PROJECT_A}, {PROJECT_B}",
        "BASIC_FARMLAND": f"{county}|layername=basic_farmland", "RED_LINE": f"{county}|layername=red_line",
        "MARGIN": 100, "OUTPUT": str(package)})
    assert result["PLOT_COUNT"] == 28 and result["BASIC_FARMLAND_COUNT"] > 0 and result["SLOPE_COUNT"] == 0
    layer = open_plots_layer(package)
    feature = next(f for f in layer.getFeatures() if f["plot_code"] == f"{PROJECT_B}-03")
    layer.startEditing()
    layer.changeAttributeValue(feature.id(), layer.fields().indexOf("grade_after"), feature["grade_after"] % 15 + 1)
    assert layer.commitChanges()
    del layer, feature
    ReviewStore(package).add_review(PROJECT_B, review.PASSED, "李工")

    merged = processing.run("doubleguarantee:bringback", {"DATABASE": str(project_db), "PACKAGE": str(package)})
    assert merged["EDITS"] == 1 and merged["REVIEWS"] == 1 and merged["CONFLICTS"] == 0
    again = processing.run("doubleguarantee:bringback", {"DATABASE": str(project_db), "PACKAGE": str(package)})
    assert all(value == 0 for key, value in again.items())
    with pytest.raises(QgsProcessingException, match="no project NOPE"):
        processing.run("doubleguarantee:takeoffline", {"DATABASE": str(project_db), "PROJECTS": "NOPE",
                                                       "OUTPUT": str(tmp_path / "x.gpkg")})
