# SPDX-License-Identifier: GPL-2.0-or-later
"""Schema version 3 on PostGIS: the plot fields of issue 15 with their CHECK constraints, and a version-2
schema migrated by its owner in one transaction (a technician is told the owner must do it)."""
import psycopg2
import pytest

from double_guarantee_plugin.core.project_db import SCHEMA_VERSION, V2_MISSING, ProjectDatabaseError
from double_guarantee_plugin.core.project_db_pg import open_project_database_pg, schema_version_pg

from pg_names import SCHEMA  # noqa: E402
from test_pg_project_db import sql as _sql  # noqa: E402  (the same one-statement helper)

pytestmark = pytest.mark.postgis


def _to_version_2(owner):
    """What a schema made before issue 15 looks like: no v3 columns (their checks go with them), version 2."""
    for name in V2_MISSING:
        _sql(owner, f"ALTER TABLE {SCHEMA}.plots DROP COLUMN {name}")
    _sql(owner, f"UPDATE {SCHEMA}.dg_meta SET value = '2' WHERE key = 'schema_version'")


def _insert_bad(uri, column, value):
    with pytest.raises(psycopg2.errors.CheckViolation):
        _sql(uri, f"INSERT INTO {SCHEMA}.plots (project_code, {column}) VALUES ('DG2023-01', %s)", (value,))


def test_version_3_checks_the_new_plot_fields(pg_county):
    owner = pg_county["owner"]
    assert schema_version_pg(owner, SCHEMA) == SCHEMA_VERSION == 3
    for column, value in (("use_grade_after", 16), ("quality_level_before", 11), ("slope_level", "6"),
                          ("farmland_type", "XX"), ("tiankan_coefficient", 1.5)):
        _insert_bad(owner, column, value)
    assert _sql(owner, f"INSERT INTO {SCHEMA}.plots (project_code, quality_level_after, slope_level, farmland_type, "
                       f"tiankan_coefficient) VALUES ('DG2023-01', 10, '5', 'TT', 0.2)") == 1


def test_a_version_2_schema_is_migrated_by_its_owner(pg_county):
    owner, tech = pg_county["owner"], pg_county["tech"]
    _to_version_2(owner)
    with pytest.raises(ProjectDatabaseError, match="the schema's owner must do it"):
        open_project_database_pg(tech, SCHEMA)
    assert schema_version_pg(owner, SCHEMA) == 2                 # nothing half-done
    plots, _projects = open_project_database_pg(owner, SCHEMA)
    assert schema_version_pg(owner, SCHEMA) == 3
    assert set(V2_MISSING) <= set(plots.fields().names())
    assert plots.featureCount() == pg_county["plots"]           # every plot kept
    _insert_bad(owner, "use_grade_before", 0)
    del plots, _projects
    # and now the technician opens it as before
    plots, _projects = open_project_database_pg(tech, SCHEMA)
    assert plots.featureCount() == pg_county["plots"]
