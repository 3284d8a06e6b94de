"""What every algorithm of the provider shares: its group (one table of names) and createInstance."""
from qgis.core import QgsProcessingAlgorithm

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

    def group(self):
        return group_name(self.GROUP_ID)

    def groupId(self):  # noqa: N802 (QGIS's name)
        return self.GROUP_ID

    def createInstance(self):  # noqa: N802
        return type(self)()
