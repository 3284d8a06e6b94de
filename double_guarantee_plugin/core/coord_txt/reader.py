# SPDX-License-Identifier: GPL-2.0-or-later
"""Read Ministry-standard coordinate files (部标准格式 TXT) as they really arrive (domain.md §8).

Pure Python (shapely, numpy, pyproj; no QGIS).  ``read_coord_txt(path)`` returns a
``CoordTxtFile`` whose parcels carry shapely geometries in the file's Gauss-Krüger CRS with
x = easting; everything the reader assumed or repaired is in ``notes``.  A file that cannot be
read raises ``CoordTxtError`` naming the line and what was expected, and nothing else.
"""
import gc
import math
import os
import re

import numpy as np

from .. import crs as gk
from .areas import (DeclaredArea, check_declared_area, geodesic_ring_areas, to_geographic, to_geographic_started,
                    within_coordinate_precision)
from .layouts import (LAYOUT_NAMED, LAYOUT_STANDARD, LAYOUT_SUPPLEMENT, LAYOUTS, SHAPES, SUPPLEMENT_12,
                      class_code_for_name, looks_like_supplement_12, role_of)
from .messages import QT_TR_NOOP, CoordTxtError, Message, Note
from .rings import assemble

SECTION_ATTRIBUTES = "属性描述"
SECTION_PROJECT = "项目信息"
SECTION_PARCELS = "地块坐标"

# canonical header key -> the spellings met in real files (compared without spaces)
HEADER_ALIASES = {
    "格式版本号": ("格式版本号", "格式版本", "版本号"),
    "数据产生单位": ("数据产生单位", "数据生产单位", "产生单位", "生产单位"),
    "数据产生日期": ("数据产生日期", "数据生产日期", "产生日期", "生产日期"),
    "坐标系": ("坐标系", "坐标系统", "坐标系名称", "大地坐标系", "坐标系类型"),
    "几度分带": ("几度分带", "分带", "分带方式", "分带类型", "投影分带", "带宽", "分带宽度"),
    "投影类型": ("投影类型", "投影方式", "投影", "投影名称"),
    "计量单位": ("计量单位", "单位", "坐标单位", "长度单位"),
    "带号": ("带号", "投影带号", "分带号", "带号码"),
    "中央经线": ("中央经线", "中央子午线", "中央经度"),
    "精度": ("精度", "坐标精度"),
    "转换参数": ("转换参数", "七参数"),
}
_ALIAS_TO_KEY = {alias: key for key, aliases in HEADER_ALIASES.items() for alias in aliases}

PARCEL_FIELDS = ("界址点数", "地块面积", "地块编号", "地块名称", "记录图形属性", "图幅号", "地块用途", "地类编码")
PARCEL_FIELD_COUNT = len(PARCEL_FIELDS)

_FULLWIDTH = str.maketrans({"，": ",", "＝": "=", "［": "[", "］": "]", "＠": "@", "\u3000": " ",
                            "\ufeff": ""})
_FULLWIDTH_MARKS = ("，", "＝", "［", "］", "＠", "\u3000", "\ufeff")
_WIDTH_PATTERN = re.compile(r"([36])|([三六])")

PREFIXED_MIN = 1.0e7       # a prefixed easting (zones 13-45) is at least 13,000,000
UNPREFIXED_MAX = 1.0e6     # an easting without zone number is below 1,000,000
_THREAD_POINTS = 100_000  # from this many points the lon/lat transform runs in its own thread
_GC_PAUSE_BYTES = 1 << 20  # files above 1 MB read with the cyclic garbage collector paused
MAX_OFFSET_M = {3: 400_000.0, 6: 700_000.0}  # how far from the central meridian a zone reaches here
# a declared zone is honoured up to this distance from its meridian even where the prefix says
# otherwise (real county data projected on a far meridian reach 557 km: data-standards.md §8.3);
# beyond it the declaration cannot be right (an easting 39,5xx,xxx under 带号 38 is 1,000 km off)
DECLARED_OFFSET_MAX_M = 700_000.0


class ParcelRing:
    """One ring of a parcel as read: its 圈号, first line, slice of the file's coordinate arrays."""

    __slots__ = ("number", "line", "start", "stop", "depth", "closed_by_reader")

    def __init__(self, number, line, start):
        self.number = number
        self.line = line
        self.start = start
        self.stop = start
        self.depth = 0
        self.closed_by_reader = False

    @property
    def point_count(self):
        return self.stop - self.start


STANDARD_ROLES = ("point_count", "area", "code", "name", "shape", "sheet", "use", "class_code")


class CoordTxtParcel:
    """One parcel (one ``…,@`` line and its points): attributes, geometry, areas, notes.

    ``names`` are the columns' names (a field-name list line or the 12-field layout); without
    them the 8 standard columns are read by position and the rest kept as ``extra_fields``.
    """

    def __init__(self, line, fields, names=None):
        self.line = line
        self.fields = fields
        self.field_names = list(names) if names is not None else None
        self.values = {}            # role (layouts.ROLE_NAMES) -> text
        self.named_extra = {}       # a named column the plugin does not read -> text
        if names is None:
            self.values = dict(zip(STANDARD_ROLES, fields))
            self.extra_fields = list(fields[PARCEL_FIELD_COUNT:])
        else:
            self.extra_fields = []
            for name, value in zip(names, fields):
                role = role_of(name)
                if role is not None and role not in self.values:
                    self.values[role] = value
                else:
                    self.named_extra[name] = value
                    self.extra_fields.append(value)
        value = self.values.get
        self.declared_point_count = None
        self.declared_area = DeclaredArea(value("area", ""))
        self.code = value("code", "")
        self.name = value("name", "")
        self.shape = value("shape", "")
        self.sheet = value("sheet", "")
        self.use = value("use", "")
        self.class_code = value("class_code", "")
        self.class_name = value("class_name", "")      # 地类 as a name (the 12-field file)
        self.year = value("year", "")                  # 补充耕地实施年份
        self.slope_level = value("slope_level", "")    # 耕地坡度级别 (GDPDJB)
        self.quality_level = value("quality_level", "")  # 耕地质量等级
        self.remark = value("remark", "")
        if not self.class_code and self.class_name:
            self.class_code = class_code_for_name(self.class_name) or ""
        self.point_extras = []      # [(line, point name, ring label, [columns 5…])] of longer point rows
        self.rings = []
        self.geometry = None
        self.planar_area_m2 = None
        self.ellipsoidal_area_m2 = None
        self.area_check = None
        self.notes = []
        self.point_lines = 0

    @property
    def area_m2(self):
        """The official area: ellipsoidal on CGCS2000 when it could be computed, else planar."""
        return self.ellipsoidal_area_m2 if self.ellipsoidal_area_m2 is not None else self.planar_area_m2

    @property
    def area_ha(self):
        return self.area_m2 / 10000.0 if self.area_m2 is not None else None

    @property
    def area_note(self):
        return self.area_check.note if self.area_check is not None else None

    @property
    def label(self):
        return self.code or self.name or f"#{self.line}"

    def attributes(self):
        return {"parcel_code": self.code, "parcel_name": self.name, "parcel_use": self.use,
                "class_code": self.class_code, "declared_area": self.declared_area.text,
                "shape": self.shape, "sheet": self.sheet, "extra_fields": list(self.extra_fields),
                "class_name": self.class_name, "year": self.year, "slope_level": self.slope_level,
                "quality_level": self.quality_level, "remark": self.remark, "named_extra": dict(self.named_extra)}

    def __repr__(self):
        return f"CoordTxtParcel({self.label!r}, rings={len(self.rings)}, line={self.line})"


class CoordTxtFile:
    """What a coordinate file holds and how it was read."""

    def __init__(self, path):
        self.path = path
        self.encoding = None
        self.had_bom = False
        self.line_ending = None
        self.sections = {}          # section name -> {canonical or raw key: value}
        self.header_lines = {}      # canonical key -> line number
        self.datum = None
        self.zone_width = None
        self.zone = None
        self.prefixed = None        # eastings carry the zone number
        self.swapped_xy = False     # the X column held eastings
        self.epsg = None
        self.parcels = []
        self.notes = []
        self.area_unit = None       # the unit 地块面积 seems to be written in
        self.layout = LAYOUT_STANDARD  # standard (8 by position), supplement12 or named (a list line)
        self.field_names = None     # the names of the 【…,@】 field-name list line
        self.explanation = []       # the lines of a 【…】 explanation block, as written
        self.zone_source = None     # 带号, 中央经线, prefix (the eastings) or user
        self.closing_point_name = "next"  # how the first ring's closing point is named: next or first

    @property
    def attributes(self):
        return dict(self.sections.get(SECTION_ATTRIBUTES, {}))

    @property
    def project_info(self):
        return dict(self.sections.get(SECTION_PROJECT, {}))

    @property
    def crs_authid(self):
        return f"EPSG:{self.epsg}" if self.epsg else None

    @property
    def point_count(self):
        return sum(parcel.point_lines for parcel in self.parcels)

    def warnings(self):
        found = [note for note in self.notes if note.level == Note.WARNING]
        for parcel in self.parcels:
            found.extend(note for note in parcel.notes if note.level == Note.WARNING)
        return found


# --------------------------------------------------------------------------------------------
# bytes -> text

def _line_of_offset(raw, offset):
    return raw.count(b"\n", 0, offset) + 1


def decode_gb18030(raw):
    """``raw.decode("gb18030")``, faster for the usual file: ASCII with Chinese here and there.

    Python's GB18030 decoder handles ASCII byte by byte; only the runs around bytes >= 0x80 need
    it.  A run starts at a byte >= 0x80 whose three predecessors are ASCII, so it starts a
    character (a trail byte always follows a byte >= 0x80 within 3 bytes), and takes the 2 bytes after
    its last byte >= 0x80, past any ASCII trail byte.  The decoder has no state, so the decoded
    pieces join to the text the whole decode gives.  On any decoding error the whole raw is
    decoded again, so the error raised is the one ``raw.decode("gb18030")`` raises.
    """
    if len(raw) < 65536:
        return raw.decode("gb18030")
    high = np.flatnonzero(np.frombuffer(raw, dtype=np.uint8) >= 0x80)
    if len(high) > len(raw) // 16:  # mostly Chinese: nothing to gain
        return raw.decode("gb18030")
    if not len(high):
        return raw.decode("ascii")
    breaks = np.flatnonzero(np.diff(high) > 3)
    run_starts = np.concatenate(([high[0]], high[breaks + 1])).tolist()
    run_ends = np.minimum(np.concatenate((high[breaks], [high[-1]])) + 3, len(raw)).tolist()
    pieces = []
    done = 0
    try:
        for start, end in zip(run_starts, run_ends):
            pieces.append(raw[done:start].decode("ascii"))
            pieces.append(raw[start:end].decode("gb18030"))
            done = end
        pieces.append(raw[done:].decode("ascii"))
    except UnicodeDecodeError:
        return raw.decode("gb18030")
    return "".join(pieces)


def decode(raw, encoding="auto", path=None):
    """``(text, encoding_name, had_bom)``; raises CoordTxtError naming the line of a bad byte."""
    if encoding and encoding.lower() not in ("auto", "", "system"):
        codec = "gb18030" if encoding.lower().replace("-", "").replace("_", "") in ("gbk", "gb2312", "gb18030", "cp936") \
            else encoding
        had_bom = False
        if codec.lower().replace("-", "").replace("_", "") in ("utf8", "utf8sig") and raw.startswith(b"\xef\xbb\xbf"):
            raw, had_bom = raw[3:], True
        try:
            return (decode_gb18030(raw) if codec == "gb18030" else raw.decode(codec)), encoding, had_bom
        except LookupError:
            raise CoordTxtError(Message(QT_TR_NOOP("unknown text encoding '{}'"), encoding), path) from None
        except UnicodeDecodeError as exc:
            raise CoordTxtError(Message(QT_TR_NOOP("byte 0x{:02X} cannot be read as {}"),
                                        raw[exc.start], encoding), path, _line_of_offset(raw, exc.start)) from None
    if raw.startswith(b"\xef\xbb\xbf"):
        try:
            return raw[3:].decode("utf-8"), "UTF-8", True
        except UnicodeDecodeError as exc:
            raise CoordTxtError(Message(QT_TR_NOOP("the file starts with a UTF-8 byte-order mark but byte "
                                                   "0x{:02X} is not UTF-8"), raw[3 + exc.start]),
                                path, _line_of_offset(raw, 3 + exc.start)) from None
    if raw.startswith(b"\xff\xfe") or raw.startswith(b"\xfe\xff"):
        try:
            return raw.decode("utf-16"), "UTF-16", True
        except UnicodeDecodeError:
            raise CoordTxtError(Message(QT_TR_NOOP("the file starts with a UTF-16 byte-order mark but is "
                                                   "not valid UTF-16")), path) from None
    try:
        return raw.decode("utf-8"), "UTF-8", False
    except UnicodeDecodeError as utf8_error:
        offset = utf8_error.start
        # Chinese text read as UTF-8 before the bad byte: a damaged UTF-8 file, not a GBK one
        # (GBK text almost never passes as UTF-8 for three characters in a row)
        if offset - len(raw[:offset].decode("utf-8")) >= 6:
            raise CoordTxtError(Message(QT_TR_NOOP("the text is UTF-8 up to here, but byte 0x{:02X} is not UTF-8: "
                                                   "the file is damaged or mixes encodings"), raw[offset]),
                                path, _line_of_offset(raw, offset)) from None
        try:
            return decode_gb18030(raw), "GB18030", False
        except UnicodeDecodeError:
            raise CoordTxtError(Message(QT_TR_NOOP("the text is neither UTF-8 nor GBK/GB18030 (byte 0x{:02X}); "
                                                   "choose the encoding by hand"), raw[offset]),
                                path, _line_of_offset(raw, offset)) from None


def split_lines(text):
    """Lines without their endings, and which ending the file uses (CRLF, LF, CR, mixed or none)."""
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    kinds = [name for name, count in (("CRLF", crlf), ("LF", lf), ("CR", cr)) if count]
    ending = kinds[0] if len(kinds) == 1 else ("mixed" if kinds else "none")
    if ending == "CRLF":
        # every CR and LF is in a CRLF pair: split on it directly, saving a copy of the whole text
        return text.split("\r\n"), ending
    if cr:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    elif crlf:
        text = text.replace("\r\n", "\n")
    return text.split("\n"), ending


# --------------------------------------------------------------------------------------------
# header

def _canonical_key(key):
    compact = "".join(key.split())
    return _ALIAS_TO_KEY.get(compact, compact)


def _parse_datum(value):
    text = value.upper().replace(" ", "")
    if "2000" in text or "CGCS" in text:
        return "cgcs2000"
    if "西安" in text or "XIAN" in text or "XI'AN" in text or "1980" in text or text in ("80", "西安80"):
        return "xian1980"
    if "北京" in text or "1954" in text or "BEIJING" in text or text == "54":
        return "beijing1954"
    if "WGS" in text or "84" in text:
        return "wgs84"
    return None


def _parse_width(value):
    match = _WIDTH_PATTERN.search(value.replace("度", " "))
    if not match:
        return None
    if match.group(1):
        return int(match.group(1))
    return 3 if match.group(2) == "三" else 6


def _parse_int(value):
    text = value.strip()
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        return "bad"
    if not math.isfinite(number) or number != int(number):
        return "bad"
    return int(number)


# --------------------------------------------------------------------------------------------
# the reader

def read_coord_txt(source, encoding="auto", zone=None, path=None, ellipsoidal=True, layout="auto"):
    """Read a coordinate file from a path or from bytes; returns a ``CoordTxtFile``.

    ``zone`` is used when neither 带号 nor the eastings say which zone the file is in.
    ``ellipsoidal=False`` skips the ellipsoidal areas (a quick look; the area check then uses the
    planar area only).  ``layout``: ``auto`` (a field-name list line, else 12 values that read as
    the 补充耕地 layout, else the 8-field standard), ``standard`` or ``supplement12`` (the 12-field
    layout for files without a list line).
    Raises ``CoordTxtError`` for anything it cannot read.
    """
    if layout not in LAYOUTS:
        raise CoordTxtError(Message(QT_TR_NOOP("unknown parcel-line layout '{}': expected one of {}"), layout,
                                    ", ".join(LAYOUTS)), path)
    if isinstance(source, (bytes, bytearray, memoryview)):
        raw = bytes(source)
    else:
        path = path or os.fspath(source)
        try:
            with open(source, "rb") as handle:
                raw = handle.read()
        except OSError as exc:
            raise CoordTxtError(Message(QT_TR_NOOP("cannot read the file: {}"), exc.strerror or str(exc)),
                                path) from None
    # The cyclic garbage collector would walk the million-item line and coordinate lists a
    # dozen times during a big read (0.1-0.2 s of 2.5 s) while finding no cycle to free: pause
    # it for the read and put it back as it was, whatever happens.
    collecting = gc.isenabled()
    if collecting and len(raw) > _GC_PAUSE_BYTES:
        gc.disable()
    try:
        return _Reader(raw, encoding, zone, path, ellipsoidal, layout).read()
    finally:
        if collecting:
            gc.enable()


class _Reader:
    def __init__(self, raw, encoding, zone, path, ellipsoidal=True, layout="auto"):
        self.raw = raw
        self.encoding = encoding
        self.zone_hint = zone
        self.path = path
        self.ellipsoidal = ellipsoidal
        self.layout = layout
        self.fullwidth = False
        self.list_line = None       # line number of the 【…,@】 field-name list
        self.result = CoordTxtFile(path)

    def error(self, message, line=None):
        return CoordTxtError(message, self.path, line)

    def read(self):
        result = self.result
        text, result.encoding, result.had_bom = decode(self.raw, self.encoding, self.path)
        if "\x00" in text:
            line = text.count("\n", 0, text.index("\x00")) + 1
            raise self.error(Message(QT_TR_NOOP("NUL byte in the text: is this a UTF-16 file without "
                                                "byte-order mark, or not a text file?")), line)
        # full-width commas and spaces are rare: look for them once, not on every line
        self.fullwidth = any(mark in text for mark in _FULLWIDTH_MARKS)
        lines, result.line_ending = split_lines(text)
        start = self._read_header(lines)
        if start is None:
            raise self.error(Message(QT_TR_NOOP("no parcel found: expected a [地块坐标] section with parcel "
                                                "lines ending in ',@'")), len(lines))
        columns = self._read_parcels(lines, start)
        if not result.parcels:
            raise self.error(Message(QT_TR_NOOP("no parcel found: expected a [地块坐标] section with parcel "
                                                "lines ending in ',@'")), len(lines))
        self._settle_crs(*columns)
        return result

    # -- header -------------------------------------------------------------------------------
    def _read_header(self, lines):
        """Fill sections from the header; return the index of the first line after [地块坐标]."""
        result = self.result
        section = None
        skip_to = 0
        for index, line in enumerate(lines):
            if index < skip_to:
                continue
            stripped = line.translate(_FULLWIDTH).strip()
            if not stripped:
                continue
            if stripped.startswith("[") and stripped.endswith("]"):
                section = stripped[1:-1].strip()
                result.sections.setdefault(section, {})
                if section == SECTION_PARCELS:
                    return index + 1
                continue
            if stripped.startswith("【"):
                skip_to = self._bracket_block(lines, index)
                continue
            if stripped.endswith("@"):
                result.notes.append(Note(Message(QT_TR_NOOP(
                    "the [地块坐标] line is missing; parcels start here")), index + 1, Note.WARNING))
                result.sections.setdefault(SECTION_PARCELS, {})
                return index
            if "=" not in stripped:
                raise self.error(Message(QT_TR_NOOP(
                    "expected 'key=value' or a [section] line in the header, found '{}'"), _clip(stripped)),
                    index + 1)
            if section is None:
                section = SECTION_ATTRIBUTES
                result.sections.setdefault(section, {})
                result.notes.append(Note(Message(QT_TR_NOOP(
                    "the [属性描述] line is missing; reading the header without it")), index + 1))
            key, value = stripped.split("=", 1)
            key = key.strip()
            value = value.strip()
            if section == SECTION_ATTRIBUTES:
                canonical = _canonical_key(key)
                if canonical != "".join(key.split()) and canonical in HEADER_ALIASES:
                    result.notes.append(Note(Message(QT_TR_NOOP("header key '{}' read as '{}'"), key, canonical),
                                             index + 1))
                key = canonical
                result.header_lines[key] = index + 1
            result.sections[section][key] = value
        return None

    # -- parcels ------------------------------------------------------------------------------
    def _read_parcels(self, lines, start):
        """The hot loop: parcel lines and point lines into flat coordinate lists."""
        result = self.result
        first_col, second_col, point_line = [], [], []
        add_first, add_second, add_line = first_col.append, second_col.append, point_line.append
        parcels = result.parcels
        parcel = None
        ring = None
        ring_label = None
        first_x = first_y = None
        ring_closed = False
        count = 0
        resume = 0
        first_name = ""
        closing_seen = False
        fullwidth = self.fullwidth
        # index is the 1-based line number; a for loop is markedly faster than a while loop here
        for index, line in enumerate(lines[start:], start + 1):
            if index <= resume:
                continue
            if fullwidth:
                line = line.translate(_FULLWIDTH)
            line = line.strip()
            if not line:
                continue
            if line[0] == "【":
                resume = self._bracket_block(lines, index - 1)
                continue
            if line[-1] == "@":
                if parcel is not None:
                    if ring is not None:
                        ring.stop = count
                    self._close_parcel(parcel)
                parcel = self._parcel_line(line, index)
                parcels.append(parcel)
                ring = None
                ring_label = None
                continue
            if line[0] == "[":
                if line[-1] != "]":
                    raise self.error(Message(QT_TR_NOOP("expected a point line 'J1,1,X,Y', a parcel line ending "
                                                        "in ',@' or a [section] line, found '{}'"), _clip(line)),
                                     index)
                if parcel is not None and ring is not None:
                    ring.stop = count
                ring = None
                ring_label = None
                resume = self._other_section(lines, index, line[1:-1].strip())
                continue
            parts = line.split(",")
            if len(parts) < 4:
                if "=" in line and parcel is None:
                    raise self.error(Message(QT_TR_NOOP(
                        "a 'key=value' line inside [地块坐标]: the header must come before it")), index)
                raise self.error(Message(QT_TR_NOOP(
                    "expected a point line 'point name,ring number,X,Y' (4 fields), found {} field(s): '{}'"),
                    len(parts), _clip(line)), index)
            if parcel is None:
                raise self.error(Message(QT_TR_NOOP(
                    "a point line before any parcel line (a parcel line ends in ',@')")), index)
            try:
                first = float(parts[2])
                second = float(parts[3])
            except ValueError:
                raise self.error(Message(QT_TR_NOOP("expected two numbers X,Y in the 3rd and 4th fields, found "
                                                    "'{}' and '{}'"), _clip(parts[2]), _clip(parts[3])),
                                 index) from None
            label = parts[1]
            if label != ring_label or ring_closed:
                if label != ring_label:
                    number = _parse_int(label)
                    if number is None or number == "bad":
                        raise self.error(Message(QT_TR_NOOP(
                            "expected a whole ring number (圈号) in the 2nd field, found '{}'"), _clip(label)), index)
                else:
                    number = ring.number
                    parcel.notes.append(Note(Message(QT_TR_NOOP(
                        "ring {} continues after it closed; read the points from here as a new ring"), number),
                        index, Note.WARNING))
                if ring is not None:
                    ring.stop = count
                ring = ParcelRing(number, index, count)
                parcel.rings.append(ring)
                ring_label = label
                first_x, first_y = first, second
                first_name = parts[0]
                ring_closed = False
            elif first == first_x and second == first_y and count - ring.start >= 3:
                ring_closed = True
                if closing_seen is False:   # how the file names a closing point (for writing it back alike)
                    closing_seen = True
                    result.closing_point_name = "first" if parts[0].strip() == first_name.strip() else "next"
            if len(parts) > 4:      # 部备案 rows: 到下一点距离, 界址点类型 … are kept, never dropped
                parcel.point_extras.append((index, parts[0], label, [part.strip() for part in parts[4:]]))
            add_first(first)
            add_second(second)
            add_line(index)
            count += 1
        if parcel is not None:
            if ring is not None:
                ring.stop = count
            self._close_parcel(parcel)
        return first_col, second_col, point_line

    def _bracket_block(self, lines, index):
        """A 【…】 block starting at ``lines[index]``: the field-name list (``【…,@】``) or an
        explanation to skip (it may span lines up to the closing 】).  Returns the index of the
        last line of the block + 1 as a 1-based line number to resume after."""
        first = lines[index].translate(_FULLWIDTH).strip() if self.fullwidth else lines[index].strip()
        body = first[1:-1].strip() if first.endswith("】") else ""
        if body.endswith("@") and body[:-1].rstrip().endswith(","):
            names = [name.strip() for name in body[:-1].rstrip()[:-1].split(",")]
            if self.result.parcels and self.list_line is None:
                raise self.error(Message(QT_TR_NOOP(
                    "a field-name list line 【…,@】 after the first parcel: it must come before the parcels")),
                    index + 1)
            self.result.field_names = names
            self.result.layout = LAYOUT_NAMED
            self.list_line = index + 1
            return index + 1
        block = []
        end = index
        while end < len(lines):
            block.append(lines[end].strip())
            if "】" in lines[end]:
                break
            end += 1
        else:
            raise self.error(Message(QT_TR_NOOP("the block 【 that starts here is not closed with 】")), index + 1)
        self.result.explanation.extend(block)
        self.result.notes.append(Note(Message(QT_TR_NOOP("explanation block (lines {}–{}) skipped"),
                                              index + 1, end + 1), index + 1))
        return end + 1

    def _other_section(self, lines, index, section):
        """A [section] among the parcels (e.g. [项目信息] at the end): read its key=value lines."""
        values = self.result.sections.setdefault(section, {})
        while index < len(lines):
            stripped = lines[index].translate(_FULLWIDTH).strip()
            if not stripped:
                index += 1
                continue
            if stripped.endswith("@") or (stripped.startswith("[") and stripped.endswith("]")) \
                    or "=" not in stripped:
                if section == SECTION_PARCELS:
                    return index
                if "=" not in stripped and not stripped.endswith("@") and not stripped.startswith("["):
                    raise self.error(Message(QT_TR_NOOP("expected 'key=value' in section [{}], found '{}'"),
                                             section, _clip(stripped)), index + 1)
                return index
            key, value = stripped.split("=", 1)
            values[key.strip()] = value.strip()
            index += 1
        return index

    def _parcel_line(self, line, line_number):
        body = line[:-1].rstrip()
        if not body.endswith(","):
            raise self.error(Message(QT_TR_NOOP("a parcel line must end in ',@' (a comma before '@')")), line_number)
        # trailing empty fields are kept: only the final ',@' goes
        fields = [field.strip() for field in body[:-1].split(",")]
        result = self.result
        names = result.field_names
        if names is not None:
            if len(fields) != len(names):
                raise self.error(Message(QT_TR_NOOP(
                    "the parcel line has {} fields but the field-name list on line {} names {}"),
                    len(fields), self.list_line, len(names)), line_number)
        elif self.layout == LAYOUT_SUPPLEMENT or (self.layout == "auto" and looks_like_supplement_12(fields)):
            if len(fields) != len(SUPPLEMENT_12):
                raise self.error(Message(QT_TR_NOOP(
                    "a 12-field 补充耕地 parcel line needs 12 fields before '@', found {}"), len(fields)), line_number)
            names = SUPPLEMENT_12
            if result.layout != LAYOUT_SUPPLEMENT:
                result.layout = LAYOUT_SUPPLEMENT
                result.notes.append(Note(Message(QT_TR_NOOP(
                    "12 fields and no field-name line: read as the 12-field 补充耕地 layout (坐标点个数 … "
                    "耕地质量等级)")), line_number))
        elif len(fields) < PARCEL_FIELD_COUNT:
            raise self.error(Message(QT_TR_NOOP(
                "a parcel line needs {} fields before '@' (界址点数,地块面积,地块编号,地块名称,记录图形属性,图幅号,"
                "地块用途,地类编码), found {}"), PARCEL_FIELD_COUNT, len(fields)), line_number)
        parcel = CoordTxtParcel(line_number, fields, names)
        if parcel.class_name and not parcel.values.get("class_code") and not parcel.class_code:
            parcel.notes.append(Note(Message(QT_TR_NOOP(
                "地类 '{}' is not a land-class name of GB/T 21010; no class code"), parcel.class_name),
                line_number, Note.WARNING))
        declared = _parse_int(fields[0])
        if declared == "bad" or (declared is not None and declared < 0):
            raise self.error(Message(QT_TR_NOOP("expected a whole number of points (界址点数) in the 1st field, "
                                                "found '{}'"), _clip(fields[0])), line_number)
        parcel.declared_point_count = declared
        if parcel.extra_fields and names is None:
            parcel.notes.append(Note(Message(QT_TR_NOOP("{} extra attribute field(s) after 地类编码 kept"),
                                             len(parcel.extra_fields)), line_number))
        elif parcel.named_extra:
            parcel.notes.append(Note(Message(QT_TR_NOOP("column(s) {} kept as attributes"),
                                             ", ".join(parcel.named_extra)), line_number))
        if parcel.shape and parcel.shape not in SHAPES:
            parcel.notes.append(Note(Message(QT_TR_NOOP(
                "记录图形属性 is '{}', not 面 (polygon); the points are read as a polygon anyway"), parcel.shape),
                line_number, Note.WARNING))
        return parcel

    def _close_parcel(self, parcel):
        parcel.point_lines = sum(ring.stop - ring.start for ring in parcel.rings)
        if not parcel.rings:
            raise self.error(Message(QT_TR_NOOP("parcel '{}' has no point lines: expected 'J1,1,X,Y' lines "
                                                "after its parcel line"), parcel.label), parcel.line)
        if parcel.point_extras:
            widths = sorted({len(extra) for _line, _name, _ring, extra in parcel.point_extras})
            parcel.notes.append(Note(Message(QT_TR_NOOP(
                "{} point line(s) carry {} column(s) after X,Y (到下一点距离, 界址点类型 …): kept as attributes"),
                len(parcel.point_extras), "/".join(str(width) for width in widths)), parcel.point_extras[0][0]))

    # -- coordinates, CRS and geometry --------------------------------------------------------
    def _settle_crs(self, first_col, second_col, point_line):
        result = self.result
        first = np.asarray(first_col, dtype=float)
        second = np.asarray(second_col, dtype=float)
        bad = ~(np.isfinite(first) & np.isfinite(second))
        if bad.any():
            at = int(np.argmax(bad))
            raise self.error(Message(QT_TR_NOOP("coordinates must be finite numbers, found {} and {}"),
                                     first_col[at], second_col[at]), int(point_line[at]))
        lines = point_line
        # which column is the easting: decided on the first point, then held for every point
        a0, b0 = first[0], second[0]
        layout = _layout(a0, b0)
        if layout is None:
            raise self.error(Message(QT_TR_NOOP(
                "cannot tell northing from easting in '{}, {}': expected X = northing (below 10,000,000) and "
                "Y = easting (with the zone number in front, or below 1,000,000)"), a0, b0), int(lines[0]))
        swapped, prefixed = layout
        northing, easting = (second, first) if swapped else (first, second)
        if prefixed:
            wrong = (easting < PREFIXED_MIN) | (northing >= PREFIXED_MIN)
        else:
            wrong = (easting >= UNPREFIXED_MAX) | (northing >= PREFIXED_MIN)
        if wrong.any():
            at = int(np.argmax(wrong))
            raise self.error(Message(QT_TR_NOOP(
                "coordinates '{}, {}' do not follow the layout of the first point (line {}): {}"),
                first[at], second[at], int(lines[0]), _layout_text(swapped, prefixed)), int(lines[at]))
        result.swapped_xy = swapped
        result.prefixed = prefixed
        if swapped:
            result.notes.append(Note(Message(QT_TR_NOOP(
                "X and Y are swapped in this file (X holds the eastings); read them the other way round")),
                int(lines[0]), Note.WARNING))
        prefix_zone = mixed_at = None
        if prefixed:
            zones = np.floor(easting / 1.0e6)
            prefix_zone = int(zones[0])
            other = zones != zones[0]
            if other.any():
                mixed_at = int(np.argmax(other))
        self._settle_zone(prefix_zone, easting, lines, mixed_at)
        # with a declared zone the prefix is the zone's, even where an easting runs into the next
        # million (zone 37 data whose eastern points read 38,xxx,xxx: data-standards.md §8.3)
        offsets = easting - (result.zone * 1.0e6 if prefixed else 0.0) - 500_000.0
        reach = float(np.max(np.abs(offsets)))
        declared_across = prefixed and (prefix_zone != result.zone or mixed_at is not None) \
            and result.zone_source in ("带号", "中央经线")
        if reach > MAX_OFFSET_M.get(result.zone_width, 700_000.0) and not declared_across:
            at = int(np.argmax(np.abs(offsets)))
            result.notes.append(Note(Message(QT_TR_NOOP(
                "points lie up to {:.0f} km from the central meridian of zone {}: is the zone right?"),
                reach / 1000.0, result.zone), int(lines[at]), Note.WARNING))
        self._build_geometries(easting, northing)

    def _settle_zone(self, prefix_zone, easting=None, lines=None, mixed_at=None):
        result = self.result
        header = result.sections.get(SECTION_ATTRIBUTES, {})
        header_lines = result.header_lines
        # datum
        datum_text = header.get("坐标系", "")
        if datum_text:
            datum = _parse_datum(datum_text)
            if datum in ("beijing1954", "wgs84") or datum is None:
                raise self.error(Message(QT_TR_NOOP(
                    "坐标系 '{}' is not supported: expected 2000国家大地坐标系 (CGCS2000) or 1980西安坐标系"),
                    datum_text), header_lines.get("坐标系"))
        else:
            datum = "cgcs2000"
            result.notes.append(Note(Message(QT_TR_NOOP("坐标系 is missing or empty; assumed CGCS2000")),
                                     header_lines.get("坐标系"), Note.WARNING))
        unit = header.get("计量单位", "")
        if unit and unit.lower() not in ("米", "m", "metre", "meter", "公尺"):
            raise self.error(Message(QT_TR_NOOP("计量单位 '{}' is not supported: expected 米 (metres)"), unit),
                             header_lines.get("计量单位"))
        projection = header.get("投影类型", "")
        if projection and not any(word in projection.replace(" ", "").lower()
                                  for word in ("高斯", "gauss", "gk", "克吕格", "克吕格尔", "tm")):
            raise self.error(Message(QT_TR_NOOP("投影类型 '{}' is not supported: expected 高斯克吕格 "
                                                "(Gauss-Krüger)"), projection), header_lines.get("投影类型"))
        # zone width
        width_text = header.get("几度分带", "")
        width = _parse_width(width_text) if width_text else None
        if width_text and width is None:
            raise self.error(Message(QT_TR_NOOP("几度分带 '{}' is neither 3 nor 6"), width_text),
                             header_lines.get("几度分带"))
        # zone number: 带号, else the central meridian, else the easting prefix, else the caller's hint
        zone_text = header.get("带号", "")
        zone = _parse_int(zone_text) if zone_text else None
        if zone == "bad":
            raise self.error(Message(QT_TR_NOOP("带号 '{}' is not a whole number"), zone_text),
                             header_lines.get("带号"))
        zone_source = "带号" if zone is not None else None
        if zone is None and header.get("中央经线"):
            meridian = _parse_int(re.sub(r"[^0-9.]", "", header["中央经线"]) or "x")
            if meridian not in (None, "bad"):
                zone = meridian // 3 if (width or 3) == 3 and meridian % 3 == 0 else (meridian + 3) // 6
                zone_source = "中央经线"
                result.notes.append(Note(Message(QT_TR_NOOP("带号 is empty; zone {} taken from 中央经线 {}"),
                                             zone, meridian), header_lines.get("中央经线")))
        if zone is not None and prefix_zone is not None and (zone != prefix_zone or mixed_at is not None):
            # the declared zone wins when the eastings fit it: the prefix is only the easting's leading digits
            offsets = easting - zone * 1.0e6 - 500_000.0
            reach = float(np.max(np.abs(offsets)))
            if reach > DECLARED_OFFSET_MAX_M:
                raise self.error(Message(QT_TR_NOOP(
                    "{} says zone {} but the eastings carry zone {} in front and lie {:.0f} km from zone {}'s "
                    "central meridian"), zone_source, zone, prefix_zone, reach / 1000.0, zone),
                    header_lines.get(zone_source))
            at = int(np.argmax(np.abs(offsets)))
            result.notes.append(Note(Message(QT_TR_NOOP(
                "{} says zone {}; eastings such as {:.3f} run into the next million ({:.0f} km from the central "
                "meridian): read in zone {} as declared"), zone_source, zone, easting[at], abs(offsets[at]) / 1000.0,
                zone), int(lines[at]), Note.WARNING))
        elif mixed_at is not None:
            if self.zone_hint is None:
                raise self.error(Message(QT_TR_NOOP(
                    "the easting {} carries zone {} but the first point's carries zone {}, and no 带号 says which "
                    "zone the file is in; give the zone"), easting[mixed_at], int(easting[mixed_at] // 1.0e6),
                    prefix_zone), int(lines[mixed_at]))
            zone = int(self.zone_hint)
            zone_source = "user"
            result.notes.append(Note(Message(QT_TR_NOOP(
                "the eastings carry zones {} and {} in front; zone {} as chosen by the user"), prefix_zone,
                int(easting[mixed_at] // 1.0e6), zone), int(lines[mixed_at]), Note.WARNING))
        if zone is None and prefix_zone is not None:
            zone = prefix_zone
            zone_source = "prefix"
            result.notes.append(Note(Message(QT_TR_NOOP("带号 is empty; zone {} taken from the eastings"), zone),
                                     header_lines.get("带号")))
        if zone is None and self.zone_hint is not None:
            zone = int(self.zone_hint)
            zone_source = "user"
            result.notes.append(Note(Message(QT_TR_NOOP(
                "neither 带号 nor the eastings give the zone; zone {} as chosen by the user"), zone),
                None, Note.WARNING))
        if zone is None:
            raise self.error(Message(QT_TR_NOOP(
                "the zone is unknown: 带号 is empty and the eastings carry no zone number; give the zone")),
                header_lines.get("带号"))
        if width is None:
            width = 6 if 13 <= zone <= 23 else 3
            result.notes.append(Note(Message(QT_TR_NOOP("几度分带 is missing; {}-degree zones assumed from zone {}"),
                                             width, zone), header_lines.get("几度分带")))
        if not result.prefixed:
            if zone_source in ("带号", "中央经线"):
                message = Message(QT_TR_NOOP("the eastings carry no zone number in front; zone {} assumed "
                                             "from {}"), zone, zone_source)
            else:
                message = Message(QT_TR_NOOP("the eastings carry no zone number in front; zone {} assumed "
                                             "as chosen by the user"), zone)
            result.notes.append(Note(message, None, Note.WARNING))
        try:
            epsg = gk.epsg_for_zone(zone, width, prefixed=result.prefixed, datum=datum)
        except gk.ZoneError as exc:
            raise self.error(Message(QT_TR_NOOP("no Gauss-Krüger CRS for this header: {}"), str(exc)),
                             header_lines.get("带号")) from None
        result.datum, result.zone_width, result.zone, result.epsg = datum, width, zone, epsg
        result.zone_source = zone_source

    def _build_geometries(self, easting, northing):
        result = self.result
        coords = np.column_stack((easting, northing))
        # a big file: PROJ turns the points into longitude/latitude on the other core (it lets go
        # of the GIL) while the rings are checked and the polygons built here
        waiting = to_geographic_started(result.epsg, easting, northing) \
            if self.ellipsoidal and result.epsg and len(easting) >= _THREAD_POINTS else None
        all_bounds = []
        ring_geometries = []
        for parcel in result.parcels:
            closed = []
            for ring in parcel.rings:
                ring_coords = coords[ring.start:ring.stop]
                if ring.point_count >= 1 and not (ring_coords[0] == ring_coords[-1]).all():
                    ring_coords = np.vstack((ring_coords, ring_coords[:1]))
                    ring.closed_by_reader = True
                    parcel.notes.append(Note(Message(QT_TR_NOOP(
                        "ring {} of parcel '{}' was not closed; closed it with its first point"),
                        ring.number, parcel.label), ring.line, Note.WARNING))
                distinct = len({(x, y) for x, y in ring_coords[:-1].tolist()}) if len(ring_coords) < 64 \
                    else len(ring_coords) - 1
                if distinct < 3:
                    raise self.error(Message(QT_TR_NOOP(
                        "ring {} of parcel '{}' has {} distinct point(s): a ring needs at least 3"),
                        ring.number, parcel.label, distinct), ring.line)
                closed.append(ring_coords)
            ring_geometries.append(closed)
            all_bounds.extend((ring.start, ring.stop) for ring in parcel.rings)
        all_depths = []
        for parcel, closed in zip(result.parcels, ring_geometries):
            try:
                geometry, depths, problem = assemble(closed)
            except Exception as exc:  # GEOS refusing degenerate rings: report it as a file error
                raise self.error(Message(QT_TR_NOOP("the rings of parcel '{}' do not make a polygon: {}"),
                                         parcel.label, str(exc)), parcel.line) from None
            parcel.geometry = geometry
            all_depths.append(depths)
            for ring, depth in zip(parcel.rings, depths):
                ring.depth = depth
            if problem:
                parcel.notes.append(Note(Message(QT_TR_NOOP("the geometry of parcel '{}' is not valid: {}"),
                                                 parcel.label, problem), parcel.line, Note.WARNING))
            parcel.planar_area_m2 = float(geometry.area)
        if not self.ellipsoidal:
            geographic = None
        elif waiting is not None:
            geographic = waiting()
        else:
            geographic = to_geographic(result.epsg, easting, northing)
        if geographic is None and self.ellipsoidal:
            result.notes.append(Note(Message(QT_TR_NOOP(
                "the ellipsoidal area could not be computed (coordinates outside the zone); planar areas used")),
                None, Note.WARNING))
        ellipsoidal = geodesic_ring_areas(geographic[0], geographic[1], all_bounds) if geographic else None
        position = 0
        units_seen = {}
        for parcel, depths in zip(result.parcels, all_depths):
            if ellipsoidal is not None:
                ring_areas = ellipsoidal[position:position + len(parcel.rings)]
                parcel.ellipsoidal_area_m2 = float(sum(area if depth % 2 == 0 else -area
                                                       for area, depth in zip(ring_areas, depths)))
            position += len(parcel.rings)
            self._check_counts(parcel)
            parcel.area_check = check_declared_area(parcel.declared_area, parcel.planar_area_m2,
                                                    parcel.ellipsoidal_area_m2)
            if parcel.area_check.matches is False:
                # a difference the file's own 精度 explains is information, not a warning
                within = within_coordinate_precision(parcel.area_check, parcel.area_m2,
                                                     parcel.geometry.length if parcel.geometry is not None else None,
                                                     result.attributes.get("精度"))
                parcel.notes.append(Note(parcel.area_check.note, parcel.line, Note.INFO if within else Note.WARNING))
            if parcel.area_check.unit:
                units_seen[parcel.area_check.unit] = units_seen.get(parcel.area_check.unit, 0) + 1
        if units_seen:
            result.area_unit = max(units_seen, key=units_seen.get)
            if result.area_unit != "ha":
                result.notes.append(Note(Message(QT_TR_NOOP(
                    "地块面积 seems to be written in {}, not in hectares"),
                    {"m2": "m²", "mu": "亩"}.get(result.area_unit, result.area_unit)), None, Note.WARNING))

    def _check_counts(self, parcel):
        declared = parcel.declared_point_count
        if declared is None:
            parcel.notes.append(Note(Message(QT_TR_NOOP("界址点数 is empty; the parcel has {} point lines"),
                                             parcel.point_lines), parcel.line))
            return
        if declared == parcel.point_lines:
            return
        closing = sum(1 for ring in parcel.rings if not ring.closed_by_reader)
        if declared == parcel.point_lines - closing:
            parcel.notes.append(Note(Message(QT_TR_NOOP(
                "界址点数 {} leaves out the closing points ({} point lines)"), declared, parcel.point_lines),
                parcel.line))
            return
        parcel.notes.append(Note(Message(QT_TR_NOOP(
            "界址点数 says {} points but parcel '{}' has {} point lines"), declared, parcel.label,
            parcel.point_lines), parcel.line, Note.WARNING))


def _layout(a, b):
    """``(swapped, prefixed)`` for a first point written as ``a,b`` (file order X,Y), or None."""
    if b >= PREFIXED_MIN and a < PREFIXED_MIN:
        return False, True
    if a >= PREFIXED_MIN and b < PREFIXED_MIN:
        return True, True
    if a < PREFIXED_MIN and b < PREFIXED_MIN:
        if b < UNPREFIXED_MAX <= a:
            return False, False
        if a < UNPREFIXED_MAX <= b:
            return True, False
        if a < UNPREFIXED_MAX and b < UNPREFIXED_MAX:
            return False, False  # a northing below 1,000,000 (south of about 9°N); read as written
    return None


def _layout_text(swapped, prefixed):
    order = "X = easting, Y = northing (swapped)" if swapped else "X = northing, Y = easting"
    return order + (", eastings with the zone number in front" if prefixed else ", eastings without zone number")


def _clip(text, size=60):
    text = str(text)
    return text if len(text) <= size else text[:size] + "…"
