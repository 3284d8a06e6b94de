# SPDX-License-Identifier: GPL-2.0-or-later
"""The hash chain of a GeoPackage ledger's journal: what makes a change outside the plugin visible.

SQLite has no roles: any client can drop the file's triggers and rewrite it.  So each journal entry
stores ``entry_hash`` = SHA-256 of the previous entry's hash and of the entry's content; changing,
removing or inserting an entry anywhere breaks the chain at that entry, and ``verify()`` names it.

The content is every column of the row but the hash, as canonical JSON (sorted keys, values
normalised to the column's declared type so that what is read back hashes like what was written).
NULL columns are left out: a column added by a later schema (nullable, like the ones schema 2 and
3 added) leaves the hashes of the entries written before it unchanged.  A later schema adding a REAL
column lists it in REAL_COLUMNS.

Pure Python.
"""
import hashlib
import json

HASH_COLUMN = "entry_hash"
GENESIS = "0" * 64          # the "previous hash" of the first entry
INTEGER_COLUMNS = frozenset({"entry_id", "area_mu_e4", "capacity_kg_e4", "paddy_mu_e4", "commitment_entry_id",
                             "reverses_entry_id", "province_area_mu_e4", "province_capacity_kg_e4",
                             "province_paddy_mu_e4"})
REAL_COLUMNS = frozenset({"price_yuan_per_mu", "total_yuan"})


def _normalised(name, value):
    """``value`` as the column ``name`` stores it; anything else tagged with its type, so that it can
    never hash like a proper value (a float slipped into an integer column, say)."""
    if name in INTEGER_COLUMNS:
        if isinstance(value, int) and not isinstance(value, bool):
            return value
    elif name in REAL_COLUMNS:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return repr(float(value))
    elif isinstance(value, str):
        return value
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return f"<{type(value).__name__}>{value!r}"


def canonical(row):
    """The canonical text of a journal row (a dict column → value); the hash column is left out."""
    content = {name: _normalised(name, value) for name, value in row.items()
               if name != HASH_COLUMN and value is not None}
    return json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def entry_hash(row, previous_hash):
    """The hash of a journal row chained to the hash of the entry before it."""
    text = f"{previous_hash}\n{canonical(row)}"
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def check_chain(rows, previous_hash=GENESIS):
    """Walk journal rows (dicts, in entry order) from ``previous_hash``.

    Returns (entry ids whose stored hash does not match, the last row's stored hash).  After a bad
    entry the walk goes on from its stored hash, so only the entries really changed are named.
    """
    bad = []
    for row in rows:
        stored = row.get(HASH_COLUMN)
        if stored != entry_hash(row, previous_hash):
            bad.append(row["entry_id"])
        previous_hash = stored if isinstance(stored, str) else GENESIS
    return bad, previous_hash
