# SPDX-License-Identifier: GPL-2.0-or-later
"""The randomised two-side suite of tests/review/test_offline_random.py with a PostGIS office database: the
database built with the plugin's API and copied into a new project schema, the office's edits by psycopg2,
the bring-backs by the reviewer login (the database's guards then let accepted projects change), judged by
the same oracle."""
import random

import pytest

from double_guarantee_plugin.core import offline
from double_guarantee_plugin.core.offline import PgHomeSpec
from dg_offline_oracle import PgEditor, build_database, copy_to_postgis, pg_state, run_scenario
from dg_offline_util import pg_fingerprint

SEEDS = (7, 19, 31)


@pytest.mark.slow
@pytest.mark.parametrize("seed", SEEDS)
def test_random_two_side_edits_on_postgis_follow_the_oracle(pg_county, tmp_path, seed):
    rng = random.Random(seed)
    built = tmp_path / "built.gpkg"
    codes = build_database(built, rng)
    schema = f"town{seed}"
    owner = pg_county["owner"]
    copy_to_postgis(built, owner, schema)
    home = PgHomeSpec(pg_county["reviewer"], schema)
    chosen = sorted(rng.sample(codes, rng.randint(3, 6)))
    package = tmp_path / "laptop.gpkg"
    offline.export_offline(home, chosen, package, {})
    office_codes = chosen + rng.sample([c for c in codes if c not in chosen], 2)
    first, second = run_scenario(rng, home, package, PgEditor(owner, schema), lambda: pg_state(owner, schema),
                                 lambda: pg_fingerprint(owner, schema), office_codes, chosen, tmp_path)
    assert first.changed_anything
