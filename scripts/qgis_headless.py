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


def stop_qgis():
    """Shut QGIS down while Python still holds nothing of it: project cleared, provider removed, the
    layers Python still holds deleted, then exitQgis(). Left to the interpreter's exit, the wrappers
    died in no fixed order after QGIS's registries (std::bad_alloc or a segmentation fault at the
    end of `make demo` on QGIS 3.40/3.44)."""
    global _APP, _PROVIDER
    if _APP is None:
        return
    import gc
    from qgis.core import QgsApplication, QgsMapLayer, QgsProject
    from qgis.PyQt import sip
    QgsProject.instance().clear()
    if _PROVIDER is not None:
        QgsApplication.processingRegistry().removeProvider(_PROVIDER)
        _PROVIDER = None
    gc.collect()
    for leftover in [obj for obj in gc.get_objects() if isinstance(obj, QgsMapLayer)]:
        if not sip.isdeleted(leftover) and sip.ispyowned(leftover):
            sip.delete(leftover)
    _APP.exitQgis()
