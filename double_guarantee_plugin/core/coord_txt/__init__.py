# SPDX-License-Identifier: GPL-2.0-or-later
"""Ministry-standard coordinate files (部标准格式 TXT): read and write them without QGIS.

``read_coord_txt`` and ``write_coord_txt`` are pure Python (shapely, numpy, pyproj);
``qgis_io`` holds the QGIS side (features, layers, ellipsoidal areas via core.area).
``CoordTxtError`` is the one error they raise for bad input.
"""
from .messages import CoordTxtError, Message, Note
from .reader import CoordTxtFile, CoordTxtParcel, read_coord_txt
from .layouts import template, templates
from .writer import ParcelToWrite, WriteOptions, format_coord_txt, options_of, parcels_of, write_coord_txt

__all__ = ["CoordTxtError", "CoordTxtFile", "CoordTxtParcel", "Message", "Note", "ParcelToWrite", "WriteOptions",
           "format_coord_txt", "options_of", "parcels_of", "read_coord_txt", "template", "templates",
           "write_coord_txt"]
