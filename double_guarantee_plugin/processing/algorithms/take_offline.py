# SPDX-License-Identifier: GPL-2.0-or-later
"""``doubleguarantee:takeoffline``: write an offline package of chosen projects for a field laptop."""
from qgis.core import (QgsProcessingException, QgsProcessingOutputNumber, QgsProcessingParameterFileDestination,
                       QgsProcessingParameterNumber, QgsProcessingParameterString,
                       QgsProcessingParameterVectorLayer)

from ...core import offline
from ...i18n import tr
from ._offline_home import _OfflineAlgorithm

CONSTRAINT_PARAMETERS = {"BASIC_FARMLAND": "basic_farmland", "RED_LINE": "red_line", "SLOPE": "slope"}


class TakeOfflineAlgorithm(_OfflineAlgorithm):
    PROJECTS, MARGIN, OUTPUT = "PROJECTS", "MARGIN", "OUTPUT"

    def name(self):
        return "takeoffline"

    def displayName(self):  # noqa: N802
        return tr("Take projects offline")

    def shortHelpString(self):  # noqa: N802
        return tr("Writes one GeoPackage for a field laptop with the chosen projects of a GeoPackage or PostGIS "
                  "project database, their plots and review records, and the constraint layers clipped to the "
                  "projects plus a margin. Bring it back with 'Bring back an offline package'.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_home_parameters()
        self.addParameter(QgsProcessingParameterString(self.PROJECTS, tr("Project codes (comma-separated)")))
        for parameter, name in CONSTRAINT_PARAMETERS.items():
            self.addParameter(QgsProcessingParameterVectorLayer(parameter, tr("Constraint layer: {}", name),
                                                                optional=True))
        self.addParameter(QgsProcessingParameterNumber(self.MARGIN, tr("Clip margin (m)"),
                                                       QgsProcessingParameterNumber.Type.Double,
                                                       offline.DEFAULT_MARGIN_M, minValue=0))
        self.addParameter(QgsProcessingParameterFileDestination(self.OUTPUT, tr("Offline package"),
                                                                "GeoPackage (*.gpkg)"))
        self.addOutput(QgsProcessingOutputNumber("PLOT_COUNT", tr("Plots exported")))
        for name in CONSTRAINT_PARAMETERS.values():
            self.addOutput(QgsProcessingOutputNumber(f"{name.upper()}_COUNT", tr("Clipped features: {}", name)))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        home = self.home(parameters, context)
        codes = [code.strip() for code in self.parameterAsString(parameters, self.PROJECTS, context).split(",")
                 if code.strip()]
        sources = {}
        for parameter, name in CONSTRAINT_PARAMETERS.items():
            layer = self.parameterAsVectorLayer(parameters, parameter, context)
            if layer is not None:
                sources[name] = layer.source()
            else:
                feedback.pushInfo(tr("{} not taken along: no layer given", name))
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        try:
            result = offline.export_offline(home, codes, output, sources,
                                            self.parameterAsDouble(parameters, self.MARGIN, context),
                                            feedback=feedback)
        except offline.OfflineCancelled:
            return {}
        except offline.OfflineError as exc:
            raise QgsProcessingException(str(exc)) from exc
        feedback.pushInfo(tr("{} plots of {} projects written to {}", result.plot_count, len(codes), output))
        outputs = {self.OUTPUT: output, "PLOT_COUNT": result.plot_count}
        for name in CONSTRAINT_PARAMETERS.values():
            outputs[f"{name.upper()}_COUNT"] = result.constraint_counts.get(name, 0)
        return outputs
