# SPDX-License-Identifier: GPL-2.0-or-later
"""The write-off calculator: what a construction footprint occupies, from the land survey under it.

policy-2024.md §2.5 (provincial 报批 checklist, secondary):

- occupied 耕地 = the footprint's pieces of survey parcels (DLTB, ``DLBM``) whose class is cultivated
  (0101/0102/0103) or one of the 三调 可调整 (…K) classes the land-class data counts as 耕地 where
  construction occupies it (``occupied_as_cultivated``);
- each piece net of 田坎: ellipsoidal piece area × (1 − KCXS of its parcel), by ``core.net_area`` (the
  county table by GDLX × GDPDJB where the parcel has no KCXS);
- capacity = Σ net 亩 × Y(grade) with the grade of the parcel in its own system (``GDDB`` 1–15 →
  use_grade_15, ``GDDJ`` 1–10 → quality_level_10, the profile's default system first), a default grade
  given by the user for parcels without one, else the parcel is named and left out of the capacity;
- paddy = the net 0101 part;
- fee = Σ net 亩 × rate(class, grade) × (the profile's ``pbf_fee_multiplier`` for the part inside
  permanent basic farmland, 1 elsewhere).

Areas are ellipsoidal (CGCS2000) in the survey layer's CRS; the footprint is transformed into it and its
features merged first (overlapping footprint features count once).  Survey parcels overlapping each
other are an error in a DLTB and are not merged: each piece counts.
"""
from dataclasses import dataclass, field

from qgis.core import QgsCoordinateTransform, QgsFeatureRequest, QgsGeometry, QgsProject, QgsWkbTypes

from . import tables
from ..i18n import tr
from .area import EllipsoidalArea
from .ledger import Amounts
from .ledger.rules import cultivation_fee, pbf_fee_multiplier
from .net_area import load_tiankan_table, net_area
from .units import m2_to_mu

# the grade fields of a survey parcel and the grade system each one is in (data-standards.md §1)
GRADE_FIELDS = (("GDDB", "use_grade_15"), ("GDDJ", "quality_level_10"))
PADDY = "0101"


class CalculatorError(ValueError):
    """A layer the calculator cannot use; the message names the layer or field."""


@dataclass
class OccupiedPiece:
    """The footprint's piece of one survey parcel that counts as 耕地."""
    parcel: str                 # the parcel's 标识码 (BSM) or feature id
    class_code: str
    gross_m2: float
    net_m2: float
    tiankan_note: str
    grade: int = None
    grade_system: str = ""
    capacity_kg: float = 0.0
    basic_farmland_mu: float = 0.0     # net 亩 of the piece inside permanent basic farmland
    fee_per_mu: float = None
    fee_yuan: float = None
    note: str = ""

    @property
    def net_mu(self):
        return m2_to_mu(self.net_m2)

    @property
    def paddy_mu(self):
        return self.net_mu if self.class_code == PADDY else 0.0


@dataclass
class Occupation:
    """What a footprint occupies: the pieces, their sums, the fee and what could not be computed."""
    profile_id: str
    footprint_m2: float = 0.0
    pieces: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    multiplier: float = 1.0

    @property
    def gross_mu(self):
        return m2_to_mu(sum(piece.gross_m2 for piece in self.pieces))

    @property
    def net_mu(self):
        return m2_to_mu(sum(piece.net_m2 for piece in self.pieces))

    @property
    def tiankan_mu(self):
        return self.gross_mu - self.net_mu

    @property
    def amounts(self):
        """Area (net 亩), capacity (kg) and paddy (亩) to write off."""
        return Amounts(self.net_mu, sum(piece.capacity_kg for piece in self.pieces),
                       sum(piece.paddy_mu for piece in self.pieces))

    @property
    def basic_farmland_mu(self):
        return sum(piece.basic_farmland_mu for piece in self.pieces)

    @property
    def adjustable_mu(self):
        """The net part on 可调整 (…K) classes, counted as 耕地."""
        return sum(piece.net_mu for piece in self.pieces if piece.class_code.endswith("K"))

    @property
    def fee_yuan(self):
        fees = [piece.fee_yuan for piece in self.pieces if piece.fee_yuan is not None]
        return sum(fees) if fees else None

    @property
    def complete(self):
        return not self.problems

    def fee_text(self):
        if self.fee_yuan is None:
            return tr("Cultivation fee: no rate for the occupied land in the profile's fee table")
        text = tr("Cultivation fee due (耕地开垦费): {:,.0f} yuan for {:,.4f} mu", self.fee_yuan, self.net_mu)
        if self.basic_farmland_mu > 0:
            text += tr(", of which {:,.4f} mu inside permanent basic farmland at {:g}×", self.basic_farmland_mu,
                       self.multiplier)
        missing = [piece.parcel for piece in self.pieces if piece.fee_yuan is None]
        if missing:
            text += tr("; no rate for parcels {}", ", ".join(missing))
        return text

    def note(self):
        """The write-off's note: how the figures were found."""
        classes = sorted({piece.class_code for piece in self.pieces})
        return tr("from a footprint: {} parcels ({}), gross {:.4f} mu, 田坎 {:.4f} mu, net {:.4f} mu (可调整 {:.4f} "
                  "mu); permanent basic farmland {:.4f} mu; fee {:,.0f} yuan", len(self.pieces), ", ".join(classes),
                  self.gross_mu, self.tiankan_mu, self.net_mu, self.adjustable_mu, self.basic_farmland_mu,
                  self.fee_yuan or 0)


def survey_field(layer, name):
    index = layer.fields().lookupField(name)   # case-insensitive: DLBM, dlbm
    return index if index >= 0 else None


def survey_value(feature, index):
    if index is None:
        return None
    value = feature.attribute(index)
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    text = str(value).strip()
    return text or None


def survey_grade(text, system):
    try:
        number = float(text)
    except (TypeError, ValueError):
        return None
    grade_system = tables.grade_systems()[system]
    return int(number) if number == int(number) and grade_system.is_valid(int(number)) else None


def merged_geometry(layer, crs, selected_only=False, feedback=None):
    """The footprint's features merged into one valid geometry in ``crs``."""
    transform = QgsCoordinateTransform(layer.crs(), crs, QgsProject.instance()) if layer.crs() != crs else None
    features = layer.getSelectedFeatures() if selected_only else layer.getFeatures()
    parts = []
    for feature in features:
        if feedback is not None and feedback.isCanceled():
            break
        geometry = QgsGeometry(feature.geometry())
        if geometry.isEmpty():
            continue
        if transform is not None:
            geometry.transform(transform)
        parts.append(geometry if geometry.isGeosValid() else geometry.makeValid())
    if not parts:
        raise CalculatorError(tr("the footprint layer '{}' has no polygon{}", layer.name(),
                                 tr(" selected") if selected_only else ""))
    return QgsGeometry.unaryUnion(parts) if len(parts) > 1 else parts[0]


def check_polygon_layer(layer, what):
    if layer is None or not layer.isValid():
        raise CalculatorError(tr("the {} layer cannot be read", what))
    if layer.geometryType() != QgsWkbTypes.GeometryType.PolygonGeometry:
        raise CalculatorError(tr("the {} layer '{}' is not a polygon layer", what, layer.name()))
    if not layer.crs().isValid():
        raise CalculatorError(tr("the {} layer '{}' has no coordinate reference system", what, layer.name()))


def calculate(footprint_layer, survey_layer, profile, basic_farmland_layer=None, tiankan_table=None,
              default_grade=None, selected_only=False, feedback=None):
    """The Occupation of ``footprint_layer`` (a construction project's land) over ``survey_layer`` (DLTB)."""
    check_polygon_layer(footprint_layer, tr("footprint"))
    check_polygon_layer(survey_layer, tr("land survey"))
    class_index = survey_field(survey_layer, "DLBM")
    if class_index is None:
        raise CalculatorError(tr("the land survey layer '{}' has no field DLBM (地类编码)", survey_layer.name()))
    if basic_farmland_layer is not None:
        check_polygon_layer(basic_farmland_layer, tr("permanent basic farmland"))
    crs = survey_layer.crs()
    footprint = merged_geometry(footprint_layer, crs, selected_only, feedback)
    measure = EllipsoidalArea(crs)
    table = tiankan_table if tiankan_table is not None else load_tiankan_table()
    indexes = {name: survey_field(survey_layer, name) for name in ("BSM", "KCXS", "GDLX", "GDPDJB", "GDDB", "GDDJ")}
    classes = tables.land_classes()
    result = Occupation(profile.id, measure.area_m2(footprint), multiplier=pbf_fee_multiplier(profile))
    protected = merged_geometry(basic_farmland_layer, crs) if basic_farmland_layer is not None else None
    systems = sorted(GRADE_FIELDS, key=lambda item: item[1] != profile.default_grade_system)
    request = QgsFeatureRequest().setFilterRect(footprint.boundingBox())
    for feature in survey_layer.getFeatures(request):
        if feedback is not None and feedback.isCanceled():
            break
        code = survey_value(feature, class_index) or ""
        entry = classes.get(code)
        shape = feature.geometry()
        if entry is None or not entry.counts_as_occupied_farmland or shape.isEmpty() or \
                not shape.intersects(footprint):
            continue
        if not shape.isGeosValid():
            shape = shape.makeValid()
        piece = shape.intersection(footprint)
        gross = measure.area_m2(piece) if not piece.isEmpty() else 0.0
        if gross <= 0:
            continue
        parcel = survey_value(feature, indexes["BSM"]) or tr("feature {}", feature.id())
        net = net_area(gross, True, code, survey_pieces=[(gross, survey_value(feature, indexes["KCXS"]), parcel)],
                       survey_slope_level=survey_value(feature, indexes["GDPDJB"]),
                       survey_farmland_type=survey_value(feature, indexes["GDLX"]), table=table)
        occupied = OccupiedPiece(parcel, code, gross, net.net_m2, net.note)
        for name, system in systems:
            grade = survey_grade(survey_value(feature, indexes[name]), system)
            if grade is not None:
                occupied.grade, occupied.grade_system = grade, system
                break
        if occupied.grade is None and default_grade is not None:
            occupied.grade, occupied.grade_system = int(default_grade), profile.default_grade_system
            occupied.note = tr("no GDDB/GDDJ: the default grade {} taken", default_grade)
        yield_table = profile.yield_table(occupied.grade_system) if occupied.grade is not None else None
        if occupied.grade is None:
            result.problems.append(tr("parcel {} ({}): no grade (GDDB or GDDJ) and no default grade: its capacity is "
                                      "not computed", parcel, code))
        elif yield_table is None or yield_table.yield_for(occupied.grade) is None:
            result.problems.append(tr("parcel {} ({}): rule profile {} has no yield for {} grade {}", parcel, code,
                                      profile.id, occupied.grade_system, occupied.grade))
        else:
            occupied.capacity_kg = occupied.net_mu * yield_table.yield_for(occupied.grade)
        if protected is not None:
            inside = measure.area_m2(piece.intersection(protected))
            occupied.basic_farmland_mu = occupied.net_mu * min(inside / gross, 1.0)
        if occupied.grade is not None:
            occupied.fee_per_mu, occupied.fee_yuan = cultivation_fee(occupied.net_mu, code, occupied.grade, profile,
                                                                     occupied.basic_farmland_mu)
        result.pieces.append(occupied)
    result.pieces.sort(key=lambda piece: piece.parcel)
    return result
