# SPDX-License-Identifier: GPL-2.0-or-later
"""Net farmland area: the ellipsoidal plot area less the 田坎 (field ridge) deduction.

data-standards.md §1.1.  Official 耕地 area is net of 田坎: ``net = gross × (1 − KCXS)``.  KCXS is,
in this order:

1. the plot's own ``tiankan_coefficient`` (a user's entry wins);
2. for a plot that was cultivated land before, the KCXS of the land-survey (DLTB) parcels it lies
   on, area-weighted over the covered pieces;
3. paddy after (0101): the table's paddy coefficient (usually 0);
4. the county table's coefficient for the plot's 耕地类型 GDLX (TT 梯田 / PD 坡地) × 耕地坡度级别
   GDPDJB (1–5), from ``resources/data/tiankan_tables/`` (the shipped one is an example, labelled so);
5. none of these known: nothing is deducted and the note says why (never a silent guess).

A KCXS outside [0, 1) is refused (values above 1 suggest percent coding).  Pure Python.
"""
import functools
import os
from dataclasses import dataclass

from .paths import data_path
from .tables import TableError, _check_schema, _load_json, _require

FARMLAND_TYPES = {"TT": "梯田", "PD": "坡地"}
SLOPE_LEVELS = ("1", "2", "3", "4", "5")
PADDY = "0101"

SOURCE_PLOT, SOURCE_SURVEY, SOURCE_TABLE, SOURCE_PADDY, SOURCE_NONE = "plot", "survey", "table", "paddy", "none"


def clean_slope_level(value):
    """'1'–'5' from a GDPDJB value (1, '1', '1.0', ' 2 '), or None."""
    if value is None:
        return None
    text = str(value).strip()
    if text.upper() in ("", "NULL", "NONE"):
        return None
    try:
        number = float(text)
    except ValueError:
        return None
    if number != int(number) or str(int(number)) not in SLOPE_LEVELS:
        return None
    return str(int(number))


def clean_farmland_type(value):
    """'TT' or 'PD' from a GDLX value (codes or the Chinese names), or None."""
    if value is None:
        return None
    text = str(value).strip().upper()
    for code, name in FARMLAND_TYPES.items():
        if text in (code, name):
            return code
    return None


def coefficient_problem(value):
    """'' for a usable KCXS, else what is wrong with it."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return f"KCXS '{value}' is not a number"
    if number != number or not 0.0 <= number < 1.0:
        hint = " (percent coding?)" if number >= 1.0 else ""
        return f"KCXS {number:g} is outside [0, 1){hint}"
    return ""


@dataclass(frozen=True)
class TiankanTable:
    id: str
    name_zh: str
    name_en: str
    example: bool
    coefficients: dict          # 'TT'/'PD' -> {'1'..'5': coefficient}
    paddy_coefficient: float
    default_farmland_type: str
    source_path: str = ""

    def coefficient(self, farmland_type, slope_level):
        return self.coefficients[farmland_type][slope_level]


def _table_path(table_id):
    if os.path.sep in str(table_id) or str(table_id).endswith(".json"):
        return str(table_id)
    return data_path("tiankan_tables", f"{table_id}.json")


@functools.lru_cache(maxsize=None)
def load_tiankan_table(table_id="example_county"):
    """A county 田坎 table by id (``resources/data/tiankan_tables/<id>.json``) or by path, checked."""
    path = _table_path(table_id)
    doc = _load_json(path)
    _check_schema(doc, path, "tiankan_table")
    raw = _require(doc, path, "coefficients", dict)
    coefficients = {}
    for farmland_type in FARMLAND_TYPES:
        levels = _require(raw, path, farmland_type, dict, "coefficients: ")
        row = {}
        for level in SLOPE_LEVELS:
            if level not in levels:
                raise TableError(f"{path}: coefficients.{farmland_type} has no slope level {level}")
            problem = coefficient_problem(levels[level])
            if problem:
                raise TableError(f"{path}: coefficients.{farmland_type}.{level}: {problem}")
            row[level] = float(levels[level])
        coefficients[farmland_type] = row
    paddy = _require(doc, path, "paddy_coefficient", (int, float))
    if coefficient_problem(paddy):
        raise TableError(f"{path}: paddy_coefficient: {coefficient_problem(paddy)}")
    default_type = _require(doc, path, "default_farmland_type", str)
    if default_type not in FARMLAND_TYPES:
        raise TableError(f"{path}: default_farmland_type should be one of {sorted(FARMLAND_TYPES)}")
    return TiankanTable(_require(doc, path, "id", str), _require(doc, path, "name_zh", str),
                        _require(doc, path, "name_en", str), bool(_require(doc, path, "example", bool)),
                        coefficients, float(paddy), default_type, path)


@dataclass
class NetArea:
    """Gross, 田坎 and net area of one plot, the coefficient used and where it came from."""
    gross_m2: float
    coefficient: float = None
    tiankan_m2: float = 0.0
    source: str = SOURCE_NONE
    note: str = ""
    error: str = ""             # a refusal: the plot's own KCXS is unusable

    @property
    def net_m2(self):
        return self.gross_m2 - self.tiankan_m2

    @property
    def net_ratio(self):
        return self.net_m2 / self.gross_m2 if self.gross_m2 else 1.0


def _weighted_survey_coefficient(pieces):
    """(coefficient, parcels used, notes) from ``[(area_m2, kcxs, label)]``; None when none is usable."""
    weight = weighted = 0.0
    used = 0
    notes = []
    for area, value, label in pieces:
        if value is None or str(value).strip() == "":
            continue
        problem = coefficient_problem(value)
        if problem:
            notes.append(f"{label}: {problem}, ignored")
            continue
        weight += area
        weighted += area * float(value)
        used += 1
    if weight <= 0:
        return None, 0, notes
    return weighted / weight, used, notes


def net_area(gross_m2, was_cultivated, class_after=None, plot_coefficient=None, farmland_type=None,
             slope_level=None, survey_pieces=(), survey_slope_level=None, survey_farmland_type=None, table=None):
    """The ``NetArea`` of one plot (see the module's order of sources).

    ``survey_pieces``: ``[(area_m2, KCXS value, label)]`` of the land-survey parcels under the plot.
    """
    gross_m2 = float(gross_m2 or 0.0)
    result = NetArea(gross_m2)
    if plot_coefficient is not None and str(plot_coefficient).strip() not in ("", "NULL"):
        problem = coefficient_problem(plot_coefficient)
        if problem:
            result.error = f"tiankan_coefficient: {problem}"
            return result
        return _deduct(result, float(plot_coefficient), SOURCE_PLOT, f"KCXS {float(plot_coefficient):g} of the plot")
    notes = []
    if was_cultivated and survey_pieces:
        coefficient, used, notes = _weighted_survey_coefficient(survey_pieces)
        if coefficient is not None:
            text = f"KCXS {coefficient:.4f} of the land survey (area-weighted over {used} parcel(s))"
            return _deduct(result, coefficient, SOURCE_SURVEY, "; ".join([text] + notes))
    if table is None:
        result.note = "; ".join(["田坎 not deducted: no 田坎 table"] + notes)
        return result
    example = " (example table)" if table.example else ""
    if str(class_after or "").strip() == PADDY:
        return _deduct(result, table.paddy_coefficient, SOURCE_PADDY,
                       "; ".join([f"KCXS {table.paddy_coefficient:g} for paddy from table {table.id}{example}"]
                                 + notes))
    level = clean_slope_level(slope_level) or clean_slope_level(survey_slope_level)
    if level is None:
        result.note = "; ".join(["田坎 not deducted: 耕地坡度级别 (GDPDJB) unknown"] + notes)
        return result
    kind = clean_farmland_type(farmland_type) or clean_farmland_type(survey_farmland_type)
    if kind is None:
        kind = table.default_farmland_type
        notes.append(f"耕地类型 (GDLX) unknown, {kind} assumed")
    coefficient = table.coefficient(kind, level)
    text = f"KCXS {coefficient:g} for GDLX {kind} × GDPDJB {level} from table {table.id}{example}"
    return _deduct(result, coefficient, SOURCE_TABLE, "; ".join([text] + notes))


def _deduct(result, coefficient, source, note):
    result.coefficient = coefficient
    result.tiankan_m2 = result.gross_m2 * coefficient
    result.source = source
    result.note = note
    return result
