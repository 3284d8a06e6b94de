# SPDX-License-Identifier: GPL-2.0-or-later
"""Fixtures of the constraint-engine tests: small real GeoPackages built by hand, and the demo county.

``gpkg_layer_factory(path, name, crs, rows, fields)`` writes a real GeoPackage layer with OGR and
opens it as a QgsVectorLayer.  Fixture names contain ``layer`` (pytest-qgis 2.1.0 otherwise crashes
at exit when a GeoPackage layer outlives the session).
"""
import pytest

from constraints_helpers import EPSG, PLOT_FIELDS, dispose_layers, write_gpkg  # noqa: F401


@pytest.fixture()
def gpkg_layer_factory(tmp_path, qgis_app):
    from qgis.core import QgsVectorLayer
    opened = []

    def make(name, rows, epsg=EPSG, fields=(), file_name="constraints.gpkg"):
        path = tmp_path / file_name
        write_gpkg(path, name, epsg, rows, fields)
        layer = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
        assert layer.isValid(), f"{path}|{name}"
        opened.append(layer)
        return layer

    yield make
    dispose_layers(opened)


@pytest.fixture()
def plots_layer_factory(gpkg_layer_factory):
    def make(rows, epsg=EPSG, name="plots"):
        return gpkg_layer_factory(name, rows, epsg, PLOT_FIELDS, file_name="plots.gpkg")
    return make


@pytest.fixture(scope="session")
def demo_county_layers(demo_paths):
    from qgis.core import QgsVectorLayer
    county = demo_paths["county"]
    layers = {name: QgsVectorLayer(f"{county}|layername={name}", name, "ogr")
              for name in ("basic_farmland", "red_line", "slope", "land_survey")}
    layers["plots"] = QgsVectorLayer(f"{demo_paths['projects']}|layername=plots", "plots", "ogr")
    assert all(layer.isValid() for layer in layers.values())
    yield layers
    dispose_layers(layers.values())
