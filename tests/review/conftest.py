# SPDX-License-Identifier: GPL-2.0-or-later
"""Fixtures of the review tests: a scratch copy of the demo project database, GPX/CSV/photo makers."""
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import generate_demo  # noqa: E402
from dg_testutil import copy_gpkg, dispose_widget  # noqa: E402

PROJECT_A = "DG2023-01"   # cells (10..13, 10..12): new farmland, paddy
PROJECT_B = "DG2023-02"   # cells (30..33, 12..15)
PROJECT_C = "DG2022-03"


@pytest.fixture
def review_dock(iface, project_db):
    """The review dock on the private project database, in the main window."""
    from qgis.core import QgsCoordinateReferenceSystem
    from qgis.PyQt.QtCore import Qt
    from double_guarantee_plugin.gui.docks import review_dock as module
    canvas = iface.mapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4527"))
    dock = module.create_dock(iface)
    iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    dock.open_database(project_db)
    yield dock
    dock.cleanup()
    dispose_widget(dock)    # now, not after QGIS at the end


@pytest.fixture
def project_db(demo_paths, tmp_path):
    """A private copy of the demo project database (the cached one stays untouched)."""
    target = tmp_path / "projects.gpkg"
    copy_gpkg(demo_paths["projects"], target)
    return target


def open_plots_layer(path):
    from qgis.core import QgsVectorLayer
    layer = QgsVectorLayer(f"{path}|layername=plots", "plots", "ogr")
    assert layer.isValid(), path
    return layer


def cell_centre(col, row):
    x1, y1, x2, y2 = generate_demo.cell_bounds(col, row)
    return (x1 + x2) / 2, (y1 + y2) / 2


def to_lonlat(x, y):
    """Demo CRS (EPSG:4527) to GPS longitude/latitude."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject
    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem(f"EPSG:{generate_demo.EPSG}"),
                                       QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
    point = transform.transform(QgsPointXY(x, y))
    return point.x(), point.y()


def write_gpx(path, waypoints):
    """waypoints: [(name, lon, lat, iso_time)] as a GPS would write them."""
    parts = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<gpx version="1.1" creator="test GPS" xmlns="http://www.topografix.com/GPX/1/1">']
    for name, lon, lat, when in waypoints:
        parts.append(f'<wpt lat="{lat:.9f}" lon="{lon:.9f}"><time>{when}</time><name>{name}</name></wpt>')
    parts.append("</gpx>")
    Path(path).write_text("\n".join(parts), encoding="utf-8")
    return path


def write_photo(path, width=640, height=480, colour="#3a7d2c"):
    from qgis.PyQt.QtGui import QColor, QImage
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor(colour))
    assert image.save(str(path), "JPG")
    return path
