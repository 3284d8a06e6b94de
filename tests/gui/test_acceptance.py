# SPDX-License-Identifier: GPL-2.0-or-later
"""Accepting is one action (status and deposit together or neither) and an accepted project stays locked
until it is reopened with a reason, which reverses its deposit; all through the real ledger GeoPackage."""
import sqlite3

import pytest
from qgis.core import QgsApplication, QgsProject

from double_guarantee_plugin.core import ledger as ledger_module
from double_guarantee_plugin.core import projects
from double_guarantee_plugin.core.acceptance import AcceptanceRefused

PLANNED = "DG2024-08"        # planned (national_2017), with county code and implementation date, credits > 0
ACCEPTED = "DG2023-02"       # accepted by the demo


def _ledger(path):
    return ledger_module.open_ledger(ledger_module.ledger_path_for(str(path)), create=False)


def _deposits(path, kind="deposit"):
    ledger = _ledger(path)
    try:
        return [e for e in ledger.journal(kind=kind)]
    finally:
        ledger.close()


def _stored_status(path, code):
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT status FROM projects WHERE project_code = ?", (code,)).fetchone()[0]


def _open(dock, path, idle, code=PLANNED):
    dock.open_database(str(path))
    idle(dock)
    assert dock.select_project(code, zoom=False)
    idle(dock)


def _settle():
    """The lock guard undoes from the event loop, once QGIS has finished its own edit command."""
    for _ in range(5):
        QgsApplication.processEvents()


def test_accepting_saves_the_status_deposits_and_locks(dock, project_db_path, idle, dialog_acceptor):
    _open(dock, project_db_path, idle)
    credit = dock.last_snapshot.project_credit
    seen = []
    dialog_acceptor(seen=seen)                  # the user confirms what will be deposited
    result = dock.accept_project()
    assert seen and PLANNED in seen[0]
    assert result.entry.project_code == PLANNED
    assert result.entry.amounts.area_mu == pytest.approx(credit.credit_area_mu, abs=1e-4)
    assert _stored_status(project_db_path, PLANNED) == "accepted"
    # locked: the dock's own buttons refuse, and so does an edit made with QGIS's tools
    assert not dock.buttons["accept"].isEnabled() and dock.buttons["reopen"].isEnabled()
    assert not dock.tool_buttons["draw"].isEnabled() and not dock.project_menu_actions["rename"].isEnabled()
    with pytest.raises(projects.ProjectError, match="locked"):
        dock.start_draw()
    plots = projects.plot_features(dock.plots_layer, PLANNED)
    projects.delete_plots(dock.plots_layer, [plots[0].id()])     # as QGIS's delete tool would
    _settle()
    assert len(projects.plot_features(dock.plots_layer, PLANNED)) == len(plots)
    assert dock.last_message[1] == "warning" and "locked" in dock.last_message[0]


def test_refusal_names_every_reason_and_changes_nothing(dock, project_db_path, idle):
    dock.open_database(str(project_db_path))
    idle(dock)
    dock.new_project({"project_code": "XM-EMPTY", "project_name": "没有地块"})
    idle(dock)
    with pytest.raises(AcceptanceRefused) as refused:
        dock.accept_project("XM-EMPTY")
    reasons = " ".join(refused.value.problems)
    assert "county code" in reasons and "implementation date" in reasons and "no credits" in reasons
    assert projects.find_project(dock.projects_layer, "XM-EMPTY")["status"] == "planned"
    # nothing reached the ledger: it was not even created
    import os
    assert not os.path.exists(ledger_module.ledger_path_for(str(project_db_path)))


def test_blocking_verdict_refuses(dock, project_db_path, idle, demo_paths):
    from qgis.core import QgsVectorLayer
    from double_guarantee_plugin.core import constraints
    red_line = QgsVectorLayer(f"{demo_paths['county']}|layername=red_line", "red_line", "ogr")
    QgsProject.instance().addMapLayer(red_line)
    _open(dock, project_db_path, idle, "DG2024-06")
    dock.set_constraint_set(constraints.ConstraintSet.from_layers(red_line=red_line))
    idle(dock)
    with pytest.raises(AcceptanceRefused, match="blocking"):
        dock.accept_project()
    assert _stored_status(project_db_path, "DG2024-06") == "under_way"


def test_a_ledger_refusing_the_deposit_leaves_the_status(dock, project_db_path, idle, dialog_acceptor):
    """The database of the ledger refuses the write (here a trigger, as a closed year or a revoked right
    would): the acceptance already saved is put back, so status and reserve agree."""
    ledger = ledger_module.open_ledger(ledger_module.ledger_path_for(str(project_db_path)))
    ledger.close()
    with sqlite3.connect(ledger_module.ledger_path_for(str(project_db_path))) as connection:
        connection.execute("CREATE TRIGGER closed_year BEFORE INSERT ON dg_ledger_journal "
                           "BEGIN SELECT RAISE(ABORT, 'the reserve is closed for the year'); END")
    _open(dock, project_db_path, idle)
    dialog_acceptor()
    with pytest.raises(AcceptanceRefused, match="closed for the year"):
        dock.accept_project()
    assert _stored_status(project_db_path, PLANNED) == "planned"
    assert projects.find_project(dock.projects_layer, PLANNED)["status"] == "planned"
    assert dock.buttons["accept"].isEnabled() and dock.tool_buttons["draw"].isEnabled()


def test_reopening_reverses_and_accepting_again_deposits_the_new_figures(dock, project_db_path, idle,
                                                                          dialog_acceptor):
    _open(dock, project_db_path, idle)
    dialog_acceptor()
    first = dock.accept_project()
    with pytest.raises(AcceptanceRefused, match="reason"):
        dock.reopen_project(reason="  ")
    reversals = dock.reopen_project(reason="补测地块边界")
    assert len(reversals) == 1 and reversals[0].entry.reverses_entry_id == first.entry.entry_id
    assert "补测地块边界" in reversals[0].entry.note
    assert _stored_status(project_db_path, PLANNED) == "under_way"
    ledger = _ledger(project_db_path)
    try:
        assert ledger.balance("320999").amounts.is_zero()
    finally:
        ledger.close()
    # reopened: the plots can change; one plot less, then accepted again with the new figures
    assert dock.tool_buttons["draw"].isEnabled()
    plots = projects.plot_features(dock.plots_layer, PLANNED)
    projects.delete_plots(dock.plots_layer, [plots[0].id()])
    dock.save()
    idle(dock)
    dialog_acceptor()
    second = dock.accept_project()
    assert second.entry.project_code == f"{PLANNED}-R2"
    assert second.entry.amounts.area_mu < first.entry.amounts.area_mu
    ledger = _ledger(project_db_path)
    try:
        assert ledger.balance("320999").amounts.area_mu == pytest.approx(second.entry.amounts.area_mu)
        assert ledger.verify()["ok"]
    finally:
        ledger.close()


def test_reopening_is_refused_when_the_credits_were_used(dock, project_db_path, idle, dialog_acceptor):
    _open(dock, project_db_path, idle)
    dialog_acceptor()
    deposit = dock.accept_project()
    ledger = _ledger(project_db_path)
    try:
        ledger.write_off("320999", "JS-01", "建设项目", ledger_module.Amounts(1.0, 0.0, 0.0), "2026-12-03",
                         dzjgh="3209992026B00001", ajbh="宁自然资〔2026〕1号")
    finally:
        ledger.close()
    with pytest.raises(AcceptanceRefused, match="stays accepted"):
        dock.reopen_project(reason="错误")
    assert _stored_status(project_db_path, PLANNED) == "accepted"
    assert not dock.tool_buttons["draw"].isEnabled()
    assert [e.entry_id for e in _deposits(project_db_path)] == [deposit.entry.entry_id]
    assert _deposits(project_db_path, "reversal") == []


def test_edits_of_an_accepted_project_with_qgis_tools_are_undone(dock, project_db_path, idle):
    _open(dock, project_db_path, idle, ACCEPTED)
    layer = dock.plots_layer
    target = projects.plot_features(layer, ACCEPTED)[0]
    index = layer.fields().indexOf("grade_after")
    projects.ensure_editing(layer)
    layer.beginEditCommand("attribute table edit")
    layer.changeAttributeValue(target.id(), index, 1)
    layer.endEditCommand()
    _settle()
    assert layer.getFeature(target.id())["grade_after"] == target["grade_after"]
    # the project row: its status cannot be changed behind the plugin's back either
    rows = dock.projects_layer
    feature = projects.find_project(rows, ACCEPTED)
    projects.ensure_editing(rows)
    rows.beginEditCommand("attribute table edit")
    rows.changeAttributeValue(feature.id(), rows.fields().indexOf("status"), "planned")
    rows.endEditCommand()
    _settle()
    assert projects.find_project(rows, ACCEPTED)["status"] == "accepted"
    # a plot of a project under way edits as before
    other = projects.plot_features(layer, "DG2023-01")[0]
    layer.beginEditCommand("attribute table edit")
    layer.changeAttributeValue(other.id(), index, 3)
    layer.endEditCommand()
    _settle()
    assert layer.getFeature(other.id())["grade_after"] == 3


def test_status_menu_routes_to_acceptance_and_reopening(dock, project_db_path, idle, dialog_acceptor):
    _open(dock, project_db_path, idle)
    with pytest.raises(projects.ProjectError, match="accept it first"):
        dock.set_status("filed")
    dialog_acceptor()
    dock.set_status("accepted")
    assert _stored_status(project_db_path, PLANNED) == "accepted"
    dock.set_status("filed")             # both locked: allowed, and an undoable edit
    assert projects.find_project(dock.projects_layer, PLANNED)["status"] == "filed"
    dock.save()
    dock.reopen_project(reason="更正", status="planned")
    assert _stored_status(project_db_path, PLANNED) == "planned"
