# SPDX-License-Identifier: GPL-2.0-or-later
"""Ledger fixtures: a throwaway PostgreSQL 15 + PostGIS cluster and one fresh ledger per test on each backend.

The cluster is started once per session (initdb + pg_ctl on a loopback port, see scripts/pg_cluster.py);
a template database holds PostGIS and the installed ledger schema, and every test gets its own
database copied from it, so tests never see each other's journal.  Login users, one per role:
``tech`` (dg_technician), ``reviewer`` (dg_reviewer), ``officer`` (dg_officer) and ``clerk``
(both reviewer and officer, for the operational tests).  No test connects as a superuser to the
ledger, so grants and row policies are really in force.
"""
import itertools
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
for folder in (ROOT, ROOT / "scripts", Path(__file__).resolve().parent):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

import pg_cluster  # noqa: E402

TEMPLATE_DB = "dg_ledger_template"
LOGIN_USERS = {"tech": ["dg_technician"], "reviewer": ["dg_reviewer"], "officer": ["dg_officer"],
               "clerk": ["dg_reviewer", "dg_officer"]}
_counter = itertools.count(1)


@pytest.fixture(scope="session")
def pg_cluster_running():
    """A running throwaway cluster with the template ledger database and the login users."""
    from double_guarantee_plugin.core.ledger.postgres_backend import install_postgres_schema
    # fsync off: what is tested is a killed client, never a crashed machine; it keeps the per-test
    # CREATE DATABASE cheap on this shared 2-core box
    cluster = pg_cluster.start_cluster(extra_settings=("fsync=off", "full_page_writes=off"))
    try:
        cluster.create_database(TEMPLATE_DB, postgis=True)
        install_postgres_schema(**cluster.params(TEMPLATE_DB))
        for user, roles in LOGIN_USERS.items():
            cluster.psql(f"CREATE ROLE {user} LOGIN IN ROLE {', '.join(roles)}")
        yield cluster
    finally:
        cluster.stop()


def new_pg_database(cluster):
    name = f"dg_ledger_t{next(_counter)}"
    cluster.psql(f'CREATE DATABASE "{name}" TEMPLATE "{TEMPLATE_DB}"')
    return name


@pytest.fixture
def new_pg_database_name(pg_cluster_running):
    """A function creating a fresh database (copy of the installed template) and returning its name."""
    return lambda: new_pg_database(pg_cluster_running)


@pytest.fixture(params=["geopackage", "postgis"])
def backend(request):
    return request.param


@pytest.fixture
def ledger_target(backend, tmp_path, request):
    """A fresh ledger location for ``backend``: a .gpkg path or a postgresql:// URI (as user clerk)."""
    if backend == "geopackage":
        return str(tmp_path / "projects_ledger.gpkg")
    cluster = request.getfixturevalue("pg_cluster_running")
    return cluster.uri(new_pg_database(cluster), user="clerk")


@pytest.fixture
def ledger(ledger_target):
    from double_guarantee_plugin.core.ledger import open_ledger
    opened = open_ledger(ledger_target)
    yield opened
    opened.close()


@pytest.fixture
def chinese(qgis_app):
    """The plugin's zh_CN translation installed (what a Chinese QGIS does when it loads the plugin)."""
    import subprocess
    from double_guarantee_plugin import i18n
    from double_guarantee_plugin.core.paths import i18n_dir
    ts = Path(i18n_dir()) / "double_guarantee_zh_CN.ts"
    qm = ts.with_suffix(".qm")
    if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
        subprocess.run(["lrelease", "-silent", str(ts), "-qm", str(qm)], check=True)   # what make transcompile does
    assert i18n.setup_translation("zh_CN")
    yield
    i18n.remove_translation()
