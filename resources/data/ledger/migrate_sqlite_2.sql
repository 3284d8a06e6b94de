-- SPDX-License-Identifier: GPL-2.0-or-later
-- Ledger schema 2 (GeoPackage): the province's part of a deposit (domain.md §7: a Jiangsu 2014
-- province-invested project's credits go province:county 1:0, 8:2 or 6:4 by its new-farmland share).
-- The entry keeps the project's whole credits; the province's part is moved to the province reserve
-- named in counterparty_code (the province's two digits and 0000), the rest to the county.
-- Applied by the plugin to every ledger without these columns, new ones included, in one transaction.
ALTER TABLE dg_ledger_journal ADD COLUMN province_area_mu_e4 INTEGER NOT NULL DEFAULT 0
  CHECK (province_area_mu_e4 >= 0 AND province_area_mu_e4 <= area_mu_e4
         AND (province_area_mu_e4 = 0
              OR (kind = 'deposit' AND counterparty_code = substr(county_code, 1, 2) || '0000')));
ALTER TABLE dg_ledger_journal ADD COLUMN province_capacity_kg_e4 INTEGER NOT NULL DEFAULT 0
  CHECK (province_capacity_kg_e4 >= 0 AND province_capacity_kg_e4 <= capacity_kg_e4
         AND (province_capacity_kg_e4 = 0
              OR (kind = 'deposit' AND counterparty_code = substr(county_code, 1, 2) || '0000')));
ALTER TABLE dg_ledger_journal ADD COLUMN province_paddy_mu_e4 INTEGER NOT NULL DEFAULT 0
  CHECK (province_paddy_mu_e4 >= 0 AND province_paddy_mu_e4 <= paddy_mu_e4
         AND (province_paddy_mu_e4 = 0
              OR (kind = 'deposit' AND counterparty_code = substr(county_code, 1, 2) || '0000')));
DROP TRIGGER IF EXISTS dg_ledger_journal_moves;
-- the journal row alone decides what moves: no client can append an entry without its movements
CREATE TRIGGER dg_ledger_journal_moves AFTER INSERT ON dg_ledger_journal
BEGIN
  SELECT RAISE(ABORT, 'a reversal must reverse an existing entry that is not itself a reversal')
   WHERE NEW.kind = 'reversal' AND coalesce((SELECT kind FROM dg_ledger_journal
                                             WHERE entry_id = NEW.reverses_entry_id), 'reversal') = 'reversal';
  INSERT INTO dg_ledger_movement (entry_id, kind, county_code, area_mu_e4, capacity_kg_e4, paddy_mu_e4)
    SELECT NEW.entry_id, NEW.kind, CASE NEW.kind WHEN 'writeoff' THEN NEW.county_code ELSE NEW.counterparty_code END,
           -NEW.area_mu_e4, -NEW.capacity_kg_e4, -NEW.paddy_mu_e4
     WHERE NEW.kind IN ('writeoff', 'transfer');
  INSERT INTO dg_ledger_movement (entry_id, kind, county_code, area_mu_e4, capacity_kg_e4, paddy_mu_e4)
    SELECT NEW.entry_id, NEW.kind, NEW.county_code, NEW.area_mu_e4 - NEW.province_area_mu_e4,
           NEW.capacity_kg_e4 - NEW.province_capacity_kg_e4, NEW.paddy_mu_e4 - NEW.province_paddy_mu_e4
     WHERE NEW.kind IN ('deposit', 'transfer');
  INSERT INTO dg_ledger_movement (entry_id, kind, county_code, area_mu_e4, capacity_kg_e4, paddy_mu_e4)
    SELECT NEW.entry_id, NEW.kind, NEW.counterparty_code, NEW.province_area_mu_e4, NEW.province_capacity_kg_e4,
           NEW.province_paddy_mu_e4
     WHERE NEW.kind = 'deposit' AND NEW.province_area_mu_e4 + NEW.province_capacity_kg_e4 + NEW.province_paddy_mu_e4 > 0;
  INSERT INTO dg_ledger_movement (entry_id, kind, county_code, area_mu_e4, capacity_kg_e4, paddy_mu_e4)
    SELECT NEW.entry_id, NEW.kind, m.county_code, -m.area_mu_e4, -m.capacity_kg_e4, -m.paddy_mu_e4
      FROM dg_ledger_movement m
     WHERE NEW.kind = 'reversal' AND m.entry_id = NEW.reverses_entry_id;
END;
UPDATE dg_ledger_meta SET value = '2' WHERE key = 'schema_version';
