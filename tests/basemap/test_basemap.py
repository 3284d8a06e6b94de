# SPDX-License-Identifier: GPL-2.0-or-later
"""The county basemap against a tile server on loopback (tiles made here): 天地图 needs the user's key and
asks for nothing without one; a configured basemap is drawn under the plots of a meeting sheet."""
import http.server
import threading
from urllib.parse import parse_qs, urlparse

import pytest
from qgis.core import QgsSettings

from double_guarantee_plugin.core import basemap

TILE_RGB = (23, 187, 171)     # a colour no layer of the sheet uses


def _tile_png():
    from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice
    from qgis.PyQt.QtGui import QColor, QImage
    image = QImage(256, 256, QImage.Format.Format_RGB32)
    image.fill(QColor(*TILE_RGB))
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data)


@pytest.fixture()
def tile_server(qgis_app):
    """An HTTP server on 127.0.0.1 answering every GetTile with one generated PNG; it records each request."""
    png = _tile_png()
    requests = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            requests.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(png)))
            self.end_headers()
            self.wfile.write(png)

        def log_message(self, *_args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", requests
    server.shutdown()
    server.server_close()


@pytest.fixture()
def clean_settings(qgis_app):
    settings = QgsSettings()
    saved = {key: settings.value(key) for key in settings.allKeys() if key.startswith(basemap.SETTINGS_GROUP)}
    settings.remove(basemap.SETTINGS_GROUP)
    yield
    settings.remove(basemap.SETTINGS_GROUP)
    for key, value in saved.items():
        settings.setValue(key, value)


def _export_png(demo_paths, folder, **job_options):
    from double_guarantee_plugin.core.reports.export import MeetingMapJob, export_meeting_maps
    from reports_pdf_helpers import open_demo_layer
    job = MeetingMapJob(open_demo_layer(demo_paths, "projects", "plots"), str(folder), ["DG2023-01"], fmt="png",
                        dpi=40, **job_options)
    result = export_meeting_maps(job)
    assert len(result.files) == 1, result.problems
    return result.files[0]


def _tile_pixels(path):
    from qgis.PyQt.QtGui import QImage
    image = QImage(path)
    count = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            colour = image.pixelColor(x, y)
            if abs(colour.red() - TILE_RGB[0]) + abs(colour.green() - TILE_RGB[1]) + abs(colour.blue() - TILE_RGB[2]) < 12:
                count += 1
    return count


def test_tianditu_without_a_key_requests_nothing(tile_server, clean_settings, demo_paths, tmp_path):
    url, requests = tile_server
    settings = basemap.BasemapSettings(kind=basemap.KIND_TIANDITU, tianditu_server=url)
    settings.save()
    with pytest.raises(basemap.BasemapError, match="key"):
        basemap.basemap_layers()
    assert basemap.sheet_basemap_layers() == []
    path = _export_png(demo_paths, tmp_path)
    assert _tile_pixels(path) == 0
    assert requests == []


def test_tianditu_with_a_key_is_under_the_plots_of_the_sheet(tile_server, clean_settings, demo_paths, tmp_path):
    url, requests = tile_server
    basemap.BasemapSettings(kind=basemap.KIND_TIANDITU, tianditu_key="MY-KEY-123", tianditu_server=url).save()
    layers = basemap.basemap_layers()
    assert [layer.name() for layer in layers] == ["天地图影像", "天地图影像注记"]
    path = _export_png(demo_paths, tmp_path)
    assert _tile_pixels(path) > 2000            # the map frame is tiles where no plot covers them
    assert requests, "the sheet asked the tile server"
    query = parse_qs(urlparse(requests[0]).query)
    assert query["tk"] == ["MY-KEY-123"] and query["REQUEST"] == ["GetTile"] and query["LAYER"] == ["img"]
    assert urlparse(requests[0]).path == "/img_w/wmts"


def test_an_xyz_service_configured_once_is_used_and_can_be_switched_off(tile_server, clean_settings, demo_paths,
                                                                         tmp_path):
    url, requests = tile_server
    basemap.BasemapSettings(kind=basemap.KIND_XYZ, url=f"{url}/tiles/{{z}}/{{x}}/{{y}}.png").save()
    assert basemap.BasemapSettings.load().kind == basemap.KIND_XYZ
    assert _tile_pixels(_export_png(demo_paths, tmp_path / "on")) > 2000
    assert requests and requests[0].startswith("/tiles/")
    settings = basemap.BasemapSettings.load()
    settings.use_on_sheets = False
    settings.save()
    requests.clear()
    assert _tile_pixels(_export_png(demo_paths, tmp_path / "off")) == 0 and requests == []


def test_the_dialog_adds_the_basemap_at_the_bottom_and_without_a_key_says_so(tile_server, clean_settings, iface,
                                                                             qgis_new_project):
    from qgis.core import Qgis, QgsProject, QgsVectorLayer
    from double_guarantee_plugin.gui.dialogs.basemap import BasemapDialog, configure_and_add_basemap
    url, requests = tile_server
    project = QgsProject.instance()
    project.addMapLayer(QgsVectorLayer("Polygon?crs=EPSG:4527", "地块", "memory"))
    basemap.BasemapSettings(kind=basemap.KIND_TIANDITU, tianditu_server=url).save()
    dialog = BasemapDialog()
    dialog.kind.setCurrentIndex(dialog.kind.findData(basemap.KIND_TIANDITU))
    assert dialog.key.isEnabled() and not dialog.url.isEnabled()
    assert configure_and_add_basemap(iface, dialog, execute=False) is None        # no key yet
    warnings = iface.messageBar().get_messages(Qgis.MessageLevel.Warning)
    assert any("key" in text or "密钥" in text for text in warnings)
    warnings.clear()
    assert len(project.mapLayers()) == 1 and requests == []
    dialog.key.setText("MY-KEY-123")
    layers = configure_and_add_basemap(iface, dialog, execute=False)
    assert [layer.name() for layer in layers] == ["天地图影像", "天地图影像注记"]
    order = [node.name() for node in project.layerTreeRoot().children()]
    assert order == ["地块", "天地图影像注记", "天地图影像"]                          # tiles at the bottom
    assert basemap.BasemapSettings.load().tianditu_key == "MY-KEY-123"
    project.removeAllMapLayers()
