# SPDX-License-Identifier: GPL-2.0-or-later
"""Issue 16: at the deposit a plot turned from other farmland back into 耕地 credits 进出平衡 or 占补平衡,
never both — chosen in the deposit dialog, stored in the ledger (the deposit and the 进 entry name their
plots) — and the change survey recorded in the project database makes a waiting deposit usable.
Hand-worked under national_2024 (example quality-level table: 1000 − 60 × (level − 1) kg/亩)."""
import sqlite3

import pytest
from osgeo import ogr
from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsVectorLayer
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtWidgets import QApplication

from double_guarantee_plugin.core import project_db, tables
from double_guarantee_plugin.core.change_survey import PlotConfirmation
from double_guarantee_plugin.core.layer_credits import compute_layer_credits
from double_guarantee_plugin.core.ledger import Amounts, DepositRequest, open_ledger
from double_guarantee_plugin.core.ledger.model import UnconfirmedCreditError
from double_guarantee_plugin.core.plot_accounts import plot_accounts, split
from double_guarantee_plugin.core.units import mu_to_m2
from double_guarantee_plugin.core.workflow import GeoPackageWorkflowStore

PROFILE = tables.load_rule_profile("national_2024")
RULE = PROFILE.reform.in_out_balance
PROJECT = "DG2025-07"
# plot: (class before, class after, quality level after, 亩)
PLOTS = {"P-1": ("1206", "0103", 3, 10), "P-2": ("1206", "0101", 2, 5), "P-3": ("0201", "0103", 4, 12)}


def _square(x, mu):
    side = mu_to_m2(mu) ** 0.5
    x0, y0 = 39_500_000 + x, 3_550_000
    return QgsGeometry.fromWkt(f"POLYGON(({x0} {y0},{x0 + side} {y0},{x0 + side} {y0 + side},{x0} {y0 + side},"
                               f"{x0} {y0}))")


@pytest.fixture
def plots_layer():
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4527", "plots", "memory")
    names = ("project_code", "plot_code", "class_before", "class_after", "grade_system", "grade_before",
             "grade_after")
    layer.dataProvider().addAttributes([QgsField(name, 10) for name in names])   # QVariant.String
    layer.updateFields()
    for index, (code, (before, after, level, mu)) in enumerate(PLOTS.items()):
        feature = QgsFeature(layer.fields())
        feature.setGeometry(_square(index * 1000, mu))
        feature.setAttributes([PROJECT, code, before, after, "quality_level_10", None, str(level)])
        layer.dataProvider().addFeature(feature)
    return layer


def _accounts(layer):
    credits, projects = compute_layer_credits(layer, PROFILE)
    return plot_accounts(layer, None, credits), projects[0]


def test_plot_accounts_and_the_split_by_hand(plots_layer):
    accounts, project = _accounts(plots_layer)
    assert [(a.plot_code, a.class_before, a.class_after) for a in accounts] == [
        ("P-1", "1206", "0103"), ("P-2", "1206", "0101"), ("P-3", "0201", "0103")]
    assert [a.may_credit_in_out(RULE) for a in accounts] == [False, False, True]   # bare land is not farmland
    parts = split(accounts, ["P-3"], RULE)
    # 占补平衡: 10 亩 × 880 + 5 亩 × 940 = 13,500 kg, 5 亩 paddy; 进出平衡: 12 亩 × 820 = 9,840 kg
    assert parts.occupation_codes == ["P-1", "P-2"] and parts.in_out_codes == ["P-3"]
    assert parts.occupation.area_mu == pytest.approx(15, abs=1e-4)
    assert parts.occupation.capacity_kg == pytest.approx(13500, abs=0.1) and parts.occupation.paddy_mu == pytest.approx(5)
    assert parts.in_out.area_mu == pytest.approx(12, abs=1e-4) and parts.in_out.capacity_kg == pytest.approx(9840, abs=0.1)
    assert parts.in_out_classes == ("0201", "0103")
    assert parts.occupation.plus(parts.in_out).area_mu == pytest.approx(project.credit_area_mu)
    with pytest.raises(ValueError, match="P-1"):
        split(accounts, ["P-1"], RULE)
    assert split(accounts, (), RULE).whole_project


def _attributes():
    return {"project_code": PROJECT, "project_name": "园地复耕与新增耕地", "county_code": "320999",
            "project_type": "land_consolidation", "funding_source": "county", "implemented_on": "2025-03-01",
            "status": "deposited", "accepted_on": "2025-11-20"}


def test_the_deposit_dialog_sends_a_plot_to_in_out_and_the_ledger_keeps_the_choice(iface, plots_layer, tmp_path):
    from double_guarantee_plugin.gui.dialogs.deposit import offer_deposit
    accounts, project = _accounts(plots_layer)
    project.plot_accounts = accounts
    target = str(tmp_path / "projects_ledger.gpkg")
    seen = []

    def choose_and_accept():
        dialog = QApplication.activeModalWidget()
        table = getattr(dialog, "accounts_table", None)
        if table is not None:
            seen.append(table.rowCount())
            table.item(0, 0).setCheckState(Qt.CheckState.Checked)          # P-3 to 进出平衡
            seen.append(dialog.accounts_label.text())
        dialog.accept()
    QTimer.singleShot(200, choose_and_accept)
    result = offer_deposit(iface, _attributes(), project, target, profile=PROFILE)
    assert seen and seen[0] == 1 and "9,840" in seen[1]
    assert result.applied and result.entry.plot_codes == ("P-1", "P-2")
    ledger = open_ledger(target)
    try:
        deposit, came_in = ledger.journal()
        assert deposit.amounts.area_mu == pytest.approx(15, abs=1e-4) and deposit.requires_confirmation == 1
        assert (came_in.kind, came_in.plot_codes, came_in.class_from) == ("inout_in", ("P-3",), "0201")
        assert came_in.amounts.capacity_kg == pytest.approx(9840, abs=0.1)
        assert ledger.in_out_account("320999")[0].in_mu == pytest.approx(12, abs=1e-4)
        assert ledger.balance("320999").amounts == deposit.amounts             # 进 moves nothing in the reserve
        # reopening the project takes back all its acceptance put in: the deposit and the 进 of P-3
        from double_guarantee_plugin.core.acceptance import reverse_deposits
        reversed_ids = {result.entry.reverses_entry_id for result in reverse_deposits(ledger, PROJECT, "错误")}
        assert reversed_ids == {deposit.entry_id, came_in.entry_id}
        assert ledger.balance("320999").amounts.is_zero()
        assert sum(row.in_mu for row in ledger.in_out_account("320999")) == pytest.approx(0, abs=1e-4)
    finally:
        ledger.close()


def _project_database(tmp_path):
    path = str(tmp_path / "projects.gpkg")
    project_db.create_project_database(path, "EPSG:4527")
    with sqlite3.connect(path) as connection:
        connection.execute("INSERT INTO projects (project_code, county_code, implemented_on, status) VALUES "
                           f"('{PROJECT}', '320999', '2025-03-01', 'deposited')")
    connection.close()
    dataset = ogr.Open(path, 1)
    plots = dataset.GetLayerByName("plots")
    for code in ("P-1", "P-2"):
        plot = ogr.Feature(plots.GetLayerDefn())
        plot.SetField("project_code", PROJECT)
        plot.SetField("plot_code", code)
        plots.CreateFeature(plot)
    dataset = None
    return path


def test_the_change_survey_makes_the_waiting_deposit_usable(tmp_path):
    from double_guarantee_plugin.gui.dialogs.deposit import confirm_in_ledger
    database = _project_database(tmp_path)
    store = GeoPackageWorkflowStore(database)
    target = str(tmp_path / "projects_ledger.gpkg")
    ledger = open_ledger(target)
    ledger.deposit(DepositRequest("320999", PROJECT, "x", Amounts(15, 13500, 5), "2025-11-20",
                                  rule_profile="national_2024", plot_codes=("P-1", "P-2")))
    with pytest.raises(UnconfirmedCreditError):
        ledger.write_off("320999", "JS-1", "x", Amounts(5, 1, 0), "2026-01-10", dzjgh="1", ajbh="2")
    # one plot confirmed, one not: nothing happens in the ledger
    store.record_checks([PlotConfirmation(PROJECT, "P-1", "DLTB 2026", 2026, 2025, 0.99, 0.95, True),
                         PlotConfirmation(PROJECT, "P-2", "DLTB 2026", 2026, 2025, 0.91, 0.95, False)], "赵核实")
    assert confirm_in_ledger(store, PROJECT, target) == (None, "")
    store.record_checks([PlotConfirmation(PROJECT, "P-2", "DLTB 2026", 2026, 2025, 0.97, 0.95, True)], "赵核实")
    result, text = confirm_in_ledger(store, PROJECT, target)
    assert result.entry.kind == "confirmation" and PROJECT in text
    assert (result.entry.survey_year, result.entry.survey_share) == (2026, 0.97)     # the smallest share of the plots
    assert confirm_in_ledger(store, PROJECT, target) == (None, "")                  # once
    assert ledger.write_off("320999", "JS-1", "x", Amounts(5, 1, 0), "2026-01-10", dzjgh="1", ajbh="2").applied
    ledger.close()
