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


@pytest.fixture()
def zh_locale(qgis_app):
    """QGIS's locale zh_CN and the plugin's translation loaded (as ``make transcompile`` builds it)."""
    import subprocess
    from pathlib import Path
    from qgis.PyQt.QtCore import QSettings
    from double_guarantee_plugin import i18n
    from double_guarantee_plugin.core.paths import i18n_dir
    ts = Path(i18n_dir()) / "double_guarantee_zh_CN.ts"
    qm = ts.with_suffix(".qm")
    if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
        subprocess.run(["lrelease", "-silent", str(ts), "-qm", str(qm)], check=True)
    settings = QSettings()
    old = (settings.value("locale/userLocale"), settings.value("locale/overrideFlag"))
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "zh_CN")
    assert i18n.setup_translation()
    yield
    i18n.remove_translation()
    for key, value in zip(("locale/userLocale", "locale/overrideFlag"), old):
        if value is None:
            settings.remove(key)
        else:
            settings.setValue(key, value)
