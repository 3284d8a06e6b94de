# SPDX-License-Identifier: GPL-2.0-or-later
"""Issue 16 in the reports: the ledger report's 进出平衡 rows and its search by 电子监管号 / 案卷编号, and a
meeting sheet naming the project's rule profile, its workflow state and its county's 进出平衡 by year
(read back from the PDF, in Chinese)."""
import pytest

from qgis import processing
from double_guarantee_plugin.core.ledger import Amounts, DepositRequest, open_ledger
from double_guarantee_plugin.core.reports.export import MeetingMapJob, export_meeting_maps

from reports_pdf_helpers import open_demo_layer, pdf_text

DEMO = "320999"


@pytest.fixture
def ledger_path(tmp_path):
    path = str(tmp_path / "projects_ledger.gpkg")
    ledger = open_ledger(path)
    ledger.deposit(DepositRequest(DEMO, "DG2023-01", "东湖村", Amounts(150, 120000, 30), "2024-01-15"))
    ledger.write_off(DEMO, "JS-1", "产业园", Amounts(10, 8000, 0), "2025-06-01", dzjgh="3209992025000077",
                     ajbh="示规〔2025〕8号")
    ledger.write_off(DEMO, "JS-2", "物流园", Amounts(5, 4000, 0), "2025-07-01", dzjgh="3209992025000078",
                     ajbh="示规〔2025〕9号")
    ledger.record_out(DEMO, Amounts(6, 4800, 0), "2025-04-01", "0103", "0201")
    ledger.record_in(DEMO, "DG2025-09", "园地复耕", Amounts(2, 1600, 0), "2025-10-01", ["P1"], classes=("0201", "0103"))
    ledger.record_out(DEMO, Amounts(1.5, 1, 0), "2024-04-01", "0102", "0301")
    ledger.close()
    return path


def test_ledger_report_in_out_rows_and_search_by_the_links(processing_ready, ledger_path):
    result = processing.run("doubleguarantee:ledgerreport", {"LEDGER": ledger_path, "SEARCH": "〔2025〕9号",
                                                             "OUTPUT": "memory:"})
    rows = list(result["OUTPUT"].getFeatures())
    journal = [row for row in rows if row["record"] == "journal"]
    assert [row["project_code"] for row in journal] == ["JS-2"] and journal[0]["dzjgh"] == "3209992025000078"
    assert journal[0]["rule_profile"] == "national_2024" and journal[0]["occupation_kind"] == "construction"
    in_out = {row["year"]: row for row in rows if row["record"] == "in_out"}
    assert set(in_out) == {2024, 2025}
    assert (in_out[2025]["in_mu"], in_out[2025]["out_mu"], in_out[2025]["balance_mu"]) == (2, 6, -4)
    assert in_out[2024]["balance_mu"] == -1.5
    balance = [row for row in rows if row["record"] == "balance"][0]
    assert (balance["pending_area_mu"], balance["usable_area_mu"]) == (0, 135)
    everything = processing.run("doubleguarantee:ledgerreport", {"LEDGER": ledger_path, "OUTPUT": "memory:"})
    assert everything["ENTRY_COUNT"] == 6


def test_a_meeting_sheet_names_profile_state_and_the_county_in_out(demo_paths, ledger_path, tmp_path,
                                                                    zh_translation):
    plots = open_demo_layer(demo_paths, "projects", "plots")
    result = export_meeting_maps(MeetingMapJob(plots, str(tmp_path), ["DG2023-01"], dpi=60, ledger=ledger_path))
    text = pdf_text(result.files[0])
    compact = "".join(text.split())
    assert "规则配置/流程状态" in compact and "national_2017" in text
    report = result.reports[0]
    assert report.info.state_label() and report.info.state_label() in text
    assert "2025年进出平衡（县）" in compact and "进2.00/出6.00亩" in compact and "-4.00亩" in compact
    assert "2024年进出平衡（县）" in compact
