# SPDX-License-Identifier: GPL-2.0-or-later
"""The ledger dock and its dialogs, driven as a user would, on a real ledger (both backends)."""
import csv

import pytest
from qgis.core import QgsProject, QgsSettings
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication, QDialog, QDialogButtonBox, QDockWidget

from double_guarantee_plugin.core.credits import ProjectCredit
from double_guarantee_plugin.core.ledger import Amounts, DepositRequest, open_ledger
from dg_testutil import copy_gpkg, dispose_widget  # noqa: E402

DEMO = "320999"


@pytest.fixture
def filled_target(ledger_target):
    ledger = open_ledger(ledger_target)
    ledger.deposit(DepositRequest(DEMO, "DG2023-01", "东湖村土地整治项目", Amounts(60, 48000, 25), "2023-03-01"))
    ledger.deposit(DepositRequest("320983", "QW-1", "青湾", Amounts(300, 300000, 50), "2023-03-01"))
    ledger.deposit(DepositRequest("340999", "LS-1", "邻省", Amounts(900, 900000, 500), "2023-03-01"))
    ledger.close()
    return ledger_target


@pytest.fixture
def dock(iface, filled_target):
    from double_guarantee_plugin.gui.docks import ledger_dock
    widget = ledger_dock.create_dock(iface)
    assert widget.open_target(filled_target)
    widget.set_county(DEMO)
    yield widget
    widget.cleanup()
    dispose_widget(widget)
    # the dock remembers the ledger in the project and the user's settings: leave neither behind
    QgsProject.instance().removeEntry("DoubleGuarantee", "ledger_target")
    QgsSettings().remove("DoubleGuarantee/ledger_target")


def test_dock_is_discovered_and_shows_balances_and_journal(dock, tmp_path):
    from double_guarantee_plugin.gui.docks import dock_modules
    module = [m for m in dock_modules() if m.__name__.endswith("ledger_dock")][0]
    assert module.DOCK_ORDER == 30 and isinstance(dock, QDockWidget)
    assert dock.area_label.text().startswith("60.0000") and "4.0000" in dock.area_label.text()
    assert "48,000.0" in dock.capacity_label.text() and "4.8000" in dock.capacity_label.text()
    assert dock.journal_table.rowCount() == 1                      # only the demo county's entries
    dock.set_county("320983")
    assert dock.area_label.text().startswith("300.0000")
    dock.set_county(DEMO)
    dock.search_edit.setText("东湖")
    assert dock.journal_table.rowCount() == 1
    dock.search_edit.setText("no such text")
    assert dock.journal_table.rowCount() == 0
    dock.search_edit.setText("")
    dock.kind_filter.setCurrentIndex(dock.kind_filter.findData("writeoff"))
    assert dock.journal_table.rowCount() == 0
    dock.kind_filter.setCurrentIndex(0)
    path = dock.export_csv(str(tmp_path / "export.csv"))
    with open(path, encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["record"] for r in rows] == ["verification", "balance", "journal"]
    assert rows[2]["project_code"] == "DG2023-01"


def test_write_off_dialog_refuses_with_shortfall_and_shows_the_fee(dock):
    dialog = dock.open_write_off(exec_=False)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.project_code.setText("JS-1")
    dialog.land_class.setCurrentIndex(dialog.land_class.findData("0101"))
    dialog.grade.setValue(7)
    dialog.amounts.area.setValue(30)                              # paddy 30 > 25: short by 5
    assert not ok.isEnabled()
    assert "5.0000" in dialog.preview.shortfall_label.text()
    assert "34,000" in dialog.fee_label.text() and "1,020,000" in dialog.fee_label.text()
    dialog.land_class.setCurrentIndex(dialog.land_class.findData("0103"))
    assert ok.isEnabled() and dialog.preview.shortfall_label.text() == ""
    assert dialog.amounts.capacity.value() == 30 * 900 and dialog.amounts.paddy.value() == 0
    assert "30.0000" in dialog.preview.after_label.text()         # 60 − 30
    first = dialog.apply()
    second = dialog.apply()                                       # a double click: applied once
    assert first.applied and not second.applied and second.entry.entry_id == first.entry.entry_id
    dialog.done(QDialog.DialogCode.Accepted)
    QApplication.processEvents()
    assert dock.area_label.text().startswith("30.0000")
    assert dock.journal_table.rowCount() == 2


def test_transfer_dialog_offers_only_the_province_and_respects_the_cap(dock):
    dialog = dock.open_transfer(exec_=False, amounts=Amounts(40, 20000, 10))
    sellers = [dialog.seller.itemData(i) for i in range(dialog.seller.count())]
    assert "340999" not in sellers and DEMO not in sellers
    assert sellers[0] == "320983"                                 # cheapest (and poor) first
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled()
    dialog.price.setValue(60000)                                  # above the 50,000 cap
    assert not ok.isEnabled() and "50,000" in dialog.total_label.text()
    dialog.pricing.setCurrentIndex(dialog.pricing.findData("bid"))
    assert ok.isEnabled()
    dialog.amounts.area.setValue(400)                             # seller holds 300
    assert not ok.isEnabled() and "100.0000" in dialog.seller_preview.shortfall_label.text()
    dialog.amounts.area.setValue(40)
    result = dialog.apply()
    assert result.applied and result.entry.total_yuan == pytest.approx(60000 * 40)
    dialog.done(QDialog.DialogCode.Accepted)
    QApplication.processEvents()
    assert dock.area_label.text().startswith("100.0000")


def test_commitment_dialog_and_processing_due_commitments(dock):
    dialog = dock.open_commitment(exec_=False)
    dialog.project_code.setText("CM-1")
    dialog.amounts.set_amounts(Amounts(70, 1000, 0))
    assert "10.0000" in dialog.preview.shortfall_label.text()    # a warning: 70 > 60 at the due date
    dialog.amounts.set_amounts(Amounts(20, 1000, 0))
    assert dialog.preview.shortfall_label.text() == ""
    result = dialog.apply()
    assert result.applied and result.entry.kind == "commitment"
    dialog.done(QDialog.DialogCode.Accepted)
    QApplication.processEvents()
    assert dock.commitments_label.text().startswith("1")
    assert dock.area_label.text().startswith("60.0000")           # nothing moved yet
    outcomes = dock.process_due(today=result.entry.due_on)
    assert len(outcomes) == 1 and outcomes[0][1].applied
    assert dock.area_label.text().startswith("40.0000") and dock.commitments_label.text().startswith("0")


def test_reverse_the_selected_entry(dock):
    dock.journal_table.selectRow(0)
    assert dock.reverse_selected(reason="entered against the wrong county") is not None
    assert dock.area_label.text().startswith("0.0000")
    dock.journal_table.selectRow(1)                               # the reversal itself
    assert dock.reverse_selected(reason="again") is None
    assert "cannot be reversed" in dock.status_label.text()


def _attributes(code="DG2023-05", status="accepted"):
    return {"project_code": code, "project_name": "测试项目", "county_code": DEMO,
            "project_type": "land_consolidation", "funding_source": "cultivation_fee",
            "implemented_on": "2023-05-01", "status": status}


def test_offer_deposit_when_a_project_is_accepted(iface, ledger_target):
    from double_guarantee_plugin.gui.dialogs.deposit import offer_deposit
    credit = ProjectCredit("DG2023-05", credit_area_mu=12.5, credit_capacity_kg=10000, credit_paddy_mu=2)
    assert offer_deposit(iface, _attributes(status="under_way"), credit, ledger_target) is None

    seen = []

    def accept_the_dialog():   # no assert here: an exception in a Qt slot would leave the dialog open
        dialog = QApplication.activeModalWidget()
        seen.append(dialog.preview.after_label.text() if hasattr(dialog, "preview") else repr(dialog))
        dialog.accept()
    QTimer.singleShot(200, accept_the_dialog)
    result = offer_deposit(iface, _attributes(), credit, ledger_target)
    assert result is not None and result.applied
    assert seen and "12.5000" in seen[0]
    assert offer_deposit(iface, _attributes(), credit, ledger_target, ask=False) is None   # once per project
    QTimer.singleShot(200, lambda: QApplication.activeModalWidget().reject())
    other = ProjectCredit("DG2023-06", credit_area_mu=1, credit_capacity_kg=1, credit_paddy_mu=0)
    assert offer_deposit(iface, _attributes("DG2023-06"), other, ledger_target) is None     # declined
    ledger = open_ledger(ledger_target)
    assert ledger.balance(DEMO).amounts == Amounts(12.5, 10000, 2) and len(ledger.journal()) == 1
    ledger.close()


def test_offer_deposit_finds_the_ledger_beside_the_loaded_project_database(iface, demo_paths, tmp_path):
    """The project dock passes no ledger: the one beside the loaded project database is used."""
    
    from qgis.core import QgsVectorLayer

    from double_guarantee_plugin.core.ledger import ledger_path_for
    from double_guarantee_plugin.gui.dialogs.deposit import offer_deposit
    database = tmp_path / "county_projects.gpkg"
    copy_gpkg(demo_paths["projects"], database)
    layer = QgsVectorLayer(f"{database}|layername=projects", "projects", "ogr")
    QgsProject.instance().addMapLayer(layer)
    try:
        credit = ProjectCredit("DG2023-05", credit_area_mu=3, credit_capacity_kg=3000, credit_paddy_mu=0)
        assert offer_deposit(iface, _attributes(), credit, None, ask=False).applied
    finally:
        QgsProject.instance().removeMapLayer(layer.id())
    ledger = open_ledger(ledger_path_for(database))
    assert ledger.balance(DEMO).area_mu == 3
    ledger.close()


def test_offer_deposit_shows_the_province_share_of_a_jiangsu_province_invested_project(iface, ledger_target):
    from double_guarantee_plugin.core import tables
    from double_guarantee_plugin.gui.dialogs.deposit import offer_deposit
    attributes = dict(_attributes("JS-7"), funding_source="province")
    credit = ProjectCredit("JS-7", area_mu=1000.0, new_farmland_mu=70.0, credit_area_mu=70.0,
                           credit_capacity_kg=50000, credit_paddy_mu=10)
    seen = []

    def accept_the_dialog():
        dialog = QApplication.activeModalWidget()
        if getattr(dialog, "province_preview", None) is not None:
            seen.append((dialog.preview.after_label.text(), dialog.province_preview.after_label.text()))
        dialog.accept()
    QTimer.singleShot(200, accept_the_dialog)
    result = offer_deposit(iface, attributes, credit, ledger_target, profile=tables.load_rule_profile("jiangsu_2014"))
    assert result is not None and result.applied
    # 7 % new farmland: 8:2 — the county's reserve gets 14 亩, the province's 56 亩
    assert seen and seen[0][0].startswith("14.0000") and seen[0][1].startswith("56.0000")
    ledger = open_ledger(ledger_target)
    assert ledger.balance(DEMO).amounts == Amounts(14, 10000, 2)
    assert ledger.balance("320000").amounts == Amounts(56, 40000, 8)
    ledger.close()


def test_the_journal_shows_each_reserve_its_part_of_a_split_deposit(dock, filled_target):
    from double_guarantee_plugin.core import tables
    ledger = open_ledger(filled_target)
    attributes = dict(_attributes("JS-8"), funding_source="province")
    ledger.deposit_project(attributes, ProjectCredit("JS-8", area_mu=1000.0, new_farmland_mu=70.0,
                                                     credit_area_mu=70.5, credit_capacity_kg=50000,
                                                     credit_paddy_mu=10), tables.load_rule_profile("jiangsu_2014"))
    ledger.close()

    def row_of(code):
        for row in range(dock.journal_table.rowCount()):
            if dock.journal_table.item(row, 4).text().startswith(code):
                return [dock.journal_table.item(row, column).text() for column in range(8)]
        raise AssertionError(f"{code} is not in the journal")
    dock.set_county("320000")                           # the province reserve, listed from its balance
    province = row_of("JS-8")
    assert province[5].startswith("56.4000") and "320999" in province[3] and "320000" in province[3]
    dock.set_county(DEMO)
    county = row_of("JS-8")
    assert county[5].startswith("14.1000") and county[6].startswith("10,000.0")
