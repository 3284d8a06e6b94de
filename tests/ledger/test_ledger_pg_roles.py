# SPDX-License-Identifier: GPL-2.0-or-later
"""PostGIS ledger: roles enforced by the database, the schema installer, QGIS connection names."""
import psycopg2
import pytest

from double_guarantee_plugin.core.ledger import (Amounts, DepositRequest, LedgerPermissionError, LedgerStorageError,
                                                 open_ledger)
from double_guarantee_plugin.core.ledger.postgres_backend import install_postgres_schema

pytestmark = pytest.mark.postgis


@pytest.fixture
def database(pg_cluster_running, new_pg_database_name):
    name = new_pg_database_name()
    clerk = open_ledger(pg_cluster_running.uri(name, user="clerk"))
    clerk.deposit(DepositRequest("320999", "P1", "deposit", Amounts(50, 40000, 5), "2024-01-01"))
    clerk.close()
    return name


def test_technician_write_off_is_refused_by_the_database(pg_cluster_running, database):
    technician = open_ledger(pg_cluster_running.uri(database, user="tech"))
    assert technician.balance("320999").area_mu == 50                     # read: yes
    assert technician.propose("writeoff", "320999", "JS-1", '{"area_mu": 10}') > 0   # propose: yes
    with pytest.raises(LedgerPermissionError, match="refused"):
        technician.write_off("320999", "JS-1", "construction", Amounts(10, 100, 0), "2024-03-01")
    with pytest.raises(LedgerPermissionError):
        technician.deposit(DepositRequest("320999", "P2", "x", Amounts(1, 1, 0), "2024-01-01"))
    technician.close()
    # another client than this plugin, plain SQL as the technician: refused too
    connection = psycopg2.connect(pg_cluster_running.uri(database, user="tech"))
    for statement in ("INSERT INTO dg_ledger.journal (kind, county_code, area_mu_e4, capacity_kg_e4, paddy_mu_e4, "
                      "occurred_on, idempotency_key) VALUES ('writeoff', '320999', 1, 1, 0, '2024-01-01', 'raw')",
                      "UPDATE dg_ledger.balance SET area_mu_e4 = 0",
                      "INSERT INTO dg_ledger.movement (entry_id, kind, county_code, area_mu_e4, capacity_kg_e4, "
                      "paddy_mu_e4) VALUES (1, 'deposit', '320999', 999, 0, 0)"):
        with pytest.raises(psycopg2.errors.InsufficientPrivilege):
            with connection.cursor() as cursor:
                cursor.execute(statement)
        connection.rollback()
    connection.close()
    ledger = open_ledger(pg_cluster_running.uri(database, user="clerk"))
    assert ledger.balance("320999").area_mu == 50 and len(ledger.journal()) == 1
    ledger.close()


def test_reviewer_deposits_but_cannot_write_off_and_officer_the_reverse(pg_cluster_running, database):
    reviewer = open_ledger(pg_cluster_running.uri(database, user="reviewer"))
    assert reviewer.deposit(DepositRequest("320981", "P2", "x", Amounts(30, 3000, 0), "2024-01-01")).applied
    with pytest.raises(LedgerPermissionError):
        reviewer.write_off("320999", "JS-1", "x", Amounts(1, 1, 0), "2024-03-01")
    with pytest.raises(LedgerPermissionError):
        reviewer.transfer("320981", "320999", Amounts(1, 1, 0), 100, "bid", "2024-03-01")
    reviewer.close()
    officer = open_ledger(pg_cluster_running.uri(database, user="officer"))
    with pytest.raises(LedgerPermissionError):
        officer.deposit(DepositRequest("320981", "P3", "x", Amounts(30, 3000, 0), "2024-01-01"))
    assert officer.transfer("320981", "320999", Amounts(10, 1000, 0), 40000, "capped", "2024-03-01").applied
    assert officer.write_off("320999", "JS-1", "x", Amounts(60, 41000, 5), "2024-03-01").applied
    assert officer.balance("320999").amounts == Amounts(0, 0, 0)
    assert officer.verify()["ok"]
    entries = officer.journal()
    assert [e.created_by for e in entries] == ["clerk", "reviewer", "officer", "officer"]
    officer.close()


def test_schema_installer_is_idempotent_and_a_missing_schema_is_reported(pg_cluster_running, database):
    install_postgres_schema(**pg_cluster_running.params(database))      # a second run keeps the journal
    ledger = open_ledger(pg_cluster_running.uri(database, user="clerk"))
    assert len(ledger.journal()) == 1 and ledger.verify()["ok"]
    ledger.close()
    empty = pg_cluster_running.create_database("dg_ledger_empty", postgis=False)
    with pytest.raises(LedgerStorageError, match="not installed"):
        open_ledger(pg_cluster_running.uri(empty, user="clerk"))
    with pytest.raises(LedgerStorageError, match="cannot connect"):
        open_ledger(pg_cluster_running.uri("no_such_database", user="clerk"))


def test_qgis_connection_name_resolves_to_the_postgis_ledger(qgis_app, pg_cluster_running, database):
    from qgis.core import QgsSettings
    settings = QgsSettings()
    base = "PostgreSQL/connections/dg_ledger_test_connection"
    for key, value in (("host", pg_cluster_running.host), ("port", str(pg_cluster_running.port)),
                       ("database", database), ("username", "tech"), ("saveUsername", True)):
        settings.setValue(f"{base}/{key}", value)
    try:
        ledger = open_ledger("dg_ledger_test_connection")
        assert ledger.backend == "postgis" and ledger.balance("320999").area_mu == 50
        ledger.close()
        with pytest.raises(LedgerStorageError, match="neither a GeoPackage"):
            open_ledger("no_such_connection")
    finally:
        settings.remove(base)
