# SPDX-License-Identifier: GPL-2.0-or-later
"""``doubleguarantee:exportmeetingmaps`` through processing.run on the demo county."""
import os

import pytest
from qgis.core import QgsProcessingException

from reports_pdf_helpers import pdf_pages, pdf_text


def test_algorithm_exports_named_projects_and_a_combined_pdf(processing_ready, demo_paths, tmp_path):
    from qgis import processing
    plots = f"{demo_paths['projects']}|layername=plots"
    outcome = processing.run("doubleguarantee:exportmeetingmaps", {
        "PLOTS": plots, "PROJECTS": "DG2024-06, DG2023-02;NOPE-1",
        "RED_LINE": f"{demo_paths['county']}|layername=red_line",
        "BASIC_FARMLAND": f"{demo_paths['county']}|layername=basic_farmland",
        "FORMAT": 0, "COMBINED": True, "OUTPUT_FOLDER": str(tmp_path)})
    files = outcome["FILES"].split(";")
    assert outcome["EXPORTED"] == 2
    assert "NOPE-1" in outcome["PROBLEMS"] and "no plots" in outcome["PROBLEMS"]
    assert sorted(os.path.basename(f) for f in files) == sorted(
        ["DG2024-06_红线边界开发项目.pdf", "DG2023-02_西岗高标准农田建设项目.pdf", "meeting_maps_all.pdf"])
    combined = os.path.join(str(tmp_path), "meeting_maps_all.pdf")
    assert pdf_pages(combined) == 2
    text = pdf_text(combined)
    assert "红线边界开发项目" in text and "西岗高标准农田建设项目" in text


def test_algorithm_png_default_template(processing_ready, demo_paths, tmp_path):
    from qgis import processing
    outcome = processing.run("doubleguarantee:exportmeetingmaps", {
        "PLOTS": f"{demo_paths['projects']}|layername=plots", "PROJECTS": "DG2023-01", "FORMAT": 1,
        "OUTPUT_FOLDER": str(tmp_path)})
    from qgis.PyQt.QtGui import QImage
    image = QImage(outcome["FILES"])
    assert not image.isNull() and image.width() > image.height()   # A4 landscape by default


def test_algorithm_refuses_when_nothing_can_be_exported(processing_ready, demo_paths, tmp_path):
    from qgis import processing
    with pytest.raises(QgsProcessingException, match="NOPE-2"):
        processing.run("doubleguarantee:exportmeetingmaps", {
            "PLOTS": f"{demo_paths['projects']}|layername=plots", "PROJECTS": "NOPE-2",
            "OUTPUT_FOLDER": str(tmp_path)})
    with pytest.raises(QgsProcessingException, match="not installed"):
        processing.run("doubleguarantee:exportmeetingmaps", {
            "PLOTS": f"{demo_paths['projects']}|layername=plots", "PROJECTS": "DG2023-01",
            "FONT": "Nonexistent Sans 42", "OUTPUT_FOLDER": str(tmp_path)})
