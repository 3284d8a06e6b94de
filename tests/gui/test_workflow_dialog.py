# SPDX-License-Identifier: GPL-2.0-or-later
"""The workflow dialog from the project dock: a 2025 demo project (national_2024) is moved step by step to
入库 with real clicks and typing, the deposit is offered at 入库 and lands in the ledger, the profile is
shown and can be overridden with a reason, and the dock refuses a direct status change of such a project."""
import datetime

import pytest
from qgis.PyQt.QtCore import QDate, Qt, QTimer
from qgis.PyQt.QtGui import QInputMethodEvent, QKeySequence
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QApplication, QComboBox, QLineEdit, QPushButton

from double_guarantee_plugin.core import projects
from double_guarantee_plugin.core import ledger as ledger_module

PROJECT = "DG2025-14"          # implemented 2025-05-01, planned: national_2024


def _child(dialog, kind, name):
    widget = dialog.findChild(kind, name)
    assert widget is not None, name
    return widget


def _type(dialog, name, text):
    """Type into a line edit: Chinese arrives as an input method's commit, as from a real IME."""
    edit = _child(dialog, QLineEdit, name)
    edit.setFocus()
    QTest.keySequence(edit, QKeySequence.StandardKey.SelectAll)
    QTest.keyClick(edit, Qt.Key.Key_Delete)
    if text.isascii():
        QTest.keyClicks(edit, text)
    else:
        event = QInputMethodEvent()
        event.setCommitString(text)
        QApplication.sendEvent(edit, event)
    assert edit.text() == text


def _choose(dialog, code):
    combo = _child(dialog, QComboBox, "stepTargetCombo")
    index = combo.findData(code)
    assert index >= 0, [combo.itemData(i) for i in range(combo.count())]
    combo.setCurrentIndex(index)


def _step(dialog, code, on, **fields):
    _choose(dialog, code)
    dialog.findChild(type(dialog.date_edit), "stepDateEdit").setDate(QDate.fromString(on, "yyyy-MM-dd"))
    for name, text in fields.items():
        _type(dialog, name, text)
    QTest.mouseClick(_child(dialog, QPushButton, "takeStepButton"), Qt.MouseButton.LeftButton)


def _run_modal(button, drive):
    """Click ``button`` (which opens the workflow dialog modally) and run ``drive(dialog)`` inside it."""
    seen = {}

    from double_guarantee_plugin.gui.dialogs.workflow import WorkflowDialog

    def inside(attempt=0):
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, WorkflowDialog):
            if attempt < 200:
                QTimer.singleShot(25, lambda: inside(attempt + 1))
            return
        try:
            seen["result"] = drive(dialog)
        except BaseException as exc:  # noqa: BLE001 - reported after the dialog closed
            seen["error"] = exc
        finally:
            dialog.reject()

    QTimer.singleShot(0, inside)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)
    if "error" in seen:
        raise seen["error"]
    return seen.get("result")


def test_a_2025_project_goes_to_deposit_through_the_dialog(dock, project_db_path, idle, dialog_acceptor):
    dock.open_database(str(project_db_path))
    idle(dock)
    assert dock.select_project(PROJECT)
    idle(dock)
    # the dock's Set status does not move a national_2024 project
    with pytest.raises(projects.ProjectError, match="move it a step at a time with"):
        dock.set_status("accepted")
    deposit_seen = []

    def drive(dialog):
        assert "national_2024" in dialog.profile_label.text() and "2025-05-01" in dialog.profile_label.text()
        assert "change_survey.share_min" in dialog.assumptions_label.toolTip()
        _step(dialog, "under_way", "2025-05-01", takenByEdit="张三")
        _step(dialog, "self_accepted", "2025-10-20", noteEdit="竣工自验")
        # 市县审核 asks for the two acceptors; without the second one the step is refused, with a reason
        _step(dialog, "county_reviewed", "2025-11-05", takenByEdit="李审核", acceptor_natural_resources="示范县自然资源局")
        assert "农业农村部门" in dialog.message.text() and dialog.project["status"] == "self_accepted"
        assert dialog.aftercare_edit.date().toString("yyyy-MM-dd") == "2028-11-05"
        _step(dialog, "county_reviewed", "2025-11-05", acceptor_agriculture_rural="示范县农业农村局")
        _step(dialog, "province_reviewed", "2025-12-01", takenByEdit="王复核", referenceEdit="示复〔2025〕12号")
        _choose(dialog, "publicised")
        dialog.until_edit.setDate(QDate(2025, 12, 16))
        _step(dialog, "publicised", "2025-12-02")
        _choose(dialog, "deposited")
        assert dialog.step_button.text() == "Take step and deposit…"
        dialog_acceptor(seen=deposit_seen)              # the deposit dialog's OK
        _step(dialog, "deposited", "2025-12-20", takenByEdit="李审核")
        assert dialog.project["status"] == "deposited"
        assert dialog.history.rowCount() == 6
        return [dialog.history.item(row, 2).text() for row in range(6)]

    takers = _run_modal(dock.buttons["workflow"], drive)
    assert takers == ["张三", "张三", "李审核", "王复核", "王复核", "李审核"]   # the name stays until changed
    assert deposit_seen, "no deposit dialog at 入库"
    idle(dock)
    assert projects.find_project(dock.projects_layer, PROJECT)["status"] == "deposited"
    ledger = ledger_module.open_ledger(ledger_module.ledger_path_for(str(project_db_path)), create=False)
    try:
        deposits = [e for e in ledger.journal(kind="deposit") if e.project_code == PROJECT]
    finally:
        ledger.close()
    assert len(deposits) == 1 and deposits[0].occurred_on == "2025-12-20"
    assert deposits[0].amounts.area_mu == pytest.approx(dock.last_snapshot.project_credit.credit_area_mu)


def test_profile_override_with_a_reason_in_the_dialog(dock, project_db_path, idle):
    dock.open_database(str(project_db_path))
    idle(dock)
    assert dock.select_project(PROJECT)

    def drive(dialog):
        combo = _child(dialog, QComboBox, "profileOverrideCombo")
        combo.setCurrentIndex(combo.findData("jiangsu_2014"))
        QTest.mouseClick(_child(dialog, QPushButton, "profileApplyButton"), Qt.MouseButton.LeftButton)
        refused = dialog.message.text()
        _type(dialog, "profileReasonEdit", "省级投资项目，执行江苏规则")
        QTest.mouseClick(_child(dialog, QPushButton, "profileApplyButton"), Qt.MouseButton.LeftButton)
        return refused, dialog.profile_label.text()

    refused, label = _run_modal(dock.buttons["workflow"], drive)
    assert "a reason is required" in refused
    assert "jiangsu_2014" in label and "省级投资项目，执行江苏规则" in label
    idle(dock)
    feature = projects.find_project(dock.projects_layer, PROJECT)
    assert (feature["rule_profile"], feature["rule_profile_reason"]) == ("jiangsu_2014", "省级投资项目，执行江苏规则")
    # under the legacy flow the dock may set the status directly again
    dock.set_status("under_way")
    assert projects.find_project(dock.projects_layer, PROJECT)["status"] == "under_way"


def test_the_dialog_fits_a_laptop_screen(dock, project_db_path, idle, tmp_path):
    dock.open_database(str(project_db_path))
    idle(dock)
    from double_guarantee_plugin.core.workflow import open_store
    from double_guarantee_plugin.gui.dialogs.workflow import WorkflowDialog
    dialog = WorkflowDialog(open_store(str(project_db_path)), PROJECT, dock.plots_layer, dock,
                            today=datetime.date(2026, 12, 3))
    dialog.show()
    QApplication.processEvents()
    hint = dialog.sizeHint()
    assert hint.width() <= 1366 and hint.height() <= 740, hint
    dialog.grab().save(str(tmp_path / "workflow_dialog.png"))
    dialog.close()


def test_the_dialog_and_the_grade_system_column_in_chinese(dock_zh, project_db_path, idle, tmp_path):
    from double_guarantee_plugin.core.workflow import StepRequest, open_store
    from double_guarantee_plugin.gui.dialogs.workflow import WorkflowDialog
    dock = dock_zh
    dock.open_database(str(project_db_path))
    idle(dock)
    assert dock.select_project(PROJECT)
    idle(dock)
    # the plot table names the grade system each plot was credited under
    table = dock.panel.plot_table
    assert table.horizontalHeaderItem(2).text() == "等别体系"
    assert {table.item(row, 2).text() for row in range(table.rowCount())} == {"国家利用等别"}
    store = open_store(str(project_db_path))
    for state, day in (("under_way", "2025-05-01"), ("self_accepted", "2025-10-20")):
        store.advance(StepRequest(PROJECT, state, day, "张三"))
    dialog = WorkflowDialog(store, PROJECT, dock.plots_layer, dock, today=datetime.date(2026, 12, 3))
    dialog.show()
    QApplication.processEvents()
    assert dialog.windowTitle() == f"项目 {PROJECT} 的流程"
    assert "按实施日期 2025-05-01 自动选择" in dialog.profile_label.text()
    assert "规划 → 实施中 → <b><u>自验</u></b> → 市县审核" in dialog.path_label.text()
    assert dialog.target_combo.currentText() == "市县审核"       # the state as a Chinese reader reads it, no code
    assert dialog.step_button.text() == "办理"
    labels = {dialog.form.labelForField(edit).text() for edit in dialog.acceptor_edits.values()}
    assert labels == {"验收单位（自然资源部门）", "验收单位（农业农村部门）"}
    assert dialog.history.item(1, 0).text() == "实施中 → 自验"
    dialog.grab().save(str(tmp_path / "workflow_dialog_zh.png"))
    dialog.grab().save("/tmp/i16_workflow_dialog_zh.png")
    dialog.close()


def test_change_survey_check_from_the_dialog(dock, project_db_path, idle):
    from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsProject, QgsVectorLayer
    from qgis.PyQt.QtCore import QVariant
    from double_guarantee_plugin.core.workflow import StepRequest, open_store
    from double_guarantee_plugin.gui.dialogs.workflow import WorkflowDialog
    dock.open_database(str(project_db_path))
    idle(dock)
    store = open_store(str(project_db_path))
    acceptors = {"natural_resources": "示范县自然资源局", "agriculture_rural": "示范县农业农村局"}
    for state, day in (("under_way", "2025-05-01"), ("self_accepted", "2025-10-20"), ("county_reviewed", "2025-11-05")):
        store.advance(StepRequest(PROJECT, state, day, "张三", acceptors=acceptors))
    plots = projects.plot_features(dock.plots_layer, PROJECT)
    # the 2026 survey: 耕地 over every plot but the first, whose east 10 % is forest
    survey = QgsVectorLayer(f"MultiPolygon?crs={dock.plots_layer.crs().authid()}", "DLTB 2026", "memory")
    survey.dataProvider().addAttributes([QgsField("SJNF", QVariant.Int), QgsField("DLBM", QVariant.String)])
    survey.updateFields()
    first = plots[0].geometry().boundingBox()
    cut = first.xMaximum() - 0.1 * first.width()
    everything = QgsGeometry.unaryUnion([f.geometry() for f in plots]).buffer(50, 4)
    forest = QgsGeometry.fromRect(first).buffer(1, 1).intersection(
        QgsGeometry.fromWkt(f"POLYGON(({cut} {first.yMinimum() - 5},{first.xMaximum() + 5} {first.yMinimum() - 5},"
                            f"{first.xMaximum() + 5} {first.yMaximum() + 5},{cut} {first.yMaximum() + 5},"
                            f"{cut} {first.yMinimum() - 5}))"))
    for geometry, code in ((everything.difference(forest), "0103"), (forest, "0301")):
        feature = QgsFeature(survey.fields())
        feature.setGeometry(geometry)
        feature.setAttributes([2026, code])
        survey.dataProvider().addFeature(feature)
    QgsProject.instance().addMapLayer(survey)
    dialog = WorkflowDialog(store, PROJECT, dock.plots_layer, dock)
    dialog.show()
    panel = dialog.survey_panel
    assert panel.isVisible()                      # accepted (市县审核) under national_2024
    panel.layer_combo.setLayer(survey)
    QTest.mouseClick(panel.check_button, Qt.MouseButton.LeftButton)
    assert panel.table.rowCount() == len(plots)
    confirmed = [panel.table.item(row, 3).text() for row in range(panel.table.rowCount())]
    assert sorted(confirmed) == ["no"] + ["yes"] * (len(plots) - 1)
    assert f"{len(plots) - 1} of {len(plots)} plots confirmed" in panel.message.text()
    rows = store.checks(PROJECT)
    assert len(rows) == len(plots) and {r["survey_year"] for r in rows} == {2026}
    assert min(r["share"] for r in rows) == pytest.approx(0.9, abs=0.01)
    dialog.close()


def test_set_status_of_a_2017_project_keeps_to_its_states(dock, project_db_path, idle):
    dock.open_database(str(project_db_path))
    idle(dock)
    assert dock.select_project("DG2024-08")
    with pytest.raises(projects.ProjectError, match="'self_accepted' is not a state of the workflow of national_2017"):
        dock.set_status("self_accepted")
    assert projects.find_project(dock.projects_layer, "DG2024-08")["status"] == "planned"


# -- one acceptance for both workflows (the dock's acceptance at the deposit step) -------------------------
ACCEPTORS = {"natural_resources": "示范县自然资源局", "agriculture_rural": "示范县农业农村局"}


def _to_publicised(path):
    """DG2025-14 taken to 公示 through the store, as earlier visits of the dialog would."""
    from double_guarantee_plugin.core.workflow import StepRequest, open_store
    store = open_store(str(path))
    for state, day, extra in (("under_way", "2025-05-01", {}), ("self_accepted", "2025-10-20", {}),
                              ("county_reviewed", "2025-11-05", {"acceptors": ACCEPTORS}),
                              ("province_reviewed", "2025-12-01", {"reference": "示复〔2025〕12号"}),
                              ("publicised", "2025-12-02", {"until_on": "2025-12-16"})):
        store.advance(StepRequest(PROJECT, state, day, "张三", **extra))
    return store


def _journal(path, kind):
    ledger = ledger_module.open_ledger(ledger_module.ledger_path_for(str(path)), create=False)
    try:
        return ledger.journal(kind=kind)
    finally:
        ledger.close()


def test_the_2024_deposit_step_is_the_one_acceptance_and_locks_until_reopened(dock, project_db_path, idle,
                                                                              dialog_acceptor):
    from double_guarantee_plugin.core.acceptance import AcceptanceRefused
    store = _to_publicised(project_db_path)
    dock.open_database(str(project_db_path))
    idle(dock)
    assert dock.select_project(PROJECT)
    idle(dock)
    with pytest.raises(AcceptanceRefused, match="Workflow…"):      # the dock's Accept… sends it to its 入库 step
        dock.accept_project()
    seen = []

    def drive(dialog):
        _choose(dialog, "deposited")
        dialog_acceptor(seen=seen)
        _step(dialog, "deposited", "2025-12-20", takenByEdit="李审核")
        return dialog.project["status"]

    assert _run_modal(dock.buttons["workflow"], drive) == "deposited"
    assert seen == [f"Accept project {PROJECT} and deposit its credits"]   # the acceptance's confirmation
    deposits = [e for e in _journal(project_db_path, "deposit") if e.project_code == PROJECT]
    assert len(deposits) == 1 and deposits[0].occurred_on == "2025-12-20"
    idle(dock)
    # deposited is locked like 已验收: the dock refuses edits, only reopening is offered
    assert not dock.buttons["accept"].isEnabled() and dock.buttons["reopen"].isEnabled()
    assert not dock.tool_buttons["draw"].isEnabled()
    with pytest.raises(projects.ProjectError, match="locked"):
        dock.start_draw()
    # reopening a 2024 project is a recorded step back, with the reason, and reverses the deposit
    reversals = dock.reopen_project(reason="补测地块边界")
    assert len(reversals) == 1 and reversals[0].entry.reverses_entry_id == deposits[0].entry_id
    last = store.steps(PROJECT)[-1]
    assert (last.from_state, last.to_state, last.note) == ("deposited", "under_way", "补测地块边界")
    assert projects.find_project(dock.projects_layer, PROJECT)["status"] == "under_way"
    assert dock.tool_buttons["draw"].isEnabled()


def test_a_refused_deposit_step_leaves_the_project_where_it_was(dock, project_db_path, idle):
    import sqlite3
    store = _to_publicised(project_db_path)
    with sqlite3.connect(project_db_path) as connection:
        connection.execute("UPDATE projects SET county_code = NULL WHERE project_code = ?", (PROJECT,))
    dock.open_database(str(project_db_path))
    idle(dock)
    assert dock.select_project(PROJECT)
    idle(dock)
    steps = len(store.steps(PROJECT))

    def drive(dialog):
        _step(dialog, "deposited", "2025-12-20")
        return dialog.message.text(), dialog.project["status"]

    message, status = _run_modal(dock.buttons["workflow"], drive)
    assert "cannot be accepted" in message and "county code" in message and status == "publicised"
    assert len(store.steps(PROJECT)) == steps          # refused before anything was written
    import os
    assert not os.path.exists(ledger_module.ledger_path_for(str(project_db_path)))


def test_a_ledger_refusing_a_deposit_step_takes_the_step_back(dock, project_db_path, idle, dialog_acceptor):
    import sqlite3
    store = _to_publicised(project_db_path)
    ledger_module.open_ledger(ledger_module.ledger_path_for(str(project_db_path))).close()
    with sqlite3.connect(ledger_module.ledger_path_for(str(project_db_path))) as connection:
        connection.execute("CREATE TRIGGER closed_year BEFORE INSERT ON dg_ledger_journal "
                           "BEGIN SELECT RAISE(ABORT, 'the reserve is closed for the year'); END")
    dock.open_database(str(project_db_path))
    idle(dock)
    assert dock.select_project(PROJECT)
    idle(dock)

    def drive(dialog):
        dialog_acceptor()
        _step(dialog, "deposited", "2025-12-20")
        return dialog.message.text(), dialog.project["status"]

    message, status = _run_modal(dock.buttons["workflow"], drive)
    assert "closed for the year" in message and status == "publicised"
    *_before, into, back = store.steps(PROJECT)
    assert (into.to_state, back.from_state, back.to_state) == ("deposited", "deposited", "publicised")
    assert "closed for the year" in back.note            # the history says why it went back
    assert projects.find_project(dock.projects_layer, PROJECT)["status"] == "publicised"


def test_a_2017_project_accepted_in_the_dialog_is_the_same_acceptance(dock, project_db_path, idle, dialog_acceptor):
    code = "DG2024-08"                       # planned, implemented 2024: national_2017
    dock.open_database(str(project_db_path))
    idle(dock)
    assert dock.select_project(code)
    idle(dock)
    seen = []

    def drive(dialog):
        assert "national_2017" in dialog.profile_label.text()
        _choose(dialog, "accepted")
        assert dialog.step_button.text() == "Take step and deposit…"
        dialog_acceptor(seen=seen)
        _step(dialog, "accepted", "2025-06-30", takenByEdit="李审核")
        return dialog.project["status"]

    assert _run_modal(dock.buttons["workflow"], drive) == "accepted"
    assert seen == [f"Accept project {code} and deposit its credits"]
    deposits = [e for e in _journal(project_db_path, "deposit") if e.project_code == code]
    assert len(deposits) == 1 and deposits[0].occurred_on == "2025-06-30"
    idle(dock)
    assert not dock.tool_buttons["draw"].isEnabled() and dock.buttons["reopen"].isEnabled()


def test_the_dialog_without_the_dock_never_deposits(qgis_app, project_db_path):
    from double_guarantee_plugin.gui.dialogs.workflow import WorkflowDialog
    store = _to_publicised(project_db_path)
    dialog = WorkflowDialog(store, PROJECT)
    _step(dialog, "deposited", "2025-12-20")
    assert "taken from the project dock" in dialog.message.text()
    assert store.project(PROJECT)["status"] == "publicised"
    dialog.close()
