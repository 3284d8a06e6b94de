# SPDX-License-Identifier: GPL-2.0-or-later
"""``doubleguarantee:importcoordtxt``: Ministry-standard coordinate TXT files to a polygon layer."""
from qgis.core import (QgsFeatureSink, QgsProcessing, QgsProcessingException,
                       QgsProcessingParameterEnum, QgsProcessingParameterFeatureSink,
                       QgsProcessingParameterMultipleLayers, QgsProcessingParameterNumber, QgsWkbTypes)

from ...core.coord_txt import CoordTxtError
from ...core.coord_txt.messages import Note
from ...core.coord_txt.qgis_io import file_crs, import_fields, parcel_features, read_files
from ...i18n import tr
from ..base import DoubleGuaranteeAlgorithm

ENCODINGS = ["auto", "GBK", "GB18030", "UTF-8"]


class ImportCoordTxtAlgorithm(DoubleGuaranteeAlgorithm):
    GROUP_ID = "coordtxt"
    INPUT, ENCODING, ZONE, OUTPUT = "INPUT", "ENCODING", "ZONE", "OUTPUT"

    def name(self):
        return "importcoordtxt"

    def displayName(self):  # noqa: N802
        return tr("Import coordinate TXT (部标准格式)")

    def shortHelpString(self):  # noqa: N802
        return tr("Reads one or more Ministry-standard coordinate files (部标准格式 TXT) into polygons. "
                  "Encoding, line endings, renamed header keys, swapped X/Y and a missing zone prefix are "
                  "detected; rings become parts, holes and islands by containment. area_m2 is the ellipsoidal "
                  "area on CGCS2000; area_note compares it with the declared 地块面积. A file that cannot be "
                  "read stops the import and names the line; nothing is output then. Files in other zones "
                  "are reprojected to the first file's CRS.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.INPUT, tr("Coordinate TXT files"), QgsProcessing.SourceType.TypeFile))
        self.addParameter(QgsProcessingParameterEnum(
            self.ENCODING, tr("Text encoding"), options=ENCODINGS, defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.ZONE, tr("Zone, if neither 带号 nor the eastings give it"), QgsProcessingParameterNumber.Type.Integer,
            optional=True, minValue=13, maxValue=45))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Parcels"), QgsProcessing.SourceType.TypeVectorPolygon))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        paths = self.parameterAsFileList(parameters, self.INPUT, context)
        if not paths:
            raise QgsProcessingException(tr("No coordinate file given"))
        encoding = ENCODINGS[self.parameterAsEnum(parameters, self.ENCODING, context)]
        zone = None
        if parameters.get(self.ZONE) not in (None, ""):
            zone = self.parameterAsInt(parameters, self.ZONE, context)
        try:
            # every file is read before the sink exists: one bad file means no output at all
            results = read_files(paths, encoding, zone, feedback)
        except CoordTxtError as exc:
            raise QgsProcessingException(exc.render(tr)) from None
        if results is None:
            return {}
        crs = file_crs(results[0])
        fields = import_fields()
        sink, sink_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.Type.MultiPolygon, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        parcels = warnings = 0
        for result in results:
            feedback.pushInfo(tr("{}: {} parcel(s), {} points, encoding {}, line endings {}, {}",
                                 result.path, len(result.parcels), result.point_count, result.encoding,
                                 result.line_ending, result.crs_authid))
            if file_crs(result) != crs:
                feedback.pushInfo(tr("{}: reprojected from {} to {}", result.path, result.crs_authid, crs.authid()))
            notes = list(result.notes) + [note for parcel in result.parcels for note in parcel.notes]
            for note in notes:
                text = f"{result.path}: {note.render(tr)}"
                if note.level == Note.WARNING:
                    warnings += 1
                    feedback.pushWarning(text)
                else:
                    feedback.pushInfo(text)
            features = parcel_features(result, fields, crs, tr, context.transformContext())
            if not sink.addFeatures(features, QgsFeatureSink.Flag.FastInsert):
                raise QgsProcessingException(tr("Could not write the parcels of {}", result.path))
            parcels += len(features)
        return {self.OUTPUT: sink_id, "PARCEL_COUNT": parcels, "FILE_COUNT": len(results), "WARNING_COUNT": warnings}
