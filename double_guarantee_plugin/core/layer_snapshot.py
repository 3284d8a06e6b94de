# SPDX-License-Identifier: GPL-2.0-or-later
"""A read-only snapshot of a vector layer that a worker thread may read (taken on the main thread).

``QgsVectorLayerFeatureSource`` copies the provider handle and the edit buffer; the snapshot adds
what ``compute_layer_credits``, the constraint engine and its GeoPackage fast path ask of a source
(CRS, fields, count, name, id, geometry type, provider, URI, edit state, subset).  The live credit
panel and the constraint task both use it, so a QgsTask never touches the layer itself.
"""
from qgis.core import QgsFeatureRequest, QgsVectorLayerFeatureSource


class LayerSnapshot:
    def __init__(self, layer):
        self._source = QgsVectorLayerFeatureSource(layer)
        self._crs = layer.crs()
        self._fields = layer.fields()
        self._count = layer.featureCount()
        self._name = layer.name()
        self._id = layer.id()
        self._wkb_type = layer.wkbType()
        self._geometry_type = layer.geometryType()
        # what constraints.gpkg_index asks to decide whether the file may be read directly
        self._provider = layer.providerType()
        self._uri = layer.source()
        self._modified = layer.isModified()
        self._subset = layer.subsetString()

    def getFeatures(self, request=None):  # noqa: N802 (QGIS's names throughout)
        return self._source.getFeatures(request if request is not None else QgsFeatureRequest())

    def getFeature(self, fid):  # noqa: N802
        for feature in self.getFeatures(QgsFeatureRequest(fid)):
            return feature
        return None

    def crs(self):
        return self._crs

    def sourceCrs(self):  # noqa: N802
        return self._crs

    def fields(self):
        return self._fields

    def featureCount(self):  # noqa: N802
        return self._count

    def name(self):
        return self._name

    def sourceName(self):  # noqa: N802
        return self._name

    def id(self):
        return self._id

    def wkbType(self):  # noqa: N802
        return self._wkb_type

    def geometryType(self):  # noqa: N802
        return self._geometry_type

    def providerType(self):  # noqa: N802
        return self._provider

    def source(self):
        return self._uri

    def isModified(self):  # noqa: N802
        return self._modified

    def subsetString(self):  # noqa: N802
        return self._subset
