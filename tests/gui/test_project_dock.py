"""The project dock on the real canvas: opening a database, listing projects, live credits."""
import pytest

from double_guarantee_plugin.core import projects
from double_guarantee_plugin.core.live_credits import STATUS_NOT_CHECKED




def test_open_database_lists_projects(dock, project_db_path, idle):
    dock.open_database(str(project_db_path))
    idle(dock)
    codes = dock.project_codes()
    assert len(codes) == 14
    assert "DG2023-01" in codes
    # totals arrive from the background run over all projects
    row = codes.index("DG2023-01")
    assert dock.project_table.item(row, 4).text() != "…"
    assert float(dock.project_table.item(row, 5).text().replace(",", "")) > 0
