# SPDX-License-Identifier: GPL-2.0-or-later
"""A package's column names come from outside the office: read as names, never as SQL.

The reader lists the package's columns with PRAGMA table_info and selects them; a column added on the laptop
(or by anybody who had the file) named like a piece of SQL — here one that would cut the SELECT short with
``WHERE 0 --`` — must stay one column: every plot and project of the package is still read, and a
bring-back deletes nothing at the office.  (bandit B608 on these SELECTs is answered by quoting the names.)"""
import sqlite3

import pytest

from double_guarantee_plugin.core import offline
from double_guarantee_plugin.core.offline.package import read_package
from dg_offline_util import sql

from .conftest import PROJECT_A, PROJECT_B

CUTTING_NAME = 'fid FROM {} WHERE 0 --'


def count(path, table):
    with sqlite3.connect(str(path)) as connection:
        return connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


@pytest.fixture
def package(project_db, tmp_path):
    path = tmp_path / "laptop.gpkg"
    offline.export_offline(project_db, [PROJECT_A, PROJECT_B], path, {})
    return path


@pytest.mark.parametrize("table", ["plots", "projects"])
def test_a_column_named_like_sql_is_read_as_a_column(project_db, package, table):
    before = read_package(package)
    name = CUTTING_NAME.format(table)
    sql(package, f'ALTER TABLE {table} ADD COLUMN "{name}" TEXT')
    sql(package, f'UPDATE {table} SET "{name}" = \'外业加的列\'')

    checked = read_package(package)
    assert len(checked.plots) == len(before.plots) == count(package, "plots") > 0
    assert sorted(checked.projects) == sorted(before.projects) == [PROJECT_A, PROJECT_B]
    columns = checked.plot_columns if table == "plots" else checked.project_columns
    assert name in columns
    if table == "projects":
        assert {values[name] for values in checked.projects.values()} == {"外业加的列"}

    plots_at_office = count(project_db, "plots")
    projects_at_office = {row[0] for row in sql(project_db, "SELECT project_code FROM projects")}
    result = offline.merge_back(project_db, package, "王工")
    assert (result.applied_deletions, result.deleted_projects) == ([], [])   # nothing read as deleted in the field
    assert count(project_db, "plots") == plots_at_office
    assert {row[0] for row in sql(project_db, "SELECT project_code FROM projects")} == projects_at_office
