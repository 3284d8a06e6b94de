# SPDX-License-Identifier: GPL-2.0-or-later
"""``make demo``: generate the demo county once (cached), then run every demo step headless.

Steps live in ``scripts/demo_steps/`` as ``NN_name.py`` modules with ``run(ctx)``; they run in
file-name order.  ``ctx`` carries ``data_dir`` (cached demo data), ``output_dir``
(``demo_output/``) and ``log(message)``.  Outputs stay in ``demo_output/``.
"""
import importlib.util
import sys
import time
from pathlib import Path
from types import SimpleNamespace

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from qgis_headless import start_qgis, stop_qgis  # noqa: E402


def main():
    start_qgis()
    import generate_demo
    data_dir = ROOT / "demo_data"
    output_dir = ROOT / "demo_output"
    output_dir.mkdir(exist_ok=True)
    started = time.perf_counter()
    generate_demo.ensure_demo_data(data_dir)
    ctx = SimpleNamespace(data_dir=data_dir, output_dir=output_dir, root=ROOT, results={},
                          log=lambda message: print(f"demo: {message}", flush=True))
    for path in sorted((HERE / "demo_steps").glob("[0-9][0-9]_*.py")):
        ctx.log(f"step {path.stem}")
        spec = importlib.util.spec_from_file_location(f"demo_step_{path.stem}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        module.run(ctx)
    ctx.log(f"finished in {time.perf_counter() - started:.1f} s")
    print(f"\nDemo outputs are in {output_dir}:")
    for item in sorted(output_dir.iterdir()):
        print(f"  {item.name}")
    del ctx
    stop_qgis()


if __name__ == "__main__":
    main()
