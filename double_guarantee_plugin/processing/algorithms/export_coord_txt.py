# SPDX-License-Identifier: GPL-2.0-or-later
"""``doubleguarantee:exportcoordtxt``: polygons to Ministry-standard coordinate TXT files (上图入库)."""

from qgis.core import (QgsProcessing, QgsProcessingException, QgsProcessingParameterBoolean,
                       QgsProcessingParameterCrs, QgsProcessingParameterEnum, QgsProcessingParameterFeatureSource,
                       QgsProcessingParameterField, QgsProcessingParameterFileDestination,
                       QgsProcessingParameterString)

from ...core.coord_txt import CoordTxtError, WriteOptions, templates, write_coord_txt
from ...core.coord_txt.qgis_io import check_writable_crs, epsg_of, parcels_from_features
from ...i18n import tr
from ..base import DoubleGuaranteeAlgorithm

ENCODINGS = ["GBK", "GB18030", "UTF-8", "UTF-8-BOM"]
LINE_ENDINGS = ["CRLF", "LF"]
AREA_UNITS = ["ha", "m2", "mu"]
# parameter, mapping key, field names tried (case-insensitive) when the parameter is left empty
FIELD_PARAMETERS = [
    ("CODE_FIELD", "code", ("parcel_code", "plot_code", "dkbh", "地块编号")),
    ("NAME_FIELD", "name", ("parcel_name", "dkmc", "地块名称")),
    ("USE_FIELD", "use", ("parcel_use", "dkyt", "地块用途")),
    ("CLASS_FIELD", "class_code", ("class_code", "dlbm", "地类编码")),
    ("SHEET_FIELD", "sheet", ("sheet", "tfh", "图幅号")),
    # the 12-field 补充耕地 templates (地类 is written as the name of the class code)
    ("YEAR_FIELD", "year", ("implementation_year", "year", "sjnf", "补充耕地实施年份")),
    ("SLOPE_LEVEL_FIELD", "slope_level", ("slope_level", "gdpdjb", "耕地坡度级别")),
    ("QUALITY_LEVEL_FIELD", "quality_level", ("quality_level_after", "quality_level", "gddj", "耕地质量等级")),
    ("REMARK_FIELD", "remark", ("remark", "bz", "备注")),
]

FIELD_LABELS = {"code": "地块编号", "name": "地块名称", "use": "地块用途", "class_code": "地类编码", "sheet": "图幅号",
                "year": "补充耕地实施年份", "slope_level": "耕地坡度级别", "quality_level": "耕地质量等级", "remark": "备注"}


def template_ids():
    return list(templates())


def default_mapping(fields, chosen=None):
    """Field names for the parcel line: what was chosen, else the first usual name the layer has."""
    names = {field.name().lower(): field.name() for field in fields}
    mapping = {}
    for _parameter, key, candidates in FIELD_PARAMETERS:
        value = (chosen or {}).get(key)
        if not value:
            value = next((names[c] for c in candidates if c in names), None)
        mapping[key] = value
    mapping["extra"] = list((chosen or {}).get("extra") or [])
    return mapping


def folder_for(path):
    """The folder of a one-file-per-parcel export: OUTPUT itself, without a .txt ending."""
    return path[:-4] if path.lower().endswith(".txt") else path


class ExportCoordTxtAlgorithm(DoubleGuaranteeAlgorithm):
    GROUP_ID = "coordtxt"
    INPUT, OUTPUT = "INPUT", "OUTPUT"
    ONE_FILE_PER_PARCEL, ENCODING, LINE_ENDING = "ONE_FILE_PER_PARCEL", "ENCODING", "LINE_ENDING"
    ZONE_PREFIX, AREA_UNIT, EXTRA_FIELDS = "ZONE_PREFIX", "AREA_UNIT", "EXTRA_FIELDS"
    PRODUCER, REPROJECT_TO, TEMPLATE = "PRODUCER", "REPROJECT_TO", "TEMPLATE"

    def name(self):
        return "exportcoordtxt"

    def displayName(self):  # noqa: N802
        return tr("Export coordinate TXT (部标准格式)")

    def shortHelpString(self):  # noqa: N802
        return tr("Writes polygons as a Ministry-standard coordinate file (部标准格式 TXT) for 上图入库: header "
                  "from the layer's CRS (CGCS2000 or Xian 1980 Gauss-Krüger; otherwise set 'Reproject to'), "
                  "one parcel per feature, rings of parts and holes, 界址点数 counting closing points, area "
                  "(ellipsoidal, CGCS2000) in hectares by default. With 'one file per parcel', OUTPUT is a "
                  "folder (a .txt ending is dropped). Files are replaced only when all were written. TEMPLATE "
                  "chooses the parcel-line layout: the 8-field standard, the 12-field 补充耕地 file with or without "
                  "its field-name line (year, slope level, quality level and 地类 name from their fields), or "
                  "coordinates only; each reads back and writes again byte for byte.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.INPUT, tr("Parcels"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        for parameter, key, _candidates in FIELD_PARAMETERS:
            # the label in a variable: pylupdate5 would take a literal second argument for a comment
            label = FIELD_LABELS[key]
            self.addParameter(QgsProcessingParameterField(
                parameter, tr("Field for {}", label), parentLayerParameterName=self.INPUT, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.EXTRA_FIELDS, tr("Extra attribute fields a province asks for"), parentLayerParameterName=self.INPUT,
            allowMultiple=True, optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.TEMPLATE, tr("Template (parcel-line layout)"),
            options=[f"{item.name_zh} ({item.id})" for item in templates().values()], defaultValue=0))
        self.addParameter(QgsProcessingParameterEnum(self.ENCODING, tr("Text encoding"), options=ENCODINGS,
                                                     defaultValue=0))
        self.addParameter(QgsProcessingParameterEnum(self.LINE_ENDING, tr("Line endings"), options=LINE_ENDINGS,
                                                     defaultValue=0))
        self.addParameter(QgsProcessingParameterBoolean(
            self.ZONE_PREFIX, tr("Zone number in front of the eastings"), defaultValue=True))
        self.addParameter(QgsProcessingParameterEnum(self.AREA_UNIT, tr("Unit of 地块面积"), options=AREA_UNITS,
                                                     defaultValue=0))
        self.addParameter(QgsProcessingParameterBoolean(
            self.ONE_FILE_PER_PARCEL, tr("One file per parcel"), defaultValue=False))
        self.addParameter(QgsProcessingParameterString(
            self.PRODUCER, tr("数据产生单位 (producer)"), optional=True))
        self.addParameter(QgsProcessingParameterCrs(
            self.REPROJECT_TO, tr("Reproject to (when the layer is not in a Gauss-Krüger zone)"), optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, tr("Coordinate TXT file (or folder)"), fileFilter="TXT (*.txt)"))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        source = self.source(parameters, self.INPUT, context)
        chosen = {}
        for parameter, key, _candidates in FIELD_PARAMETERS:
            fields = self.parameterAsFields(parameters, parameter, context)
            chosen[key] = fields[0] if fields else None
        chosen["extra"] = self.parameterAsFields(parameters, self.EXTRA_FIELDS, context)
        mapping = default_mapping(source.fields(), chosen)
        target = self.parameterAsCrs(parameters, self.REPROJECT_TO, context)
        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        per_parcel = self.parameterAsBoolean(parameters, self.ONE_FILE_PER_PARCEL, context)
        options = WriteOptions(
            encoding=ENCODINGS[self.parameterAsEnum(parameters, self.ENCODING, context)],
            line_ending=LINE_ENDINGS[self.parameterAsEnum(parameters, self.LINE_ENDING, context)],
            zone_prefix=self.parameterAsBoolean(parameters, self.ZONE_PREFIX, context),
            area_unit=AREA_UNITS[self.parameterAsEnum(parameters, self.AREA_UNIT, context)],
            one_file_per_parcel=per_parcel,
            producer=self.parameterAsString(parameters, self.PRODUCER, context) or "",
            template=template_ids()[self.parameterAsEnum(parameters, self.TEMPLATE, context)])
        try:
            write_crs = target if target.isValid() else source.sourceCrs()
            if not target.isValid():
                check_writable_crs(source.sourceCrs(), source.sourceExtent())
            else:
                check_writable_crs(target)
            features = []
            total = source.featureCount() or 1
            for index, feature in enumerate(source.getFeatures()):
                if feedback.isCanceled():
                    return {}
                features.append(feature)
                feedback.setProgress(50.0 * index / total)
            parcels, write_crs = parcels_from_features(features, source.sourceCrs(), mapping,
                                                       target if target.isValid() else None,
                                                       context.transformContext())
            destination = folder_for(path) if per_parcel else path
            written = write_coord_txt(destination, parcels, epsg_of(write_crs), options)
        except CoordTxtError as exc:
            raise QgsProcessingException(exc.render(tr)) from None
        feedback.setProgress(100)
        feedback.pushInfo(tr("{} parcel(s) written to {} file(s) in {}", len(parcels), len(written),
                             write_crs.authid()))
        return {self.OUTPUT: destination if per_parcel else path, "FILES": written, "PARCEL_COUNT": len(parcels)}
