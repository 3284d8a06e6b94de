# SPDX-License-Identifier: GPL-2.0-or-later
"""The QGIS layers of an office database that take offline / bring back write to (GeoPackage or PostGIS):
unsaved edits must be saved first, and the layers reload after a merge or a decision."""
import os

from qgis.core import QgsProject

from ...core import offline, project_db
from ...i18n import tr


def _same_file(layer, path):
    return (layer.providerType() == "ogr" and os.path.normcase(os.path.abspath(layer.source().split("|")[0]))
            == os.path.normcase(os.path.abspath(str(path))))


def layers_of_database(home):
    """Layers of the current QGIS project read from ``home`` (a GeoPackage path or a PgHomeSpec)."""
    layers = QgsProject.instance().mapLayers().values()
    if isinstance(home, offline.PgHomeSpec):
        from ...core.project_db_pg import same_table
        return [layer for layer in layers if layer.providerType() == "postgres" and any(
            same_table(layer, home.target, home.schema, table)
            for table in (project_db.PLOTS_LAYER, project_db.PROJECTS_TABLE))]
    return [layer for layer in layers if _same_file(layer, home)]


def refuse_if_editing(home):
    """A merge writes the database directly: unsaved edits in QGIS must be saved or discarded first."""
    editing = [layer.name() for layer in layers_of_database(home) if layer.isEditable()]
    if editing:
        raise offline.OfflineError(tr("Save or discard the edits of {} first: the merge writes to {}.",
                                      ", ".join(editing), offline.open_home(home).label))


def reload_layers(home):
    for layer in layers_of_database(home):
        layer.dataProvider().reloadData()
        layer.reload()
        layer.triggerRepaint()
