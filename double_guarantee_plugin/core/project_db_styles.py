# SPDX-License-Identifier: GPL-2.0-or-later
"""The field configuration a project GeoPackage keeps as its layers' default styles (table ``layer_styles``).

QGIS loads a layer's default style from ``layer_styles`` whenever the file is opened, with or without
the plugin, so aliases, value maps, defaults and constraint expressions travel with the file.  The
styles are computed from memory layers with the current schema (``core.project_db`` configures
them) and written through OGR inside the caller's transaction: a migration changes the schema, the
styles and ``dg_meta`` together or not at all.

``STYLE_VERSION`` in ``dg_meta`` says which generation of expressions the stored styles hold:
1 wrote the grade constraints with ``BETWEEN``, which QGIS parses only from 3.26, so on 3.22 every
plot form refused its grades; 2 writes ``>=`` / ``<=``; 3 puts the plot's standard fields (both grade
systems, slope, 田坎) on a second tab of its form, which fits a 1366×768 screen.  Styles a user saved on top of ours keep
their symbology and labels; only the field configuration is rewritten.
"""
from osgeo import ogr
from qgis.core import QgsMapLayer, QgsReadWriteContext, QgsVectorLayer
from qgis.PyQt.QtXml import QDomDocument

STYLE_VERSION = 3
STYLE_VERSION_KEY = "style_version"
STYLES_TABLE = "layer_styles"
STYLE_DESCRIPTION = "Double Guarantee field configuration"
# what a style without symbology of its own stores: QGIS then draws the layer with its defaults
FIELD_CATEGORIES = QgsMapLayer.StyleCategory.Fields | QgsMapLayer.StyleCategory.Forms
# the columns QGIS's OGR provider gives layer_styles when it creates the table itself
_STYLE_COLUMNS = (("f_table_catalog", ogr.OFTString, 256), ("f_table_schema", ogr.OFTString, 256),
                  ("f_table_name", ogr.OFTString, 256), ("f_geometry_column", ogr.OFTString, 256),
                  ("styleName", ogr.OFTString, 30), ("styleQML", ogr.OFTString, 0), ("styleSLD", ogr.OFTString, 0),
                  ("useAsDefault", ogr.OFTInteger, 0), ("description", ogr.OFTString, 0),
                  ("owner", ogr.OFTString, 30), ("ui", ogr.OFTString, 30), ("update_time", ogr.OFTDateTime, 0))
_MEMORY_TYPES = {ogr.OFTString: "string", ogr.OFTInteger: "integer", ogr.OFTReal: "double", ogr.OFTDate: "date"}


def memory_layer(fields, geometry="None", crs=""):
    """A memory layer with ``fid`` and ``fields`` ([(name, OGR type, width, alias)]) as a GeoPackage layer has."""
    parts = [f"{geometry}?" + (f"crs={crs}&" if crs else "") + "field=fid:long"]
    for name, kind, width, _alias in fields:
        type_name = _MEMORY_TYPES[kind]
        parts.append(f"field={name}:{type_name}" + (f"({width})" if width and kind == ogr.OFTString else ""))
    return QgsVectorLayer("&".join(parts), "style", "memory")


def style_documents(layer, categories=QgsMapLayer.StyleCategory.AllStyleCategories):
    """``(qml, sld)`` text of ``layer``'s style."""
    qml = QDomDocument()
    error = layer.exportNamedStyle(qml, QgsReadWriteContext(), categories)
    if error:
        raise RuntimeError(f"the style of {layer.name()} cannot be written: {error}")
    sld = QDomDocument()
    layer.exportSldStyle(sld, "")
    return qml.toString(), sld.toString()


def configured_style(fields, configure, geometry="None", old_qml=None):
    """The ``(qml, sld)`` of a layer with ``fields`` after ``configure(layer)``, on top of ``old_qml`` if given."""
    layer = memory_layer(fields, geometry)
    categories = FIELD_CATEGORIES
    if old_qml:
        document = QDomDocument()
        if document.setContent(old_qml)[0]:
            layer.importNamedStyle(document)
            categories = QgsMapLayer.StyleCategory.AllStyleCategories
    configure(layer)
    return style_documents(layer, categories)


def _styles_layer(dataset):
    layer = dataset.GetLayerByName(STYLES_TABLE)
    if layer is not None:
        return layer
    layer = dataset.CreateLayer(STYLES_TABLE, geom_type=ogr.wkbNone, options=["FID=id"])
    if layer is None:
        raise RuntimeError(f"cannot create the table {STYLES_TABLE}")
    for name, kind, width in _STYLE_COLUMNS:
        definition = ogr.FieldDefn(name, kind)
        if width:
            definition.SetWidth(width)
        if name == "useAsDefault":
            definition.SetSubType(ogr.OFSTBoolean)
        if name == "update_time":
            definition.SetDefault("CURRENT_TIMESTAMP")
        if layer.CreateField(definition) != 0:
            raise RuntimeError(f"cannot create {STYLES_TABLE}.{name}")
    return layer


def stored_styles(dataset, table):
    """``{fid: qml}`` of every style stored for ``table`` (the default first)."""
    layer = dataset.GetLayerByName(STYLES_TABLE)
    if layer is None:
        return {}
    layer.SetAttributeFilter(f"f_table_name = '{table}'")
    found = {feature.GetFID(): (not feature.GetField("useAsDefault"), feature.GetField("styleQML") or "")
             for feature in layer}
    layer.SetAttributeFilter(None)
    return {fid: qml for fid, (_not_default, qml) in sorted(found.items(), key=lambda item: item[1][0])}


def write_styles(dataset, table, geometry_column, fields, configure, geometry="None"):
    """Rewrite every style of ``table`` (one configured on top of each) and make sure ours exists, as default.

    Runs inside the caller's OGR transaction on ``dataset``.
    """
    layer = _styles_layer(dataset)
    existing = stored_styles(dataset, table)
    ours = None
    for fid, qml in existing.items():
        feature = layer.GetFeature(fid)
        qml_text, sld_text = configured_style(fields, configure, geometry, qml)
        feature.SetField("styleQML", qml_text)
        feature.SetField("styleSLD", sld_text)
        if layer.SetFeature(feature) != 0:
            raise RuntimeError(f"cannot rewrite the style {fid} of {table}")
        if feature.GetField("styleName") == table:
            ours = fid
    if ours is None:
        qml_text, sld_text = configured_style(fields, configure, geometry)
        feature = ogr.Feature(layer.GetLayerDefn())
        values = {"f_table_catalog": "", "f_table_schema": "", "f_table_name": table,
                  "f_geometry_column": geometry_column, "styleName": table, "styleQML": qml_text,
                  "styleSLD": sld_text, "useAsDefault": 0 if existing else 1, "description": STYLE_DESCRIPTION,
                  "owner": ""}
        for name, value in values.items():
            feature.SetField(name, value)
        if layer.CreateFeature(feature) != 0:
            raise RuntimeError(f"cannot store the style of {table}")
