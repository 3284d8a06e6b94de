# SPDX-License-Identifier: GPL-2.0-or-later
"""``doubleguarantee:ledgerwriteoff``: write a construction project's occupation off a county reserve."""
from qgis.core import (QgsProcessingException, QgsProcessingOutputBoolean,
                       QgsProcessingOutputNumber, QgsProcessingOutputString, QgsProcessingParameterNumber,
                       QgsProcessingParameterString)

from ...core.ledger import (Amounts, LedgerError, ShortfallError, cultivation_fee, occupied_amounts,
                            open_ledger)
from ...i18n import tr
from ..base import DoubleGuaranteeAlgorithm


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
                  "once. FEE_YUAN is the cultivation fee due under the rule profile's fee table.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterString(
            self.LEDGER, tr("Ledger (GeoPackage file or PostgreSQL connection name)")))
        self.addParameter(QgsProcessingParameterString(self.COUNTY, tr("County code")))
        self.addParameter(QgsProcessingParameterString(self.PROJECT_CODE, tr("Construction project code")))
        self.addParameter(QgsProcessingParameterString(self.PROJECT_NAME, tr("Construction project name"),
                                                       optional=True))
        double = QgsProcessingParameterNumber.Type.Double
        self.addParameter(QgsProcessingParameterNumber(self.AREA_MU, tr("Occupied cultivated area (mu)"), double,
                                                       minValue=0))
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
        self.add_rule_profile_parameter()
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

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        target = self.parameterAsString(parameters, self.LEDGER, context).strip()
        profile = self.rule_profile(parameters, context)
        area = self.parameterAsDouble(parameters, self.AREA_MU, context)
        capacity = self._number(parameters, self.CAPACITY_KG, context)
        paddy = self._number(parameters, self.PADDY_MU, context)
        class_code = self.parameterAsString(parameters, self.CLASS_CODE, context).strip()
        grade = parameters.get(self.GRADE)
        fee = None
        try:
            if class_code and grade not in (None, ""):
                grade = self.parameterAsInt(parameters, self.GRADE, context)
                computed = occupied_amounts(area, class_code, grade, profile)
                capacity = computed.capacity_kg if capacity is None else capacity
                paddy = computed.paddy_mu if paddy is None else paddy
                fee = cultivation_fee(area, class_code, grade, profile)[1]
            if capacity is None:
                raise QgsProcessingException(tr("Give CAPACITY_KG, or CLASS_CODE and GRADE to compute it"))
            amounts = Amounts(area, capacity, paddy or 0.0)
            ledger = open_ledger(target, create=False)
        except LedgerError as exc:
            raise QgsProcessingException(str(exc)) from exc
        try:
            result = ledger.write_off(self.parameterAsString(parameters, self.COUNTY, context).strip(),
                                      self.parameterAsString(parameters, self.PROJECT_CODE, context).strip(),
                                      self.parameterAsString(parameters, self.PROJECT_NAME, context).strip(),
                                      amounts, self.parameterAsString(parameters, self.DATE, context).strip(),
                                      self.parameterAsString(parameters, self.KEY, context).strip() or None)
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
        if after is not None:
            outputs.update(AREA_MU_AFTER=after.area_mu, CAPACITY_KG_AFTER=after.capacity_kg,
                           PADDY_MU_AFTER=after.paddy_mu)
        return outputs
