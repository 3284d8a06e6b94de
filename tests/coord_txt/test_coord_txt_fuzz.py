# SPDX-License-Identifier: GPL-2.0-or-later
"""Fuzz: at least 10,000 mutated coordinate files; only CoordTxtError may come out of the reader.

Seeds are the real samples and the hand-made trap files; hypothesis mutates bytes, lines and
fields with tokens that are known to hurt parsers (empty, '@', ',', nan, 1e400, NUL, full-width
commas, section headers, CR).  A file that reads must give sane parcels.
"""
import math
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from double_guarantee_plugin.core.coord_txt import CoordTxtError, read_coord_txt

# not `from conftest import`: several conftest modules share that name in one run
TRAPS = Path(__file__).resolve().parent / "data"
REAL = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "real" / "coord_txt"

EXAMPLES = 10_000
TOKENS = [b"", b" ", b"@", b",", b",@", b",,,,,,,,@", b"nan", b"inf", b"-inf", b"1e400", b"-0", b"0", b"1_0",
          b"\x00", b"\r", b"\r\n", b"\n", "，".encode(), "＠".encode(), b"[", b"]", "[地块坐标]".encode(),
          "[项目信息]".encode(), "带号=".encode(), "带号=99".encode(), "带号=38".encode(), "几度分带=6".encode(),
          "坐标系=1954北京坐标系".encode(), b"=", b"J1", b"1", b"2", b"-1", b"39500000.000", b"500000.000",
          b"3540000.000", b"99999999999", b"1e308", b"\xff", b"\xef\xbb\xbf", "公顷".encode(), "\u3000".encode()]


def _seeds():
    files = sorted(REAL.glob("*.txt")) + sorted(TRAPS.glob("*.txt"))
    return [path.read_bytes() for path in files]


SEEDS = _seeds()


@st.composite
def mutated_files(draw):
    data = bytearray(draw(st.sampled_from(SEEDS)))
    for _ in range(draw(st.integers(1, 3))):
        kind = draw(st.sampled_from(["byte", "insert", "delete", "token", "line_dup", "line_del", "field",
                                     "truncate", "swap_lines"]))
        size = len(data)
        if kind == "truncate" and size:
            del data[draw(st.integers(0, size)):]
        elif kind == "byte" and size:
            data[draw(st.integers(0, size - 1))] = draw(st.integers(0, 255))
        elif kind == "insert":
            at = draw(st.integers(0, size))
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif kind == "delete" and size:
            at = draw(st.integers(0, size - 1))
            del data[at:at + draw(st.integers(1, 40))]
        elif kind == "token":
            at = draw(st.integers(0, size))
            data[at:at] = draw(st.sampled_from(TOKENS))
        elif kind in ("line_dup", "line_del", "swap_lines", "field"):
            lines = bytes(data).split(b"\n")
            index = draw(st.integers(0, len(lines) - 1))
            if kind == "line_dup":
                lines.insert(index, lines[index])
            elif kind == "line_del":
                del lines[index]
            elif kind == "swap_lines":
                other = draw(st.integers(0, len(lines) - 1))
                lines[index], lines[other] = lines[other], lines[index]
            else:
                fields = lines[index].split(b",")
                fields[draw(st.integers(0, len(fields) - 1))] = draw(st.sampled_from(TOKENS))
                lines[index] = b",".join(fields)
            data = bytearray(b"\n".join(lines))
    return bytes(data)


def _check_result(result):
    assert result.parcels and result.epsg
    for parcel in result.parcels:
        assert parcel.geometry is not None and not parcel.geometry.is_empty
        assert parcel.geometry.geom_type in ("Polygon", "MultiPolygon")
        assert parcel.rings and all(ring.point_count >= 1 for ring in parcel.rings)
        assert isinstance(parcel.planar_area_m2, float)
        assert parcel.area_check is not None
        str(parcel.area_note)
        for note in parcel.notes:
            str(note)


@pytest.mark.slow
def test_fuzzed_files_raise_only_the_documented_error():
    outcome = {"runs": 0, "read": 0, "refused": 0}

    @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(mutated_files())
    def feed(data):
        outcome["runs"] += 1
        try:
            result = read_coord_txt(data)
        except CoordTxtError as exc:
            outcome["refused"] += 1
            assert exc.line is None or (isinstance(exc.line, int) and 1 <= exc.line <= data.count(b"\n") + data.count(b"\r") + 2)
            assert str(exc)
            return
        outcome["read"] += 1
        _check_result(result)

    feed()
    assert outcome["runs"] >= EXAMPLES
    # the mutations must exercise both paths, or the test proves nothing
    assert outcome["read"] > EXAMPLES // 20 and outcome["refused"] > EXAMPLES // 20, outcome
    print(f"fuzz: {outcome}")


def test_unmutated_seeds_read():
    for data in SEEDS[:3]:
        assert math.isfinite(read_coord_txt(data).parcels[0].planar_area_m2)
