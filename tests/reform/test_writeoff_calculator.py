# SPDX-License-Identifier: GPL-2.0-or-later
"""Issue 16: the write-off calculator from a construction footprint, hand-worked — the 可调整 (K) class
counted as 耕地, 田坎 from the parcel's KCXS or the county table (core.net_area, engineer i15's), grades
from GDDB or GDDJ, the fee doubled inside permanent basic farmland — in core, in
``doubleguarantee:ledgerwriteoff`` and filling the write-off dialog.

Survey parcels, 100 m × 100 m side by side on zone 39's central meridian (scale factor 1, so ellipsoidal
and planar areas agree to 10⁻⁶), the footprint over y 50–150 and x 50–350 (drawn as two overlapping
polygons, counted once):

| parcel | DLBM  | KCXS / table        | grade        | piece    | net (亩)   | kg/亩 | capacity | fee                   |
| A      | 0103  | 0.1                 | GDDB 8       | 2,500 m² | 3.375      | 800   | 2,700    | 24,000 × 3.375        |
| B      | 0201K | — → PD×3 = 0.089    | default 5    | 5,000 m² | 6.8325     | 760   | 5,192.7  | 30,000 × 6.8325       |
| C      | 0101  | 0                   | GDDJ 4       | 5,000 m² | 7.5        | 820   | 6,150    | 40,000 × (3.75 + 2 × 3.75) |
| D      | 0601  | industrial: not 耕地 |              |          |            |       |          |                       |
| E      | 0201  | orchard (not K): not occupied 耕地                                                      |

C is half inside permanent basic farmland.  Totals: gross 18.75, 田坎 1.0425, net 17.7075 亩 (可调整
6.8325), capacity 14,042.7 kg, paddy 7.5 亩, fee 81,000 + 204,975 + 450,000 = 735,975 yuan.
"""
import pytest
from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QDate, QVariant

from qgis import processing
from double_guarantee_plugin.core import tables
from double_guarantee_plugin.core.ledger import Amounts, DepositRequest, open_ledger
from double_guarantee_plugin.core.writeoff_calculator import CalculatorError, calculate

X, Y = 39_500_000, 3_550_000
PROFILE = tables.load_rule_profile("national_2024")


def box(x0, y0, x1, y1):
    return QgsGeometry.fromWkt(f"POLYGON(({X + x0} {Y + y0},{X + x1} {Y + y0},{X + x1} {Y + y1},{X + x0} {Y + y1},"
                               f"{X + x0} {Y + y0}))")


def _layer(name, fields, rows):
    layer = QgsVectorLayer("MultiPolygon?crs=EPSG:4527", name, "memory")
    layer.dataProvider().addAttributes([QgsField(field, kind) for field, kind in fields])
    layer.updateFields()
    for geometry, values in rows:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(geometry)
        feature.setAttributes(list(values))
        layer.dataProvider().addFeature(feature)
    return layer


@pytest.fixture
def survey():
    fields = [("BSM", QVariant.String), ("DLBM", QVariant.String), ("KCXS", QVariant.Double),
              ("GDLX", QVariant.String), ("GDPDJB", QVariant.String), ("GDDB", QVariant.Int), ("GDDJ", QVariant.Int)]
    return _layer("DLTB", fields, [
        (box(0, 0, 100, 100), ("A", "0103", 0.1, "PD", "2", 8, None)),
        (box(100, 0, 200, 100), ("B", "0201K", None, "PD", "3", None, None)),
        (box(200, 0, 300, 100), ("C", "0101", 0.0, None, "1", None, 4)),
        (box(300, 0, 400, 100), ("D", "0601", None, None, None, None, None)),
        (box(0, 100, 400, 200), ("E", "0201", None, None, None, None, None))])


@pytest.fixture
def footprint():
    return _layer("用地范围", [("XMMC", QVariant.String)], [(box(50, 50, 250, 150), ("产业园",)),
                                                          (box(200, 50, 350, 150), ("产业园",))])


@pytest.fixture
def basic_farmland():
    return _layer("永久基本农田", [("JBNTTBBH", QVariant.String)], [(box(200, 0, 250, 100), ("J1",))])


def test_the_calculator_by_hand(footprint, survey, basic_farmland):
    occupation = calculate(footprint, survey, PROFILE, basic_farmland, default_grade=5)
    pieces = {piece.parcel: piece for piece in occupation.pieces}
    assert sorted(pieces) == ["A", "B", "C"]                                   # D industrial, E plain orchard
    assert occupation.footprint_m2 == pytest.approx(30000, rel=1e-6)
    assert pieces["A"].net_mu == pytest.approx(3.375, rel=1e-6) and "0.1" in pieces["A"].tiankan_note
    assert pieces["B"].net_mu == pytest.approx(6.8325, rel=1e-6) and "PD × GDPDJB 3" in pieces["B"].tiankan_note
    assert (pieces["A"].grade, pieces["A"].grade_system) == (8, "use_grade_15")
    assert (pieces["B"].grade, pieces["C"].grade, pieces["C"].grade_system) == (5, 4, "quality_level_10")
    assert pieces["C"].basic_farmland_mu == pytest.approx(3.75, rel=1e-6)
    assert occupation.gross_mu == pytest.approx(18.75, rel=1e-6)
    assert occupation.tiankan_mu == pytest.approx(1.0425, rel=1e-5)
    assert occupation.adjustable_mu == pytest.approx(6.8325, rel=1e-6)
    amounts = occupation.amounts
    assert amounts.area_mu == pytest.approx(17.7075, rel=1e-6)
    assert amounts.capacity_kg == pytest.approx(14042.7, rel=1e-6) and amounts.paddy_mu == pytest.approx(7.5, rel=1e-6)
    assert pieces["C"].fee_yuan == pytest.approx(450000, rel=1e-6)               # 2 × inside permanent basic farmland
    assert occupation.fee_yuan == pytest.approx(735975, rel=1e-6) and occupation.complete
    assert "2×" in occupation.fee_text() and "3.7500" in occupation.fee_text()


def test_a_parcel_without_grade_is_named_and_bad_layers_refused(footprint, survey):
    occupation = calculate(footprint, survey, PROFILE)
    assert not occupation.complete and "parcel B (0201K)" in occupation.problems[0]
    pieces = {piece.parcel: piece for piece in occupation.pieces}
    assert pieces["B"].capacity_kg == 0 and pieces["B"].fee_yuan is None
    assert occupation.fee_yuan == pytest.approx(81000 + 450000 / 1.5, rel=1e-6)   # C all outside: 40,000 × 7.5
    bare = _layer("没有地类", [("X", QVariant.String)], [])
    with pytest.raises(CalculatorError, match="'没有地类' has no field DLBM"):
        calculate(footprint, bare, PROFILE)
    footprint.selectByIds([])
    with pytest.raises(CalculatorError, match="no polygon selected"):
        calculate(footprint, survey, PROFILE, selected_only=True)


@pytest.fixture
def ledger_path(tmp_path):
    path = str(tmp_path / "projects_ledger.gpkg")
    ledger = open_ledger(path)
    ledger.deposit(DepositRequest("320999", "DG2023-01", "东湖村", Amounts(100, 80000, 20), "2023-03-01"))
    ledger.close()
    return path


def test_ledgerwriteoff_from_a_footprint(processing_ready, footprint, survey, basic_farmland, ledger_path):
    for layer in (footprint, survey, basic_farmland):
        QgsProject.instance().addMapLayer(layer, False)
    try:
        result = processing.run("doubleguarantee:ledgerwriteoff", {
            "LEDGER": ledger_path, "COUNTY": "320999", "PROJECT_CODE": "JS2026-03", "PROJECT_NAME": "产业园",
            "DATE": "2026-03-01", "DZJGH": "3209992026000003", "AJBH": "示规〔2026〕3号", "FOOTPRINT": footprint,
            "SURVEY": survey, "BASIC_FARMLAND": basic_farmland, "DEFAULT_GRADE": 5})
    finally:
        for layer in (footprint, survey, basic_farmland):
            QgsProject.instance().takeMapLayer(layer)
    assert result["APPLIED"] and result["FEE_YUAN"] == pytest.approx(735975, rel=1e-6)
    assert result["TIANKAN_MU"] == pytest.approx(1.0425, rel=1e-5) and result["ADJUSTABLE_MU"] == pytest.approx(6.8325)
    assert result["AREA_MU_AFTER"] == pytest.approx(100 - 17.7075, abs=1e-4)
    ledger = open_ledger(ledger_path)
    entry = ledger.journal(kind="writeoff")[0]
    ledger.close()
    assert entry.amounts == Amounts(17.7075, 14042.7, 7.5) and entry.dzjgh == "3209992026000003"
    assert "田坎 1.0425" in entry.note and "可调整 6.8325" in entry.note


def test_the_calculator_fills_the_write_off_dialog(iface, footprint, survey, basic_farmland, ledger_path):
    from double_guarantee_plugin.gui.dialogs.ledger_writeoff import WriteOffDialog
    from double_guarantee_plugin.gui.dialogs.writeoff_calculator import WriteOffCalculatorDialog
    for layer in (footprint, survey, basic_farmland):
        QgsProject.instance().addMapLayer(layer)
    ledger = open_ledger(ledger_path)
    try:
        dialog = WriteOffDialog(ledger, "320999")
        dialog.date.setDate(QDate(2026, 3, 1))
        calculator = WriteOffCalculatorDialog(dialog.profile(), dialog)
        calculator.footprint_combo.setLayer(footprint)
        calculator.survey_combo.setLayer(survey)
        calculator.protected_combo.setLayer(basic_farmland)
        assert calculator.run() is not None and not calculator.buttons.button(calculator.buttons.StandardButton.Ok) \
            .isEnabled()                                                       # parcel B has no grade
        assert "parcel B" in calculator.problems.text()
        calculator.use_default_grade.setChecked(True)
        calculator.default_grade.setValue(5)
        occupation = calculator.run()
        assert calculator.table.rowCount() == 3 and "17.7075" in calculator.summary.text()
        dialog.fill_from(occupation)
        assert dialog.amounts.amounts() == Amounts(17.7075, 14042.7, 7.5)
        assert dialog.basic_farmland.value() == pytest.approx(3.75) and "735,975" in dialog.fee_label.text()
        dialog.project_code.setText("JS2026-03")
        dialog.rules.dzjgh.setText("3209992026000003")
        dialog.rules.ajbh.setText("示规〔2026〕3号")
        assert not dialog.land_class.isEnabled() and not dialog.grade.isEnabled()   # per parcel, the calculator's
        result = dialog.apply()
        assert result.applied and "可调整 6.8325" in result.entry.note
        dialog.done(0)

    finally:
        ledger.close()
        for layer in (footprint, survey, basic_farmland):
            QgsProject.instance().takeMapLayer(layer)


def test_an_amount_changed_after_the_calculator_is_the_users_own(iface, footprint, survey, basic_farmland,
                                                                 ledger_path):
    """Filled from the footprint, then the area typed over: the fee and note come from class and grade again
    (no write-off noted as the calculator's with other figures)."""
    from double_guarantee_plugin.core.writeoff_calculator import calculate as calculate_occupation
    from double_guarantee_plugin.gui.dialogs.ledger_writeoff import WriteOffDialog
    ledger = open_ledger(ledger_path)
    try:
        dialog = WriteOffDialog(ledger, "320999")
        dialog.date.setDate(QDate(2026, 3, 1))
        dialog.fill_from(calculate_occupation(footprint, survey, dialog.profile(), basic_farmland, default_grade=5))
        assert dialog.from_footprint() is not None and "735,975" in dialog.fee_label.text()
        dialog.amounts.capacity.setValue(14000)
        assert dialog.from_footprint() is None and dialog.occupation is None
        assert dialog.land_class.isEnabled() and "735,975" not in dialog.fee_label.text()
        assert "可调整" not in dialog.note() and dialog.note().startswith("class 0101 grade")
        dialog.fill_from(calculate_occupation(footprint, survey, dialog.profile(), basic_farmland, default_grade=5))
        assert dialog.from_footprint() is not None
        dialog.basic_farmland.setValue(0)                  # the basic-farmland part typed over: the user's too
        assert dialog.from_footprint() is None and "735,975" not in dialog.fee_label.text()
        dialog.done(0)
    finally:
        ledger.close()


def test_the_calculator_starts_with_the_recognised_county_layers(iface, survey, basic_farmland, footprint):
    """The survey (DLTB by its field codes) and the basic farmland start chosen although another polygon
    layer comes first in the lists; the footprint starts as a layer that is neither."""
    from double_guarantee_plugin.core.standard_layers.parcels import REGISTRY
    from double_guarantee_plugin.gui.dialogs.writeoff_calculator import WriteOffCalculatorDialog
    roads = _layer("A 道路", [("MC", QVariant.String)], [(box(0, 0, 10, 10), ("路",))])
    layers = (roads, survey, basic_farmland, footprint)
    QgsProject.instance().addMapLayers(list(layers))
    try:
        calculator = WriteOffCalculatorDialog(PROFILE)
        assert calculator.survey_combo.currentLayer() is survey
        assert calculator.protected_combo.currentLayer() is basic_farmland
        assert calculator.footprint_combo.currentLayer() is roads        # the first layer that is not a county layer
        calculator.footprint_combo.setLayer(footprint)
        calculator.use_default_grade.setChecked(True)
        calculator.default_grade.setValue(5)
        assert calculator.run().net_mu == pytest.approx(17.7075, rel=1e-6)
        calculator.done(0)
        calculator.deleteLater()
    finally:
        REGISTRY.clear()
        for layer in layers:
            QgsProject.instance().takeMapLayer(layer)


def test_ledgerwriteoff_dialog_defaults_to_the_recognised_county_layers(processing_ready, survey, basic_farmland, footprint):
    from qgis.core import QgsApplication
    for layer in (survey, basic_farmland, footprint):
        QgsProject.instance().addMapLayer(layer)
    try:
        algorithm = QgsApplication.processingRegistry().createAlgorithmById("doubleguarantee:ledgerwriteoff")
        assert algorithm.parameterDefinition("SURVEY").guiDefaultValueOverride() == survey.id()
        assert algorithm.parameterDefinition("BASIC_FARMLAND").guiDefaultValueOverride() == basic_farmland.id()
        assert algorithm.parameterDefinition("SURVEY").defaultValue() is None      # scripts unaffected
    finally:
        for layer in (survey, basic_farmland, footprint):
            QgsProject.instance().takeMapLayer(layer)
