# SPDX-License-Identifier: GPL-2.0-or-later
"""The county's basemap: 天地图 imagery or vector (WMTS tiles, with the user's own key) or an XYZ or WMS
service configured once, kept in the QGIS settings; layers for the map and for the meeting sheets.

No layer is made, and so nothing is requested, without what the service needs: 天地图 without a key
gives no layer at all.  The 天地图 tiles are asked for with WMTS GetTile (KVP) requests built as an
XYZ template, so no GetCapabilities round trip happens when the layer is made.
"""
from dataclasses import dataclass
from urllib.parse import quote

from qgis.core import QgsDataSourceUri, QgsRasterLayer, QgsSettings

SETTINGS_GROUP = "DoubleGuarantee/basemap"
KIND_NONE, KIND_TIANDITU, KIND_XYZ, KIND_WMS = "", "tianditu", "xyz", "wms"
KINDS = (KIND_NONE, KIND_TIANDITU, KIND_XYZ, KIND_WMS)
TIANDITU_SERVER = "https://t0.tianditu.gov.cn"
# 天地图 layer pairs (tiles, labels) in Web Mercator (tile matrix set "w")
TIANDITU_LAYERS = {"imagery": ("img", "cia"), "vector": ("vec", "cva")}
MAX_ZOOM = 18


class BasemapError(ValueError):
    """A basemap that cannot be made from the settings; the message says what is missing."""


@dataclass
class BasemapSettings:
    kind: str = KIND_NONE
    tianditu_key: str = ""
    tianditu_style: str = "imagery"       # imagery or vector
    tianditu_server: str = TIANDITU_SERVER
    url: str = ""                         # XYZ template ({x} {y} {z}) or WMS base URL
    wms_layers: str = ""
    wms_crs: str = "EPSG:3857"
    wms_format: str = "image/png"
    use_on_sheets: bool = True

    @classmethod
    def load(cls):
        settings = QgsSettings()
        values = {}
        for name, default in cls().__dict__.items():
            kind = bool if isinstance(default, bool) else str
            values[name] = settings.value(f"{SETTINGS_GROUP}/{name}", default, type=kind)
        loaded = cls(**values)
        if loaded.kind not in KINDS:
            loaded.kind = KIND_NONE
        return loaded

    def save(self):
        settings = QgsSettings()
        for name, value in self.__dict__.items():
            settings.setValue(f"{SETTINGS_GROUP}/{name}", value)

    def is_configured(self):
        if self.kind == KIND_TIANDITU:
            return bool(self.tianditu_key.strip())
        if self.kind == KIND_XYZ:
            return all(part in self.url for part in ("{x}", "{y}", "{z}"))
        if self.kind == KIND_WMS:
            return bool(self.url.strip() and self.wms_layers.strip())
        return False


def _provider_uri(params):
    # QGIS encodes the values itself, so a URL's own ? & = survive as the running QGIS's providers
    # decode them (a hand-quoted '?' stays %3F in the XYZ tile requests of QGIS 3.40)
    uri = QgsDataSourceUri()
    for key, value in params:
        uri.setParam(key, value)
    return bytes(uri.encodedUri()).decode()


def _xyz_uri(template, zmax=MAX_ZOOM):
    return _provider_uri((("type", "xyz"), ("url", template), ("zmax", str(zmax)), ("zmin", "0")))


def tianditu_tile_template(layer, key, server=TIANDITU_SERVER):
    """A WMTS GetTile request of one 天地图 layer (``img``, ``cia``, ``vec``, ``cva``) as an XYZ template."""
    key = (key or "").strip()
    if not key:
        raise BasemapError("a 天地图 key is needed: get one at the 天地图 developer site and enter it once")
    base = server.rstrip("/")
    return (f"{base}/{layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER={layer}&STYLE=default"
            f"&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={{z}}&TILEROW={{y}}&TILECOL={{x}}&tk={quote(key)}")


def basemap_layers(settings=None, with_labels=True):
    """New raster layers (bottom first) of the configured basemap; [] when none is configured.

    Raises BasemapError when the kind is chosen but incomplete (天地图 without a key …): nothing is
    requested then, since no layer exists to request anything."""
    settings = settings or BasemapSettings.load()
    if settings.kind == KIND_NONE:
        return []
    if not settings.is_configured():
        if settings.kind == KIND_TIANDITU:
            raise BasemapError("a 天地图 key is needed: get one at the 天地图 developer site and enter it once")
        raise BasemapError(f"the {settings.kind} basemap is not configured completely")
    if settings.kind == KIND_TIANDITU:
        tiles, labels = TIANDITU_LAYERS.get(settings.tianditu_style, TIANDITU_LAYERS["imagery"])
        names = {"img": "天地图影像", "cia": "天地图影像注记", "vec": "天地图矢量", "cva": "天地图矢量注记"}
        specs = [(names[tiles], _xyz_uri(tianditu_tile_template(tiles, settings.tianditu_key,
                                                                settings.tianditu_server)), "wms")]
        if with_labels:
            specs.append((names[labels], _xyz_uri(tianditu_tile_template(labels, settings.tianditu_key,
                                                                         settings.tianditu_server)), "wms"))
    elif settings.kind == KIND_XYZ:
        specs = [("底图", _xyz_uri(settings.url.strip()), "wms")]
    else:
        uri = _provider_uri((("contextualWMSLegend", "0"), ("crs", settings.wms_crs), ("dpiMode", "7"),
                             ("format", settings.wms_format), ("layers", settings.wms_layers), ("styles", ""),
                             ("url", settings.url.strip())))
        specs = [("底图", uri, "wms")]
    layers = []
    for name, uri, provider in specs:
        layer = QgsRasterLayer(uri, name, provider)
        if not layer.isValid():
            raise BasemapError(f"{name}: QGIS cannot open the basemap service ({settings.url or settings.kind})")
        layers.append(layer)
    return layers


def sheet_basemap_layers():
    """The basemap layers the meeting sheets draw under the plots (without labels), or []."""
    settings = BasemapSettings.load()
    if not settings.use_on_sheets or not settings.is_configured():
        return []
    try:
        return basemap_layers(settings, with_labels=False)
    except BasemapError:
        return []
