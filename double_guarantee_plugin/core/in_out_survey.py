# SPDX-License-Identifier: GPL-2.0-or-later
"""进出平衡 出 found by comparing two annual survey layers (DLTB-like: ``DLBM`` and ``SJNF``).

policy-2024.md §2.2: ``out(y)`` = Σ net area that was 耕地 in the survey of year y−1 (the older layer)
and is 林/园/草/坑塘/设施农用地 in the survey of year y (the newer one), the classes of the profile's
``in_out_balance``.  Each change is the piece shared by an older 耕地 parcel and a newer parcel of
other farmland; its net area deducts 田坎 with the older parcel's KCXS (core.net_area, else the county
table by GDLX × GDPDJB); its capacity uses the older parcel's grade (GDDB or GDDJ) when it has one,
and its paddy part is the piece of a 0101 parcel.  A county code keeps the parcels whose ``ZLDWDM``
(坐落单位代码) starts with it.  Ellipsoidal areas in the older layer's CRS.

The user decides what is recorded (Ledger.record_out), exemptions (生态退耕, 灾毁, 水面自然扩大) marked;
each change has a stable key, so recording the same comparison twice records nothing twice.
"""
from dataclasses import dataclass

from qgis.core import QgsCoordinateTransform, QgsFeatureRequest, QgsProject

from ..i18n import tr
from .area import EllipsoidalArea
from .net_area import load_tiankan_table, net_area
from .units import m2_to_mu
from .writeoff_calculator import (GRADE_FIELDS, CalculatorError, check_polygon_layer, survey_field, survey_grade,
                                  survey_value)


@dataclass
class OutChange:
    """One piece of 耕地 in the older survey that the newer one shows as other farmland."""
    old_parcel: str
    new_parcel: str
    class_from: str
    class_to: str
    year_from: int
    year_to: int
    gross_m2: float
    net_m2: float
    capacity_kg: float = 0.0
    note: str = ""

    @property
    def net_mu(self):
        return m2_to_mu(self.net_m2)

    @property
    def paddy_mu(self):
        return self.net_mu if self.class_from == "0101" else 0.0

    @property
    def occurred_on(self):
        """The change is shown by the survey of ``year_to``: it belongs to that year."""
        return f"{self.year_to}-12-31"

    def key(self, county_code):
        """The idempotency key of its 出 entry: the same change is recorded once."""
        return f"inout-out:{county_code}:{self.year_from}-{self.year_to}:{self.old_parcel}>{self.new_parcel}"


def _year(feature, index, layer):
    text = survey_value(feature, index)
    try:
        number = float(text)
    except (TypeError, ValueError):
        raise CalculatorError(tr("feature {} of the survey layer '{}' has no year in SJNF ({})", feature.id(),
                                 layer.name(), text)) from None
    return int(number)


def _years(layer, index):
    years = set()
    for value in layer.uniqueValues(index):
        try:
            years.add(int(float(str(value))))
        except (TypeError, ValueError):
            continue
    return years


def _fields(layer, what):
    check_polygon_layer(layer, what)
    indexes = {name: survey_field(layer, name) for name in ("DLBM", "SJNF", "BSM", "ZLDWDM", "KCXS", "GDLX",
                                                            "GDPDJB", "GDDB", "GDDJ")}
    for name in ("DLBM", "SJNF"):
        if indexes[name] is None:
            raise CalculatorError(tr("the {} layer '{}' has no field {}", what, layer.name(), name))
    return indexes


def compare_surveys(older, newer, profile, county_code=None, tiankan_table=None, feedback=None):
    """``([OutChange], problems)``: 耕地 of ``older`` shown as other farmland by ``newer``."""
    rule = profile.reform.in_out_balance
    if rule is None:
        raise CalculatorError(tr("rule profile {} keeps no 进出平衡 account (in_out_balance)", profile.id))
    old_fields, new_fields = _fields(older, tr("older survey")), _fields(newer, tr("newer survey"))
    old_years, new_years = _years(older, old_fields["SJNF"]), _years(newer, new_fields["SJNF"])
    if old_years and new_years and max(old_years) >= min(new_years):
        raise CalculatorError(tr("the older survey '{}' is of {}, not older than the newer one '{}' of {}",
                                 older.name(), max(old_years), newer.name(), min(new_years)))
    crs = older.crs()
    to_old = QgsCoordinateTransform(newer.crs(), crs, QgsProject.instance()) if newer.crs() != crs else None
    measure = EllipsoidalArea(crs)
    table = tiankan_table if tiankan_table is not None else load_tiankan_table()
    systems = sorted(GRADE_FIELDS, key=lambda item: item[1] != profile.default_grade_system)

    def in_county(feature, indexes):
        code = survey_value(feature, indexes["ZLDWDM"])
        return county_code is None or code is None or code.startswith(str(county_code))

    changes, problems = [], []
    for new in newer.getFeatures():
        if feedback is not None and feedback.isCanceled():
            break
        class_to = survey_value(new, new_fields["DLBM"]) or ""
        if class_to not in rule.other_farmland_classes or not in_county(new, new_fields):
            continue
        shape = new.geometry()
        if to_old is not None:
            shape.transform(to_old)
        if not shape.isGeosValid():
            shape = shape.makeValid()
        year_to = _year(new, new_fields["SJNF"], newer)
        new_parcel = survey_value(new, new_fields["BSM"]) or tr("feature {}", new.id())
        for old in older.getFeatures(QgsFeatureRequest().setFilterRect(shape.boundingBox())):
            class_from = survey_value(old, old_fields["DLBM"]) or ""
            if class_from not in rule.cultivated_classes or not in_county(old, old_fields):
                continue
            before = old.geometry()
            if not before.isGeosValid():
                before = before.makeValid()
            if not before.intersects(shape):
                continue
            piece = before.intersection(shape)
            gross = measure.area_m2(piece) if not piece.isEmpty() else 0.0
            if gross <= 0:
                continue
            year_from = _year(old, old_fields["SJNF"], older)
            old_parcel = survey_value(old, old_fields["BSM"]) or tr("feature {}", old.id())
            net = net_area(gross, True, class_from, survey_pieces=[(gross, survey_value(old, old_fields["KCXS"]),
                                                                    old_parcel)],
                           survey_slope_level=survey_value(old, old_fields["GDPDJB"]),
                           survey_farmland_type=survey_value(old, old_fields["GDLX"]), table=table)
            change = OutChange(old_parcel, new_parcel, class_from, class_to, year_from, year_to, gross, net.net_m2,
                               note=net.note)
            for name, system in systems:
                grade = survey_grade(survey_value(old, old_fields[name]), system)
                yield_table = profile.yield_table(system) if grade is not None else None
                if yield_table is not None and yield_table.yield_for(grade) is not None:
                    change.capacity_kg = change.net_mu * yield_table.yield_for(grade)
                    break
            else:
                problems.append(tr("parcel {}: no grade (GDDB or GDDJ): its capacity is not counted", old_parcel))
            changes.append(change)
    changes.sort(key=lambda change: (change.old_parcel, change.new_parcel))
    return changes, problems
