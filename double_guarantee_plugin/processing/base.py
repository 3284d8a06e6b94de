# SPDX-License-Identifier: GPL-2.0-or-later
"""What every algorithm of the provider shares: its group (one table of names), createInstance, and
the rule-profile parameter and plot source several of them read."""
from qgis.core import QgsProcessingAlgorithm, QgsProcessingException, QgsProcessingParameterString

from ..core import tables
from ..core.project_profile import current_profile_id
from ..i18n import tr


def group_name(group_id):
    """The translated name of one of the provider's groups."""
    return {"credits": tr("Credits and checks"), "coordtxt": tr("Coordinate files"),
            "reports": tr("Maps and reports"), "ledger": tr("Reserve ledger"),
            "review": tr("Field review")}[group_id]


class DoubleGuaranteeAlgorithm(QgsProcessingAlgorithm):
    """Base of the provider's algorithms: set ``GROUP_ID``; the provider lists only the subclasses
    defined in ``processing/algorithms/`` (this module is not scanned)."""
    GROUP_ID = ""
    RULE_PROFILE = None    # the name of the rule-profile parameter, for algorithms that have one

    def group(self):
        return group_name(self.GROUP_ID)

    def groupId(self):  # noqa: N802 (QGIS's name)
        return self.GROUP_ID

    def createInstance(self):  # noqa: N802
        return type(self)()

    # -- the rule profile -----------------------------------------------------------------------------
    def add_rule_profile_parameter(self):
        # empty: the QGIS project's one rule profile (core.project_profile), the one the docks show
        self.addParameter(QgsProcessingParameterString(
            self.RULE_PROFILE, tr("Rule profile ({}; empty: the QGIS project's)", ", ".join(tables.rule_profile_ids())),
            defaultValue="", optional=True))

    def _profile_id(self, parameters, context):
        return (self.parameterAsString(parameters, self.RULE_PROFILE, context)
                or current_profile_id(context.project() if context is not None else None))

    def checkParameterValues(self, parameters, context):  # noqa: N802
        if self.RULE_PROFILE:
            profile_id = self._profile_id(parameters, context)
            if profile_id not in tables.rule_profile_ids():
                return False, tr("Unknown rule profile '{}'; known profiles: {}", profile_id,
                                 ", ".join(tables.rule_profile_ids()))
        return super().checkParameterValues(parameters, context)

    def rule_profile(self, parameters, context):
        """The chosen rule profile, loaded (a broken table is a QgsProcessingException naming it)."""
        try:
            return tables.load_rule_profile(self._profile_id(parameters, context))
        except tables.TableError as exc:
            raise QgsProcessingException(str(exc)) from exc

    def source(self, parameters, name, context):
        """The feature source of parameter ``name``, or QGIS's own message for a source it cannot read."""
        source = self.parameterAsSource(parameters, name, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, name))
        return source
