# SPDX-License-Identifier: GPL-2.0-or-later
"""Randomised two-side edits of take offline / bring back on GeoPackages, judged by the oracle of
tests/dg_offline_oracle.py (projects field by field, plots, review records, photos): two bring-backs with
office edits, office decisions and more field work between them; the same package again changes nothing."""
import random

import pytest

from double_guarantee_plugin.core import offline
from dg_offline_oracle import GpkgEditor, build_database, gpkg_state, run_scenario
from dg_offline_util import fingerprint

SEEDS = (11, 23, 37, 41, 59)


@pytest.mark.slow
@pytest.mark.parametrize("seed", SEEDS)
def test_random_two_side_edits_follow_the_oracle(qgis_app, tmp_path, seed):
    rng = random.Random(seed)
    office = tmp_path / "office.gpkg"
    codes = build_database(office, rng)
    chosen = sorted(rng.sample(codes, rng.randint(3, 6)))
    package = tmp_path / "laptop.gpkg"
    offline.export_offline(office, chosen, package, {})
    office_codes = chosen + rng.sample([c for c in codes if c not in chosen], 2)
    first, second = run_scenario(rng, office, package, GpkgEditor(office), lambda: gpkg_state(office),
                                 lambda: fingerprint(office), office_codes, chosen, tmp_path)
    assert first.changed_anything
