# SPDX-License-Identifier: GPL-2.0-or-later
"""The ``doubleguarantee`` Processing provider.

Algorithms are discovered from the modules of ``processing.algorithms``: a module that defines a
``QgsProcessingAlgorithm`` subclass (not starting with ``_``) contributes it.
"""
import importlib
import inspect
import pkgutil

from qgis.core import QgsProcessingAlgorithm, QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..core.paths import resource_path
from ..i18n import tr
from . import algorithms as algorithms_package

PROVIDER_ID = "doubleguarantee"


def algorithm_classes():
    """Every algorithm class of the package, in a stable order."""
    found = []
    for module_info in sorted(pkgutil.iter_modules(algorithms_package.__path__), key=lambda m: m.name):
        if module_info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{algorithms_package.__name__}.{module_info.name}")
        for name, value in inspect.getmembers(module, inspect.isclass):
            if (issubclass(value, QgsProcessingAlgorithm) and value.__module__ == module.__name__
                    and not name.startswith("_")):
                found.append(value)
    return found


class DoubleGuaranteeProvider(QgsProcessingProvider):
    def id(self):
        return PROVIDER_ID

    def name(self):
        return tr("Double Guarantee")

    def longName(self):  # noqa: N802
        return tr("Double Guarantee: supplementary farmland and reserves")

    def icon(self):
        return QIcon(resource_path("icons", "icon.svg"))

    def loadAlgorithms(self):  # noqa: N802
        for cls in algorithm_classes():
            self.addAlgorithm(cls())
