# SPDX-License-Identifier: GPL-2.0-or-later
"""Fixtures of the meeting-map tests: demo layers and the zh_CN glossary compiled into a real Qt translator.

Layer fixtures are function-scoped and end in ``layer``: pytest-qgis deletes layers returned by
fixtures after the test that used them, so a module-scoped export opens its own layers.
"""
import json
import subprocess
import xml.sax.saxutils as sax
from pathlib import Path

import pytest
from reports_pdf_helpers import open_demo_layer

ROOT = Path(__file__).resolve().parents[2]
GLOSSARIES = sorted((ROOT / "i18n" / "zh_CN").glob("*.json"))   # every part's glossary, as `make transup` folds them


def _ts_from_glossaries(paths):
    messages = {}
    for path in paths:
        if path.exists():
            messages.update(json.loads(path.read_text(encoding="utf-8")))
    body = "".join(f"<message><source>{sax.escape(src)}</source><translation>{sax.escape(dst)}</translation>"
                   f"</message>\n" for src, dst in messages.items())
    return ('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="zh_CN">\n'
            f"<context><name>DoubleGuarantee</name>\n{body}</context>\n</TS>\n")


@pytest.fixture(scope="session")
def zh_qm(tmp_path_factory):
    """The reports and core glossaries compiled by lrelease into a .qm (what ``make transup`` +
    ``transcompile`` will produce once the lead merges the glossary)."""
    folder = tmp_path_factory.mktemp("i18n")
    ts = folder / "reports_zh_CN.ts"
    ts.write_text(_ts_from_glossaries(GLOSSARIES), encoding="utf-8")
    qm = folder / "reports_zh_CN.qm"
    subprocess.run(["lrelease", "-silent", str(ts), "-qm", str(qm)], check=True)
    return qm


@pytest.fixture()
def zh_translation(qgis_app, zh_qm):
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator
    translator = QTranslator()
    assert translator.load(str(zh_qm))
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


@pytest.fixture()
def plots_layer(demo_paths):
    from qgis.core import QgsVectorLayer
    layer = QgsVectorLayer(f"{demo_paths['projects']}|layername=plots", "plots", "ogr")
    assert layer.isValid()
    return layer


@pytest.fixture()
def basic_farmland_layer(demo_paths):
    from qgis.core import QgsVectorLayer
    layer = QgsVectorLayer(f"{demo_paths['county']}|layername=basic_farmland", "basic_farmland", "ogr")
    assert layer.isValid()
    return layer


@pytest.fixture()
def red_line_layer(demo_paths):
    from qgis.core import QgsVectorLayer
    layer = QgsVectorLayer(f"{demo_paths['county']}|layername=red_line", "red_line", "ogr")
    assert layer.isValid()
    return layer


@pytest.fixture()
def county_boundary_layer(demo_paths):
    return open_demo_layer(demo_paths, "county", "county_boundary")
