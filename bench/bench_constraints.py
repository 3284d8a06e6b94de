# SPDX-License-Identifier: GPL-2.0-or-later
"""Speed of the constraint engine against QGIS's ``native:calculatevectoroverlaps`` on county-shaped data.

Data: ``county_data.generate`` (real parcel shapes in a dense mosaic, 3 % drawn twice, plots of
20–300 vertices and 1–50 ha across the zone width, 50 red-line zones of 400–3,000 vertices) at
250,000 / 1,000,000 / 2,000,000 basic-farmland polygons with 1,000 / 1,000 / 5,000 projects,
generated once and cached outside the repository.

Per size, each contender runs in a fresh process (``constraint_runner.py``: cold, index building
inside the timer), the two interleaved, best of ``DG_BENCH_ROUNDS`` (2): the plugin's
``check_plots`` with basic farmland and the red line, and native with basic farmland and then
with the red line (both timed, summed).  Both measure ellipsoidal areas on the CGCS2000 ellipsoid.
Printed: the times and their ratio (and the ratio of CPU seconds, steadier on a shared machine),
the peak resident memory of each process (QGIS itself included, the same for both), and the
largest difference of any plot's overlap (either layer) between the two.

Then, on the 250k data: the live re-check of a 160-vertex plot with a warm cache (200 runs) and an
edit of one basic-farmland feature with the re-check of its project; and on the 2M data with 1,000
projects: the basic-farmland layer in a throwaway PostGIS (``scripts/pg_cluster.py``), the
plugin reading it there against reading the GeoPackage: time, and bytes over the wire (a counting
TCP relay between QGIS and the server) against bytes read from the GeoPackage.

``DG_BENCH_SIZES=250k,1m,2m,live,postgis`` picks parts (all by default).
"""
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
for folder in (HERE, ROOT, ROOT / "scripts"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))

import county_data  # noqa: E402

SIZES = (("250k", 250_000, 1000, 4.0), ("1m", 1_000_000, 1000, 8.0), ("2m", 2_000_000, 5000, 8.0))
RUNNER = HERE / "constraint_runner.py"
TARGET_LIVE_MS = 5.0
TOLERANCE_M2 = 0.01


def _run(contender, paths, out_folder, constraint_uri=None, plots=None):
    out = Path(out_folder) / f"{contender}-{time.monotonic_ns()}.json"
    command = [sys.executable, str(RUNNER), contender, str(paths["county"]), str(plots or paths["plots"]), str(out)]
    if constraint_uri:
        command.append(constraint_uri)
    environment = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    finished = subprocess.run(command, capture_output=True, text=True, env=environment, timeout=3600)
    if finished.returncode != 0 or not out.exists():
        raise RuntimeError(f"{contender} failed: {finished.stderr[-2000:]}")
    result = json.loads(out.read_text())
    out.unlink()
    return result


def _worst(native, plugin):
    """``(largest |plugin − native| of any plot and layer, plot code, plots compared)``."""
    worst, where = 0.0, ""
    for code, areas in native["plots"].items():
        ours = plugin["plots"].get(code)
        if ours is None:
            return float("inf"), code, 0
        for mine, theirs in zip(ours, areas):
            if abs(mine - theirs) > worst:
                worst, where = abs(mine - theirs), code
    return worst, where, len(native["plots"])


def bench_size(label, parcels, projects, target, rounds, folder):
    started = time.perf_counter()
    paths = county_data.generate(parcels, projects, log=lambda text: print(text, flush=True))
    info = paths["info"]
    runs = {"native": [], "plugin": []}
    for _round in range(rounds):
        for contender in ("native", "plugin"):
            runs[contender].append(_run(contender, paths, folder))
    best = {name: min(results, key=lambda result: result["seconds"]) for name, results in runs.items()}
    native, plugin = best["native"], best["plugin"]
    worst, where, compared = _worst(runs["native"][-1], runs["plugin"][-1])
    ratio = native["seconds"] / plugin["seconds"]
    cpu_ratio = native["cpu_seconds"] / plugin["cpu_seconds"]
    memory = {name: max(result["peak_mib"] for result in results) for name, results in runs.items()}
    layers = native["seconds_by_layer"]
    print(f"| {parcels:,} | {projects:,} | {info['plots']:,} | {plugin['seconds']:.2f} s | "
          f"{native['seconds']:.2f} s ({layers['basic_farmland']:.1f} + {layers['red_line']:.1f}) | "
          f"**{ratio:.2f}×** (CPU {cpu_ratio:.2f}×) | {memory['plugin']:,.0f} / {memory['native']:,.0f} MiB | "
          f"{worst:.4f} m² |", flush=True)
    times = {name: ", ".join(f"{result['seconds']:.2f}" for result in results) for name, results in runs.items()}
    print(f"    {label}: runs plugin {times['plugin']} s, native {times['native']} s; load {native['load']:.1f}; target "
          f"≥ {target:.0f}× {'met' if ratio >= target else 'NOT met'}; memory "
          f"{'met' if memory['plugin'] <= memory['native'] else 'NOT met'}; {compared:,} plots compared, worst "
          f"{where or '-'} ({'met' if worst <= TOLERANCE_M2 else 'NOT met'} ≤ {TOLERANCE_M2} m²); "
          f"{time.perf_counter() - started:.0f} s", flush=True)
    return {"ratio": ratio, "cpu_ratio": cpu_ratio, "plugin_s": plugin["seconds"], "native_s": native["seconds"],
            "peak_plugin_mib": memory["plugin"], "peak_native_mib": memory["native"], "worst_m2": worst}


def bench_live(folder):
    paths = county_data.generate(250_000, 1000)
    live = _run("live", paths, folder)
    median, p95 = live["live"]["median_ms"], live["live"]["p95_ms"]
    print(f"live re-check of a {live['live']['vertices']}-vertex plot over {live['live']['features_hit']} parcels "
          f"(250k data), warm cache: median {median:.2f} ms, p95 {p95:.2f} ms (target median ≤ "
          f"{TARGET_LIVE_MS:.0f} ms: {'met' if median <= TARGET_LIVE_MS else 'NOT met'})", flush=True)
    edit = live["edit"]
    print(f"edit of one basic-farmland feature → re-check of its {edit['plots']}-plot project: {edit['ms']:.1f} ms "
          f"({'no rebuild' if not edit['rebuilds'] else str(edit['rebuilds']) + ' rebuild(s)'}; verdict "
          f"{edit['status']})", flush=True)
    return {"live_median_ms": median, "live_p95_ms": p95, "edit_ms": edit["ms"]}


def bench_postgis(folder):
    import pg_cluster
    from byte_relay import CountingRelay
    paths = county_data.generate(2_000_000, 1000)
    plots = paths["plots"]
    cluster = pg_cluster.start_cluster(extra_settings=("fsync=off", "full_page_writes=off", "synchronous_commit=off",
                                                       "shared_buffers=256MB", "max_wal_size=4GB"))
    try:
        started = time.perf_counter()
        cluster.create_database("county", postgis=True)
        connection = f"PG:host={cluster.host} port={cluster.port} dbname=county user=dg_admin"
        subprocess.run(["ogr2ogr", "-f", "PostgreSQL", connection, str(paths["county"]), "basic_farmland",
                        "-nln", "basic_farmland", "-lco", "GEOMETRY_NAME=geom", "-lco", "FID=fid",
                        "-lco", "SPATIAL_INDEX=GIST", "-gt", "65536", "--config", "PG_USE_COPY", "YES"],
                       check=True, capture_output=True, text=True, timeout=3600)
        cluster.psql("VACUUM ANALYZE basic_farmland", dbname="county")
        rows, table_bytes, wkb_bytes = cluster.psql(
            "SELECT count(*), pg_total_relation_size('basic_farmland'), sum(octet_length(ST_AsBinary(geom))) "
            "FROM basic_farmland", dbname="county")[0]
        print(f"PostGIS: {rows:,} basic-farmland polygons loaded in {time.perf_counter() - started:.0f} s "
              f"(table with its GiST index {table_bytes / 2**20:,.0f} MiB, all geometries as WKB "
              f"{wkb_bytes / 2**20:,.0f} MiB)", flush=True)
        relay = CountingRelay(cluster.port)
        uri = (f"host=127.0.0.1 port={relay.port} dbname=county user=dg_admin sslmode=disable key='fid' "
               f"estimatedmetadata=true srid={county_data.EPSG} type=Polygon checkPrimaryKeyUnicity='0' "
               f"table=\"public\".\"basic_farmland\" (geom)")
        runs = {"plugin-pg": [], "plugin": []}
        for _round in range(2):
            relay.reset()
            result = _run("plugin-pg", paths, folder, uri, plots)
            result["wire_bytes"] = relay.sent + relay.received
            runs["plugin-pg"].append(result)
            runs["plugin"].append(_run("plugin", paths, folder, plots=plots))
        relay.close()
        pg = min(runs["plugin-pg"], key=lambda result: result["seconds"])
        gpkg = min(runs["plugin"], key=lambda result: result["seconds"])
        worst, where, compared = _worst(gpkg, pg)
        print(f"| PostGIS (2,000,000, 1,000 projects, {compared:,} plots) | {pg['seconds']:.2f} s | "
              f"{pg['wire_bytes'] / 2**20:,.1f} MiB over the wire (table {table_bytes / 2**20:,.0f} MiB) | "
              f"GeoPackage {gpkg['seconds']:.2f} s, {gpkg['bytes_read'] / 2**20:,.1f} MiB read | "
              f"same overlaps: worst {worst:.2g} m² {where} |", flush=True)
        return {"pg_s": pg["seconds"], "pg_wire_mib": pg["wire_bytes"] / 2**20, "gpkg_s": gpkg["seconds"],
                "gpkg_read_mib": gpkg["bytes_read"] / 2**20, "table_mib": table_bytes / 2**20}
    finally:
        cluster.stop()


def main():
    selected = set(filter(None, os.environ.get("DG_BENCH_SIZES", "250k,1m,2m,live,postgis").lower().split(",")))
    rounds = int(os.environ.get("DG_BENCH_ROUNDS", "2"))
    print(f"county-shaped data in {county_data.cache_folder()}; {rounds} round(s), contenders interleaved, each in "
          f"its own process; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores", flush=True)
    print("| basic farmland | projects | plots | plugin | native (bf + red line) | native/plugin | peak memory "
          "plugin / native | worst plot difference |", flush=True)
    print("|---|---|---|---|---|---|---|---|", flush=True)
    results = {}
    with tempfile.TemporaryDirectory(prefix="dg_bench_") as folder:
        for label, parcels, projects, target in SIZES:
            if label in selected:
                results[label] = bench_size(label, parcels, projects, target, rounds, folder)
        if "live" in selected:
            results["live"] = bench_live(folder)
        if "postgis" in selected:
            results["postgis"] = bench_postgis(folder)
    return results


if __name__ == "__main__":
    main()
