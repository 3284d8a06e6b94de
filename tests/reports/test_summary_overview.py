# SPDX-License-Identifier: GPL-2.0-or-later
"""County summary (CSV + XLSX, with a real GeoPackage ledger) and the county overview map PDF."""
import csv
import os

import pytest

from double_guarantee_plugin.core.reports import ReportError
from double_guarantee_plugin.core.reports.overview import export_overview
from double_guarantee_plugin.core.reports.report_data import gather_reports
from double_guarantee_plugin.core.reports.summary import write_county_summary
from double_guarantee_plugin.core.units import mu_to_ha

from reports_pdf_helpers import count_pixels, is_not_white, pdf_pages, pdf_text, render_page

CODES = ["DG2023-01", "DG2024-06", "DG2025-11"]


@pytest.fixture()
def reports(plots_layer, red_line_layer):
    found, problems = gather_reports(plots_layer, CODES + ["NOPE-9"], red_line=red_line_layer)
    return found, problems


def _ledger_with_deposit(path):
    from double_guarantee_plugin.core.ledger import Amounts, DepositRequest, open_ledger
    ledger = open_ledger(str(path))
    try:
        ledger.deposit(DepositRequest("320999", "DG2023-01", "东湖村土地整治项目", Amounts(150.0, 120000.0, 30.0),
                                      "2024-01-15"))
    finally:
        ledger.close()
    return str(path)


def test_summary_csv_and_xlsx_hold_every_project_and_the_ledger(reports, tmp_path, zh_translation):
    found, problems = reports
    ledger = _ledger_with_deposit(tmp_path / "ledger.gpkg")
    written = write_county_summary(str(tmp_path / "out"), found, problems, ledger=ledger)
    assert sorted(os.path.basename(p) for p in written) == ["county_summary.csv", "county_summary.xlsx",
                                                             "county_summary_ledger.csv"]
    with open(tmp_path / "out" / "county_summary.csv", encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    header, body = rows[0], rows[1:]
    assert header[0] == "项目编号" and "核查结论" in header
    by_code = {row[0]: dict(zip(header, row)) for row in body}
    assert set(by_code) == set(CODES) | {"NOPE-9"}
    for report in found:
        row = by_code[report.info.code]
        assert row["项目名称"] == report.info.name
        assert float(row["耕地数量指标（亩）"]) == pytest.approx(report.credit.credit_area_mu, abs=1e-4)
        assert float(row["耕地数量指标（公顷）"]) == pytest.approx(mu_to_ha(report.credit.credit_area_mu), abs=1e-4)
        assert float(row["粮食产能指标（公斤）"]) == pytest.approx(report.credit.credit_capacity_kg, abs=0.01)
        assert row["核查结论代码"] == report.verdict
    assert "no plots" in by_code["NOPE-9"]["说明"]
    with open(tmp_path / "out" / "county_summary_ledger.csv", encoding="utf-8-sig", newline="") as handle:
        balances = list(csv.reader(handle))
    assert balances[1][0] == "320999"
    assert float(balances[1][1]) == pytest.approx(150.0) and float(balances[1][2]) == pytest.approx(10.0)

    from openpyxl import load_workbook
    workbook = load_workbook(tmp_path / "out" / "county_summary.xlsx")
    assert workbook.sheetnames == ["项目", "储备库余额"]
    sheet = workbook["项目"]
    assert sheet.max_row == len(body) + 1
    values = {sheet.cell(r, 1).value: [c.value for c in sheet[r]] for r in range(2, sheet.max_row + 1)}
    first = found[0]
    assert values[first.info.code][header.index("耕地数量指标（亩）")] == pytest.approx(first.credit.credit_area_mu,
                                                                                  abs=1e-4)
    assert workbook["储备库余额"].cell(2, 4).value == pytest.approx(120000.0)


def test_summary_failure_leaves_the_previous_file(reports, tmp_path):
    found, problems = reports
    out = tmp_path / "out"
    write_county_summary(str(out), found, problems)
    before = (out / "county_summary.csv").read_bytes()
    with pytest.raises(ReportError, match="ledger"):
        write_county_summary(str(out), found[:1], {}, ledger=str(tmp_path / "missing_dir" / "x" / "nothing.gpkg"))
    assert (out / "county_summary.csv").read_bytes() == before
    assert not [name for name in os.listdir(out) if name.startswith(".tmp_")]


def test_overview_map_lists_every_project(reports, plots_layer, red_line_layer, county_boundary_layer, tmp_path,
                                          zh_translation):
    found, _problems = reports
    path = export_overview(str(tmp_path / "overview.pdf"), plots_layer, found, county_boundary_layer,
                           red_line_layer, dpi=60)
    assert pdf_pages(path) == 1
    text = pdf_text(path)
    assert "示范县" in text and "总览" in text
    for report in found:
        assert report.info.code in text and report.info.name in text
    image = render_page(path, tmp_path / "overview", 40)
    drawn, total = count_pixels(image, (20, 60, image.width() * 0.5, image.height() * 0.6), is_not_white)
    assert drawn / total > 0.01


def test_overview_without_projects_is_refused(plots_layer, tmp_path):
    with pytest.raises(ReportError, match="no project"):
        export_overview(str(tmp_path / "overview.pdf"), plots_layer, [])
    assert not (tmp_path / "overview.pdf").exists()


def _many(found, count):
    """``count`` reports made from the real ones under new codes and names (a county with many projects)."""
    import dataclasses
    return [dataclasses.replace(found[n % len(found)], info=dataclasses.replace(
        found[n % len(found)].info, code=f"DG9{n:03d}", name=f"第{n + 1}号项目")) for n in range(count)]


@pytest.mark.parametrize("count", [20, 400])
def test_overview_table_fits_its_frame_and_says_what_it_leaves_out(reports, plots_layer, tmp_path, count):
    """20 projects: the text shrinks and every one is listed; 400: those that fit at the smallest
    readable size, then one row saying how many more there are (the summary table has them all)."""
    from qgis.core import QgsProject
    from double_guarantee_plugin.core.reports.layout import MIN_TABLE_PT, load_template, table_of
    from double_guarantee_plugin.core.reports.overview import overview_sheet
    found, _problems = reports
    many = _many(found, count)
    project = QgsProject()
    sheet = overview_sheet(project, plots_layer, many)
    table = table_of(sheet.layout, "check_table")
    frame = table.frame(0)
    assert table.totalHeight() <= frame.rect().height() + 1e-6
    rows = table.tableContents()
    path = export_overview(str(tmp_path / "overview.pdf"), plots_layer, many, dpi=60)
    text = pdf_text(path).replace(" ", "")
    template_project = QgsProject()
    template = load_template(template_project, "a3_landscape")
    template_size = table_of(template, "check_table").contentTextFormat().size()
    if count == 20:
        assert len(rows) == 20 and MIN_TABLE_PT <= table.contentTextFormat().size() < template_size
        assert all(report.info.code in text for report in many)
    else:
        shown = len(rows) - 1
        assert 15 < shown < 400 and table.contentTextFormat().size() == pytest.approx(MIN_TABLE_PT)
        assert f"and{400 - shown}moreprojects" in text           # the English text (no translation loaded)
        assert many[0].info.code in text and many[shown - 1].info.code in text
        assert many[shown].info.code not in text
