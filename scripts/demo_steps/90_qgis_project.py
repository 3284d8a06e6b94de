"""Demo step 90: a QGIS project ``demo_output/demo_county.qgz`` with the demo layers, for ``make run``."""
from qgis.core import (QgsCategorizedSymbolRenderer, QgsCoordinateReferenceSystem, QgsFillSymbol, QgsProject,
                       QgsRendererCategory,
                       QgsVectorLayer)

from double_guarantee_plugin.core import project_db


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
              "county_boundary": _fill("#00000000", "#000000")}
    names = {"county_boundary": "县界 county boundary", "land_survey": "三调地类 land survey",
             "slope": "坡度 slope", "basic_farmland": "永久基本农田 basic farmland",
             "red_line": "生态保护红线 ecological red line"}
    for layer_name in ("land_survey", "slope", "basic_farmland", "red_line", "county_boundary"):
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
    path = ctx.output_dir / "demo_county.qgz"
    if not project.write(str(path)):
        raise RuntimeError(f"cannot write {path}: {project.error()}")
    ctx.log(f"wrote {path.name} (open it with `make run`)")
    project.clear()
