# SPDX-License-Identifier: GPL-2.0-or-later
"""Issue 16 in the ledger dock, on both backends: the 进出平衡 page by year, recording what went out, the
province-year page (以补定占) for two counties from the real account, what waits for the change survey,
the search by 电子监管号 / 案卷编号, and the write-off dialog's refusals."""
import pytest
from qgis.core import QgsProject, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QDate, QEvent, Qt
from qgis.PyQt.QtWidgets import QDialogButtonBox

from double_guarantee_plugin.core.ledger import Amounts
from test_province_year import LINKS, SHIQIAO, YUNXI, ledger_path  # noqa: F401 (the fixture)


@pytest.fixture
def dock(iface, ledger_path):  # noqa: F811
    from double_guarantee_plugin.gui.docks import ledger_dock
    widget = ledger_dock.create_dock(iface)
    assert widget.open_target(ledger_path)
    yield widget
    widget.cleanup()
    widget.setParent(None)
    widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QgsProject.instance().removeEntry("DoubleGuarantee", "ledger_target")
    QgsSettings().remove("DoubleGuarantee/ledger_target")


def _cells(table, row):
    return [table.item(row, column).text() for column in range(table.columnCount())]


def test_in_out_page_by_year_and_recording_what_went_out(dock):
    dock.set_county(SHIQIAO)
    dock.pages.setCurrentWidget(dock.in_out_page)
    page = dock.in_out_page
    assert page.table.rowCount() == 2
    assert _cells(page.table, 0) == ["2025", "10.0000", "4.0000", "3.0000", "+6.0000", "yes"]
    assert _cells(page.table, 1)[:5] == ["2024", "99.0000", "0.0000", "0.0000", "+99.0000"]
    assert page.entries.rowCount() == 3                       # 2025: one in, two out (one exempt)
    assert "IO-1" in " ".join(_cells(page.entries, 0) + _cells(page.entries, 1) + _cells(page.entries, 2))
    dialog = page.record_out(exec_=False)
    dialog.date.setDate(QDate(2025, 11, 2))
    dialog.class_from.setCurrentIndex(dialog.class_from.findData("0101"))
    dialog.class_to.setCurrentIndex(dialog.class_to.findData("1202"))
    dialog.amounts.area.setValue(7.5)
    dialog.class_from.currentIndexChanged.emit(dialog.class_from.currentIndex())
    assert dialog.amounts.paddy.value() == 7.5                # paddy turned into facility land takes its paddy
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    result = dialog.apply()
    assert result.applied and result.entry.class_to == "1202"
    dialog.done(0)
    assert _cells(page.table, 0)[:5] == ["2025", "10.0000", "11.5000", "3.0000", "-1.5000"]
    assert page.table.item(0, 5).foreground().color() == Qt.GlobalColor.red
    assert "2025" in page.summary.text()


def test_province_year_page_for_two_counties(dock):
    dock.set_county(YUNXI)
    dock.pages.setCurrentWidget(dock.province_page)
    page = dock.province_page
    assert page.province_combo.currentData() == "32"
    page.year_spin.setValue(2025)
    rows = [_cells(page.table, row) for row in range(page.table.rowCount())]
    assert [row[0].split()[0] for row in rows[:2]] == [YUNXI, SHIQIAO]
    assert rows[0][1:] == ["100.0000", "50.0000", "0.0000", "100.0000", "60.0000", "40.0000"]
    assert rows[1][1:] == ["40.0000", "0.0000", "6.0000", "46.0000", "55.0000", "-9.0000"]
    assert rows[2][1:] == ["140.0000", "50.0000", "6.0000", "146.0000", "115.0000", "31.0000"]
    assert page.table.item(0, 2).toolTip().endswith("B")
    assert "146.0000" in page.verdict.text() and "115.0000" in page.verdict.text()
    page.year_spin.setValue(2024)                            # 2024: C's 999 亩 and 99 亩 in, against 2025's 30
    assert page.table.item(page.table.rowCount() - 1, 4).text() == "1,098.0000"


def test_reserve_page_shows_what_waits_and_finds_links(dock):
    dock.set_county(YUNXI)
    assert "B" in dock.pending_label.text()
    dock.search_edit.setText(LINKS["dzjgh"])
    assert dock.journal_table.rowCount() == 2                 # W2 and W1
    assert all(LINKS["dzjgh"] in dock.journal_table.item(row, 8).text() for row in range(2))
    dock.search_edit.setText("")
    dialog = dock.open_write_off(exec_=False)
    dialog.date.setDate(QDate(2026, 5, 1))
    dialog.project_code.setText("JS-9")
    dialog.computed.setChecked(False)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    # 云溪 holds 1,059 亩, of which B's 50 wait for the change survey: 1,039 亩 asked, 1,009 usable
    dialog.amounts.set_amounts(Amounts(1039, 100, 0))
    assert not ok.isEnabled() and "change-survey" in dialog.preview.shortfall_label.text()
    assert "B" in dialog.pending_label.text()
    dialog.amounts.set_amounts(Amounts(9, 100, 0))
    assert not ok.isEnabled() and "DZJGH" in dialog.preview.shortfall_label.text()
    dialog.rules.dzjgh.setText("320981202600099")
    dialog.rules.ajbh.setText("AJ-99")
    assert ok.isEnabled()
    dialog.rules.profile_combo.setCurrentIndex(dialog.rules.profile_combo.findData("national_2017"))
    assert not ok.isEnabled() and "2025-01-01" in dialog.preview.shortfall_label.text()
    dialog.rules.profile_combo.setCurrentIndex(0)
    result = dialog.apply()
    assert result.applied and result.entry.ajbh == "AJ-99"
    dialog.done(0)
