# SPDX-License-Identifier: GPL-2.0-or-later
"""Start QGIS without a window for the demo and the benchmarks, with Processing and the plugin's provider."""
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

_APP = None
_PROVIDER = None


def start_qgis():
    """Return a running QgsApplication with Processing initialised and ``doubleguarantee`` registered."""
    global _APP
    if _APP is not None:
        return _APP
    from qgis.core import QgsApplication
    sys.path.append("/usr/share/qgis/python/plugins")
    QgsApplication.setPrefixPath("/usr", True)
    _APP = QgsApplication([], False)
    _APP.initQgis()
    from processing.core.Processing import Processing
    Processing.initialize()
    from double_guarantee_plugin.processing.provider import DoubleGuaranteeProvider
    global _PROVIDER
    _PROVIDER = DoubleGuaranteeProvider()  # keep a reference: the registry does not own Python objects
    QgsApplication.processingRegistry().addProvider(_PROVIDER)
    return _APP
