# SPDX-License-Identifier: GPL-2.0-or-later
"""Issue 14 on GeoPackage: the side doors of the ledger file tried with sqlite3, OGR and a QGIS layer.

What SQLite can refuse is refused by the file's own triggers (balances and movements written only
by the journal trigger, REPLACE on the journal, the balances and the movements refused).  What it
cannot — a client may drop the triggers — is detected: every journal entry carries a hash of its
content and of the previous entry's hash, verify() re-derives movements and balances from the
journal and names the first entry that does not match, and the ledger refuses write-offs.
"""
import re
import sqlite3

import pytest

from double_guarantee_plugin.core.ledger import (Amounts, DepositRequest, LedgerError, ShortfallError,
                                                 open_ledger)
from tamper import drop_all_triggers  # noqa: E402

DEMO = "320999"
FORGED = 10 ** 10               # 1,000,000 亩 in 1/10⁴ units


@pytest.fixture
def path(tmp_path):
    """A ledger with three entries: 100 亩 deposited in the demo county, 50 in 320981, a write-off of 10."""
    target = str(tmp_path / "attacked_ledger.gpkg")
    ledger = open_ledger(target)
    ledger.deposit(DepositRequest(DEMO, "P1", "seed", Amounts(100, 80000, 10), "2024-01-01"))
    ledger.deposit(DepositRequest("320981", "P2", "seed", Amounts(50, 40000, 5), "2024-01-02"))
    ledger.write_off(DEMO, "JS-1", "construction", Amounts(10, 8000, 0), "2024-02-01")
    ledger.close()
    return target


def raw(path, *statements):
    """Run ``statements`` with a bare sqlite3 connection (no plugin); the error that refused them, or None."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("BEGIN")
        for statement in statements:
            connection.execute(statement)
        connection.execute("COMMIT")
        return None
    except sqlite3.DatabaseError as exc:
        connection.execute("ROLLBACK")
        return exc
    finally:
        connection.close()


def assert_untouched_and_write_off_refused(path):
    ledger = open_ledger(path)
    try:
        report = ledger.verify()
        assert report["ok"], report["problems"]
        assert ledger.balance(DEMO).amounts == Amounts(90, 72000, 10)
        assert ledger.balance("320981").amounts == Amounts(50, 40000, 5)
        assert [e.kind for e in ledger.journal()] == ["deposit", "deposit", "writeoff"]
        assert len(ledger.movements()) == 3
        with pytest.raises(ShortfallError):
            ledger.write_off(DEMO, "JS-5000", "forged reserve", Amounts(5000, 1000, 0), "2024-03-01")
    finally:
        ledger.close()


JOURNAL_ROW = ("kind, county_code, project_code, area_mu_e4, capacity_kg_e4, paddy_mu_e4, occurred_on, due_on, "
               "idempotency_key, created_by")
ATTACKS = {
    "update a balance": [f"UPDATE dg_ledger_balance SET area_mu_e4 = area_mu_e4 + {FORGED}"],
    "upsert a balance": [f"INSERT INTO dg_ledger_balance VALUES ('{DEMO}', {FORGED}, 0, 0) ON CONFLICT(county_code) "
                         f"DO UPDATE SET area_mu_e4 = excluded.area_mu_e4"],
    "replace a balance": [f"REPLACE INTO dg_ledger_balance (county_code, area_mu_e4, capacity_kg_e4, paddy_mu_e4) "
                          f"VALUES ('{DEMO}', {FORGED}, 0, 0)"],
    "replace a balance with zero": [f"REPLACE INTO dg_ledger_balance (county_code) VALUES ('{DEMO}')"],
    "insert a balance": [f"INSERT INTO dg_ledger_balance (county_code, area_mu_e4, capacity_kg_e4, paddy_mu_e4) "
                         f"VALUES ('320983', {FORGED}, 0, 0)"],
    "delete a balance": ["DELETE FROM dg_ledger_balance WHERE county_code = '320981'"],
    "insert a movement": [f"INSERT INTO dg_ledger_movement (entry_id, kind, county_code, area_mu_e4, capacity_kg_e4, "
                          f"paddy_mu_e4) VALUES (3, 'writeoff', '{DEMO}', {FORGED}, 0, 0)"],
    "replace a movement": [f"REPLACE INTO dg_ledger_movement (movement_id, entry_id, kind, county_code, area_mu_e4, "
                           f"capacity_kg_e4, paddy_mu_e4) VALUES (1, 1, 'deposit', '{DEMO}', {FORGED}, 0, 0)"],
    "replace a journal entry": [  # the issue's: a deposit rewritten as a commitment credited to someone else
        f"REPLACE INTO dg_ledger_journal (entry_id, {JOURNAL_ROW}) VALUES (1, 'commitment', '320981', 'P1', "
        f"1000000, 800000000, 100000, '2024-01-01', '2030-01-01', 'deposit:P1', 'mallory')"],
    "replace a journal entry by its key": [
        f"INSERT OR REPLACE INTO dg_ledger_journal ({JOURNAL_ROW}) VALUES ('commitment', '320981', 'P1', 1, 1, 0, "
        f"'2024-01-01', '2030-01-01', 'deposit:P1', 'mallory')"],
    "replace a deposit by its project": [
        f"INSERT OR REPLACE INTO dg_ledger_journal ({JOURNAL_ROW}) VALUES ('deposit', '320981', 'P1', 1, 1, 0, "
        f"'2024-01-01', NULL, 'other-key', 'mallory')"],
    "update the journal": ["UPDATE dg_ledger_journal SET area_mu_e4 = area_mu_e4 * 100"],
    "delete the journal": ["DELETE FROM dg_ledger_journal WHERE entry_id = 3"],
    "update a movement": ["UPDATE dg_ledger_movement SET area_mu_e4 = 0"],
    "delete a movement": ["DELETE FROM dg_ledger_movement WHERE entry_id = 3"],
    "a journal entry without its hash": [
        f"INSERT INTO dg_ledger_journal ({JOURNAL_ROW}) VALUES ('deposit', '{DEMO}', 'RAW', {FORGED}, 0, 0, "
        f"'2024-01-01', NULL, 'raw-key', 'mallory')"],
}


@pytest.mark.parametrize("attack", sorted(ATTACKS))
def test_sqlite_refuses_the_side_door(path, attack):
    assert raw(path, *ATTACKS[attack]) is not None
    assert_untouched_and_write_off_refused(path)


def test_ogr_and_a_qgis_layer_cannot_add_movements_or_edit_balances(qgis_app, path):
    from osgeo import ogr
    from qgis.core import QgsFeature, QgsVectorLayer
    dataset = ogr.Open(path, update=1)
    try:
        movements = dataset.GetLayerByName("dg_ledger_movement")
        feature = ogr.Feature(movements.GetLayerDefn())
        for name, value in (("entry_id", 3), ("kind", "writeoff"), ("county_code", DEMO), ("area_mu_e4", FORGED),
                            ("capacity_kg_e4", 0), ("paddy_mu_e4", 0)):
            feature.SetField(name, value)
        try:      # an error code, or an exception when some other code called ogr.UseExceptions()
            refused = movements.CreateFeature(feature) != ogr.OGRERR_NONE
        except RuntimeError:
            refused = True
        assert refused
        feature = None
    finally:
        movements = dataset = None
    layer = QgsVectorLayer(f"{path}|layername=dg_ledger_movement", "movements", "ogr")
    assert layer.isValid() and layer.startEditing()
    added = QgsFeature(layer.fields())
    added.setAttributes([None, 3, "writeoff", DEMO, FORGED, 0, 0])
    assert layer.addFeature(added)
    assert not layer.commitChanges()
    layer.rollBack()
    # QGIS edits no existing row of the balances (no integer key), but it can add one
    balances = QgsVectorLayer(f"{path}|layername=dg_ledger_balance", "balances", "ogr")
    assert balances.isValid() and balances.startEditing()
    added = QgsFeature(balances.fields())
    added.setAttributes(["320983", FORGED, 0, 0, None])
    assert balances.addFeature(added)
    assert not balances.commitChanges()
    balances.rollBack()
    del layer, balances
    assert_untouched_and_write_off_refused(path)


def first_bad(report):
    return report.get("first_bad_entry")


def test_a_forged_balance_with_the_triggers_dropped_is_detected_and_write_offs_refused(path):
    opened_before = open_ledger(path)
    # it has written since it opened: its check of the next write starts from what it summed then
    assert opened_before.write_off(DEMO, "JS-0", "before", Amounts(1, 800, 0), "2024-02-15").applied
    drop_all_triggers(path)
    assert raw(path, f"UPDATE dg_ledger_balance SET area_mu_e4 = area_mu_e4 + {FORGED} "
                     f"WHERE county_code = '{DEMO}'") is None
    try:
        for ledger in (opened_before, open_ledger(path)):
            assert ledger.balance(DEMO).area_mu == 1000089
            with pytest.raises(LedgerError) as refused:      # refused by the write itself, before any verify()
                ledger.write_off(DEMO, "JS-5000", "forged reserve", Amounts(5000, 1000, 0), "2024-03-01")
            assert not isinstance(refused.value, ShortfallError) and DEMO in str(refused.value)
            report = ledger.verify()
            assert not report["ok"] and DEMO in report["problems"][0]
            assert len(ledger.journal()) == 4
            ledger.close()
    finally:
        opened_before.close()


@pytest.mark.parametrize("tamper, entry_id", [
    ("UPDATE dg_ledger_journal SET area_mu_e4 = 5000000 WHERE entry_id = 2", 2),       # amounts rewritten
    ("UPDATE dg_ledger_journal SET created_by = 'mallory' WHERE entry_id = 2", 2),     # who rewritten
    ("UPDATE dg_ledger_journal SET kind = 'commitment', due_on = '2030-01-01' WHERE entry_id = 1", 1),
    ("DELETE FROM dg_ledger_journal WHERE entry_id = 2", 2),                           # its movements orphaned
    (["DELETE FROM dg_ledger_movement WHERE entry_id = 2", "DELETE FROM dg_ledger_journal WHERE entry_id = 2"],
     3),                                                                                # the chain breaks at 3
    ("UPDATE dg_ledger_movement SET area_mu_e4 = 5000000 WHERE entry_id = 2", 2),      # a movement rewritten
    ("INSERT INTO dg_ledger_movement (entry_id, kind, county_code, area_mu_e4, capacity_kg_e4, paddy_mu_e4) "
     "VALUES (1, 'deposit', '320999', 10000000000, 0, 0)", 1),                         # a movement added
])
def test_an_entry_rewritten_with_the_triggers_dropped_is_named_by_verify(path, tamper, entry_id):
    drop_all_triggers(path)
    assert raw(path, *([tamper] if isinstance(tamper, str) else tamper)) is None
    ledger = open_ledger(path)
    try:
        report = ledger.verify()
        assert not report["ok"] and first_bad(report) == entry_id, report["problems"]
        with pytest.raises(LedgerError) as refused:
            ledger.write_off("320981", "JS-2", "after the tampering", Amounts(1, 1, 0), "2024-03-01")
        assert not isinstance(refused.value, ShortfallError)
        assert re.search(rf"\b{entry_id}\b", str(refused.value)), str(refused.value)
    finally:
        ledger.close()


def test_an_entry_appended_with_a_made_up_hash_is_named_by_verify(path):
    """SQLite cannot check a hash: a raw INSERT with a well-formed but wrong one goes in and is detected."""
    assert raw(path, f"INSERT INTO dg_ledger_journal (entry_id, {JOURNAL_ROW}, entry_hash) VALUES (4, 'deposit', "
                     f"'{DEMO}', 'RAW', {FORGED}, 0, 0, '2024-01-01', NULL, 'raw-key', 'mallory', '{'ab' * 32}')") \
        is None
    ledger = open_ledger(path)
    try:
        report = ledger.verify()
        assert not report["ok"] and first_bad(report) == 4
        with pytest.raises(LedgerError, match=r"\b4\b"):
            ledger.write_off(DEMO, "JS-5000", "forged reserve", Amounts(5000, 1000, 0), "2024-03-01")
    finally:
        ledger.close()
