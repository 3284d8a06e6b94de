# SPDX-License-Identifier: GPL-2.0-or-later
"""Make the text layer of a PDF written by Qt searchable as written: ideographs, not Kangxi radicals.

Why: Qt's PDF writer builds each font's ToUnicode CMap by asking, for every code point from U+0000
upwards, which glyph the font draws, and keeps the first code point found for a glyph.  CJK fonts
such as Noto Sans CJK draw the Kangxi radical ⽬ (U+2F6C) and the ideograph 目 (U+76EE) with one
glyph, and U+2F6C comes first, so the PDF says ⽬: the page looks right but searching it for 项目
or 示范 finds nothing, and copied text is wrong.

The fix maps every compatibility code point in the CMaps (Kangxi radicals, CJK radicals supplement,
CJK compatibility ideographs) to its ideograph: the NFKC normal form where Unicode gives one, else
the ideograph the sheet's font draws with the same glyph (⻝ U+2EDD → 食).  Qt writes the CMaps
uncompressed with four hex digits per code point; a replacement of the same length is written in
place, so the file's cross-reference offsets stay valid.  A CMap that grows (a range written out)
or a compressed one is appended as an incremental update (new object version, a new xref section
pointing back to the old one).
"""
import functools
import re
import unicodedata
import zlib

_RANGES = ((0x2E80, 0x2EFF), (0x2F00, 0x2FDF), (0xF900, 0xFAFF))   # compatibility forms of ideographs
_HEX4 = re.compile(rb"<([0-9A-Fa-f]{4})>")


def unified(code_point, font_table=None):
    """The unified ideograph for a compatibility code point, or None if it has none in the BMP.

    NFKC answers for the Kangxi radicals and compatibility ideographs; most of the CJK radicals
    supplement (⻝ U+2EDD for 食) has no decomposition, so ``font_table`` (``font_ideographs``)
    answers with the ideograph the font draws with the same glyph."""
    if not any(low <= code_point <= high for low, high in _RANGES):
        return None
    normal = unicodedata.normalize("NFKC", chr(code_point))
    if len(normal) == 1 and normal != chr(code_point) and ord(normal) <= 0xFFFF:
        return ord(normal)
    return (font_table or {}).get(code_point)


@functools.lru_cache(maxsize=8)
def font_ideographs(family):
    """{compatibility code point: unified ideograph} for the code points ``family`` draws with an
    ideograph's glyph (the same question Qt answered the other way round when it wrote the CMap)."""
    if not family:
        return {}
    try:
        from qgis.PyQt.QtGui import QFont, QRawFont
        raw = QRawFont.fromFont(QFont(family))
        if not raw.isValid():
            return {}
        ideographs = "".join(chr(c) for c in range(0x4E00, 0xA000))   # the unified block, in order
        by_glyph = {}
        for code_point, glyph in zip(range(0x4E00, 0xA000), raw.glyphIndexesForString(ideographs)):
            if glyph and glyph not in by_glyph:
                by_glyph[glyph] = code_point
        table = {}
        for low, high in _RANGES:
            for code_point, glyph in zip(range(low, high + 1),
                                         raw.glyphIndexesForString("".join(chr(c) for c in range(low, high + 1)))):
                if glyph in by_glyph:
                    table[code_point] = by_glyph[glyph]
        return table
    except Exception:  # noqa: BLE001 - without the font's answer NFKC still fixes most; never fail an export
        return {}


def fix_cmap(cmap, font_table=None):
    """``cmap`` (bytes of a ToUnicode CMap) with compatibility code points replaced; (bytes, count).

    Only destinations change: in ``bfchar`` lines what follows the glyph code, in ``bfrange`` lines
    what follows the two glyph codes (a scalar start is written out as an array when the range is
    longer than one glyph, since its successors are no longer consecutive).
    """
    count = 0

    def mapped(token):
        nonlocal count
        target = unified(int(token, 16), font_table)
        if target is None:
            return token
        count += 1
        return b"%04X" % target

    def map_all(text):
        return _HEX4.sub(lambda m: b"<%s>" % mapped(m.group(1)), text)

    out, section, in_array = [], None, False
    for line in cmap.split(b"\n"):
        stripped = line.strip()
        if stripped.endswith((b"beginbfchar", b"beginbfrange")):
            section = stripped.split()[-1][5:]
        elif stripped.startswith((b"endbfchar", b"endbfrange")):
            section = None
        elif in_array:                           # an array continued from an earlier line
            cut = line.find(b"]") if b"]" in line else len(line)
            line = map_all(line[:cut]) + line[cut:]
            in_array = b"]" not in line
        elif section is not None:
            tokens = list(_HEX4.finditer(line))
            skip = 1 if section == b"bfchar" else 2          # the glyph codes stay as they are
            if b"[" in line:
                cut = line.index(b"[")
                close = line.find(b"]", cut)
                close = len(line) if close < 0 else close
                line = line[:cut] + map_all(line[cut:close]) + line[close:]
                in_array = b"]" not in line
            elif len(tokens) > skip:
                low, high = int(tokens[0].group(1), 16), int(tokens[1].group(1), 16)
                value = tokens[skip]
                first = int(value.group(1), 16)
                if section == b"bfrange" and high > low and any(unified(first + i, font_table)
                                                                for i in range(high - low + 1)):
                    # the successors of a scalar start are no longer consecutive: write the range out
                    values = b" ".join(b"<%s>" % mapped(b"%04X" % (first + i)) for i in range(high - low + 1))
                    line = line[:value.start()] + b"[" + values + b"]" + line[value.end():]
                else:
                    line = line[:value.start()] + b"<%s>" % mapped(value.group(1)) + line[value.end():]
        out.append(line)
    return b"\n".join(out), count


def _stream_of(data, number):
    """The last definition of object ``number`` as a stream (groups: generation, dictionary), or None."""
    found = None
    for found in re.finditer(rb"(?<![0-9])%d (\d+) obj\s*<<((?:(?!endobj).)*?)>>\s*stream\r?\n" % number, data,
                             re.S):
        pass
    return found


def _to_unicode_objects(data):
    """Object numbers named by /ToUnicode in ``data``."""
    return {int(number) for number in re.findall(rb"/ToUnicode\s+(\d+)\s+\d+\s+R", data)}


def fix_pdf_text(path, font_family=None):
    """Rewrite the ToUnicode CMaps of the PDF at ``path`` (written with ``font_family``, the sheet's
    CJK font); returns the number of code points mapped."""
    font_table = font_ideographs(font_family) if font_family else {}
    with open(path, "rb") as handle:
        data = bytearray(handle.read())
    targets = _to_unicode_objects(bytes(data))
    if not targets:
        return 0
    total = 0
    appended = []
    for number in sorted(targets):
        match = _stream_of(bytes(data), number)
        if match is None:
            continue
        dictionary = match.group(2)
        length = re.search(rb"/Length\s+(\d+)(\s+\d+\s+R)?", dictionary)
        if length is None or length.group(2):
            continue          # an indirect length: Qt never writes one for a CMap
        begin, size = match.end(), int(length.group(1))
        body = bytes(data[begin:begin + size])
        if b"/FlateDecode" in dictionary:
            try:
                fixed, count = fix_cmap(zlib.decompress(body), font_table)
            except zlib.error:
                continue
            if count:
                appended.append((number, int(match.group(1)), fixed))
                total += count
            continue
        fixed, count = fix_cmap(body, font_table)
        if count and len(fixed) == len(body):
            data[begin:begin + size] = fixed          # same length: every offset stays valid
            total += count
        elif count:
            appended.append((number, int(match.group(1)), fixed))
            total += count
    if appended:
        data = _append_update(bytes(data), appended)
    if total:
        with open(path, "wb") as handle:
            handle.write(data)
    return total


def _append_update(data, objects):
    """``data`` with an incremental update holding ``objects`` [(number, generation, cmap bytes)]."""
    previous = re.findall(rb"startxref\s+(\d+)", data)
    trailer = data[data.rfind(b"trailer"):] if b"trailer" in data else b""
    size = re.search(rb"/Size\s+(\d+)", trailer)
    root = re.search(rb"/Root\s+(\d+\s+\d+\s+R)", trailer)
    info = re.search(rb"/Info\s+(\d+\s+\d+\s+R)", trailer)
    if not previous or size is None or root is None:
        return bytearray(data)     # an xref stream or an unusual trailer: leave the file as Qt wrote it
    out = bytearray(data if data.endswith(b"\n") else data + b"\n")
    offsets = []
    for number, generation, cmap in objects:
        offsets.append((number, generation, len(out)))
        out += b"%d %d obj\n<< /Length %d >>\nstream\n" % (number, generation, len(cmap)) + cmap + \
            b"\nendstream\nendobj\n"
    xref_at = len(out)
    out += b"xref\n"
    for number, generation, offset in sorted(offsets):
        out += b"%d 1\n%010d %05d n \n" % (number, offset, generation)
    out += b"trailer\n<< /Size " + size.group(1) + b" /Root " + root.group(1)
    if info is not None:
        out += b" /Info " + info.group(1)
    out += b" /Prev " + previous[-1] + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref_at
    return out
