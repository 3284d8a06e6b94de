# SPDX-License-Identifier: GPL-2.0-or-later
"""The demo QGIS project as a user opens it: the red line drawn transparent red (not opaque navy) and
every layer named in Chinese only."""
import importlib.util
import re
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[2]


def _run_step(name, ctx):
    path = ROOT / "scripts" / "demo_steps" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"demo_step_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.run(ctx)
    return module


def test_demo_project_red_line_is_transparent_and_names_are_chinese(qgis_app, demo_paths, tmp_path):
    from qgis.core import QgsMapRendererParallelJob, QgsMapSettings, QgsProject
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor
    from dg_testutil import copy_gpkg
    data = tmp_path / "data"
    data.mkdir()
    for key, name in (("county", "demo_county.gpkg"), ("projects", "demo_projects.gpkg")):
        copy_gpkg(demo_paths[key], data / name)
    ctx = SimpleNamespace(data_dir=data, output_dir=tmp_path, root=ROOT, results={}, log=lambda text: None)
    _run_step("90_qgis_project", ctx)
    project = QgsProject.instance()
    assert project.read(str(tmp_path / "demo_county.qgz"))
    try:
        names = [layer.name() for layer in project.mapLayers().values()]
        assert "生态保护红线" in names and "地块" in names and "项目" in names
        assert not any(re.search(r"[A-Za-z]", name) for name in names), names
        red_line = project.mapLayersByName("生态保护红线")[0]
        fill = red_line.renderer().symbol().color()
        assert (fill.red(), fill.green(), fill.blue()) == (255, 0, 0) and 0 < fill.alpha() < 128
        # drawn over white, the inside of the red line is light red, never navy
        settings = QgsMapSettings()
        settings.setLayers([red_line])
        settings.setDestinationCrs(red_line.crs())
        inside = next(red_line.getFeatures()).geometry().pointOnSurface().asPoint()
        extent = red_line.extent()
        settings.setExtent(extent)
        settings.setOutputSize(QSize(200, 200))
        settings.setBackgroundColor(QColor("white"))
        job = QgsMapRendererParallelJob(settings)
        job.start()
        job.waitForFinished()
        image = job.renderedImage()
        pixel = settings.mapToPixel().transform(inside)
        colour = QColor(image.pixel(int(pixel.x()), int(pixel.y())))
        assert colour.red() == 255 and 120 < colour.green() < 240 and colour.green() == colour.blue(), colour.name()
    finally:
        project.clear()
