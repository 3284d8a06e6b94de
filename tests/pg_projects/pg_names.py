# SPDX-License-Identifier: GPL-2.0-or-later
"""Names shared by the PostGIS project-database tests (a uniquely named module: several
``conftest`` modules share that name in one run, so tests never import from ``conftest``)."""
SCHEMA = "county"
CONNECTION = "dg_test_county"          # the QGIS PostgreSQL connection the dock tests pick
