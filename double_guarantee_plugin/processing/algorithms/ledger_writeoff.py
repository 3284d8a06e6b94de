# SPDX-License-Identifier: GPL-2.0-or-later
"""``doubleguarantee:ledgerwriteoff``: write a construction project's occupation off a county reserve."""
from qgis.core import (QgsProcessing, QgsProcessingException, QgsProcessingOutputBoolean, QgsProcessingOutputNumber,
                       QgsProcessingOutputString, QgsProcessingParameterNumber, QgsProcessingParameterString,
                       QgsProcessingParameterVectorLayer)

from ...core.ledger import (Amounts, LedgerError, ShortfallError, cultivation_fee, occupied_amounts,
                            open_ledger)
from ...core.ledger.accounts import operation_profile
from ...core.writeoff_calculator import CalculatorError, calculate
from ...i18n import tr
from ..base import DoubleGuaranteeAlgorithm
from ..standard_defaults import preset_layer, recognised_layers


def shortfall_text(error):
    """The shortfall per indicator and the counties that could sell, for a message."""
    parts = []
    if error.shortfall.area_mu > 0:
        parts.append(tr("area short by {:.4f} mu ({:.4f} ha)", error.shortfall.area_mu, error.shortfall.area_ha))
    if error.shortfall.capacity_kg > 0:
        parts.append(tr("grain capacity short by {:.1f} kg", error.shortfall.capacity_kg))
    if error.shortfall.paddy_mu > 0:
        parts.append(tr("paddy short by {:.4f} mu", error.shortfall.paddy_mu))
    text = tr("County {} cannot cover this: {}.", error.county_code, "; ".join(parts))
    if error.sellers:
        text += " " + tr("Counties of the province that could sell (cheapest first): {}", "; ".join(
            tr("{} {} at {:.0f} yuan/mu{}", s.county_code, s.name_zh, s.price_yuan_per_mu,
               tr(" (poor county, priority)") if s.poor else "") for s in error.sellers))
    else:
        text += " " + tr("No county of the province holds enough to sell.")
    return text


class LedgerWriteOffAlgorithm(DoubleGuaranteeAlgorithm):
    GROUP_ID = "ledger"
    LEDGER, COUNTY, PROJECT_CODE, PROJECT_NAME = "LEDGER", "COUNTY", "PROJECT_CODE", "PROJECT_NAME"
    AREA_MU, CAPACITY_KG, PADDY_MU, CLASS_CODE, GRADE = "AREA_MU", "CAPACITY_KG", "PADDY_MU", "CLASS_CODE", "GRADE"
    DATE, KEY, RULE_PROFILE = "DATE", "IDEMPOTENCY_KEY", "RULE_PROFILE"
    DZJGH, AJBH, OCCUPATION_KIND, BASIC_FARMLAND_MU = "DZJGH", "AJBH", "OCCUPATION_KIND", "BASIC_FARMLAND_MU"
    FOOTPRINT, SURVEY, BASIC_FARMLAND, DEFAULT_GRADE = "FOOTPRINT", "SURVEY", "BASIC_FARMLAND", "DEFAULT_GRADE"

    def name(self):
        return "ledgerwriteoff"

    def displayName(self):  # noqa: N802
        return tr("Reserve ledger write-off")

    def shortHelpString(self):  # noqa: N802
        return tr("Writes a construction project's occupied cultivated land off the county reserve: area, grain "
                  "capacity and paddy together, or nothing. Give the three amounts, or the occupied area with "
                  "the land class and grade and the capacity and paddy are computed with the rule profile's yield "
                  "table. A county that cannot cover it is refused with the shortfall per indicator and the "
                  "counties of the province that could sell, cheapest first. The same IDEMPOTENCY_KEY is applied "
                  "once. FEE_YUAN is the cultivation fee due under the rule profile's fee table, the part inside "
                  "permanent basic farmland (BASIC_FARMLAND_MU) at the profile's multiplier. RULE_PROFILE empty: "
                  "the profile of the write-off date (national_2017 before 2025-01-01, national_2024 from then "
                  "on); national_2024 requires DZJGH (电子监管号) and AJBH (案卷编号), refuses credits still "
                  "waiting for their change-survey confirmation, and a national_2017 write-off dated 2025-01-01 "
                  "or later is refused. With FOOTPRINT (the construction project's polygons) and SURVEY (the land "
                  "survey DLTB), the occupied farmland, capacity, paddy and fee are calculated instead: the "
                  "cultivated and 可调整 (K) classes under the footprint, net of 田坎 (KCXS, or the county table), "
                  "capacity by each parcel's GDDB or GDDJ (DEFAULT_GRADE for parcels without), the part inside "
                  "BASIC_FARMLAND at the fee multiplier.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterString(
            self.LEDGER, tr("Ledger (GeoPackage file or PostgreSQL connection name)")))
        self.addParameter(QgsProcessingParameterString(self.COUNTY, tr("County code")))
        self.addParameter(QgsProcessingParameterString(self.PROJECT_CODE, tr("Construction project code")))
        self.addParameter(QgsProcessingParameterString(self.PROJECT_NAME, tr("Construction project name"),
                                                       optional=True))
        double = QgsProcessingParameterNumber.Type.Double
        self.addParameter(QgsProcessingParameterNumber(self.AREA_MU, tr("Occupied cultivated area (mu)"), double,
                                                       minValue=0, optional=True))
        self.addParameter(QgsProcessingParameterNumber(self.CAPACITY_KG, tr("Occupied grain capacity (kg)"), double,
                                                       minValue=0, optional=True))
        self.addParameter(QgsProcessingParameterNumber(self.PADDY_MU, tr("Occupied paddy (mu)"), double,
                                                       minValue=0, optional=True))
        self.addParameter(QgsProcessingParameterString(self.CLASS_CODE, tr("Land class of the occupied land"),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterNumber(self.GRADE, tr("Grade of the occupied land"),
                                                       QgsProcessingParameterNumber.Type.Integer, optional=True))
        self.addParameter(QgsProcessingParameterString(self.DATE, tr("Write-off date (YYYY-MM-DD)")))
        self.addParameter(QgsProcessingParameterString(self.KEY, tr("Idempotency key (retries are applied once)"),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterString(self.DZJGH, tr("电子监管号 (DZJGH)"), optional=True))
        self.addParameter(QgsProcessingParameterString(self.AJBH, tr("案卷编号 (AJBH)"), optional=True))
        self.addParameter(QgsProcessingParameterString(self.OCCUPATION_KIND, tr("Occupation kind (empty: "
                                                                               "construction)"), optional=True))
        self.addParameter(QgsProcessingParameterNumber(self.BASIC_FARMLAND_MU,
                                                       tr("Of it inside permanent basic farmland (mu)"), double,
                                                       minValue=0, optional=True))
        polygons = [QgsProcessing.SourceType.TypeVectorPolygon]
        self.addParameter(QgsProcessingParameterVectorLayer(self.FOOTPRINT, tr("Construction footprint (calculates "
                                                                               "the amounts)"), polygons, optional=True))
        # the dialog starts with the county layers recognised by their field codes (scripts unaffected)
        found = recognised_layers()
        self.addParameter(preset_layer(QgsProcessingParameterVectorLayer(
            self.SURVEY, tr("Land survey (DLTB)"), polygons, optional=True), found.get("land_survey")))
        self.addParameter(preset_layer(QgsProcessingParameterVectorLayer(
            self.BASIC_FARMLAND, tr("Permanent basic farmland"), polygons, optional=True), found.get("basic_farmland")))
        self.addParameter(QgsProcessingParameterNumber(self.DEFAULT_GRADE, tr("Default grade for parcels without "
                                                                              "GDDB/GDDJ"),
                                                       QgsProcessingParameterNumber.Type.Integer, optional=True))
        self.add_rule_profile_parameter()
        for name, label in (("GROSS_MU", tr("Occupied farmland, gross (mu)")), ("TIANKAN_MU", tr("田坎 (mu)")),
                            ("ADJUSTABLE_MU", tr("Of it 可调整 classes (mu)"))):
            self.addOutput(QgsProcessingOutputNumber(name, label))
        for name, label in (("ENTRY_ID", tr("Journal entry")), ("AREA_MU_AFTER", tr("Area balance after (mu)")),
                            ("CAPACITY_KG_AFTER", tr("Capacity balance after (kg)")),
                            ("PADDY_MU_AFTER", tr("Paddy balance after (mu)")),
                            ("FEE_YUAN", tr("Cultivation fee due (yuan)"))):
            self.addOutput(QgsProcessingOutputNumber(name, label))
        self.addOutput(QgsProcessingOutputBoolean("APPLIED", tr("Applied now (false: applied before)")))
        self.addOutput(QgsProcessingOutputString("MESSAGE", tr("Message")))

    def _number(self, parameters, name, context):
        value = parameters.get(name)
        if value is None or value == "":
            return None
        return self.parameterAsDouble(parameters, name, context)

    def _profile_id(self, parameters, context):
        """The profile named, else the one of the write-off date (not the QGIS project's: a write-off
        follows the rules of its date)."""
        named = self.parameterAsString(parameters, self.RULE_PROFILE, context)
        if named:
            return named
        date = self.parameterAsString(parameters, self.DATE, context).strip()
        try:
            return operation_profile(None, date).id
        except ValueError:
            return super()._profile_id(parameters, context)

    def _calculate(self, footprint, parameters, context, profile, feedback):
        """The write-off calculator over FOOTPRINT and SURVEY (core.writeoff_calculator)."""
        survey = self.parameterAsVectorLayer(parameters, self.SURVEY, context)
        if survey is None:
            raise QgsProcessingException(tr("FOOTPRINT needs SURVEY, the land survey (DLTB) under it"))
        default = parameters.get(self.DEFAULT_GRADE)
        occupation = calculate(footprint, survey, profile,
                               self.parameterAsVectorLayer(parameters, self.BASIC_FARMLAND, context),
                               default_grade=None if default in (None, "") else
                               self.parameterAsInt(parameters, self.DEFAULT_GRADE, context))
        if not occupation.pieces:
            raise QgsProcessingException(tr("The footprint occupies no cultivated land in {}", survey.name()))
        if occupation.problems:
            raise QgsProcessingException("; ".join(occupation.problems))
        feedback.pushInfo(occupation.note())
        return occupation

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        target = self.parameterAsString(parameters, self.LEDGER, context).strip()
        profile = self.rule_profile(parameters, context)
        area = self._number(parameters, self.AREA_MU, context)
        capacity = self._number(parameters, self.CAPACITY_KG, context)
        paddy = self._number(parameters, self.PADDY_MU, context)
        class_code = self.parameterAsString(parameters, self.CLASS_CODE, context).strip()
        grade = parameters.get(self.GRADE)
        fee = occupation = None
        footprint = self.parameterAsVectorLayer(parameters, self.FOOTPRINT, context)
        try:
            if footprint is not None:
                occupation = self._calculate(footprint, parameters, context, profile, feedback)
                area, capacity, paddy = (occupation.amounts.area_mu, occupation.amounts.capacity_kg,
                                         occupation.amounts.paddy_mu)
                fee = occupation.fee_yuan
            elif area is None:
                raise QgsProcessingException(tr("Give AREA_MU, or FOOTPRINT and SURVEY to calculate it"))
            elif class_code and grade not in (None, ""):
                grade = self.parameterAsInt(parameters, self.GRADE, context)
                computed = occupied_amounts(area, class_code, grade, profile)
                capacity = computed.capacity_kg if capacity is None else capacity
                paddy = computed.paddy_mu if paddy is None else paddy
                inside = self._number(parameters, self.BASIC_FARMLAND_MU, context) or 0.0
                fee = cultivation_fee(area, class_code, grade, profile, inside)[1]
            if capacity is None:
                raise QgsProcessingException(tr("Give CAPACITY_KG, or CLASS_CODE and GRADE to compute it"))
            amounts = Amounts(area, capacity, paddy or 0.0)
            ledger = open_ledger(target, create=False)
        except (LedgerError, CalculatorError) as exc:
            raise QgsProcessingException(str(exc)) from exc
        try:
            result = ledger.write_off(self.parameterAsString(parameters, self.COUNTY, context).strip(),
                                      self.parameterAsString(parameters, self.PROJECT_CODE, context).strip(),
                                      self.parameterAsString(parameters, self.PROJECT_NAME, context).strip(),
                                      amounts, self.parameterAsString(parameters, self.DATE, context).strip(),
                                      self.parameterAsString(parameters, self.KEY, context).strip() or None,
                                      note=occupation.note() if occupation is not None else None,
                                      profile=profile,
                                      dzjgh=self.parameterAsString(parameters, self.DZJGH, context).strip() or None,
                                      ajbh=self.parameterAsString(parameters, self.AJBH, context).strip() or None,
                                      occupation_kind=self.parameterAsString(parameters, self.OCCUPATION_KIND,
                                                                             context).strip() or None)
        except ShortfallError as exc:
            raise QgsProcessingException(shortfall_text(exc)) from exc
        except LedgerError as exc:
            raise QgsProcessingException(str(exc)) from exc
        finally:
            ledger.close()
        entry = result.entry
        after = result.balances_after.get(entry.county_code) if result.applied else None
        message = (tr("Written off entry {}: {:.4f} mu, {:.1f} kg, {:.4f} mu paddy from county {}", entry.entry_id,
                      entry.amounts.area_mu, entry.amounts.capacity_kg, entry.amounts.paddy_mu, entry.county_code)
                   if result.applied else tr("Already applied as entry {} (same idempotency key)", entry.entry_id))
        feedback.pushInfo(message)
        outputs = {"ENTRY_ID": entry.entry_id, "APPLIED": result.applied, "MESSAGE": message, "FEE_YUAN": fee}
        if occupation is not None:
            outputs.update(GROSS_MU=occupation.gross_mu, TIANKAN_MU=occupation.tiankan_mu,
                           ADJUSTABLE_MU=occupation.adjustable_mu)
        if after is not None:
            outputs.update(AREA_MU_AFTER=after.area_mu, CAPACITY_KG_AFTER=after.capacity_kg,
                           PADDY_MU_AFTER=after.paddy_mu)
        return outputs
