# SPDX-License-Identifier: GPL-2.0-or-later
"""Every QGIS expression the plugin writes parses and evaluates on this machine's QGIS, the minimum version.

metadata.txt says ``qgisMinimumVersion=3.22`` and Debian 12's QGIS is 3.22: what parses here parses
on the oldest QGIS the plugin promises.  The expressions are collected from what the code paths
write, not from a list kept by hand: the default styles stored in a new and in a migrated project
database (field constraints, defaults), the layers the dock configures, the meeting sheet's and the
overview's memory layers (rule filters, categories, labels) and their layouts (label text, data-defined
properties, atlas), and the feature-request filters the core builds.  ``BETWEEN`` (3.26+) once
stopped every plot form on 3.22; the source scan at the end is a tripwire for it.
"""
import ast
import re
import shutil
from pathlib import Path

import pytest
from qgis.core import (Qgis, QgsExpression, QgsExpressionContext, QgsExpressionContextUtils,
                       QgsLayoutItemLabel, QgsProject, QgsProperty, QgsVectorLayer, QgsVectorLayerUtils)

from double_guarantee_plugin.core import project_db, projects

ROOT = Path(__file__).resolve().parents[1]
PLUGIN = ROOT / "double_guarantee_plugin"
TEST_DATA = Path(__file__).resolve().parent / "data"
MIN_VERSION = next(line.split("=", 1)[1].strip() for line in (ROOT / "metadata.txt").read_text().splitlines()
                   if line.startswith("qgisMinimumVersion="))


def test_this_machine_runs_the_minimum_version():
    """On Debian 12 (QGIS 3.22) the checks below prove "parses on the minimum version"; on a newer
    QGIS (Debian 13, sid: ``make test-matrix``) they prove it for that version only, and say so."""
    major, minor = (int(part) for part in MIN_VERSION.split(".")[:2])
    running = (Qgis.QGIS_VERSION_INT // 10000, Qgis.QGIS_VERSION_INT // 100 % 100)
    assert running >= (major, minor), f"QGIS {Qgis.QGIS_VERSION} is older than qgisMinimumVersion={MIN_VERSION}"
    if running != (major, minor):
        pytest.skip(f"QGIS {Qgis.QGIS_VERSION}: these checks prove 'parses on {MIN_VERSION}' only when run on "
                    f"QGIS {MIN_VERSION} (Debian 12); here they prove it for {running[0]}.{running[1]}")


# -- collecting ---------------------------------------------------------------------------------------
def _property_expressions(collection, where):
    found = []
    for key in collection.propertyKeys():
        prop = collection.property(key)
        if prop.isActive() and prop.propertyType() == QgsProperty.Type.ExpressionBasedProperty:
            found.append((f"{where} data-defined {key}", prop.expressionString()))
        elif prop.isActive() and prop.propertyType() == QgsProperty.Type.FieldBasedProperty:
            found.append((f"{where} data-defined field {key}", QgsExpression.quotedColumnRef(prop.field())))
    return found


def _renderer_expressions(renderer, where):
    found = []
    kind = renderer.type()
    if kind in ("categorizedSymbol", "graduatedSymbol"):
        found.append((f"{where} {kind} attribute", renderer.classAttribute()))
    if kind == "RuleRenderer":
        for rule in renderer.rootRule().descendants():
            if rule.filterExpression():
                found.append((f"{where} rule {rule.label()}", rule.filterExpression()))
    from qgis.core import QgsRenderContext
    for symbol in renderer.symbols(QgsRenderContext()):
        for index in range(symbol.symbolLayerCount()):
            found += _property_expressions(symbol.symbolLayer(index).dataDefinedProperties(), f"{where} symbol")
    return found


def layer_expressions(layer):
    """``[(where, expression)]`` of everything on ``layer`` that QGIS evaluates as an expression."""
    where = layer.name()
    found = []
    for index, field in enumerate(layer.fields()):
        if layer.constraintExpression(index):
            found.append((f"{where}.{field.name()} constraint", layer.constraintExpression(index)))
        default = layer.defaultValueDefinition(index).expression()
        if default:
            found.append((f"{where}.{field.name()} default", default))
    if layer.renderer() is not None:
        found += _renderer_expressions(layer.renderer(), where)
    labeling = layer.labeling()
    if labeling is not None and labeling.type() == "simple":
        settings = labeling.settings()
        text = settings.fieldName if settings.isExpression else QgsExpression.quotedColumnRef(settings.fieldName)
        found.append((f"{where} label", text))
        found += _property_expressions(settings.dataDefinedProperties(), f"{where} label")
    if layer.displayExpression():
        found.append((f"{where} display expression", layer.displayExpression()))
    found += _property_expressions(layer.dataDefinedProperties(), where) if hasattr(layer, "dataDefinedProperties") \
        else []
    return found


def layout_expressions(layout):
    found = []
    for item in layout.items():
        if not hasattr(item, "dataDefinedProperties"):
            continue
        name = f"layout {layout.name()} item {getattr(item, 'id', lambda: '')()}"
        found += _property_expressions(item.dataDefinedProperties(), name)
        if isinstance(item, QgsLayoutItemLabel):
            found += [(f"{name} text", inner) for inner in re.findall(r"\[%(.*?)%\]", item.text(), re.S)]
        if hasattr(item, "layers"):
            for layer in item.layers():
                if isinstance(layer, QgsVectorLayer):
                    found += layer_expressions(layer)
    atlas = getattr(layout, "atlas", lambda: None)()
    if atlas is not None and atlas.enabled():
        for label, text in (("filter", atlas.filterExpression()), ("page name", atlas.pageNameExpression()),
                            ("sort", atlas.sortExpression())):
            if text:
                found.append((f"layout {layout.name()} atlas {label}", text))
    return found


def check_expressions(found, layer=None):
    """Every expression parses; with a layer it also prepares and evaluates on its features without error."""
    assert found, "no expression collected: the collector looks in the wrong place"
    problems = []
    for where, text in found:
        expression = QgsExpression(text)
        if expression.hasParserError():
            problems.append(f"{where}: does not parse on QGIS {Qgis.QGIS_VERSION}: {expression.parserErrorString()}"
                            f"\n    {text}")
            continue
        if layer is None:
            continue
        context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
        # an empty new feature (NULLs and defaults, as a form starts) and real ones
        features = [QgsVectorLayerUtils.createFeature(layer)] + list(layer.getFeatures())[:20]
        for feature in features:
            context.setFeature(feature)
            expression.prepare(context)
            expression.evaluate(context)
            if expression.hasEvalError():
                problems.append(f"{where}: fails on feature {feature.id()}: {expression.evalErrorString()}\n    {text}")
                break
    assert not problems, "\n".join(problems)


# -- the code paths -------------------------------------------------------------------------------------
def _stored_style_layers(path):
    """The layers as QGIS opens them without the plugin: configured only by the file's default styles."""
    return [QgsVectorLayer(project_db.layer_uri(str(path), name), name, "ogr")
            for name in (project_db.PLOTS_LAYER, project_db.PROJECTS_TABLE)]


def test_a_new_project_database_stores_expressions_that_work(tmp_path):
    path = tmp_path / "new.gpkg"
    project_db.create_project_database(str(path), "EPSG:4527")
    plots, projects_layer = _stored_style_layers(path)
    found = layer_expressions(plots)
    assert any("grade_after constraint" in where for where, _ in found)
    check_expressions(found, plots)
    check_expressions(layer_expressions(projects_layer), projects_layer)
    configured = project_db.open_project_database(str(path))
    for layer in configured:
        check_expressions(layer_expressions(layer), layer)


@pytest.mark.parametrize("grade, system, accepted", [
    (None, "use_grade_15", True), (1, "use_grade_15", True), (15, "use_grade_15", True), (16, "use_grade_15", False),
    (0, "use_grade_15", False), (10, "quality_level_10", True), (11, "quality_level_10", False),
    (12, None, True)])
def test_grade_constraints_accept_the_system_range_and_refuse_the_rest(tmp_path, grade, system, accepted):
    """What the form shows: QGIS's own constraint check on the stored style, empty grades allowed."""
    path = tmp_path / "grades.gpkg"
    project_db.create_project_database(str(path), "EPSG:4527")
    plots, _projects = _stored_style_layers(path)
    feature = QgsVectorLayerUtils.createFeature(plots)
    for name, value in (("project_code", "P1"), ("class_before", "0103"), ("class_after", "0103"),
                        ("grade_system", system), ("grade_after", grade)):
        feature[name] = value
    index = plots.fields().indexOf("grade_after")
    ok, errors = QgsVectorLayerUtils.validateAttribute(plots, feature, index)
    assert ok is accepted, errors


def test_old_databases_get_the_corrected_styles_when_opened(tmp_path):
    """A version-1 file and a version-2 file written with BETWEEN: one opening rewrites their styles."""
    old = tmp_path / "v1.gpkg"
    shutil.copy(TEST_DATA / "project_db_v1.gpkg", old)
    between = tmp_path / "between.gpkg"
    project_db.create_project_database(str(between), "EPSG:4527")
    import sqlite3
    with sqlite3.connect(between) as connection:   # what the plugin stored before STYLE_VERSION 2
        connection.execute("UPDATE layer_styles SET styleQML = replace(styleQML, '&quot;grade_after&quot; >= 1 AND "
                           "&quot;grade_after&quot; &lt;= 15', '&quot;grade_after&quot; BETWEEN 1 AND 15')")
        connection.execute("DELETE FROM dg_meta WHERE key = 'style_version'")
        assert connection.execute("SELECT count(*) FROM layer_styles WHERE styleQML LIKE '%BETWEEN%'").fetchone()[0]
    assert project_db.style_version(str(between)) == 1
    for path in (old, between):
        project_db.open_project_database(str(path))
        assert project_db.style_version(str(path)) == project_db.project_db_styles.STYLE_VERSION
        plots, projects_layer = _stored_style_layers(path)
        check_expressions(layer_expressions(plots), plots)
        check_expressions(layer_expressions(projects_layer), projects_layer)
        with sqlite3.connect(path) as connection:
            assert connection.execute("SELECT count(*) FROM layer_styles WHERE styleQML LIKE '%BETWEEN%'"
                                      ).fetchone()[0] == 0


def test_a_failed_style_migration_changes_nothing(tmp_path, monkeypatch):
    """Schema, styles and the version marks move together: a failure while writing styles leaves the file as it was."""
    import sqlite3
    path = tmp_path / "v1.gpkg"
    shutil.copy(TEST_DATA / "project_db_v1.gpkg", path)
    from double_guarantee_plugin.core import project_db_styles

    def broken(*_args, **_kwargs):
        raise RuntimeError("disk full")
    monkeypatch.setattr(project_db_styles, "configured_style", broken)
    with pytest.raises(project_db.ProjectDatabaseError, match="nothing was changed"):
        project_db.migrate(str(path))
    assert project_db.schema_version(str(path)) == 1
    with sqlite3.connect(path) as connection:
        columns = [row[1] for row in connection.execute("PRAGMA table_info(plots)")]
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert "grade_system" not in columns and "layer_styles" not in tables


def test_meeting_sheet_and_overview_expressions(demo_paths, qgis_new_project):
    from double_guarantee_plugin.core.reports.export import MeetingMapJob, build_sheet
    from double_guarantee_plugin.core.reports.fonts import resolve_font_family
    from double_guarantee_plugin.core.reports.overview import overview_sheet
    from double_guarantee_plugin.core.reports.report_data import gather_reports
    plots = QgsVectorLayer(f"{demo_paths['projects']}|layername=plots", "plots", "ogr")
    red_line = QgsVectorLayer(f"{demo_paths['county']}|layername=red_line", "red_line", "ogr")
    assert plots.isValid() and red_line.isValid()
    reports, _problems = gather_reports(plots, ["DG2023-01", "DG2024-07"], red_line=red_line)
    family = resolve_font_family()
    job = MeetingMapJob(plots, "", red_line=red_line)
    sheet = build_sheet(QgsProject.instance(), reports[0], job, family)
    found = layout_expressions(sheet.layout)
    assert any("rule" in where for where, _ in found)
    check_expressions(found)
    for layer in sheet.layers:
        check_expressions(layer_expressions(layer) or [("none", "1")], layer)
    overview = overview_sheet(QgsProject.instance(), plots, reports)
    found = layout_expressions(overview.layout)
    assert any("label" in where for where, _ in found)
    check_expressions(found)
    for layer in overview.layers:
        check_expressions(layer_expressions(layer) or [("none", "1")], layer)


def test_feature_request_filters_parse(demo_paths):
    from double_guarantee_plugin.core.reports.report_data import _request_for
    from double_guarantee_plugin.core.reports.report_data import PlotFields
    plots = QgsVectorLayer(f"{demo_paths['projects']}|layername=plots", "plots", "ogr")
    tricky = "DG'2023 \"01\""
    requests = [("projects.project_request", projects.project_request(tricky)),
                ("report_data._request_for", _request_for(tricky, PlotFields()))]
    check_expressions([(where, request.filterExpression().expression()) for where, request in requests], plots)
    for _where, request in requests:   # the quoting holds: the tricky code matches nothing, the real one its plots
        assert list(plots.getFeatures(request)) == []
    assert len(list(plots.getFeatures(projects.project_request("DG2023-01")))) > 0


def _string_constants(path):
    """The string literals of a module except docstrings (prose may name BETWEEN)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docstrings.add(id(first.value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            yield node.lineno, node.value


# SQL sent to PostgreSQL, never to QGIS's expression engine: BETWEEN is fine there
SQL_ONLY = {"core/project_db_pg.py"}


def test_no_qgis_expression_in_the_source_uses_between():
    offenders = []
    for path in sorted(PLUGIN.rglob("*.py")):
        relative = path.relative_to(PLUGIN).as_posix()
        if relative in SQL_ONLY:
            continue
        for line, text in _string_constants(path):
            # the SQL keyword, or a quoted column or bracket followed by "between" (prose says "between 0 and 1")
            if re.search(r"\bBETWEEN\b", text) or re.search(r"[\")]\s*between\s", text, re.I):
                offenders.append(f"{relative}:{line}: {text[:80]!r}")
    assert not offenders, "BETWEEN parses only from QGIS 3.26:\n" + "\n".join(offenders)
