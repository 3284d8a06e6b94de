# SPDX-License-Identifier: GPL-2.0-or-later
"""``doubleguarantee:provinceyearbalance``: the province-year view (以补定占) as a table."""
from qgis.core import (QgsFeature, QgsFeatureSink, QgsField, QgsFields, QgsProcessing, QgsProcessingException,
                       QgsProcessingOutputBoolean, QgsProcessingOutputNumber, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterFile, QgsProcessingParameterNumber, QgsProcessingParameterString,
                       QgsWkbTypes)
from qgis.PyQt.QtCore import QVariant

from ...core.ledger import LedgerError, open_ledger
from ...core.province_year import ledger_inputs, province_year_balance
from ...core.workflow import GeoPackageWorkflowStore, WorkflowError
from ...i18n import tr
from ..base import DoubleGuaranteeAlgorithm

# one row per county and one for the whole province (row = 'county' / 'province')
OUTPUT_FIELDS = [
    ("row", QVariant.String), ("county_code", QVariant.String), ("county_name", QVariant.String),
    ("year", QVariant.Int),
    ("deposited_area_mu", QVariant.Double), ("deposited_capacity_kg", QVariant.Double),
    ("deposited_paddy_mu", QVariant.Double), ("pending_area_mu", QVariant.Double),
    ("pending_projects", QVariant.String), ("in_out_in_mu", QVariant.Double),
    ("in_out_out_mu", QVariant.Double),
    ("net_increase_mu", QVariant.Double),
    ("written_off_next_mu", QVariant.Double), ("committed_next_mu", QVariant.Double),
    ("planned_next_mu", QVariant.Double), ("occupation_next_mu", QVariant.Double),
    ("occupation_next_capacity_kg", QVariant.Double), ("occupation_next_paddy_mu", QVariant.Double),
    ("margin_mu", QVariant.Double), ("balanced", QVariant.Bool),
]


def _values(kind, row, year, balanced=None):
    occupation = row.occupation_next
    return [kind, row.county_code, row.county_name, year, row.deposited.area_mu, row.deposited.capacity_kg,
            row.deposited.paddy_mu, row.pending.area_mu, ", ".join(sorted(set(row.pending_projects))) or None,
            row.in_mu, row.out_mu, row.net_increase_mu, row.written_off_next.area_mu, row.committed_next.area_mu,
            row.planned_next.area_mu, occupation.area_mu, occupation.capacity_kg, occupation.paddy_mu, row.margin_mu,
            balanced]


class ProvinceYearBalanceAlgorithm(DoubleGuaranteeAlgorithm):
    GROUP_ID = "ledger"
    LEDGER, PROVINCE, YEAR, PROJECT_DATABASE, OUTPUT = "LEDGER", "PROVINCE", "YEAR", "PROJECT_DATABASE", "OUTPUT"

    def name(self):
        return "provinceyearbalance"

    def displayName(self):  # noqa: N802
        return tr("Province-year balance (以补定占)")

    def shortHelpString(self):  # noqa: N802
        return tr("For a province and a year N: the net stable farmland increase of its county reserves in N "
                  "(deposits dated in N, not reversed, plus the in-out balance) against the occupation of N+1 "
                  "(write-offs dated in N+1 and commitments due in N+1). One row per county and one for the "
                  "province; balanced when the province's margin is at least zero. With PROJECT_DATABASE, deposits "
                  "of national_2024 projects still waiting for their change-survey confirmation are listed as "
                  "pending and not counted. The cap rule is an assumption of the rule profile (unconfirmed).")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterString(
            self.LEDGER, tr("Ledger (GeoPackage file or PostgreSQL connection name)")))
        self.addParameter(QgsProcessingParameterString(self.PROVINCE, tr("Province code (2 digits)")))
        self.addParameter(QgsProcessingParameterNumber(self.YEAR, tr("Year N"),
                                                       QgsProcessingParameterNumber.Type.Integer, defaultValue=2025,
                                                       minValue=2000, maxValue=2100))
        self.addParameter(QgsProcessingParameterFile(
            self.PROJECT_DATABASE, tr("Project database (optional: change-survey confirmations)"),
            extension="gpkg", optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Province-year balance"),
                                                            QgsProcessing.SourceType.TypeVector))
        self.addOutput(QgsProcessingOutputBoolean("BALANCED", tr("Occupation of N+1 within the increase of N")))
        self.addOutput(QgsProcessingOutputNumber("MARGIN_MU", tr("Margin (mu)")))

    def checkParameterValues(self, parameters, context):  # noqa: N802
        province = self.parameterAsString(parameters, self.PROVINCE, context).strip()
        if len(province) != 2 or not province.isdigit():
            return False, tr("The province code '{}' is not 2 digits (e.g. 32)", province)
        return super().checkParameterValues(parameters, context)

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        target = self.parameterAsString(parameters, self.LEDGER, context).strip()
        province = self.parameterAsString(parameters, self.PROVINCE, context).strip()
        year = self.parameterAsInt(parameters, self.YEAR, context)
        database = self.parameterAsFile(parameters, self.PROJECT_DATABASE, context)
        try:
            ledger = open_ledger(target, create=False)
        except LedgerError as exc:
            raise QgsProcessingException(tr("Cannot open the ledger {}: {}", target, exc)) from exc
        try:
            movements, names = ledger_inputs(ledger, province, year)
        except LedgerError as exc:
            raise QgsProcessingException(str(exc)) from exc
        finally:
            ledger.close()
        pending = set()
        if database:
            try:
                deposited = {m.project_code for m in movements if m.kind == "deposit" and m.project_code}
                pending = GeoPackageWorkflowStore(database).pending_confirmation(sorted(deposited))
            except WorkflowError as exc:
                raise QgsProcessingException(str(exc)) from exc
        balance = province_year_balance(province, year, movements, names, pending_projects=pending)
        fields = QgsFields()
        for name, kind in OUTPUT_FIELDS:
            fields.append(QgsField(name, kind))
        sink, sink_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.Type.NoGeometry)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        rows = [("county", county, None) for county in balance.counties]
        rows.append(("province", balance.total, balance.balanced))
        for kind, row, balanced in rows:
            feature = QgsFeature(fields)
            feature.setAttributes(_values(kind, row, year, balanced))
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
        total = balance.total
        feedback.pushInfo(tr("Province {}: net increase {:.2f} mu in {}, occupation {:.2f} mu in {}: margin {:.2f} mu",
                             province, total.net_increase_mu, year, total.occupation_next.area_mu, year + 1,
                             total.margin_mu))
        if pending:
            feedback.pushInfo(tr("Pending the change survey (not counted): {}", ", ".join(sorted(pending))))
        return {self.OUTPUT: sink_id, "BALANCED": balance.balanced, "MARGIN_MU": total.margin_mu}
