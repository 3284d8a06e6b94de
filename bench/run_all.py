# SPDX-License-Identifier: GPL-2.0-or-later
"""Run every benchmark ``bench/bench_*.py`` in one process order and print their figures.

Each benchmark module has ``main()``; it prints its own figures and ratios against the QGIS
native algorithm it measured in the same run.  ``make bench`` calls this file.
"""
import importlib.util
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(selected=None):
    names = sorted(p for p in HERE.glob("bench_*.py") if not selected or p.stem in selected)
    failures = 0
    for path in names:
        print(f"=== {path.stem}", flush=True)
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        started = time.perf_counter()
        try:
            spec.loader.exec_module(module)
            module.main()
        except Exception as exc:  # report and go on with the next benchmark
            failures += 1
            print(f"{path.stem} FAILED: {type(exc).__name__}: {exc}", flush=True)
        print(f"--- {path.stem} took {time.perf_counter() - started:.1f} s", flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    code = main(set(sys.argv[1:]) or None)
    sys.stdout.flush()
    sys.stderr.flush()
    # leave without running QGIS's and Qt's destructors: after docks, tasks and providers of several
    # benchmarks in one process their teardown order can crash (a segfault after all figures printed)
    os._exit(code)
