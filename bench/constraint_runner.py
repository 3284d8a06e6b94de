# SPDX-License-Identifier: GPL-2.0-or-later
"""One contender of the constraint bench in a fresh process (cold: nothing cached), its figures as JSON.

``python bench/constraint_runner.py CONTENDER COUNTY PLOTS OUT [CONSTRAINT_URI]``

- ``native``: ``native:calculatevectoroverlaps`` of the plots with basic farmland, then with the
  red line (each call timed; both on the CGCS2000 ellipsoid, as the plugin measures);
- ``plugin``: ``ConstraintEngine.check_plots`` with both layers, index building included;
- ``plugin-pg``: the same with basic farmland read from PostGIS (``CONSTRAINT_URI``, a QGIS
  ``postgres`` layer source);
- ``live``: after one warm-up check, the live re-check of a 160-vertex plot (``check_geometry``,
  warm cache) 200 times, then an edit of one basic-farmland feature and the re-check of its project.

Writes ``OUT``: seconds, the process's peak resident memory (``VmHWM``: QGIS itself included, the
same for every contender) and each plot's overlaps ``{plot_code: [basic farmland m², red line m²]}``.
"""
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
for folder in (ROOT, ROOT / "scripts"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))


def peak_mib():
    """The peak resident memory of this process so far (MiB)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


def _layers(county, plots, constraint_uri=None):
    from qgis.core import QgsProject, QgsVectorLayer
    if constraint_uri:
        farmland = QgsVectorLayer(constraint_uri, "basic_farmland", "postgres")
    else:
        farmland = QgsVectorLayer(f"{county}|layername=basic_farmland", "basic_farmland", "ogr")
    red_line = QgsVectorLayer(f"{county}|layername=red_line", "red_line", "ogr")
    plot_layer = QgsVectorLayer(f"{plots}|layername=plots", "plots", "ogr")
    for layer in (farmland, red_line, plot_layer):
        if not layer.isValid():
            raise RuntimeError(f"cannot open {layer.source()}")
    QgsProject.instance().addMapLayers([farmland, red_line, plot_layer], False)
    return farmland, red_line, plot_layer


def run_native(county, plots):
    from qgis import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsProject
    from double_guarantee_plugin.core.crs import CGCS2000_ELLIPSOID
    farmland, red_line, plot_layer = _layers(county, plots)
    areas, seconds = {}, {}
    for position, layer in enumerate((farmland, red_line)):
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        context.setEllipsoid(CGCS2000_ELLIPSOID)
        started = time.perf_counter()
        result = processing.run("native:calculatevectoroverlaps",
                                {"INPUT": plot_layer, "LAYERS": [layer], "OUTPUT": "memory:"},
                                context=context, feedback=QgsProcessingFeedback())
        seconds[layer.name()] = time.perf_counter() - started
        name = f"{layer.name()}_area"
        for feature in result["OUTPUT"].getFeatures():
            areas.setdefault(feature["plot_code"], [0.0, 0.0])[position] = float(feature[name] or 0.0)
    return {"seconds": sum(seconds.values()), "seconds_by_layer": seconds, "plots": areas}


def _engine(farmland, red_line):
    from double_guarantee_plugin.core import constraints
    return constraints.ConstraintEngine(constraints.ConstraintSet.from_layers(basic_farmland=farmland,
                                                                              red_line=red_line))


def _areas(results):
    return {check.plot_code: [check.layers[0].overlap_m2 or 0.0, check.layers[1].overlap_m2 or 0.0]
            for project in results.values() for check in project.plots}


def run_plugin(county, plots, constraint_uri=None):
    farmland, red_line, plot_layer = _layers(county, plots, constraint_uri)
    engine = _engine(farmland, red_line)
    started = time.perf_counter()
    results = engine.check_plots(plot_layer)
    seconds = time.perf_counter() - started
    from double_guarantee_plugin.core.constraints import REGISTRY
    read = sum(getattr(REGISTRY.get(layer, layer, plot_layer.crs()).index, "bytes_read", 0)
               for layer in (farmland, red_line))
    return {"seconds": seconds, "plots": _areas(results), "projects": len(results), "bytes_read": read}


def run_live(county, plots):
    from qgis.core import QgsGeometry
    from double_guarantee_plugin.core.constraints import REGISTRY
    farmland, red_line, plot_layer = _layers(county, plots)
    engine = _engine(farmland, red_line)
    started = time.perf_counter()
    engine.check_plots(plot_layer)
    cold_s = time.perf_counter() - started
    # a 160-vertex plot (or the nearest count), of those the one over most basic-farmland parcels
    index = REGISTRY.get(farmland, farmland, plot_layer.crs())
    chosen = min(plot_layer.getFeatures(), key=lambda feature: (
        abs(feature.geometry().constGet().nCoordinates() - 1 - 160),
        -len(index.candidates(feature.geometry().boundingBox()))))
    geometry = QgsGeometry(chosen.geometry())
    timings = []
    for _ in range(200):
        began = time.perf_counter()
        check = engine.check_geometry(geometry, plot_layer.crs(), "new_farmland")
        timings.append((time.perf_counter() - began) * 1000)
    timings.sort()
    live = {"median_ms": statistics.median(timings), "p95_ms": timings[int(0.95 * len(timings)) - 1],
            "vertices": geometry.constGet().nCoordinates() - 1, "features_hit": len(check.layers[0].feature_ids),
            "overlap_m2": check.bf_overlap_m2}
    # an edit of one basic-farmland feature under that plot, then the re-check of its project
    code = chosen["project_code"]
    hit = check.layers[0].feature_ids[0] if check.layers[0].feature_ids else next(
        iter(index.candidates(geometry.boundingBox())))
    builds = REGISTRY.builds
    farmland.startEditing()
    edited_at = time.perf_counter()
    moved = farmland.getFeature(hit).geometry()
    moved.translate(3.0, 3.0)
    farmland.changeGeometry(hit, moved)
    after = engine.check_plots(plot_layer, [code])
    edit_ms = (time.perf_counter() - edited_at) * 1000
    farmland.rollBack()
    return {"seconds": cold_s, "live": live, "edit": {"ms": edit_ms, "rebuilds": REGISTRY.builds - builds,
                                                      "plots": len(after[code].plots), "status": after[code].status}}


def main(argv):
    contender, county, plots, out = argv[:4]
    constraint_uri = argv[4] if len(argv) > 4 else None
    from qgis_headless import start_qgis
    start_qgis()
    baseline = peak_mib()
    cpu_started = time.process_time()
    if contender == "native":
        result = run_native(county, plots)
    elif contender == "plugin":
        result = run_plugin(county, plots)
    elif contender == "plugin-pg":
        result = run_plugin(county, plots, constraint_uri)
    elif contender == "live":
        result = run_live(county, plots)
    else:
        raise SystemExit(f"unknown contender {contender}")
    result.update({"contender": contender, "peak_mib": peak_mib(), "started_mib": baseline,
                   "cpu_seconds": time.process_time() - cpu_started,
                   "load": os.getloadavg()[0]})
    Path(out).write_text(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1:])
    sys.stdout.flush()
    os._exit(0)      # skip QGIS's teardown: the figures are written
