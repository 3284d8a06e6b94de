-- SPDX-License-Identifier: GPL-2.0-or-later
-- Ledger schema 3 (GeoPackage): a change made outside the plugin is refused where SQLite can refuse
-- it and detected where it cannot (issue 14).  Applied by the plugin to every ledger of schema 2, in
-- the same transaction as the migrations before it; nothing already stored changes: the journal
-- gains the hash chain (entry_hash, computed by the plugin for the entries already there), the
-- balances the id of the last movement they took (movement_id, derived from the movements).
--
-- Refused: balances written other than by the movement trigger (each update must add exactly the
-- county's newest movement, once), movements written other than by the journal trigger (only the
-- newest entry gets movements, no more than it moves), REPLACE / INSERT OR REPLACE on the journal,
-- the balances and the movements (REPLACE deletes the row it replaces without firing delete
-- triggers), a journal entry without a well-formed hash, amounts and balances that are not exact
-- integers below 5·10¹⁵ (1/10⁴ units: 5·10¹¹ 亩 or kg; SQLite turns an overflowing sum into a float).
-- Detected (a client can drop these triggers): see core/ledger/chain.py and integrity.py.
ALTER TABLE dg_ledger_journal ADD COLUMN entry_hash TEXT;
ALTER TABLE dg_ledger_balance ADD COLUMN movement_id INTEGER;
UPDATE dg_ledger_balance SET movement_id = (SELECT max(m.movement_id) FROM dg_ledger_movement m
                                             WHERE m.county_code = dg_ledger_balance.county_code);

-- the hashes of the entries already there (the append-only trigger is put back right after)
DROP TRIGGER IF EXISTS dg_ledger_journal_no_update;
-- step: hash_existing_entries
CREATE TRIGGER dg_ledger_journal_no_update BEFORE UPDATE ON dg_ledger_journal
BEGIN SELECT RAISE(ABORT, 'dg_ledger_journal is append-only: correct an entry with a reversal'); END;

CREATE TRIGGER dg_ledger_journal_guard BEFORE INSERT ON dg_ledger_journal
BEGIN
  SELECT RAISE(ABORT, 'dg_ledger_journal: entry_hash must be the 64-digit hash the plugin computes')
   WHERE NEW.entry_hash IS NULL OR length(NEW.entry_hash) <> 64 OR NEW.entry_hash GLOB '*[^0-9a-f]*';
  SELECT RAISE(ABORT, 'dg_ledger_journal: the entry_id exists (the journal is append-only, REPLACE is refused)')
   WHERE EXISTS (SELECT 1 FROM dg_ledger_journal WHERE entry_id = NEW.entry_id);
  SELECT RAISE(ABORT, 'dg_ledger_journal: the idempotency_key has been applied already')
   WHERE EXISTS (SELECT 1 FROM dg_ledger_journal WHERE idempotency_key = NEW.idempotency_key);
  SELECT RAISE(ABORT, 'dg_ledger_journal: the project has been deposited already')
   WHERE NEW.kind = 'deposit'
     AND EXISTS (SELECT 1 FROM dg_ledger_journal WHERE kind = 'deposit' AND project_code = NEW.project_code);
  SELECT RAISE(ABORT, 'dg_ledger_journal: the entry has been reversed already')
   WHERE NEW.kind = 'reversal'
     AND EXISTS (SELECT 1 FROM dg_ledger_journal WHERE kind = 'reversal' AND reverses_entry_id = NEW.reverses_entry_id);
  SELECT RAISE(ABORT, 'dg_ledger_journal: the commitment has been written off already')
   WHERE NEW.kind = 'writeoff' AND NEW.commitment_entry_id IS NOT NULL
     AND EXISTS (SELECT 1 FROM dg_ledger_journal WHERE kind = 'writeoff'
                                                   AND commitment_entry_id = NEW.commitment_entry_id);
  SELECT RAISE(ABORT, 'dg_ledger_journal: amounts must be whole numbers of 1/10000 from 0 to 5000000000000000')
   WHERE typeof(NEW.area_mu_e4) <> 'integer' OR typeof(NEW.capacity_kg_e4) <> 'integer'
      OR typeof(NEW.paddy_mu_e4) <> 'integer' OR NEW.area_mu_e4 > 5000000000000000
      OR NEW.capacity_kg_e4 > 5000000000000000 OR NEW.paddy_mu_e4 > 5000000000000000;
END;

-- movements: only the newest entry gets any, and no more than it moves (during the journal trigger);
-- the counts mirror dg_ledger_journal_moves and integrity.derived_movements (a new kind adds its own)
CREATE TRIGGER dg_ledger_movement_guard BEFORE INSERT ON dg_ledger_movement
BEGIN
  SELECT RAISE(ABORT, 'dg_ledger_movement is written by the journal trigger only')
   WHERE NEW.entry_id IS NOT (SELECT max(entry_id) FROM dg_ledger_journal)
      OR NEW.kind IS NOT (SELECT kind FROM dg_ledger_journal WHERE entry_id = NEW.entry_id)
      OR (SELECT count(*) FROM dg_ledger_movement WHERE entry_id = NEW.entry_id) >= (
           SELECT CASE j.kind
                    WHEN 'writeoff' THEN 1
                    WHEN 'transfer' THEN 2
                    WHEN 'deposit' THEN 1 + (j.province_area_mu_e4 + j.province_capacity_kg_e4
                                             + j.province_paddy_mu_e4 > 0)
                    WHEN 'reversal' THEN (SELECT count(*) FROM dg_ledger_movement r
                                           WHERE r.entry_id = j.reverses_entry_id)
                    ELSE 0 END
             FROM dg_ledger_journal j WHERE j.entry_id = NEW.entry_id);
END;

-- balances follow the movements inside the same transaction; the CHECKs refuse a negative one
DROP TRIGGER IF EXISTS dg_ledger_movement_to_balance;
CREATE TRIGGER dg_ledger_movement_to_balance AFTER INSERT ON dg_ledger_movement
BEGIN
  INSERT INTO dg_ledger_balance(county_code) SELECT NEW.county_code
   WHERE NOT EXISTS (SELECT 1 FROM dg_ledger_balance WHERE county_code = NEW.county_code);
  UPDATE dg_ledger_balance
     SET area_mu_e4 = area_mu_e4 + NEW.area_mu_e4,
         capacity_kg_e4 = capacity_kg_e4 + NEW.capacity_kg_e4,
         paddy_mu_e4 = paddy_mu_e4 + NEW.paddy_mu_e4,
         movement_id = NEW.movement_id
   WHERE county_code = NEW.county_code;
END;
CREATE TRIGGER dg_ledger_balance_insert_guard BEFORE INSERT ON dg_ledger_balance
BEGIN
  SELECT RAISE(ABORT, 'dg_ledger_balance is kept by the movement trigger only')
   WHERE EXISTS (SELECT 1 FROM dg_ledger_balance WHERE county_code = NEW.county_code)
      OR NEW.area_mu_e4 IS NOT 0 OR NEW.capacity_kg_e4 IS NOT 0 OR NEW.paddy_mu_e4 IS NOT 0
      OR NEW.movement_id IS NOT NULL
      OR NEW.county_code IS NOT (SELECT county_code FROM dg_ledger_movement
                                  WHERE movement_id = (SELECT max(movement_id) FROM dg_ledger_movement));
END;
CREATE TRIGGER dg_ledger_balance_update_guard BEFORE UPDATE ON dg_ledger_balance
BEGIN
  SELECT RAISE(ABORT, 'dg_ledger_balance is kept by the movement trigger only')
   WHERE NEW.county_code IS NOT OLD.county_code
      OR NEW.movement_id IS NOT (SELECT max(movement_id) FROM dg_ledger_movement
                                  WHERE county_code = NEW.county_code)
      OR NEW.movement_id <= coalesce(OLD.movement_id, 0)
      OR NEW.area_mu_e4 IS NOT OLD.area_mu_e4 + (SELECT area_mu_e4 FROM dg_ledger_movement
                                                  WHERE movement_id = NEW.movement_id)
      OR NEW.capacity_kg_e4 IS NOT OLD.capacity_kg_e4 + (SELECT capacity_kg_e4 FROM dg_ledger_movement
                                                          WHERE movement_id = NEW.movement_id)
      OR NEW.paddy_mu_e4 IS NOT OLD.paddy_mu_e4 + (SELECT paddy_mu_e4 FROM dg_ledger_movement
                                                    WHERE movement_id = NEW.movement_id);
  SELECT RAISE(ABORT, 'dg_ledger_balance: a balance must stay a whole number of 1/10000 up to 5000000000000000')
   WHERE typeof(NEW.area_mu_e4) <> 'integer' OR typeof(NEW.capacity_kg_e4) <> 'integer'
      OR typeof(NEW.paddy_mu_e4) <> 'integer' OR NEW.area_mu_e4 > 5000000000000000
      OR NEW.capacity_kg_e4 > 5000000000000000 OR NEW.paddy_mu_e4 > 5000000000000000;
END;
CREATE TRIGGER dg_ledger_balance_no_delete BEFORE DELETE ON dg_ledger_balance
BEGIN SELECT RAISE(ABORT, 'dg_ledger_balance is kept by the movement trigger only'); END;

UPDATE dg_ledger_meta SET value = '3' WHERE key = 'schema_version';
