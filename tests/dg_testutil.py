"""Small helpers shared by tests (a uniquely named module: tests never import from ``conftest``)."""
import sqlite3


def copy_gpkg(source, target):
    """Copy a GeoPackage through SQLite's backup API: a consistent snapshot even while QGIS holds the
    file open in WAL mode, where a plain file copy can miss pages still in the ``-wal`` file."""
    with sqlite3.connect(str(source)) as src, sqlite3.connect(str(target)) as dst:
        src.backup(dst)
    with sqlite3.connect(str(target)) as dst:
        dst.execute("PRAGMA journal_mode=DELETE")
    return target
