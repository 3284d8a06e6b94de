# SPDX-License-Identifier: GPL-2.0-or-later
"""Times are shown in local time (stored in UTC): the review dock's history and the ledger's CSV export."""
import csv
import os
import time

import pytest

from double_guarantee_plugin.core.local_time import local_time_text
from double_guarantee_plugin.core.review import ReviewStore

from .conftest import PROJECT_A


@pytest.fixture
def shanghai_time():
    old = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Shanghai"
    time.tzset()
    yield
    if old is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = old
    time.tzset()


def test_local_time_text_reads_every_stored_form(shanghai_time):
    for stored in ("2026-12-02T17:30:00Z", "2026-12-02T17:30:00+00:00", "2026-12-02 17:30:00",
                   "2026-12-02T17:30:00.123Z"):
        assert local_time_text(stored) == "2026-12-03 01:30", stored
    assert local_time_text("2026-12-02T17:30:05Z", seconds=True) == "2026-12-03 01:30:05"
    assert local_time_text("") == "" and local_time_text("not a time") == "not a time"


def test_review_history_shows_local_time(shanghai_time, review_dock, project_db):
    ReviewStore(project_db).add_review(PROJECT_A, "passed", "李工", "内业通过", "2026-12-02T17:30:00Z")
    review_dock.project_list.setCurrentRow(review_dock.project_codes().index(PROJECT_A))
    item = review_dock.history_tree.topLevelItem(0)
    assert item.text(0) == "2026-12-03 01:30"
    assert "UTC" not in review_dock.history_tree.headerItem().text(0)


def test_ledger_csv_and_journal_show_local_time(shanghai_time, iface, tmp_path):
    from datetime import datetime, timezone
    from double_guarantee_plugin.gui.docks.ledger_dock import LedgerDock
    dock = LedgerDock(iface)
    try:
        assert dock.open_target(str(tmp_path / "ledger.gpkg"))
        from double_guarantee_plugin.core.ledger import Amounts, DepositRequest
        dock.ledger.deposit(DepositRequest("320981", "DG2023-01", "东湖村土地整治项目", Amounts(60, 48000, 25),
                                           "2023-03-01"))
        dock._fill_counties()
        entry = dock.ledger.journal()[0]
        stored = entry.created_at
        expected = datetime.fromisoformat(stored.replace("Z", "+00:00")).astimezone().strftime("%Y-%m-%d %H:%M:%S")
        assert datetime.fromisoformat(stored.replace("Z", "+00:00")).tzinfo == timezone.utc
        path = dock.export_csv(str(tmp_path / "ledger.csv"))
        with open(path, encoding="utf-8-sig", newline="") as handle:
            rows = [row for row in csv.DictReader(handle) if row["record"] == "journal"]
        assert rows[0]["created_at"] == expected
        assert expected in dock.journal_table.item(0, 0).toolTip()
    finally:
        dock.cleanup()
        dock.setParent(None)
