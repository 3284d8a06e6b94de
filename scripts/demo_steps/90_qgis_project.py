# SPDX-License-Identifier: GPL-2.0-or-later
"""Demo step 90: a QGIS project ``demo_output/demo_county.qgz`` with the demo layers, for ``make run``.

The project carries its constraint set (the layers recognised by role), so the check dock opens on
it and checks every plot at once: one click from opening the project to a first check.
"""
from qgis.core import (QgsCategorizedSymbolRenderer, QgsCoordinateReferenceSystem, QgsFillSymbol, QgsProject,
                       QgsRendererCategory,
                       QgsVectorLayer)

from double_guarantee_plugin import i18n
from double_guarantee_plugin.core import project_db
from double_guarantee_plugin.core.standard_layers.constraint_set import auto_constraint_set

RED_LINE_FILL = "255,0,0,85"      # red at one third opacity: the land under the red line stays visible
LAYER_NAMES = {"county_boundary": "县界", "land_survey": "三调地类", "slope": "坡度",
               "basic_farmland": "永久基本农田", "red_line": "生态保护红线", "development_boundary": "城镇开发边界"}


def _fill(color, outline="#333333", style="solid"):
    return QgsFillSymbol.createSimple({"color": color, "outline_color": outline, "style": style,
                                       "outline_width": "0.3"})


def run(ctx):
    project = QgsProject.instance()
    project.clear()
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:4527"))
    project.setEllipsoid("EPSG:1024")
    county = ctx.data_dir / "demo_county.gpkg"
    # colours as "r,g,b,a": a #RRGGBBAA string would be read by Qt as #AARRGGBB (#ff000055 = opaque navy)
    styles = {"land_survey": _fill("242,239,230,255", "216,210,192,255"),
              "basic_farmland": _fill("246,226,127,255", "200,168,0,255"),
              "red_line": _fill(RED_LINE_FILL, "204,0,0,255"), "slope": _fill("0,0,0,0", "153,153,153,255"),
              "development_boundary": _fill("0,0,0,0", "122,61,184,255"),
              "county_boundary": _fill("0,0,0,0", "0,0,0,255")}
    names = LAYER_NAMES
    for layer_name in ("land_survey", "slope", "basic_farmland", "red_line", "development_boundary",
                       "county_boundary"):
        layer = QgsVectorLayer(f"{county}|layername={layer_name}", names[layer_name], "ogr")
        layer.renderer().setSymbol(styles[layer_name])
        project.addMapLayer(layer)
    # the demo county is Chinese: its project names its layers in Chinese only (地块, 项目)
    translation = i18n.setup_translation("zh_CN")
    try:
        plots, projects = project_db.open_project_database(str(ctx.data_dir / "demo_projects.gpkg"))
    finally:
        if translation:
            i18n.remove_translation()
    categories = [QgsRendererCategory(code, _fill(color), label) for code, color, label in (
        ("0101", "79,159,223,255", "水田"), ("0102", "127,201,127,255", "水浇地"), ("0103", "191,229,160,255", "旱地"))]
    plots.setRenderer(QgsCategorizedSymbolRenderer("class_after", categories))
    project.addMapLayer(plots)
    project.addMapLayer(projects)
    project.writeEntry("DoubleGuarantee", "database_path", str(ctx.data_dir / "demo_projects.gpkg"))
    # the constraint set found by role, saved with the project: the check dock opens on it and checks at once
    constraint_set, found = auto_constraint_set(project)
    constraint_set.write_to_project(project)
    project.writeEntry("DoubleGuarantee", "check_plots_layer", plots.id())
    ctx.log("constraint set saved in the project: " + ", ".join(
        f"{entry.role} ← {entry.name}" for entry in constraint_set.layers))
    path = ctx.output_dir / "demo_county.qgz"
    if not project.write(str(path)):
        raise RuntimeError(f"cannot write {path}: {project.error()}")
    ctx.log(f"wrote {path.name} (open it with `make run`)")
    project.clear()
