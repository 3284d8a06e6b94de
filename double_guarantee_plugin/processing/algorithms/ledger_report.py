# SPDX-License-Identifier: GPL-2.0-or-later
"""``doubleguarantee:ledgerreport``: the reserve ledger's balances and journal as one table."""
from qgis.core import (QgsFeature, QgsFeatureSink, QgsField, QgsFields, QgsProcessing,
                       QgsProcessingException, QgsProcessingOutputBoolean, QgsProcessingOutputNumber,
                       QgsProcessingParameterFeatureSink, QgsProcessingParameterString, QgsWkbTypes)
from qgis.PyQt.QtCore import QVariant

from ...core.ledger import LedgerError, open_ledger
from ...core.ledger.report import REPORT_FIELDS, report_rows
from ...i18n import tr
from ..base import DoubleGuaranteeAlgorithm

_KINDS = {"str": QVariant.String, "int": QVariant.LongLong, "float": QVariant.Double}


class LedgerReportAlgorithm(DoubleGuaranteeAlgorithm):
    GROUP_ID = "ledger"
    LEDGER, COUNTY, OUTPUT = "LEDGER", "COUNTY", "OUTPUT"

    def name(self):
        return "ledgerreport"

    def displayName(self):  # noqa: N802
        return tr("Reserve ledger report")

    def shortHelpString(self):  # noqa: N802
        return tr("Writes the three-indicator reserve balances (area in mu and hectares, grain capacity in kg and "
                  "10,000 kg, paddy in mu and hectares) and the journal of deposits, write-offs, transfers, "
                  "commitments and reversals to one table: first a row with record = 'verification' (whether the "
                  "ledger verified when the report was made: movements and balances re-derived from the journal, "
                  "on a GeoPackage its hash chain; entry_id is the newest entry, or the first that does not "
                  "match), then rows with record = 'balance', then one row per journal entry. LEDGER is a "
                  "GeoPackage ledger file or the name of a QGIS PostgreSQL connection. VERIFIED says whether the "
                  "ledger verified.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterString(
            self.LEDGER, tr("Ledger (GeoPackage file or PostgreSQL connection name)")))
        self.addParameter(QgsProcessingParameterString(
            self.COUNTY, tr("County code (empty: all counties)"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Ledger report"), QgsProcessing.SourceType.TypeVector))
        self.addOutput(QgsProcessingOutputNumber("BALANCE_COUNT", tr("Counties with a balance")))
        self.addOutput(QgsProcessingOutputNumber("ENTRY_COUNT", tr("Journal entries")))
        self.addOutput(QgsProcessingOutputBoolean("VERIFIED", tr("Balances equal the sum of the journal")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        target = self.parameterAsString(parameters, self.LEDGER, context).strip()
        county = self.parameterAsString(parameters, self.COUNTY, context).strip() or None
        try:
            ledger = open_ledger(target, create=False)
        except LedgerError as exc:
            raise QgsProcessingException(tr("Cannot open the ledger {}: {}", target, exc)) from exc
        try:
            rows, verified = report_rows(ledger, county)
        except LedgerError as exc:
            raise QgsProcessingException(str(exc)) from exc
        finally:
            ledger.close()
        fields = QgsFields()
        for name, kind in REPORT_FIELDS:
            fields.append(QgsField(name, _KINDS[kind]))
        sink, sink_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.Type.NoGeometry)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        balances = entries = 0
        for index, row in enumerate(rows):
            if feedback.isCanceled():
                break
            feature = QgsFeature(fields)
            feature.setAttributes([row.get(name) for name, _kind in REPORT_FIELDS])
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
            balances += row["record"] == "balance"
            entries += row["record"] == "journal"
            feedback.setProgress(100.0 * (index + 1) / max(1, len(rows)))
        if not verified["ok"]:
            feedback.reportError(tr("The ledger does not verify: {}", "; ".join(verified["problems"][:5])))
        else:
            feedback.pushInfo(rows[0]["note"])
        feedback.pushInfo(tr("{} balances, {} journal entries", balances, entries))
        return {self.OUTPUT: sink_id, "BALANCE_COUNT": balances, "ENTRY_COUNT": entries,
                "VERIFIED": bool(verified["ok"])}
