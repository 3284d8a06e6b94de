# SPDX-License-Identifier: GPL-2.0-or-later
"""Data files: code lists, grade systems, yield tables and rule profiles load and are checked."""
import json

import pytest

from double_guarantee_plugin.core import tables


def test_land_classes_keep_string_codes_and_cultivated_flags():
    classes = tables.land_classes()
    assert {code for code, c in classes.items() if c.is_cultivated} == {"0101", "0102", "0103"}
    assert classes["1104A"].name_zh == "养殖坑塘"
    assert classes["0201K"].name_en
    assert tables.is_cultivated("0102") and not tables.is_cultivated("0301") and not tables.is_cultivated(None)


def test_default_yield_table_is_the_ministry_approximation():
    table = tables.load_rule_profile("national_2017").yield_table("use_grade_15")
    assert table.approximation
    assert table.yield_for(15) == 100 and table.yield_for(1) == 1500
    assert all(table.yield_for(g) == (16 - g) * 100 for g in range(1, 16))


def test_profiles_name_their_tables_and_rules():
    national = tables.load_rule_profile()
    assert national.id == "national_2017" and national.default_grade_system == "use_grade_15"
    assert national.yield_table("quality_level_10") is None      # no national table: a clear error later
    assert national.min_mapping_area_m2 == 400
    assert national.fee_table().fee_per_mu("0101", 3) > national.fee_table().fee_per_mu("0103", 3)
    jiangsu = tables.load_rule_profile("jiangsu_2014")
    assert jiangsu.consolidation == {"min_scale_mu": 3000, "min_piece_mu": 1500, "max_pieces": 2}
    assert jiangsu.reclamation_share_min == 0.08
    assert jiangsu.yield_table("quality_level_10").yield_for(1) > jiangsu.yield_table("quality_level_10").yield_for(10)
    assert jiangsu.credit_split(0.04, "province") == (1.0, 0.0)
    assert jiangsu.credit_split(0.07, "province") == (0.8, 0.2)
    assert jiangsu.credit_split(0.20, "province") == (0.6, 0.4)
    assert jiangsu.credit_split(0.20, "county") == (0.0, 1.0)


@pytest.mark.parametrize("project_type, funding, date, passes", [
    ("land_consolidation", "new_construction_land_fee", "2016-12-31", False),
    ("land_consolidation", "new_construction_land_fee", "2017-01-01", True),
    ("high_standard_farmland", "county", "2016-05-01", False),
    ("high_standard_farmland", "cultivation_fee", "2016-05-01", True),
    ("land_consolidation", "county", "2015-01-01", True),
    ("land_consolidation", "county", None, False),
])
def test_2017_funding_rule(project_type, funding, date, passes):
    ok, reason = tables.load_rule_profile().funding_rule_passes(project_type, funding, date)
    assert ok is passes
    assert bool(reason) is not passes


def test_unknown_profile_and_broken_table_are_named(tmp_path, monkeypatch):
    with pytest.raises(tables.TableError, match="unknown rule profile 'nope'"):
        tables.load_rule_profile("nope")
    # a yield table missing a grade names the file and the grades
    folder = tmp_path / "data" / "yield_tables"
    folder.mkdir(parents=True)
    (tmp_path / "data" / "grade_systems.json").write_text(
        json.dumps({"schema": "grade_systems/1", "grade_systems": [
            {"id": "use_grade_15", "name_zh": "x", "name_en": "x", "best": 1, "worst": 15}]}))
    (folder / "broken.json").write_text(json.dumps({
        "schema": "yield_table/1", "id": "broken", "grade_system": "use_grade_15", "name_zh": "x", "name_en": "x",
        "yield_kg_per_mu": {str(g): 100 for g in range(1, 14)}}))
    monkeypatch.setattr(tables, "data_path", lambda *parts: str(tmp_path.joinpath("data", *parts)))
    tables.load_yield_table.cache_clear()
    tables.grade_systems.cache_clear()
    try:
        with pytest.raises(tables.TableError, match=r"broken\.json: no yield for grades \[14, 15\]"):
            tables.load_yield_table("broken")
    finally:
        tables.load_yield_table.cache_clear()
        tables.grade_systems.cache_clear()
