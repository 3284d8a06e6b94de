"""The project dock hands work to the other parts: deposit on acceptance, TXT import/export, maps."""
from pathlib import Path

import pytest

from double_guarantee_plugin.core import projects


def test_accepting_a_project_offers_the_deposit(dock, project_db_path, idle, dialog_acceptor):
    ledger_module = pytest.importorskip("double_guarantee_plugin.core.ledger")
    pytest.importorskip("double_guarantee_plugin.gui.dialogs.deposit")
    dock.open_database(str(project_db_path))
    idle(dock)
    assert dock.select_project("DG2025-14")
    idle(dock)
    credit = dock.last_snapshot.project_credit
    assert credit.credit_area_mu > 0
    seen = []
    dialog_acceptor(seen=seen)
    dock.set_status("accepted")
    idle(dock)
    assert seen, "no deposit dialog was shown"
    assert projects.find_project(dock.projects_layer, "DG2025-14")["status"] == "accepted"
    ledger = ledger_module.open_ledger(ledger_module.ledger_path_for(str(project_db_path)), create=False)
    try:
        deposits = [e for e in ledger.journal(kind="deposit") if e.project_code == "DG2025-14"]
    finally:
        ledger.close()
    assert len(deposits) == 1


def test_export_map_of_the_selected_project(dock, project_db_path, idle, tmp_path):
    pytest.importorskip("double_guarantee_plugin.gui.dialogs.export_maps")
    dock.open_database(str(project_db_path))
    idle(dock)
    assert dock.select_project("DG2023-01")
    idle(dock)
    written = dock.export_map(str(tmp_path / "DG2023-01.pdf"))
    assert written and Path(written).is_file()
    assert Path(written).read_bytes()[:5] == b"%PDF-"
