# SPDX-License-Identifier: GPL-2.0-or-later
"""Fixtures of the standard-layer tests: layers written with OGR in a temporary GeoPackage, disposed after.

Fixture names contain ``layer`` (pytest-qgis 2.1.0 otherwise crashes at exit when a GeoPackage layer
outlives the session)."""
import pytest

from standard_helpers import dispose, open_layer, write_layer


@pytest.fixture()
def layer_factory(tmp_path, qgis_app):
    opened = []

    def make(name, fields, rows, file_name="county.gpkg", display_name=None):
        path = tmp_path / file_name
        write_layer(path, name, fields, rows)
        layer = open_layer(path, name, display_name)
        opened.append(layer)
        return layer

    yield make
    dispose(opened)


def _gui_conftest():
    """tests/gui/conftest.py as a module: its zh_CN locale fixture serves here too."""
    import importlib.util
    from pathlib import Path
    path = Path(__file__).resolve().parents[1] / "gui" / "conftest.py"
    spec = importlib.util.spec_from_file_location("dg_gui_conftest_for_standard_layers", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


zh_cn_locale = _gui_conftest().zh_cn_locale
