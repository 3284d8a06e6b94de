# SPDX-License-Identifier: GPL-2.0-or-later
"""The project database: a GeoPackage with a ``projects`` table and a ``plots`` polygon layer.

Schema version 3 (current).  Version 1 files (the first layout) lack ``plots.grade_system`` and
``projects.funding_source`` / ``projects.implemented_on``; version 2 files lack the plot fields of
the standard county data (both grade systems, 田坎 coefficient, 耕地类型, 耕地坡度级别, year of
implementation); ``open_project_database()`` migrates them in one transaction.  Field aliases,
value maps and constraints are stored as the layers'
default style in the GeoPackage, so QGIS's own attribute form validates input even when the file
is opened without the plugin; ``dg_meta.style_version`` (core.project_db_styles) says which generation
of expressions they hold, and opening an older file rewrites them in the migration's transaction.
"""
import os
import sqlite3
import uuid

from osgeo import gdal, ogr, osr
from qgis.core import (QgsAttributeEditorContainer, QgsAttributeEditorField, QgsCoordinateReferenceSystem,
                       QgsDefaultValue, QgsEditFormConfig, QgsEditorWidgetSetup, QgsFieldConstraints, QgsVectorLayer)

from ..i18n import tr
from . import project_db_styles, tables
from .crs import CGCS2000_GEOGRAPHIC, zone_for_epsg
from .workflow.schema import PROJECT_COLUMNS as WORKFLOW_COLUMNS
from .workflow.schema import configure_projects_layer as configure_workflow_columns
from .workflow.schema import ensure_workflow_schema

SCHEMA_VERSION = 3
PROJECTS_TABLE = "projects"
PLOTS_LAYER = "plots"
META_TABLE = "dg_meta"

PROJECT_FIELDS = [  # name, OGR type, width, alias (zh)
    ("project_code", ogr.OFTString, 40, "项目编号"),
    ("project_name", ogr.OFTString, 200, "项目名称"),
    ("county_code", ogr.OFTString, 12, "县级行政区代码"),
    ("project_type", ogr.OFTString, 40, "项目类型"),
    ("funding_source", ogr.OFTString, 40, "资金来源"),
    ("implemented_on", ogr.OFTDate, 0, "实施日期"),
    ("status", ogr.OFTString, 20, "项目状态"),
]
PLOT_FIELDS = [
    ("project_code", ogr.OFTString, 40, "项目编号"),
    ("plot_code", ogr.OFTString, 40, "地块编号"),
    ("class_before", ogr.OFTString, 8, "实施前地类"),
    ("class_after", ogr.OFTString, 8, "实施后地类"),
    ("grade_system", ogr.OFTString, 24, "等别体系"),
    ("grade_before", ogr.OFTInteger, 0, "实施前等别"),
    ("grade_after", ogr.OFTInteger, 0, "实施后等别"),
    # version 3: both grade systems on every plot, and the standard fields of a 补充耕地 parcel
    ("use_grade_before", ogr.OFTInteger, 0, "实施前利用等别（1–15）"),
    ("use_grade_after", ogr.OFTInteger, 0, "实施后利用等别（1–15）"),
    ("quality_level_before", ogr.OFTInteger, 0, "实施前耕地质量等级（1–10）"),
    ("quality_level_after", ogr.OFTInteger, 0, "实施后耕地质量等级（1–10）"),
    ("slope_level", ogr.OFTString, 2, "耕地坡度级别"),
    ("farmland_type", ogr.OFTString, 2, "耕地类型"),
    ("tiankan_coefficient", ogr.OFTReal, 0, "田坎系数"),
    ("implementation_year", ogr.OFTInteger, 0, "补充耕地实施年份"),
]
# the fields whose constraints refuse an empty value (marked in the form)
PLOT_REQUIRED = ("project_code", "class_before", "class_after")
PROJECT_REQUIRED = ("project_code",)
# what version 1 lacked, with the value migrated rows get
V1_MISSING = {
    PROJECTS_TABLE: [("funding_source", "TEXT", None), ("implemented_on", "DATE", None)],
    PLOTS_LAYER: [("grade_system", "TEXT", "'use_grade_15'")],
}
# what version 2 lacked (plots only; empty in migrated rows)
V2_MISSING = ("use_grade_before", "use_grade_after", "quality_level_before", "quality_level_after", "slope_level",
              "farmland_type", "tiankan_coefficient", "implementation_year")


# the explicit grade fields of each grade system, and the slope levels (GDPDJB) with their ranges
SYSTEM_FIELDS = {"use_grade_before": "use_grade_15", "use_grade_after": "use_grade_15",
                 "quality_level_before": "quality_level_10", "quality_level_after": "quality_level_10"}
SLOPE_LEVEL_TEXT = {"1": "≤2°", "2": "2–6°", "3": "6–15°", "4": "15–25°", "5": ">25°"}


class ProjectDatabaseError(RuntimeError):
    """A project database that cannot be created, opened or migrated; the message names the file."""


def is_cgcs2000_crs(crs):
    """True for CGCS2000 geographic (EPSG:4490) and its Gauss-Krüger zones (4491–4554)."""
    authid = crs.authid() if hasattr(crs, "authid") else str(crs)
    if not authid.upper().startswith("EPSG:"):
        return False
    code = int(authid.split(":")[1])
    if code == CGCS2000_GEOGRAPHIC:
        return True
    zone = zone_for_epsg(code)
    return zone is not None and zone[0] == "cgcs2000"


def _srs(crs):
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(int(crs.authid().split(":")[1]))
    return srs


def create_project_database(path, crs, overwrite=False):
    """Create a new project database at ``path`` in the CGCS2000 ``crs`` (QgsCoordinateReferenceSystem)."""
    if isinstance(crs, (str, int)):
        crs = QgsCoordinateReferenceSystem(f"EPSG:{crs}" if isinstance(crs, int) else crs)
    if not is_cgcs2000_crs(crs):
        raise ProjectDatabaseError(
            f"{path}: the CRS {crs.authid() or crs.description()} is not CGCS2000 (EPSG:4490 or a "
            f"CGCS2000 Gauss-Krüger zone, EPSG:4491–4554)")
    if os.path.exists(path):
        if not overwrite:
            raise ProjectDatabaseError(f"{path}: the file exists already")
        os.remove(path)
    # return codes, not gdal.UseExceptions(): that switch is process-wide and shared with QGIS's other users
    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(path)
    if dataset is None:
        raise ProjectDatabaseError(f"{path}: cannot create the file ({gdal.GetLastErrorMsg()})")
    projects = dataset.CreateLayer(PROJECTS_TABLE, geom_type=ogr.wkbNone, options=["FID=fid"])
    plots = dataset.CreateLayer(PLOTS_LAYER, srs=_srs(crs), geom_type=ogr.wkbMultiPolygon,
                                options=["FID=fid", "GEOMETRY_NAME=geom", "SPATIAL_INDEX=YES"])
    if projects is None or plots is None:
        dataset = None
        os.remove(path)
        raise ProjectDatabaseError(f"{path}: cannot create the layers ({gdal.GetLastErrorMsg()})")
    _add_fields(projects, PROJECT_FIELDS)
    _add_fields(plots, PLOT_FIELDS)
    dataset = None
    with sqlite3.connect(path) as connection:
        connection.execute(f"CREATE TABLE {META_TABLE} (key TEXT PRIMARY KEY, value TEXT)")
        connection.execute(f"INSERT INTO {META_TABLE} VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))  # nosec B608  # table, column and default from the plugin's own schema definition; values bound
        connection.execute(f"INSERT INTO {META_TABLE} VALUES ('crs', ?)", (crs.authid(),))  # nosec B608  # table, column and default from the plugin's own schema definition; values bound
        # the database's identity (an offline package is bound to it; core.offline.identity)
        connection.execute(f"INSERT INTO {META_TABLE} VALUES ('review_database_id', ?)", (uuid.uuid4().hex,))  # nosec B608  # table, column and default from the plugin's own schema definition; values bound
        connection.execute(f"CREATE UNIQUE INDEX projects_code_unique ON {PROJECTS_TABLE}(project_code)")
        connection.execute(f"CREATE INDEX plots_project_code ON {PLOTS_LAYER}(project_code)")
    ensure_workflow_schema(path)
    save_default_styles(path)
    return path


def _add_fields(layer, fields):
    for name, kind, width, _alias in fields:
        definition = ogr.FieldDefn(name, kind)
        if width:
            definition.SetWidth(width)
        if name == "project_code":
            definition.SetNullable(False)
        if layer.CreateField(definition) != 0:
            raise ProjectDatabaseError(f"cannot create field {name} ({gdal.GetLastErrorMsg()})")


def schema_version(path):
    """The schema version stored in the file (1 for files with no version table)."""
    try:
        return _schema_version(path)
    except sqlite3.DatabaseError as exc:
        raise ProjectDatabaseError(f"{path}: not a GeoPackage project database ({exc})") from exc


def _schema_version(path):
    with sqlite3.connect(path) as connection:
        names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if PLOTS_LAYER not in names or PROJECTS_TABLE not in names:
            raise ProjectDatabaseError(f"{path}: not a project database (no '{PLOTS_LAYER}' and "
                                       f"'{PROJECTS_TABLE}' tables)")
        if META_TABLE not in names:
            return 1
        row = connection.execute(f"SELECT value FROM {META_TABLE} WHERE key='schema_version'").fetchone()  # nosec B608  # table, column and default from the plugin's own schema definition; values bound
        return int(row[0]) if row else 1


def style_version(path):
    """The generation of field expressions the file's stored styles hold (project_db_styles.STYLE_VERSION)."""
    with sqlite3.connect(path) as connection:
        names = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if META_TABLE not in names:
            return 0
        query = f"SELECT value FROM {META_TABLE} WHERE key=?"  # nosec B608  # the plugin's own table name; key bound
        row = connection.execute(query, (project_db_styles.STYLE_VERSION_KEY,)).fetchone()
        return int(row[0]) if row else 1


def migrate(path):
    """Bring a project database to SCHEMA_VERSION and its stored styles to STYLE_VERSION, all in one
    transaction; returns the schema version it had."""
    version = schema_version(path)
    if version > SCHEMA_VERSION:
        raise ProjectDatabaseError(f"{path}: schema version {version} is newer than this plugin "
                                   f"understands ({SCHEMA_VERSION}); update the plugin")
    if version == SCHEMA_VERSION and style_version(path) >= project_db_styles.STYLE_VERSION:
        return version
    # through OGR, not sqlite3: the GeoPackage's R-tree triggers call ST_* functions only GDAL provides
    dataset = ogr.Open(path, 1)
    if dataset is None:
        raise ProjectDatabaseError(f"{path}: cannot open the file for writing")
    dataset.StartTransaction()
    try:
        if version < 3:
            layer = dataset.GetLayerByName(PLOTS_LAYER)
            definition = layer.GetLayerDefn()
            existing = {definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())}
            for name, kind, width, _alias in PLOT_FIELDS:
                if name in V2_MISSING and name not in existing:
                    field = ogr.FieldDefn(name, kind)
                    if width:
                        field.SetWidth(width)
                    if layer.CreateField(field) != 0:
                        raise RuntimeError(f"cannot add column {PLOTS_LAYER}.{name}")
        if version < 2:
            for table, columns in V1_MISSING.items():
                layer = dataset.GetLayerByName(table)
                existing = {layer.GetLayerDefn().GetFieldDefn(i).GetName()
                            for i in range(layer.GetLayerDefn().GetFieldCount())}
                for name, sql_type, default in columns:
                    if name not in existing:
                        kind = ogr.OFTDate if sql_type == "DATE" else ogr.OFTString
                        if layer.CreateField(ogr.FieldDefn(name, kind)) != 0:
                            raise RuntimeError(f"cannot add column {table}.{name}")
                        if default is not None:
                            dataset.ExecuteSQL(f"UPDATE {table} SET {name} = {default}")  # nosec B608  # table, column and default from the plugin's own schema definition; values bound
            dataset.ExecuteSQL(f"CREATE TABLE IF NOT EXISTS {META_TABLE} (key TEXT PRIMARY KEY, value TEXT)")
            dataset.ExecuteSQL(f"CREATE UNIQUE INDEX IF NOT EXISTS projects_code_unique "
                               f"ON {PROJECTS_TABLE}(project_code)")
            dataset.ExecuteSQL(f"CREATE INDEX IF NOT EXISTS plots_project_code ON {PLOTS_LAYER}(project_code)")
        dataset.ExecuteSQL(f"INSERT OR REPLACE INTO {META_TABLE} VALUES ('schema_version', '{SCHEMA_VERSION}')")
        _write_styles(dataset)
        if dataset.CommitTransaction() != 0:
            raise RuntimeError("commit failed")
    except Exception as exc:
        dataset.RollbackTransaction()
        raise ProjectDatabaseError(f"{path}: migration from version {version} failed, nothing was "
                                   f"changed ({exc})") from exc
    finally:
        dataset = None
    return version


def plots_layer_name():
    """The plots layer's name in the layer tree, in the user's language only (地块 / Plots)."""
    return tr("Plots")


def projects_layer_name():
    return tr("Projects")


def _projects_style_fields():
    """The projects table's columns as the stored style sees them: ours, then the workflow's (which
    core.workflow.schema appends to every database, old or new, in this order)."""
    kinds = {"TEXT": ogr.OFTString, "DATE": ogr.OFTDate}
    return PROJECT_FIELDS + [(name, kinds[sqlite_type], 0, alias)
                             for name, sqlite_type, _pg_type, alias in WORKFLOW_COLUMNS]


def _write_styles(dataset):
    """The default styles of both layers and their STYLE_VERSION, inside the caller's transaction."""
    project_db_styles.write_styles(dataset, PLOTS_LAYER, "geom", PLOT_FIELDS, configure_plots_layer,
                                   "MultiPolygon")
    project_db_styles.write_styles(dataset, PROJECTS_TABLE, "", _projects_style_fields(), configure_projects_layer)
    dataset.ExecuteSQL(f"INSERT OR REPLACE INTO {META_TABLE} VALUES "
                       f"('{project_db_styles.STYLE_VERSION_KEY}', '{project_db_styles.STYLE_VERSION}')")


def layer_uri(path, name):
    return f"{path}|layername={name}"


def open_project_database(path):
    """Migrate if needed and return ``(plots_layer, projects_layer)`` configured for editing."""
    if not os.path.exists(path):
        raise ProjectDatabaseError(f"{path}: file not found")
    migrate(path)
    if ensure_workflow_schema(path):   # the 2024 workflow's columns and tables, in their own transaction
        save_default_styles(path)
    plots = QgsVectorLayer(layer_uri(path, PLOTS_LAYER), plots_layer_name(), "ogr")
    projects = QgsVectorLayer(layer_uri(path, PROJECTS_TABLE), projects_layer_name(), "ogr")
    if not plots.isValid() or not projects.isValid():
        raise ProjectDatabaseError(f"{path}: QGIS cannot open the plots or projects layer")
    configure_plots_layer(plots)
    configure_projects_layer(projects)
    return plots, projects


def _value_map(rows, label_key="name_zh"):
    """A value map showing the Chinese name; a numeric code (GB/T 21010 0101) stays in front of it, an
    English code word (land_consolidation) is for the database only and never shown."""
    return QgsEditorWidgetSetup("ValueMap", {"map": [
        {(f"{row['code']} {row[label_key]}" if str(row["code"]).isdigit() else row[label_key]): row["code"]}
        for row in rows]})


REQUIRED_MARK = " *"     # after the label of a field the form will not accept empty


def _form_layout(layer, field_rows, title, required, second_tab=None):
    """The layer's attribute form: its own fields only (fid hidden), in one titled group, required
    fields marked in their labels.  ``second_tab`` (title, field names) puts those fields on a second
    tab, the first tab keeping the rest: one column of every field would be taller than a laptop screen."""
    fields = layer.fields()
    config = layer.editFormConfig()
    config.setLayout(QgsEditFormConfig.EditorLayout.TabLayout)
    config.clearTabs()
    root = config.invisibleRootContainer()
    group = QgsAttributeEditorContainer(title, root)
    group.setIsGroupBox(second_tab is None)     # a group box alone, or the first of two tabs
    group.setColumnCount(1)
    tabs = [(group, [row for row in field_rows if second_tab is None or row[0] not in second_tab[1]])]
    if second_tab is not None:
        more = QgsAttributeEditorContainer(second_tab[0], root)
        more.setIsGroupBox(False)
        more.setColumnCount(1)
        tabs.append((more, [row for row in field_rows if row[0] in second_tab[1]]))
    shown = {name for name, *_rest in field_rows}
    for container, rows in tabs:
        for name, _kind, _width, alias in rows:
            index = fields.indexOf(name)
            if index < 0:
                continue
            layer.setFieldAlias(index, alias + (REQUIRED_MARK if name in required else ""))
            container.addChildElement(QgsAttributeEditorField(name, index, container))
        config.addTab(container)
    layer.setEditFormConfig(config)
    for index, field in enumerate(fields):
        if field.name() not in shown:          # fid, and whatever a later version adds by hand
            layer.setEditorWidgetSetup(index, QgsEditorWidgetSetup("Hidden", {}))


def _grade_constraint(field):
    systems = tables.grade_systems()
    default = tables.load_rule_profile().default_grade_system
    parts = [f'"{field}" IS NULL']
    for system in systems.values():
        test = ('coalesce("grade_system", \'{d}\') = \'{s}\''.format(d=default, s=system.id))
        # not BETWEEN: QGIS parses it only from 3.26, and a constraint that does not parse refuses every value
        parts.append(f'({test} AND "{field}" >= {system.best} AND "{field}" <= {system.worst})')
    return " OR ".join(parts)


def configure_plots_layer(layer):
    """Aliases, value maps, defaults and constraints on a plots layer (in place)."""
    classes = [{"code": c.code, "name_zh": c.name_zh} for c in tables.land_classes().values()]
    systems = [{"code": s.id, "name_zh": s.name_zh} for s in tables.grade_systems().values()]
    fields = layer.fields()
    _form_layout(layer, PLOT_FIELDS, "地块属性", PLOT_REQUIRED, ("标准字段（等级、坡度、田坎）", V2_MISSING))
    for name, _kind, _width, alias in PLOT_FIELDS:
        index = fields.indexOf(name)
        if index < 0:
            continue
        if name in ("class_before", "class_after"):
            layer.setEditorWidgetSetup(index, _value_map(classes))
            layer.setConstraintExpression(index, f'"{name}" IS NULL OR "{name}" IN ('
                                          + ", ".join(f"'{c['code']}'" for c in classes) + ")",
                                          f"{alias}: 不是 GB/T 21010 地类编码 / not a GB/T 21010 land-class code")
            layer.setFieldConstraint(index, QgsFieldConstraints.Constraint.ConstraintNotNull,
                                     QgsFieldConstraints.ConstraintStrength.ConstraintStrengthHard)
        elif name == "grade_system":
            layer.setEditorWidgetSetup(index, _value_map(systems))
            layer.setDefaultValueDefinition(index, QgsDefaultValue(
                f"'{tables.load_rule_profile().default_grade_system}'"))
        elif name in ("grade_before", "grade_after"):
            layer.setEditorWidgetSetup(index, QgsEditorWidgetSetup("Range", {
                "Min": 1, "Max": 15, "Step": 1, "AllowNull": True, "Style": "SpinBox"}))
            layer.setConstraintExpression(index, _grade_constraint(name),
                                          f"{alias}: 超出等别体系范围 / outside the grade system's range")
        elif name in SYSTEM_FIELDS:
            system = tables.grade_systems()[SYSTEM_FIELDS[name]]
            layer.setEditorWidgetSetup(index, QgsEditorWidgetSetup("Range", {
                "Min": system.best, "Max": system.worst, "Step": 1, "AllowNull": True, "Style": "SpinBox"}))
            layer.setConstraintExpression(index, f'"{name}" IS NULL OR ("{name}" >= {system.best} AND '
                                                 f'"{name}" <= {system.worst})',
                                          f"{alias}: {system.best}–{system.worst}")
        elif name == "slope_level":
            layer.setEditorWidgetSetup(index, QgsEditorWidgetSetup("ValueMap", {"map": [
                {f"{level} {text}": level} for level, text in SLOPE_LEVEL_TEXT.items()]}))
            layer.setConstraintExpression(index, '"slope_level" IS NULL OR "slope_level" IN (\'1\', \'2\', \'3\', '
                                                 '\'4\', \'5\')', f"{alias}: 1–5 (GDPDJB)")
        elif name == "farmland_type":
            layer.setEditorWidgetSetup(index, QgsEditorWidgetSetup("ValueMap", {"map": [
                {"TT 梯田": "TT"}, {"PD 坡地": "PD"}]}))
            layer.setConstraintExpression(index, '"farmland_type" IS NULL OR "farmland_type" IN (\'TT\', \'PD\')',
                                          f"{alias}: TT 梯田 / PD 坡地 (GDLX)")
        elif name == "tiankan_coefficient":
            layer.setConstraintExpression(index, '"tiankan_coefficient" IS NULL OR ("tiankan_coefficient" >= 0 '
                                                 'AND "tiankan_coefficient" < 1)',
                                          f"{alias}: 0 ≤ KCXS < 1")
        elif name == "project_code":
            layer.setFieldConstraint(index, QgsFieldConstraints.Constraint.ConstraintNotNull,
                                     QgsFieldConstraints.ConstraintStrength.ConstraintStrengthHard)
    return layer


def configure_projects_layer(layer):
    codes = tables.project_codes()
    fields = layer.fields()
    _form_layout(layer, PROJECT_FIELDS, "项目信息", PROJECT_REQUIRED)
    for name, _kind, _width, alias in PROJECT_FIELDS:
        index = fields.indexOf(name)
        if index < 0:
            continue
        if name == "project_type":
            layer.setEditorWidgetSetup(index, _value_map(codes["project_types"]))
        elif name == "funding_source":
            layer.setEditorWidgetSetup(index, _value_map(codes["funding_sources"]))
        elif name == "status":
            layer.setEditorWidgetSetup(index, _value_map(codes["statuses"]))
            layer.setDefaultValueDefinition(index, QgsDefaultValue("'planned'"))
            layer.setConstraintExpression(index, '"status" IN (' + ", ".join(
                f"'{row['code']}'" for row in codes["statuses"]) + ")", "状态无效 / invalid status")
        elif name == "implemented_on":
            layer.setEditorWidgetSetup(index, QgsEditorWidgetSetup("DateTime", {
                "field_format": "yyyy-MM-dd", "display_format": "yyyy-MM-dd", "calendar_popup": True}))
        if name == "project_code":
            layer.setFieldConstraint(index, QgsFieldConstraints.Constraint.ConstraintNotNull,
                                     QgsFieldConstraints.ConstraintStrength.ConstraintStrengthHard)
            layer.setFieldConstraint(index, QgsFieldConstraints.Constraint.ConstraintUnique,
                                     QgsFieldConstraints.ConstraintStrength.ConstraintStrengthHard)
    configure_workflow_columns(layer)
    return layer


def save_default_styles(path):
    """Store the field configuration as each layer's default style inside the GeoPackage (one transaction)."""
    dataset = ogr.Open(path, 1)
    if dataset is None:
        raise ProjectDatabaseError(f"{path}: cannot open the file to store its styles")
    dataset.StartTransaction()
    try:
        _write_styles(dataset)
        if dataset.CommitTransaction() != 0:
            raise RuntimeError("commit failed")
    except Exception as exc:
        dataset.RollbackTransaction()
        raise ProjectDatabaseError(f"{path}: cannot store the layer styles ({exc})") from exc
    finally:
        dataset = None
