# SPDX-License-Identifier: GPL-2.0-or-later
"""Checking a ledger against its journal: movements and balances re-derived, the hash chain walked.

Pure Python, on rows read in one snapshot of the database (``Ledger.verify`` reads them):

- every journal entry's movements are re-derived from the entry alone (what the journal trigger
  writes) and compared with the stored ones; movements of an entry that is not in the journal are
  named too;
- every county's balance is re-derived as the sum of the derived movements and compared with the
  stored balance (which must be an exact integer of 1/10⁴);
- replaying the derived movements in entry order never takes a county below zero;
- on a GeoPackage (schema 3) the hash chain holds (see chain.py).

The report names the first entry that does not match (``first_bad_entry``); a forged balance with no
entry behind it is named by its county.
"""
import datetime

from . import chain
from .limits import format_amounts
from .messages import tr
from .model import DEPOSIT, REVERSAL, TRANSFER, WRITEOFF, Amounts

E4_COLUMNS = ("area_mu_e4", "capacity_kg_e4", "paddy_mu_e4")
PROVINCE_E4_COLUMNS = ("province_area_mu_e4", "province_capacity_kg_e4", "province_paddy_mu_e4")


def _e4(row, columns):
    return tuple(row.get(column) or 0 for column in columns)


def _negated(values):
    return tuple(-v for v in values)


def derived_movements(entry, derived):
    """[(county_code, (area, capacity, paddy) in 1/10⁴)] an entry moves, as the journal trigger writes
    them; ``derived`` holds those of the entries before it (a reversal undoes what its entry moved).

    This mirrors the journal trigger of both schemas (and the expected counts of the GeoPackage's
    movement guard): a new kind of entry or account adds its case in all three places."""
    kind = entry.get("kind")
    amounts = _e4(entry, E4_COLUMNS)
    if kind == DEPOSIT:
        province = _e4(entry, PROVINCE_E4_COLUMNS)
        moves = [(entry.get("county_code"), tuple(a - p for a, p in zip(amounts, province)))]
        if any(province):
            moves.append((entry.get("counterparty_code"), province))
        return moves
    if kind == WRITEOFF:
        return [(entry.get("county_code"), _negated(amounts))]
    if kind == TRANSFER:
        return [(entry.get("counterparty_code"), _negated(amounts)), (entry.get("county_code"), amounts)]
    if kind == REVERSAL:
        return [(code, _negated(values)) for code, values in derived.get(entry.get("reverses_entry_id"), [])]
    return []   # a commitment moves nothing until it is written off


def _amounts(values):
    return Amounts.from_e4(*(v if isinstance(v, int) else 0 for v in values))


def _exact(values):
    return all(isinstance(v, int) and not isinstance(v, bool) for v in values)


def verify_rows(journal, movements, balances, with_chain):
    """The verification report of a ledger from its rows (dicts, journal in entry order).

    ``movements``: dicts with entry_id, county_code and the three ``*_e4``; ``balances``: dicts with
    county_code and the three ``*_e4``.  ``with_chain``: the journal carries entry_hash (GeoPackage
    schema 3 and later).
    """
    entry_problems = []       # (entry_id, rank, text): per entry, a broken hash first (the entry itself changed)
    county_problems = []      # text
    stored = {}
    for row in movements:
        stored.setdefault(row["entry_id"], []).append((row["county_code"], _e4(row, E4_COLUMNS)))
    derived, totals, lowest = {}, {}, {}
    entry_ids = set()
    for entry in journal:
        entry_id = entry["entry_id"]
        entry_ids.add(entry_id)
        moves = derived_movements(entry, derived)
        derived[entry_id] = moves
        have = stored.get(entry_id, [])
        if sorted(have, key=repr) != sorted(moves, key=repr):
            entry_problems.append((entry_id, 1, tr("entry {}: its movements ({}) are not what the entry moves ({})",
                                                   entry_id, _describe(have), _describe(moves))))
        for code, values in moves:
            total = tuple(t + v for t, v in zip(totals.get(code, (0, 0, 0)), values))
            totals[code] = total
            if any(v < 0 for v in total) and code not in lowest:
                lowest[code] = entry_id
                entry_problems.append((entry_id, 2, tr("county {}: went below zero at entry {}: {}", code, entry_id,
                                                       format_amounts(_amounts(total)))))
    for entry_id in sorted(set(stored) - entry_ids, key=repr):
        entry_problems.append((entry_id, 1, tr("entry {}: movements of an entry that is not in the journal",
                                               entry_id)))
    chain_state = "absent"
    head = (journal[-1]["entry_id"], journal[-1].get(chain.HASH_COLUMN)) if journal else (None, None)
    if with_chain:
        bad, _last = chain.check_chain(journal)
        chain_state = "broken" if bad else "verified"
        for entry_id in bad:
            entry_problems.append((entry_id, 0, tr("entry {}: its hash does not match its content and the entry "
                                                   "before it (changed, or an entry before it removed)", entry_id)))
    stored_balances = {row["county_code"]: _e4(row, E4_COLUMNS) for row in balances}
    for code in sorted(set(stored_balances) | set(totals), key=repr):
        have, want = stored_balances.get(code, (0, 0, 0)), totals.get(code, (0, 0, 0))
        if not _exact(have):
            county_problems.append(tr("county {}: the balance {} is not a whole number of 1/10000", code,
                                      repr(have)))
        elif have != want:
            county_problems.append(tr("county {}: the balance {} is not the sum of its journal entries {}", code,
                                      format_amounts(_amounts(have)), format_amounts(_amounts(want))))
    entry_problems.sort(key=lambda problem: (_sort_key(problem[0]), problem[1]))
    problems = [text for _id, _rank, text in entry_problems] + county_problems
    first_bad = entry_problems[0][0] if entry_problems else None
    return {"ok": not problems, "problems": problems, "entries": len(journal), "counties": len(stored_balances),
            "first_bad_entry": first_bad, "first_problem": problems[0] if problems else None,
            "chain": chain_state, "head": head,
            "verified_at": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"}


def _sort_key(entry_id):
    return (0, entry_id) if isinstance(entry_id, int) else (1, repr(entry_id))


def _describe(moves):
    return "; ".join(f"{code} {format_amounts(_amounts(values))}" for code, values in moves) or "—"


def failure_message(describe, report):
    """The refusal for a ledger that does not verify, naming its first bad entry (or county)."""
    if report.get("first_bad_entry") is not None:
        return tr("{} does not verify from entry {} on: {}. Write-offs and every other change are refused until "
                  "the ledger is restored from a backup.", describe, report["first_bad_entry"],
                  report["first_problem"])
    return tr("{} does not verify: {}. Write-offs and every other change are refused until the ledger is restored "
              "from a backup.", describe, report["first_problem"])
