# SPDX-License-Identifier: GPL-2.0-or-later
"""Meeting sheets exported headless from the demo county, read back with pdftotext and pdftoppm."""
import os
import subprocess

import pytest

from double_guarantee_plugin.core.reports import ReportError
from double_guarantee_plugin.core.reports.export import MeetingMapJob, export_meeting_maps
from double_guarantee_plugin.core.reports.fonts import ReportFontError, resolve_font_family
from double_guarantee_plugin.core.reports.layout import TEMPLATES, load_template
from double_guarantee_plugin.core.reports.report_data import (STATUS_NOT_CHECKED, fmt_grade, fmt_ha, fmt_kg,
                                                              fmt_mu, status_label)

from reports_pdf_helpers import (count_pixels, is_conflict_red, is_not_white, is_paddy_blue, open_demo_layer,
                                 pdf_pages, pdf_text, render_page)

CLEAN, RED_LINE, BASIC_FARMLAND = "DG2023-01", "DG2024-06", "DG2024-07"
NAMES = {CLEAN: "东湖村土地整治项目", RED_LINE: "红线边界开发项目", BASIC_FARMLAND: "基本农田重叠整治项目"}
DPI = 60


def _engine_available():
    try:
        from double_guarantee_plugin.core import constraints  # noqa: F401
        return True
    except ImportError:
        return False


@pytest.fixture(scope="module")
def exported(qgis_app, zh_qm, demo_paths, tmp_path_factory):
    """Three demo projects and one code without plots, in Chinese, per project and combined."""
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator
    plots = open_demo_layer(demo_paths, "projects", "plots")
    basic_farmland = open_demo_layer(demo_paths, "county", "basic_farmland")
    red_line = open_demo_layer(demo_paths, "county", "red_line")
    slope = open_demo_layer(demo_paths, "county", "slope")
    translator = QTranslator()
    assert translator.load(str(zh_qm))
    QCoreApplication.installTranslator(translator)
    try:
        folder = tmp_path_factory.mktemp("maps")
        job = MeetingMapJob(plots, str(folder), [CLEAN, RED_LINE, BASIC_FARMLAND, "DG9999-99"],
                            basic_farmland=basic_farmland, red_line=red_line, slope=slope,
                            combined_pdf="all_projects.pdf", producer="示范县自然资源局", dpi=DPI)
        result = export_meeting_maps(job)
    finally:
        QCoreApplication.removeTranslator(translator)
    return folder, result


def _file(result, code):
    matches = [path for path in result.files if os.path.basename(path).startswith(code)]
    assert len(matches) == 1, result.files
    return matches[0]


def _computecredits(plots_layer):
    from qgis import processing
    outcome = processing.run("doubleguarantee:computecredits", {"INPUT": plots_layer.source(), "OUTPUT": "memory:",
                                                                "PROJECT_OUTPUT": "memory:"})
    return {f["project_code"]: f for f in outcome["PROJECT_OUTPUT"].getFeatures()}


def _map_rect_px(template="a4_landscape", dpi=DPI):
    from qgis.core import QgsProject
    layout = load_template(QgsProject(), template)
    item = layout.itemById("map")
    position, size = item.positionWithUnits(), item.sizeWithUnits()
    scale = dpi / 25.4
    inset = 2  # stay off the frame line
    return (position.x() * scale + inset, position.y() * scale + inset, size.width() * scale - 2 * inset,
            size.height() * scale - 2 * inset)


def test_sheets_written_and_empty_project_reported(exported):
    folder, result = exported
    names = sorted(os.path.basename(path) for path in result.files)
    assert names == sorted([f"{CLEAN}_{NAMES[CLEAN]}.pdf", f"{RED_LINE}_{NAMES[RED_LINE]}.pdf",
                            f"{BASIC_FARMLAND}_{NAMES[BASIC_FARMLAND]}.pdf", "all_projects.pdf"])
    assert "DG9999-99" in result.problems
    assert "no plots" in result.problems["DG9999-99"] and "nothing to map" in result.problems["DG9999-99"]
    assert not any("DG9999-99" in name for name in os.listdir(folder))


def test_pdf_text_has_chinese_name_credits_equal_computecredits_and_statuses(exported, plots_layer,
                                                                               processing_ready, zh_translation):
    _folder, result = exported
    reference = _computecredits(plots_layer)
    reports = {report.info.code: report for report in result.reports}
    for code in (CLEAN, RED_LINE, BASIC_FARMLAND):
        text = pdf_text(_file(result, code))
        assert NAMES[code] in text
        assert "示范县自然资源局" in text and "核查" in text and "亩" in text
        row = reference[code]
        report = reports[code]
        if report.check is None or not any(p.excluded_m2 or p.blocking_reason for p in report.check.plots):
            # no exclusion applied: the sheet's figures are computecredits' figures
            for field, fmt in (("credit_area_mu", fmt_mu), ("credit_paddy_mu", fmt_mu),
                               ("credit_capacity_kg", fmt_kg), ("area_mu", fmt_mu)):
                assert fmt(row[field]) in text, (code, field, fmt(row[field]))
            assert fmt_ha(row["credit_area_mu"]) in text
            if row["grade_uplift"] is not None and str(row["grade_uplift"]) != "NULL":
                assert fmt_grade(row["grade_uplift"]) in text
        else:
            # exclusions from the constraint engine: the figures of core.layer_credits with those checks
            from qgis.core import QgsFeatureRequest
            from double_guarantee_plugin.core.layer_credits import compute_layer_credits
            checks = {plot.plot_fid: plot for plot in report.check.plots}
            _plots, (expected,) = compute_layer_credits(
                plots_layer, request=QgsFeatureRequest().setFilterExpression(f"project_code = '{code}'"),
                plot_checks=checks)
            for value in (expected.credit_area_mu, expected.credit_paddy_mu):
                assert fmt_mu(value) in text
            assert fmt_kg(expected.credit_capacity_kg) in text
        assert len(report.check_rows) >= 3
        for check in report.check_rows:
            assert status_label(check.status) in text, (code, check.role, check.status)
        if _engine_available() and code == RED_LINE:
            assert report.verdict == "blocking" and "不通过" in text
        if _engine_available() and code == CLEAN:
            assert report.verdict == "ok" and "通过" in text
        if not _engine_available():
            assert {check.status for check in report.check_rows} == {STATUS_NOT_CHECKED}
            assert "未检查" in text and "通过" not in text


def test_red_line_conflict_is_red_on_the_map_and_clean_project_is_not(exported, tmp_path):
    _folder, result = exported
    rect = _map_rect_px()
    ratios = {}
    for code in (CLEAN, RED_LINE, BASIC_FARMLAND):
        image = render_page(_file(result, code), tmp_path / code, DPI)
        drawn, total = count_pixels(image, rect, is_not_white)
        assert drawn / total > 0.2, f"{code}: map area nearly blank ({drawn}/{total})"
        red, total = count_pixels(image, rect, is_conflict_red)
        ratios[code] = red / total
    assert ratios[CLEAN] == 0.0
    assert ratios[RED_LINE] > 0.10       # most of that project lies in the red line
    assert ratios[BASIC_FARMLAND] > 0.005  # hatched red over the basic-farmland overlap


def test_paddy_after_is_hatched_in_blue(plots_layer, tmp_path, qgis_app):
    # the hatch is a pattern drawn at the export resolution: at meeting resolution it stays blue
    result = export_meeting_maps(MeetingMapJob(plots_layer, str(tmp_path), [CLEAN, RED_LINE], dpi=150))
    blue = {code: count_pixels(render_page(_file(result, code), tmp_path / code, 100),
                               _map_rect_px(dpi=100), is_paddy_blue)[0] for code in (CLEAN, RED_LINE)}
    assert blue[CLEAN] > 200 and blue[RED_LINE] == 0, blue   # DG2023-01 creates paddy, DG2024-06 does not


def test_combined_pdf_has_one_page_per_project(exported):
    _folder, result = exported
    combined = [path for path in result.files if path.endswith("all_projects.pdf")][0]
    assert pdf_pages(combined) == 3
    text = pdf_text(combined)
    for name in NAMES.values():
        assert name in text


def test_png_export_and_a3_portrait_template(plots_layer, red_line_layer, tmp_path, qgis_app):
    job = MeetingMapJob(plots_layer, str(tmp_path), [RED_LINE], red_line=red_line_layer, fmt="png", dpi=40,
                        template="a3_portrait")
    result = export_meeting_maps(job)
    assert len(result.files) == 1 and result.files[0].endswith(".png")
    from qgis.PyQt.QtGui import QImage
    image = QImage(result.files[0])
    # A3 portrait at 40 dpi: 297 × 420 mm
    assert abs(image.width() - round(297 / 25.4 * 40)) <= 2 and abs(image.height() - round(420 / 25.4 * 40)) <= 2
    red, total = count_pixels(image, _map_rect_px("a3_portrait", 40), is_conflict_red)
    assert red / total > 0.05


def test_every_template_loads_with_its_items(qgis_app):
    from qgis.core import QgsProject
    for name, (_file_name, page, orientation) in TEMPLATES.items():
        layout = load_template(QgsProject(), name)
        size = layout.pageCollection().page(0).pageSize()
        assert (size.width() > size.height()) == (orientation == "landscape"), name
        assert round(max(size.width(), size.height())) == (297 if page == "A4" else 420)
        for item_id in ("title", "map", "legend", "scalebar", "numeric_scale", "north_arrow", "crs_note",
                        "credit_table", "check_table", "producer", "date"):
            assert layout.itemById(item_id) is not None, (name, item_id)


def test_missing_font_is_a_clear_error_before_any_file(plots_layer, tmp_path, qgis_app):
    with pytest.raises(ReportFontError, match="Nonexistent Sans 42"):
        resolve_font_family("Nonexistent Sans 42")
    job = MeetingMapJob(plots_layer, str(tmp_path / "out"), [CLEAN], font_family="Nonexistent Sans 42")
    with pytest.raises(ReportFontError, match="not installed"):
        export_meeting_maps(job)
    assert not (tmp_path / "out").exists() or not os.listdir(tmp_path / "out")


def test_font_without_chinese_is_refused(qgis_app):
    from qgis.PyQt.QtGui import QFontDatabase
    database = QFontDatabase()
    latin = [family for family in database.families()
             if QFontDatabase.WritingSystem.SimplifiedChinese not in database.writingSystems(family)
             and QFontDatabase.WritingSystem.TraditionalChinese not in database.writingSystems(family)]
    assert latin, "no Latin-only font installed to test with"
    with pytest.raises(ReportFontError, match="no Chinese"):
        resolve_font_family(latin[0])


def test_unknown_template_and_format(plots_layer, tmp_path, qgis_app):
    with pytest.raises(ReportError, match="template 'b5_sideways' not found"):
        export_meeting_maps(MeetingMapJob(plots_layer, str(tmp_path), [CLEAN], template="b5_sideways"))
    with pytest.raises(ReportError, match="unknown format 'tiff'"):
        export_meeting_maps(MeetingMapJob(plots_layer, str(tmp_path), [CLEAN], fmt="tiff"))


def test_without_constraint_layers_every_check_is_not_checked(plots_layer, tmp_path, qgis_app):
    result = export_meeting_maps(MeetingMapJob(plots_layer, str(tmp_path), [CLEAN], dpi=40))
    report = result.reports[0]
    assert report.verdict == STATUS_NOT_CHECKED
    assert {row.role for row in report.check_rows} >= {"basic_farmland", "red_line", "slope"}
    assert {row.status for row in report.check_rows} == {STATUS_NOT_CHECKED}
    text = pdf_text(result.files[0])
    assert "Not checked" in text and "Passed" not in text   # no translator: English labels


def test_pdf_is_searchable_text_not_outlines(exported):
    _folder, result = exported
    fonts = subprocess.run(["pdffonts", _file(result, CLEAN)], capture_output=True, text=True, check=True).stdout
    assert "CJK" in fonts   # the CJK font is embedded, text stays text


def test_configured_font_is_used_in_the_pdf(plots_layer, tmp_path, qgis_app):
    from double_guarantee_plugin.core.reports.fonts import configured_family, set_configured_family
    previous = configured_family()
    set_configured_family("Noto Serif CJK SC")
    try:
        result = export_meeting_maps(MeetingMapJob(plots_layer, str(tmp_path), [CLEAN], dpi=40))
    finally:
        set_configured_family(previous)
    fonts = subprocess.run(["pdffonts", result.files[0]], capture_output=True, text=True, check=True).stdout
    assert "NotoSerifCJK" in fonts and "NotoSansCJK" not in fonts
    assert NAMES[CLEAN] in pdf_text(result.files[0])


def test_basemap_is_drawn_under_the_plots(plots_layer, demo_paths, tmp_path, qgis_app):
    survey = open_demo_layer(demo_paths, "county", "land_survey")
    plain = export_meeting_maps(MeetingMapJob(plots_layer, str(tmp_path / "plain"), [CLEAN], dpi=40))
    with_basemap = export_meeting_maps(MeetingMapJob(plots_layer, str(tmp_path / "basemap"), [CLEAN], dpi=40,
                                                     basemap=survey))
    rect = _map_rect_px(dpi=40)
    drawn = [count_pixels(render_page(r.files[0], tmp_path / name, 40), rect, is_not_white)[0]
             for name, r in (("plain", plain), ("basemap", with_basemap))]
    assert drawn[1] > drawn[0] * 1.2, drawn   # the survey polygons fill the white around the project
