# SPDX-License-Identifier: GPL-2.0-or-later
"""PostGIS project-database fixtures: a throwaway PostgreSQL 15 + PostGIS cluster, one database per test.

As in tests/ledger/conftest.py the cluster starts once per session (scripts/pg_cluster.py) with a
template database holding PostGIS and the installed ledger schema (which creates the roles
dg_technician / dg_reviewer / dg_officer).  Each test gets a copy of the template in which the
superuser creates the project schema ``county`` and copies three demo projects into it; the tests
then connect as the login users ``tech`` (dg_technician) and ``reviewer`` (dg_reviewer), so grants
and row policies are really in force.  The project-dock helpers (dock, idle, clicks, form filling)
are the ones of tests/gui/conftest.py, loaded from that file.
"""
import importlib.util
import itertools
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
for folder in (ROOT, ROOT / "scripts"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

import pg_cluster  # noqa: E402

TEMPLATE_DB = "dg_projects_template"
from pg_names import CONNECTION, SCHEMA  # noqa: E402,F401
SEEDED_PROJECTS = ("DG2023-01", "DG2024-07", "DG2023-02")
LOGIN_USERS = {"tech": "dg_technician", "reviewer": "dg_reviewer", "officer": "dg_officer"}
_counter = itertools.count(1)


def _gui_helpers():
    spec = importlib.util.spec_from_file_location("dg_gui_test_helpers", ROOT / "tests" / "gui" / "conftest.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


GUI = _gui_helpers()


@pytest.fixture(scope="session")
def pg_server():
    from double_guarantee_plugin.core.ledger.postgres_backend import install_postgres_schema
    cluster = pg_cluster.start_cluster(extra_settings=("fsync=off", "full_page_writes=off"))
    try:
        cluster.create_database(TEMPLATE_DB, postgis=True)
        install_postgres_schema(**cluster.params(TEMPLATE_DB))   # the ledger's roles (and its schema)
        for user, role in LOGIN_USERS.items():
            cluster.psql(f"CREATE ROLE {user} LOGIN IN ROLE {role}")
        yield cluster
    finally:
        cluster.stop()


def _planned(name, feature):
    # the demo projects are mostly accepted already; here they start planned so that technicians may
    # edit them and a reviewer may accept them
    if name == "status":
        return "planned"
    return feature.GetField(name) if feature.IsFieldSetAndNotNull(name) else None


def seed_projects(cluster, dbname, gpkg, codes=SEEDED_PROJECTS):
    """Copy the demo projects ``codes`` (status planned) and their plots into ``county`` (as the owner)."""
    import psycopg2
    from osgeo import ogr
    from double_guarantee_plugin.core.project_db import PLOT_FIELDS, PROJECT_FIELDS
    source = ogr.Open(str(gpkg))
    connection = psycopg2.connect(**cluster.params(dbname))
    try:
        with connection, connection.cursor() as cursor:
            projects = source.GetLayerByName("projects")
            names = [f[0] for f in PROJECT_FIELDS]
            for feature in projects:
                if feature.GetField("project_code") in codes:
                    cursor.execute(f"INSERT INTO {SCHEMA}.projects ({', '.join(names)}) VALUES "
                                   f"({', '.join(['%s'] * len(names))})",
                                   [_planned(n, feature) for n in names])
            plots = source.GetLayerByName("plots")
            names = [f[0] for f in PLOT_FIELDS]
            count = 0
            for feature in plots:
                if feature.GetField("project_code") in codes:
                    geometry = ogr.ForceToMultiPolygon(feature.GetGeometryRef().Clone())
                    cursor.execute(f"INSERT INTO {SCHEMA}.plots ({', '.join(names)}, geom) VALUES "
                                   f"({', '.join(['%s'] * len(names))}, ST_GeomFromWKB(%s, 4527))",
                                   [feature.GetField(n) if feature.IsFieldSetAndNotNull(n) else None for n in names]
                                   + [psycopg2.Binary(geometry.ExportToWkb())])
                    count += 1
    finally:
        connection.close()
    return count


@pytest.fixture
def pg_county(pg_server, demo_paths):
    """A fresh database holding the project schema ``county`` with three demo projects; returns a dict."""
    from double_guarantee_plugin.core.project_db_pg import create_project_database_pg
    dbname = f"dg_projects_t{next(_counter)}"
    pg_server.psql(f'CREATE DATABASE "{dbname}" TEMPLATE "{TEMPLATE_DB}"')
    create_project_database_pg(pg_server.uri(dbname), SCHEMA, "EPSG:4527")
    plots = seed_projects(pg_server, dbname, demo_paths["projects"])
    return {"cluster": pg_server, "dbname": dbname, "plots": plots,
            "tech": pg_server.uri(dbname, user="tech"), "reviewer": pg_server.uri(dbname, user="reviewer"),
            "owner": pg_server.uri(dbname)}


@pytest.fixture
def qgis_connection(pg_county):
    """A QGIS PostgreSQL connection ``dg_test_county`` to the test database as user ``tech``, with a saved
    password (the trust-auth server ignores it) so the tests can check it never lands in the dock's state."""
    from qgis.core import QgsSettings

    def register(user="tech", name=CONNECTION):
        settings = QgsSettings()
        base = f"PostgreSQL/connections/{name}"
        for key, value in (("host", pg_county["cluster"].host), ("port", str(pg_county["cluster"].port)),
                           ("database", pg_county["dbname"]), ("username", user), ("password", "s3cret-pw"),
                           ("saveUsername", True), ("savePassword", True)):
            settings.setValue(f"{base}/{key}", value)
        registered.append(name)
        return name

    registered = []
    register()
    yield register
    settings = QgsSettings()
    for name in registered:
        settings.remove(f"PostgreSQL/connections/{name}")


@pytest.fixture()
def dock(iface, qgis_new_project):
    widget = GUI._make_dock(iface)
    yield widget
    GUI._remove_dock(iface, widget)


@pytest.fixture()
def idle():
    return GUI.wait_idle


@pytest.fixture()
def map_clicks():
    return type("MapClicks", (), {"click": staticmethod(GUI.click), "draw": staticmethod(GUI.draw)})


@pytest.fixture()
def form_filler():
    yield GUI.fill_attribute_form
    GUI._PENDING["generation"] += 1


@pytest.fixture()
def dialog_acceptor():
    yield GUI.accept_next_dialog
    GUI._PENDING["generation"] += 1
