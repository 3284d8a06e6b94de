# SPDX-License-Identifier: GPL-2.0-or-later
"""Demo step 20: the project dock headless: open the demo database, draw a plot, watch the live panel.

Works on a copy (``demo_output/project_dock_demo.gpkg``) so the cached demo data stay untouched.
Logs the selected project's figures before and after a plot is added (through ``core.projects``,
what the draw tool calls after its form), the time the live panel took, the same after undo, and
writes ``demo_output/project_dock_zh_CN.png``.
"""
import shutil
import time

from qgis.core import QgsGeometry, QgsProject

from double_guarantee_plugin import i18n
from double_guarantee_plugin.core import projects
from screenshot_dock import HeadlessInterface, make_dock, save_dock_image, wait_idle

PROJECT = "DG2024-07"


def _figures(dock):
    credit = dock.last_snapshot.project_credit
    return (f"{credit.plot_count} plots, {credit.area_mu:,.2f} 亩, area credit {credit.credit_area_mu:,.2f} 亩, "
            f"capacity credit {credit.credit_capacity_kg:,.0f} kg, check {dock.last_snapshot.check_status}")


def _county_constraints(ctx):
    """Basic farmland, red line and slope of the demo county as a constraint set (None without the engine)."""
    try:
        from double_guarantee_plugin.core import constraints
    except ImportError:
        return None
    from qgis.core import QgsVectorLayer
    county = ctx.data_dir / "demo_county.gpkg"
    layers = {name: QgsVectorLayer(f"{county}|layername={name}", name, "ogr")
              for name in ("basic_farmland", "red_line", "slope")}
    return constraints.ConstraintSet.from_layers(basic_farmland=layers["basic_farmland"],
                                                 red_line=layers["red_line"], slope=layers["slope"])


def run(ctx):
    database = ctx.output_dir / "project_dock_demo.gpkg"
    for leftover in (database, database.with_name(database.name + "-wal"), database.with_name(database.name + "-shm")):
        if leftover.exists():
            leftover.unlink()
    shutil.copy(ctx.data_dir / "demo_projects.gpkg", database)
    # the demo accepted this project, and an accepted project refuses edits until it is reopened with a
    # reason (which reverses its deposit): the copy shows the drawing on the project as it was under way
    import sqlite3
    with sqlite3.connect(database) as connection:
        connection.execute("UPDATE projects SET status = 'under_way' WHERE project_code = ?", (PROJECT,))
    previous = list(i18n._translators)   # put back whatever language earlier steps chose
    iface = HeadlessInterface()
    dock = make_dock(iface, "zh_CN")
    try:
        dock.open_database(str(database))
        wait_idle(dock)
        constraint_set = _county_constraints(ctx)
        if constraint_set is not None:
            dock.set_constraint_set(constraint_set)
            wait_idle(dock)
            verdicts = {code: dock.project_checks.get(code) for code in dock.project_codes()}
            ctx.log("project dock: verdicts " + ", ".join(f"{code} {status}" for code, status in verdicts.items()))
        dock.select_project(PROJECT)
        wait_idle(dock)
        before = _figures(dock)
        ctx.log(f"project dock: {PROJECT} {before}")

        extent = projects.project_extent(dock.plots_layer, PROJECT)
        x0, y1 = extent.xMinimum() + 150.0, extent.yMinimum() - 250.0
        square = QgsGeometry.fromWkt(f"POLYGON(({x0} {y1 - 200}, {x0 + 200} {y1 - 200}, {x0 + 200} {y1}, "
                                     f"{x0} {y1}, {x0} {y1 - 200}))")
        attributes = projects.last_plot_attributes(dock.plots_layer, PROJECT)
        started = time.perf_counter()
        projects.add_plot(dock.plots_layer, PROJECT, square, attributes)
        wait_idle(dock)
        latency_ms = (time.perf_counter() - started) * 1000
        ctx.log(f"project dock: after drawing a 200 m × 200 m plot: {_figures(dock)} "
                f"(panel updated in {latency_ms:.0f} ms)")
        save_dock_image(dock, ctx.output_dir / "project_dock_zh_CN.png")
        dock.undo()
        wait_idle(dock)
        ctx.log(f"project dock: after undo: {_figures(dock)}")
        ctx.results["project_dock"] = {"before": before, "latency_ms": latency_ms}
        dock.discard()
        ctx.log("project dock: screenshot project_dock_zh_CN.png written")
    finally:
        dock.cleanup()
        i18n.remove_translation()
        if previous:
            from qgis.PyQt.QtCore import QCoreApplication
            for translator in previous:
                QCoreApplication.installTranslator(translator)
            i18n._translators.extend(previous)
        QgsProject.instance().removeAllMapLayers()
        iface.close()
