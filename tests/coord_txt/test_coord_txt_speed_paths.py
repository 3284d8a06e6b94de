# SPDX-License-Identifier: GPL-2.0-or-later
"""The reader's speed-ups change nothing but speed: CRLF split, GB18030 decode, paused garbage collector."""
import gc
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from double_guarantee_plugin.core.coord_txt import CoordTxtError, read_coord_txt
from double_guarantee_plugin.core.coord_txt.reader import _GC_PAUSE_BYTES, decode_gb18030, split_lines


def _generic_split(text):
    """What split_lines did for every file before the CRLF shortcut."""
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


@settings(max_examples=600, deadline=None, database=None, derandomize=True)
@given(st.lists(st.sampled_from(["a", ",", "\r", "\n", "\r\n", "\r\n", "\r\n", "面"]), max_size=40))
def test_split_lines_gives_the_generic_lines(pieces):
    text = "".join(pieces)
    lines, ending = split_lines(text)
    assert lines == _generic_split(text)
    crlf = text.count("\r\n")
    if crlf and text.count("\r") == crlf and text.count("\n") == crlf:
        assert ending == "CRLF"


def _big_file(parcels=900, bad_line=None):
    """A GBK/CRLF file above the garbage-collector pause threshold (squares of 40 points)."""
    out = ["[属性描述]", "坐标系=2000国家大地坐标系", "几度分带=3", "带号=39", "[地块坐标]"]
    for number in range(parcels):
        x0, y0 = 3540000.0 + 1000 * (number // 50), 39500000.0 + 1000 * (number % 50)
        points = [(x0 + 300 * math.cos(2 * math.pi * k / 39), y0 + 300 * math.sin(2 * math.pi * k / 39))
                  for k in range(39)]
        points.append(points[0])
        out.append(f"{len(points)},,DK{number},地块{number},面,,,,@")
        out.extend(f"J{k + 1},1,{x:.3f},{y:.3f}" for k, (x, y) in enumerate(points))
    if bad_line is not None:
        out[bad_line] = "J1,1,not a number,39500000.000"
    return ("\r\n".join(out) + "\r\n").encode("gbk")


@pytest.mark.parametrize("enabled", [True, False])
def test_big_read_leaves_the_garbage_collector_as_it_was(enabled):
    data = _big_file()
    assert len(data) > _GC_PAUSE_BYTES
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        result = read_coord_txt(data)
        assert len(result.parcels) == 900 and result.point_count == 900 * 40
        assert gc.isenabled() is enabled
        with pytest.raises(CoordTxtError) as caught:
            read_coord_txt(_big_file(bad_line=1000))
        assert caught.value.line == 1001
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


def test_big_read_runs_no_collection():
    data = _big_file()
    runs = []

    def count(phase, _info):
        if phase == "start":
            runs.append(1)

    gc.callbacks.append(count)
    try:
        read_coord_txt(data)
    finally:
        gc.callbacks.remove(count)
    assert gc.isenabled()
    # at most the one collection that may start the moment the collector is switched back on
    assert len(runs) <= 1, len(runs)


def _gb_outcome(decoder, raw):
    try:
        return ("text", decoder(raw))
    except UnicodeDecodeError as exc:
        return ("error", exc.start, exc.end, exc.reason)


GB_BYTES = [0x0A, 0x0D, 0x20, 0x2C, 0x30, 0x35, 0x39, 0x40, 0x41, 0x7E, 0x7F, 0x80, 0x81, 0x84, 0x90, 0xA1, 0xB0,
            0xC3, 0xE6, 0xFE, 0xFF]


@settings(max_examples=300, deadline=None, database=None, derandomize=True)
@given(st.lists(st.tuples(st.integers(0, 70_000), st.lists(st.sampled_from(GB_BYTES), min_size=1, max_size=9)),
                max_size=12),
       st.integers(0, 3))
def test_gb18030_fast_decode_equals_the_whole_decode(insertions, tail):
    data = bytearray((b"J1,1,3540000.000,39500000.000\r\n" * 2300)[:70_000 - tail])
    # valid GBK / GB18030 characters and random high and trail bytes at random places
    for at, fragment in sorted(insertions, reverse=True):
        data[at:at] = bytes(fragment)
    data[100:100] = "面积公顷".encode("gbk") + "\u20ac\U0001f600".encode("gb18030")
    raw = bytes(data)
    assert len(raw) >= 65536
    assert _gb_outcome(decode_gb18030, raw) == _gb_outcome(lambda b: b.decode("gb18030"), raw)


def test_gb18030_fast_decode_of_the_real_samples_and_traps():
    # the files are small: repeat them past the size where the fast decode starts
    from pathlib import Path
    here = Path(__file__).resolve()
    real = here.parents[2].parent / "shared" / "data" / "real" / "coord_txt"
    checked = 0
    for path in sorted(real.glob("*.txt")) + sorted((here.parent / "data").glob("*.txt")):
        raw = path.read_bytes()
        raw = raw * (65536 // max(1, len(raw)) + 1)
        assert _gb_outcome(decode_gb18030, raw) == _gb_outcome(lambda b: b.decode("gb18030"), raw)
        checked += 1
    assert checked >= 20


def test_threaded_transform_gives_the_same_areas(monkeypatch):
    from double_guarantee_plugin.core.coord_txt import reader

    data = _big_file(parcels=120)

    def read(threshold):
        monkeypatch.setattr(reader, "_THREAD_POINTS", threshold)
        result = read_coord_txt(data)
        return ([(parcel.ellipsoidal_area_m2, parcel.planar_area_m2, parcel.geometry.wkb, str(parcel.area_note),
                  [str(note) for note in parcel.notes]) for parcel in result.parcels],
                [str(note) for note in result.notes])

    threaded, inline = read(1), read(10 ** 9)
    assert threaded == inline
    assert all(area is not None and area > 2.5e5 for area, *_rest in threaded[0])
    # no ellipsoidal areas asked for: no thread, no areas
    monkeypatch.setattr(reader, "_THREAD_POINTS", 1)
    assert all(parcel.ellipsoidal_area_m2 is None for parcel in read_coord_txt(data, ellipsoidal=False).parcels)
