# SPDX-License-Identifier: GPL-2.0-or-later
"""Property test of bring-back: random edits on both sides never lose a version, and re-merging is a no-op."""
import sqlite3

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from double_guarantee_plugin.core import offline

from .conftest import PROJECT_A
from dg_testutil import copy_gpkg  # noqa: E402

# what one side does to one plot: nothing, set grade_after to 14 or 15 (no plot of the project has them), or delete it
ACTIONS = st.sampled_from([None, 14, 15, "delete"])
SCRIPTS = st.lists(st.tuples(ACTIONS, ACTIONS), min_size=12, max_size=12)


def _apply(path, fids, actions):
    connection = offline.connect(path)
    for fid, action in zip(fids, actions):
        if action == "delete":
            connection.execute("DELETE FROM plots WHERE fid = ?", (fid,))
        elif action is not None:
            connection.execute("UPDATE plots SET grade_after = ? WHERE fid = ?", (action, fid))
    connection.close()


def _grades(path):
    with sqlite3.connect(path) as connection:
        return dict(connection.execute("SELECT fid, grade_after FROM plots"))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(script=SCRIPTS, choose_field=st.lists(st.booleans(), min_size=12, max_size=12))
def test_random_two_sided_edits(demo_paths, tmp_path_factory, script, choose_field):
    folder = tmp_path_factory.mktemp("merge")
    home, package = folder / "home.gpkg", folder / "laptop.gpkg"
    copy_gpkg(demo_paths["projects"], home)
    offline.export_offline(home, [PROJECT_A], package, {})
    with sqlite3.connect(home) as connection:
        fids = [row[0] for row in connection.execute(
            "SELECT fid FROM plots WHERE project_code = ? ORDER BY fid", (PROJECT_A,))]
    original = _grades(home)
    _apply(home, fids, [office for office, _field in script])
    _apply(package, fids, [field for _office, field in script])
    office_state, field_state = _grades(home), _grades(package)

    result = offline.merge_back(home, package)
    merged = _grades(home)
    conflicts = {c.offline_fid: c for c in result.conflicts}
    for fid, (office, field) in zip(fids, script):
        office_version = office_state.get(fid, "deleted")
        field_version = field_state.get(fid, "deleted")
        now = merged.get(fid, "deleted")
        if field is None or field_version == office_version:
            assert now == office_version and fid not in conflicts
        elif office is None:
            assert now == field_version and fid not in conflicts
        else:   # both sides changed it differently: home unchanged, both versions kept
            assert now == office_version and fid in conflicts
            kept = conflicts[fid]
            assert (kept.home_attributes or {}).get("grade_after", "deleted") == office_version
            assert (kept.offline_attributes or {}).get("grade_after", "deleted") == field_version
    assert {fid for fid in original if fid not in fids} <= set(merged)   # other projects untouched

    before = _grades(home)
    assert not offline.merge_back(home, package).changed_anything and _grades(home) == before

    for fid, conflict in conflicts.items():
        take_field = choose_field[fids.index(fid)]
        offline.resolve_conflict(home, conflict.id, "offline" if take_field else "home", "tester")
        expected = field_state.get(fid, "deleted") if take_field else office_state.get(fid, "deleted")
        assert _grades(home).get(fid, "deleted") == expected
    before = _grades(home)
    assert not offline.merge_back(home, package).changed_anything and _grades(home) == before
    assert all(c.status == "resolved" for c in offline.conflicts(home))
