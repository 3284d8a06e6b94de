# SPDX-License-Identifier: GPL-2.0-or-later
"""Issue 14 in the dock and the reports: a ledger is verified when it is opened, a tampered one is
shown with a Chinese message naming the entry and refuses write-offs; a report says it was verified."""
import csv
import re

import pytest
from qgis.core import QgsProject, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QEvent

from double_guarantee_plugin.core.ledger import Amounts, DepositRequest, LedgerError, open_ledger
from tamper import rewrite_entry_2  # noqa: E402

DEMO = "320999"
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def ledger_file(tmp_path):
    path = str(tmp_path / "dock_ledger.gpkg")
    ledger = open_ledger(path)
    ledger.deposit(DepositRequest(DEMO, "P1", "东湖村", Amounts(100, 80000, 10), "2024-01-01"))
    ledger.deposit(DepositRequest(DEMO, "P2", "西湖村", Amounts(50, 40000, 5), "2024-01-02"))
    ledger.write_off(DEMO, "JS-1", "construction", Amounts(10, 8000, 0), "2024-02-01")
    ledger.close()
    return path


@pytest.fixture
def dock(iface):
    from double_guarantee_plugin.gui.docks import ledger_dock
    widget = ledger_dock.create_dock(iface)
    yield widget
    widget.cleanup()
    widget.deleteLater()
    # gone before the next test counts the main window's docks
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QgsProject.instance().removeEntry("DoubleGuarantee", "ledger_target")
    QgsSettings().remove("DoubleGuarantee/ledger_target")


def test_the_dock_verifies_on_open_and_refuses_write_offs_on_a_tampered_ledger(dock, ledger_file, chinese):
    assert dock.open_target(ledger_file)
    assert dock.writeoff_button.isEnabled() and dock.integrity_failure is None
    dock.cleanup()
    rewrite_entry_2(ledger_file)
    assert dock.open_target(ledger_file)                       # opened for reading: the journal stays visible
    dock.set_county(DEMO)
    assert dock.journal_table.rowCount() == 3
    text = dock.status_label.text()
    assert CJK.search(text) and re.search(r"\b2\b", text), text
    for button in (dock.writeoff_button, dock.transfer_button, dock.commitment_button, dock.due_button,
                   dock.reverse_button):
        assert not button.isEnabled()
    assert dock.export_button.isEnabled()
    with pytest.raises(LedgerError) as refused:                # and the ledger itself refuses, whoever asks
        dock.ledger.write_off(DEMO, "JS-2", "x", Amounts(1, 1, 0), "2024-03-01")
    assert CJK.search(str(refused.value)) and re.search(r"\b2\b", str(refused.value))


def test_a_report_states_that_the_ledger_was_verified(dock, ledger_file, tmp_path):
    assert dock.open_target(ledger_file)
    dock.set_county(DEMO)
    path = dock.export_csv(str(tmp_path / "verified.csv"))
    with open(path, encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["record"] == "verification" and rows[0]["entry_id"] == "3"
    assert "verified" in rows[0]["note"] and rows[0]["created_at"]
    assert [r["record"] for r in rows[1:]] == ["balance", "journal", "journal", "journal"]
    dock.cleanup()
    rewrite_entry_2(ledger_file)
    assert dock.open_target(ledger_file)
    dock.set_county(DEMO)
    with open(dock.export_csv(str(tmp_path / "failed.csv")), encoding="utf-8-sig") as handle:
        first = next(csv.DictReader(handle))
    assert first["record"] == "verification" and first["entry_id"] == "2" and "not" in first["note"]


def test_the_processing_report_states_the_verification(processing_ready, ledger_file, tmp_path):
    from qgis import processing
    output = str(tmp_path / "report.csv")
    result = processing.run("doubleguarantee:ledgerreport", {"LEDGER": ledger_file, "COUNTY": "", "OUTPUT": output})
    assert result["VERIFIED"] is True and result["ENTRY_COUNT"] == 3
    with open(output, encoding="utf-8") as handle:
        first = next(csv.DictReader(handle))
    assert first["record"] == "verification" and "verified" in first["note"] and first["entry_id"] == "3"
