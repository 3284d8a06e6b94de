# SPDX-License-Identifier: GPL-2.0-or-later
"""Versions of rows as the three-way merge compares them: canonical values, plot versions and their hashes.

A value is *canonical* when both backends give the same Python value for it: dates as ISO text,
integral numbers as int, bytes as hex.  A plot version is its attributes (canonical) and its
geometry as normal WKB (``gpkg.normal_wkb``); two versions are the same when they agree on every
column both know and on the geometry bit for bit.
"""
import datetime
import decimal
import hashlib
import json
from dataclasses import dataclass

DELETED = "deleted"
ABSENT = object()   # "no such value": a row not there, a field never logged


def canonical(value):
    """The value as both backends compare it."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, (datetime.date, datetime.datetime, datetime.time)):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        value = float(value)
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, (bytes, bytearray, memoryview)):
        return bytes(value).hex()
    return value


def canonical_row(row, columns):
    return {name: canonical(row[name]) for name in columns}


def to_json(value):
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


@dataclass(frozen=True)
class PlotVersion:
    """One version of a plot: canonical attributes and normal WKB (None: no geometry)."""
    attributes: dict
    wkb: bytes = None
    blob: bytes = None        # the GeoPackage blob it was read from, written back unchanged when possible

    def get(self, name, default=None):
        return self.attributes.get(name, default)


def version_hash(version, columns=None):
    """Hash of a plot version over ``columns`` (all its attributes by default); DELETED for None."""
    if version is None:
        return DELETED
    names = sorted(version.attributes if columns is None else [c for c in columns if c in version.attributes])
    digest = hashlib.sha256(to_json({name: version.attributes[name] for name in names}).encode("utf-8"))
    digest.update(b"|" + (version.wkb if version.wkb is not None else b"NULL"))
    return digest.hexdigest()


def same_plot(a, b, columns):
    """Both absent, or both present with the same geometry and the same value in every column both have."""
    if a is None or b is None:
        return a is None and b is None
    if a.wkb != b.wkb:
        return False
    return all(a.attributes[c] == b.attributes[c] for c in columns if c in a.attributes and c in b.attributes)

