# SPDX-License-Identifier: GPL-2.0-or-later
"""Issue 14 on PostGIS: the side doors of the ledger tried with raw SQL, once per role.

Every attack is plain psycopg2 as one login (technician, reviewer, officer, the owner who installed
the schema, a login without a dg_ role); each is followed by ``verify()`` and by an officer's
write-off larger than the real balance, which must be refused.  The owner can still switch the
guards off (ALTER TABLE … DISABLE TRIGGER): that forgery is *detected* — verify() names it and the
ledger refuses write-offs until it is repaired.
"""
import psycopg2
import pytest

from double_guarantee_plugin.core.ledger import (Amounts, DepositRequest, LedgerError, LedgerPermissionError,
                                                 ShortfallError, open_ledger)
from double_guarantee_plugin.core.ledger.postgres_backend import install_postgres_schema

pytestmark = pytest.mark.postgis

DEMO = "320999"
OWNER = "ledger_owner"          # a non-superuser that owns the database and ran the installer
NOBODY = "nobody"               # a login with none of the dg_ roles
ROLES = ["tech", "reviewer", "officer", OWNER, NOBODY]
TABLES = ["journal", "movement", "balance", "proposal", "meta"]
FORGED = 10 ** 10               # 1,000,000 亩 in 1/10⁴ units

# (name, SQL statements run in one transaction): each must be refused for every role
ATTACKS = [
    ("movement_to_balance on a table of one's own", [
        "CREATE TEMP TABLE fake_movement (entry_id BIGINT, kind TEXT, county_code TEXT, area_mu_e4 BIGINT, "
        "capacity_kg_e4 BIGINT, paddy_mu_e4 BIGINT)",
        "CREATE TRIGGER forge AFTER INSERT ON fake_movement FOR EACH ROW "
        "EXECUTE FUNCTION dg_ledger.movement_to_balance()",
        f"INSERT INTO fake_movement VALUES (1, 'deposit', '{DEMO}', {FORGED}, 0, 0)"]),
    ("journal_moves on a table of one's own", [
        "CREATE TEMP TABLE fake_journal (entry_id BIGINT, kind TEXT, county_code TEXT, counterparty_code TEXT, "
        "area_mu_e4 BIGINT, capacity_kg_e4 BIGINT, paddy_mu_e4 BIGINT, reverses_entry_id BIGINT, "
        "province_area_mu_e4 BIGINT, province_capacity_kg_e4 BIGINT, province_paddy_mu_e4 BIGINT)",
        "CREATE TRIGGER forge AFTER INSERT ON fake_journal FOR EACH ROW EXECUTE FUNCTION dg_ledger.journal_moves()",
        f"INSERT INTO fake_journal VALUES (1, 'deposit', '{DEMO}', NULL, {FORGED}, 0, 0, NULL, 0, 0, 0)"]),
    ("update a balance", [f"UPDATE dg_ledger.balance SET area_mu_e4 = area_mu_e4 + {FORGED}"]),
    ("insert a balance", [f"INSERT INTO dg_ledger.balance VALUES ('320981', {FORGED}, 0, 0)"]),
    ("delete the balances", ["DELETE FROM dg_ledger.balance"]),
    ("insert a movement", [f"INSERT INTO dg_ledger.movement (entry_id, kind, county_code, area_mu_e4, "
                           f"capacity_kg_e4, paddy_mu_e4) VALUES (1, 'deposit', '{DEMO}', {FORGED}, 0, 0)"]),
    ("update the journal", ["UPDATE dg_ledger.journal SET area_mu_e4 = area_mu_e4 * 100"]),
    ("delete the journal", ["DELETE FROM dg_ledger.journal"]),
] + [(f"truncate {table}", [f"TRUNCATE dg_ledger.{table} CASCADE"]) for table in TABLES]


@pytest.fixture(scope="module")
def attack_logins(pg_cluster_running):
    """The owner (CREATEROLE, not a superuser) and a login without any dg_ role, once per cluster."""
    existing = {row[0] for row in pg_cluster_running.psql("SELECT rolname FROM pg_roles")}
    if OWNER not in existing:
        pg_cluster_running.psql(f"CREATE ROLE {OWNER} LOGIN CREATEROLE")
    if NOBODY not in existing:
        pg_cluster_running.psql(f"CREATE ROLE {NOBODY} LOGIN")
    return pg_cluster_running


_databases = iter(range(1, 10 ** 6))


def owned_database(cluster, schema_sql=None):
    """A database owned by OWNER, the ledger installed by OWNER (or ``schema_sql`` run as OWNER)."""
    name = f"dg_ledger_owned{next(_databases)}"
    cluster.psql(f'CREATE DATABASE "{name}" OWNER {OWNER}')
    if schema_sql is None:
        install_postgres_schema(**cluster.params(name, user=OWNER))
    else:
        connection = psycopg2.connect(**cluster.params(name, user=OWNER))
        with connection, connection.cursor() as cursor:
            cursor.execute(schema_sql)
        connection.close()
    return name


@pytest.fixture
def seeded(attack_logins):
    """A ledger owned by OWNER with 100 亩 in the demo county, deposited by the clerk."""
    name = owned_database(attack_logins)
    ledger = open_ledger(attack_logins.uri(name, user="clerk"))
    ledger.deposit(DepositRequest(DEMO, "P1", "seed", Amounts(100, 80000, 10), "2024-01-01"))
    ledger.close()
    return name


def run_as(cluster, database, user, statements):
    """Run ``statements`` in one transaction as ``user``; the psycopg2 error that refused them, or None."""
    connection = psycopg2.connect(**cluster.params(database, user=user))
    try:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
        connection.commit()
        return None
    except psycopg2.Error as exc:
        connection.rollback()
        return exc
    finally:
        connection.close()


def assert_untouched_and_write_off_refused(cluster, database):
    ledger = open_ledger(cluster.uri(database, user="clerk"))
    try:
        report = ledger.verify()
        assert report["ok"], report["problems"]
        assert ledger.balance(DEMO).amounts == Amounts(100, 80000, 10)
        assert len(ledger.journal()) == 1 and len(ledger.movements()) == 1
        with pytest.raises(ShortfallError):
            ledger.write_off(DEMO, "JS-5000", "forged reserve", Amounts(5000, 1000, 0), "2024-03-01")
    finally:
        ledger.close()


@pytest.mark.parametrize("role", ROLES)
def test_every_side_door_is_refused_for_every_role(attack_logins, seeded, role):
    succeeded = [name for name, statements in ATTACKS
                 if run_as(attack_logins, seeded, role, statements) is None]
    assert succeeded == []
    assert_untouched_and_write_off_refused(attack_logins, seeded)


def test_no_function_of_the_ledger_schema_is_executable_by_public(attack_logins, seeded):
    rows = attack_logins.psql(
        "SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
        "WHERE n.nspname = 'dg_ledger' AND (p.proacl IS NULL OR EXISTS ("
        "  SELECT 1 FROM aclexplode(p.proacl) a WHERE a.grantee = 0 AND a.privilege_type = 'EXECUTE'))",
        dbname=seeded)
    assert rows == []
    functions = attack_logins.psql("SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n "
                                   "ON n.oid = p.pronamespace WHERE n.nspname = 'dg_ledger'", dbname=seeded)
    assert len(functions) >= 3
    for role in ("tech", "reviewer", "officer", "clerk", NOBODY):
        for (function,) in functions:
            allowed = attack_logins.psql(f"SELECT has_function_privilege('{role}', '{function}', 'EXECUTE')",
                                         dbname=seeded)[0][0]
            assert not allowed, (role, function)


@pytest.mark.parametrize("role, kind", [("reviewer", "deposit"), ("officer", "writeoff"), (OWNER, "writeoff")])
def test_who_and_when_are_set_by_the_database(attack_logins, seeded, role, kind):
    refused = run_as(attack_logins, seeded, role, [
        "INSERT INTO dg_ledger.journal (kind, county_code, project_code, area_mu_e4, capacity_kg_e4, paddy_mu_e4, "
        f"occurred_on, idempotency_key, created_by, created_at) VALUES ('{kind}', '{DEMO}', 'RAW-1', 10000, "
        "8000, 0, '2024-02-01', 'raw-1', 'mallory', '2000-01-01T00:00:00.000Z')"])
    assert refused is None
    created_by, created_at, recent = attack_logins.psql(
        "SELECT created_by, created_at, created_at::timestamptz > now() - interval '1 hour' "
        "FROM dg_ledger.journal WHERE idempotency_key = 'raw-1'", dbname=seeded)[0]
    assert created_by == role and recent, created_at
    assert run_as(attack_logins, seeded, "tech", [
        "INSERT INTO dg_ledger.proposal (kind, county_code, payload, created_by, created_at) VALUES "
        f"('writeoff', '{DEMO}', '{{}}', 'mallory', '2000-01-01T00:00:00.000Z')"]) is None
    assert attack_logins.psql("SELECT created_by, created_at > '2001' FROM dg_ledger.proposal",
                              dbname=seeded) == [("tech", True)]


def test_a_login_without_a_ledger_role_gets_a_clear_refusal(attack_logins, seeded):
    with pytest.raises(LedgerPermissionError) as refused:
        open_ledger(attack_logins.uri(seeded, user=NOBODY))
    assert NOBODY in str(refused.value) and "dg_" in str(refused.value)


def test_a_forgery_by_the_owner_with_the_guards_switched_off_is_detected(attack_logins, seeded):
    officer = open_ledger(attack_logins.uri(seeded, user="officer"))      # opened (and written) before
    assert officer.write_off(DEMO, "JS-0", "before", Amounts(1, 800, 0), "2024-02-15").applied
    assert run_as(attack_logins, seeded, OWNER, [
        "ALTER TABLE dg_ledger.balance DISABLE TRIGGER USER",
        f"UPDATE dg_ledger.balance SET area_mu_e4 = area_mu_e4 + {FORGED}",
        "ALTER TABLE dg_ledger.balance ENABLE TRIGGER USER"]) is None
    try:
        assert officer.balance(DEMO).area_mu == 1000099                 # the forgery is really there
        for ledger in (officer, open_ledger(attack_logins.uri(seeded, user="officer"))):
            with pytest.raises(LedgerError) as refused:  # refused by the write itself, before any verify()
                ledger.write_off(DEMO, "JS-5000", "forged reserve", Amounts(5000, 1000, 0), "2024-03-01")
            assert not isinstance(refused.value, ShortfallError) and DEMO in str(refused.value)
            report = ledger.verify()
            assert not report["ok"] and DEMO in report["problems"][0]
            assert len(ledger.journal()) == 2
    finally:
        officer.close()
