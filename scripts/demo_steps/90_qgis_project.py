"""Demo step 90: a QGIS project ``demo_output/demo_county.qgz`` with the demo layers, for ``make run``.

The project carries its constraint set (the layers recognised by role), so the check dock opens on
it and checks every plot at once: one click from opening the project to a first check.
"""
from qgis.core import (QgsCategorizedSymbolRenderer, QgsCoordinateReferenceSystem, QgsFillSymbol, QgsProject,
                       QgsRendererCategory,
                       QgsVectorLayer)

from double_guarantee_plugin.core import project_db
from double_guarantee_plugin.core.standard_layers.constraint_set import auto_constraint_set


def _fill(color, outline="#333333", style="solid"):
    return QgsFillSymbol.createSimple({"color": color, "outline_color": outline, "style": style,
                                       "outline_width": "0.3"})


def run(ctx):
    project = QgsProject.instance()
    project.clear()
    project.setCrs(QgsCoordinateReferenceSystem("EPSG:4527"))
    project.setEllipsoid("EPSG:1024")
    county = ctx.data_dir / "demo_county.gpkg"
    styles = {"land_survey": _fill("#f2efe6", "#d8d2c0"), "basic_farmland": _fill("#f6e27f", "#c8a800"),
              "red_line": _fill("#ff000055", "#cc0000"), "slope": _fill("#00000000", "#999999"),
              "development_boundary": _fill("#00000000", "#7a3db8", "solid"),
              "county_boundary": _fill("#00000000", "#000000")}
    names = {"county_boundary": "县界 county boundary", "land_survey": "三调地类 DLTB land survey",
             "slope": "坡度 slope", "basic_farmland": "永久基本农田 YJJBNTTB basic farmland",
             "red_line": "生态保护红线 STBHHX ecological red line",
             "development_boundary": "城镇开发边界 CZKFBJ urban development boundary"}
    for layer_name in ("land_survey", "slope", "basic_farmland", "red_line", "development_boundary",
                       "county_boundary"):
        layer = QgsVectorLayer(f"{county}|layername={layer_name}", names[layer_name], "ogr")
        layer.renderer().setSymbol(styles[layer_name])
        project.addMapLayer(layer)
    plots, projects = project_db.open_project_database(str(ctx.data_dir / "demo_projects.gpkg"))
    categories = [QgsRendererCategory(code, _fill(color), label) for code, color, label in (
        ("0101", "#4f9fdf", "水田 paddy"), ("0102", "#7fc97f", "水浇地 irrigated"), ("0103", "#bfe5a0", "旱地 dry"))]
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
