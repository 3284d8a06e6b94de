# SPDX-License-Identifier: GPL-2.0-or-later
"""Issue 16: 进出平衡 出 found by comparing two annual surveys (DLBM, SJNF), hand-worked, net of 田坎 by
core.net_area, recorded through the dialog once however often it is run.

2024 survey: a 0103 parcel (KCXS 0.05, GDDB 6) over x 0–200 and a 0101 paddy parcel (KCXS 0, GDDJ 3) over
x 200–300, y 0–100; and one in another county (ZLDWDM 320981…).  2025 survey: 0201 orchard over x 0–100
(10,000 m² of the dry land: net 9,500 m² = 14.25 亩), 1104A fish pond over x 250–300 (5,000 m² of paddy:
7.5 亩, paddy 7.5), 0601 industrial over x 100–200 (construction: a write-off, not 出), the rest of the
paddy still paddy.  Capacity: 14.25 × (16 − 6) × 100 = 14,250 kg; 7.5 × 880 = 6,600 kg."""
import pytest
from qgis.core import QgsProject
from qgis.PyQt.QtCore import QVariant

from double_guarantee_plugin.core import tables
from double_guarantee_plugin.core.in_out_survey import compare_surveys
from double_guarantee_plugin.core.ledger import open_ledger
from double_guarantee_plugin.core.writeoff_calculator import CalculatorError

from test_writeoff_calculator import _layer, box   # the same 100 m boxes on zone 39's central meridian

PROFILE = tables.load_rule_profile("national_2024")
FIELDS = [("BSM", QVariant.String), ("DLBM", QVariant.String), ("SJNF", QVariant.Int), ("ZLDWDM", QVariant.String),
          ("KCXS", QVariant.Double), ("GDDB", QVariant.Int), ("GDDJ", QVariant.Int)]


def _survey(name, rows):
    return _layer(name, FIELDS, rows)


@pytest.fixture
def surveys():
    older = _survey("DLTB 2024", [
        (box(0, 0, 200, 100), ("T1", "0103", 2024, "320999001001", 0.05, 6, None)),
        (box(200, 0, 300, 100), ("T2", "0101", 2024, "320999001002", 0.0, None, 3)),
        (box(0, 500, 100, 600), ("T9", "0103", 2024, "320981001001", 0.0, 6, None))])
    newer = _survey("DLTB 2025", [
        (box(0, 0, 100, 100), ("N1", "0201", 2025, "320999001001", None, None, None)),
        (box(100, 0, 200, 100), ("N2", "0601", 2025, "320999001001", None, None, None)),
        (box(200, 0, 250, 100), ("N3", "0101", 2025, "320999001002", 0.0, None, 3)),
        (box(250, 0, 300, 100), ("N4", "1104A", 2025, "320999001002", None, None, None)),
        (box(0, 500, 100, 600), ("N9", "0301", 2025, "320981001001", None, None, None))])
    return older, newer


def test_compare_two_surveys_by_hand(surveys):
    older, newer = surveys
    changes, problems = compare_surveys(older, newer, PROFILE, "320999")
    assert problems == []
    assert [(c.old_parcel, c.new_parcel, c.class_from, c.class_to) for c in changes] == [
        ("T1", "N1", "0103", "0201"), ("T2", "N4", "0101", "1104A")]
    orchard, pond = changes
    assert orchard.net_mu == pytest.approx(14.25, rel=1e-6) and "0.05" in orchard.note
    assert orchard.capacity_kg == pytest.approx(14250, rel=1e-6) and orchard.paddy_mu == 0
    assert pond.net_mu == pytest.approx(7.5, rel=1e-6) and pond.paddy_mu == pytest.approx(7.5, rel=1e-6)
    assert pond.capacity_kg == pytest.approx(6600, rel=1e-6)
    assert (orchard.year_from, orchard.year_to, orchard.occurred_on) == (2024, 2025, "2025-12-31")
    everywhere, _ = compare_surveys(older, newer, PROFILE)
    assert len(everywhere) == 3                                  # without a county, 320981's forest too
    with pytest.raises(CalculatorError, match="not older"):
        compare_surveys(newer, older, PROFILE)


def test_the_dialog_records_each_change_once(qgis_app, surveys, tmp_path):
    from double_guarantee_plugin.gui.dialogs.in_out_record import SurveyCompareDialog
    older, newer = surveys
    for layer in surveys:
        QgsProject.instance().addMapLayer(layer)
    ledger = open_ledger(str(tmp_path / "ledger.gpkg"))
    try:
        for attempt in range(2):
            dialog = SurveyCompareDialog(ledger, "320999")
            dialog.older_combo.setLayer(older)
            dialog.newer_combo.setLayer(newer)
            assert len(dialog.compare()) == 2
            dialog.set_exemption(1, "water_expansion")             # the pond grew by itself: recorded, not counted
            recorded = dialog.record()
            assert [result.applied for result in recorded] == ([True, True] if attempt == 0 else [False, False])
            dialog.done(0)
        account = ledger.in_out_account("320999")
        assert len(account) == 1 and account[0].year == 2025
        assert account[0].out_mu == pytest.approx(14.25, abs=1e-4)
        assert account[0].exempt.area_mu == pytest.approx(7.5, abs=1e-4)
        assert len(ledger.journal(kind="inout_out")) == 2
    finally:
        ledger.close()
        for layer in surveys:
            QgsProject.instance().takeMapLayer(layer)
