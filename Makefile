# SPDX-License-Identifier: GPL-2.0-or-later
# Double Guarantee plugin: every target installs what it needs (scripts/setup.sh) first.
SHELL := /bin/bash
PY := .venv/bin/python
PLUGIN := double_guarantee_plugin
VERSION := $(shell sed -n 's/^version=//p' metadata.txt)
export QT_QPA_PLATFORM ?= offscreen
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: setup demo test test-matrix test-desktop bench run package docs manual-screenshots transup transcompile screenshots clean

setup:
	@bash scripts/setup.sh

demo: setup transcompile
	$(PY) scripts/demo.py

test: setup transcompile docs
	@set +e; xvfb-run -a -s "-screen 0 1600x1000x24" $(PY) -m pytest -c tests/pytest.ini --rootdir=tests $(or $(PYTEST_ARGS),tests); rc=$$?; \
	if [ $$rc = 5 ]; then echo "make test: pytest collected no tests"; exit 1; fi; exit $$rc

# make test and make demo of a clean clone on Debian 13 (QGIS 3.40) and sid (QGIS 3.44), in cached
# debootstrap roots (DG_MATRIX_CACHE, default /var/cache/double-guarantee/matrix)
test-matrix:
	bash scripts/test_matrix.sh $(MATRIX_RELEASES)

# the real QGIS desktop at 1366x768 under Xvfb, the plugin from the zip, once per locale (tests/desktop)
test-desktop: setup package
	@# the demo project, again when the demo data were regenerated (a new demo version) after it was written
	@[ demo_output/demo_county.qgz -nt demo_data/demo_version.json ] || $(MAKE) demo
	$(PY) tests/desktop/run_desktop.py $(DESKTOP_ARGS)

screenshots: setup transcompile
	DG_UPDATE_SCREENSHOTS=1 xvfb-run -a -s "-screen 0 1600x1000x24" $(PY) -m pytest -c tests/pytest.ini --rootdir=tests -q tests/gui/test_i18n.py

# make bench BENCH=bench_constraints DG_BENCH_SIZES=250k,1m (sizes 250k,1m,2m,live,postgis; all by default)
bench: setup
	$(PY) bench/run_all.py $(BENCH)

run: setup transcompile docs
	bash scripts/run_qgis.sh

# the zip through qgis-plugin-ci (scripts/package.py says what it packages); REF=<tag> packages that commit
package: setup transcompile docs
	$(PY) scripts/package.py $(if $(REF),--ref $(REF))

# the user manual (docs/manual, Markdown) as HTML pages inside the plugin: resources/help/
docs: setup
	$(PY) scripts/build_docs.py

# the manual's pictures from the desktop test (real QGIS, Xvfb 1366x768, zh-Hans and en_US), then make docs
manual-screenshots: setup transcompile
	@[ -f demo_output/demo_county.qgz ] || $(MAKE) demo
	$(PY) scripts/manual_screenshots.py $(MANUAL_SHOTS_ARGS)

transup:
	pylupdate5 -noobsolete $$(find $(PLUGIN) -name '*.py' | sort) -ts i18n/double_guarantee_zh_CN.ts
	/usr/bin/python3 scripts/ts_single_context.py i18n/double_guarantee_zh_CN.ts

transcompile:
	@command -v lrelease >/dev/null || bash scripts/setup.sh
	@for ts in i18n/*.ts; do lrelease -silent "$$ts" -qm "$${ts%.ts}.qm"; done

clean:
	rm -rf demo_output dist .pytest_cache resources/help
