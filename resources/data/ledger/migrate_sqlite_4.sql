-- SPDX-License-Identifier: GPL-2.0-or-later
-- Ledger schema 4 (GeoPackage): the 2024 reform (issue 16).  Applied by the plugin to every ledger of
-- schema 3, in the same transaction as the migrations before it (foreign keys are checked at the end
-- of it, see GeoPackageLedger._migrate); nothing already stored changes value: every entry keeps its
-- columns and its hash (the new columns are NULL for them, and NULL columns are not hashed), the
-- movements and balances are not touched.
--
-- New kinds of entry (they move nothing in the three-indicator reserve):
--   inout_out     进出平衡 出: 耕地 turned into 林/园/草/坑塘/设施农用地 (entered, or found by comparing
--                 two survey layers); an exemption (生态退耕, 灾毁, 水面自然扩大) is recorded, not counted
--   inout_in      进出平衡 进: plots of an accepted project turned back into 耕地 (plot_codes)
--   confirmation  a deposit that waits for its change-survey confirmation (national_2024) confirmed by a
--                 later annual 变更调查 (survey_year, survey_share): its credits become usable
-- New columns (all nullable): rule_profile (the profile the entry was made under), requires_confirmation
-- (a deposit usable only once confirmed), confirms_entry_id, survey_year, survey_share, plot_codes (a
-- JSON array: the plots a deposit or an inout_in credits; NULL = the whole project), dzjgh (电子监管号),
-- ajbh (案卷编号), occupation_kind, class_from, class_to, exemption.
-- New rules, refused by the triggers below: a plot counts for 占补平衡 or for 进出平衡, never both (nor
-- twice); a confirmation confirms a waiting deposit of its county once; a write-off or transfer never
-- draws credits that wait for their confirmation, and a confirmation is not reversed once they are drawn.
--
-- SQLite cannot widen the journal's kind CHECK in place: the journal is rebuilt (new table, rows copied
-- as they are, old table dropped, new one renamed) and its indexes and triggers are created again.

-- the movement guard reads the journal: dropped while the journal is rebuilt, created again below
DROP TRIGGER IF EXISTS dg_ledger_movement_guard;

CREATE TABLE dg_ledger_journal_4 (
  entry_id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL CHECK (kind IN ('deposit', 'writeoff', 'transfer', 'commitment', 'reversal',
                                     'inout_out', 'inout_in', 'confirmation')),
  county_code TEXT NOT NULL CHECK (length(county_code) = 6),
  counterparty_code TEXT,
  project_code TEXT,
  project_name TEXT,
  area_mu_e4 INTEGER NOT NULL CHECK (area_mu_e4 >= 0),
  capacity_kg_e4 INTEGER NOT NULL CHECK (capacity_kg_e4 >= 0),
  paddy_mu_e4 INTEGER NOT NULL CHECK (paddy_mu_e4 >= 0),
  price_yuan_per_mu REAL,
  total_yuan REAL,
  pricing TEXT CHECK (pricing IS NULL OR pricing IN ('capped', 'bid')),
  occurred_on TEXT NOT NULL,
  due_on TEXT,
  commitment_entry_id INTEGER REFERENCES dg_ledger_journal(entry_id),
  reverses_entry_id INTEGER REFERENCES dg_ledger_journal(entry_id),
  idempotency_key TEXT NOT NULL UNIQUE,
  note TEXT,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  created_by TEXT,
  province_area_mu_e4 INTEGER NOT NULL DEFAULT 0
    CHECK (province_area_mu_e4 >= 0 AND province_area_mu_e4 <= area_mu_e4
           AND (province_area_mu_e4 = 0
                OR (kind = 'deposit' AND counterparty_code = substr(county_code, 1, 2) || '0000'))),
  province_capacity_kg_e4 INTEGER NOT NULL DEFAULT 0
    CHECK (province_capacity_kg_e4 >= 0 AND province_capacity_kg_e4 <= capacity_kg_e4
           AND (province_capacity_kg_e4 = 0
                OR (kind = 'deposit' AND counterparty_code = substr(county_code, 1, 2) || '0000'))),
  province_paddy_mu_e4 INTEGER NOT NULL DEFAULT 0
    CHECK (province_paddy_mu_e4 >= 0 AND province_paddy_mu_e4 <= paddy_mu_e4
           AND (province_paddy_mu_e4 = 0
                OR (kind = 'deposit' AND counterparty_code = substr(county_code, 1, 2) || '0000'))),
  entry_hash TEXT,
  rule_profile TEXT,
  requires_confirmation INTEGER
    CHECK (requires_confirmation IS NULL OR (kind = 'deposit' AND requires_confirmation IN (0, 1))),
  confirms_entry_id INTEGER REFERENCES dg_ledger_journal(entry_id),
  survey_year INTEGER CHECK (survey_year IS NULL OR (kind = 'confirmation' AND survey_year BETWEEN 1900 AND 2999)),
  survey_share REAL CHECK (survey_share IS NULL OR (kind = 'confirmation' AND survey_share BETWEEN 0 AND 1)),
  plot_codes TEXT CHECK (plot_codes IS NULL OR kind IN ('deposit', 'inout_in')),
  dzjgh TEXT,
  ajbh TEXT,
  occupation_kind TEXT,
  class_from TEXT,
  class_to TEXT,
  exemption TEXT CHECK (exemption IS NULL OR kind = 'inout_out'),
  CHECK (kind <> 'transfer' OR (counterparty_code IS NOT NULL
         AND substr(counterparty_code, 1, 2) = substr(county_code, 1, 2)
         AND counterparty_code <> county_code)),
  CHECK (kind <> 'reversal' OR reverses_entry_id IS NOT NULL),
  CHECK (kind <> 'commitment' OR due_on IS NOT NULL),
  CHECK (kind <> 'deposit' OR project_code IS NOT NULL),
  CHECK (kind <> 'inout_in' OR project_code IS NOT NULL),
  CHECK ((kind = 'confirmation') = (confirms_entry_id IS NOT NULL)),
  CHECK (kind <> 'confirmation' OR (survey_year IS NOT NULL AND survey_share IS NOT NULL))
);
INSERT INTO dg_ledger_journal_4 (entry_id, kind, county_code, counterparty_code, project_code, project_name,
                                 area_mu_e4, capacity_kg_e4, paddy_mu_e4, price_yuan_per_mu, total_yuan, pricing,
                                 occurred_on, due_on, commitment_entry_id, reverses_entry_id, idempotency_key, note,
                                 created_at, created_by, province_area_mu_e4, province_capacity_kg_e4,
                                 province_paddy_mu_e4, entry_hash)
  SELECT entry_id, kind, county_code, counterparty_code, project_code, project_name, area_mu_e4, capacity_kg_e4,
         paddy_mu_e4, price_yuan_per_mu, total_yuan, pricing, occurred_on, due_on, commitment_entry_id,
         reverses_entry_id, idempotency_key, note, created_at, created_by, province_area_mu_e4,
         province_capacity_kg_e4, province_paddy_mu_e4, entry_hash
    FROM dg_ledger_journal ORDER BY entry_id;
-- the next entry id continues where the old journal's counter stood
UPDATE sqlite_sequence SET seq = max(seq, coalesce((SELECT s.seq FROM sqlite_sequence s
                                                    WHERE s.name = 'dg_ledger_journal'), 0))
 WHERE name = 'dg_ledger_journal_4';
DROP TABLE dg_ledger_journal;
ALTER TABLE dg_ledger_journal_4 RENAME TO dg_ledger_journal;

CREATE UNIQUE INDEX dg_ledger_one_deposit_per_project ON dg_ledger_journal(project_code) WHERE kind = 'deposit';
CREATE UNIQUE INDEX dg_ledger_one_reversal_per_entry ON dg_ledger_journal(reverses_entry_id) WHERE kind = 'reversal';
CREATE UNIQUE INDEX dg_ledger_one_writeoff_per_commitment
  ON dg_ledger_journal(commitment_entry_id) WHERE kind = 'writeoff' AND commitment_entry_id IS NOT NULL;
CREATE INDEX dg_ledger_journal_county ON dg_ledger_journal(county_code);
-- schema 4: the plots' claims by project, confirmations by deposit, and the deposits that may wait for
-- their confirmation by county
CREATE INDEX dg_ledger_journal_claims ON dg_ledger_journal(project_code) WHERE kind IN ('deposit', 'inout_in');
CREATE INDEX dg_ledger_journal_confirms ON dg_ledger_journal(confirms_entry_id) WHERE kind = 'confirmation';
CREATE INDEX dg_ledger_journal_pending ON dg_ledger_journal(county_code)
  WHERE kind = 'deposit' AND requires_confirmation = 1;
CREATE INDEX dg_ledger_journal_pending_province ON dg_ledger_journal(counterparty_code)
  WHERE kind = 'deposit' AND requires_confirmation = 1;

-- the journal row alone decides what moves (schema 2); the kinds of schema 4 move nothing here
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
  -- a reversal undoes the movements of its entry (none for inout_out, inout_in and confirmation)
  INSERT INTO dg_ledger_movement (entry_id, kind, county_code, area_mu_e4, capacity_kg_e4, paddy_mu_e4)
    SELECT NEW.entry_id, NEW.kind, m.county_code, -m.area_mu_e4, -m.capacity_kg_e4, -m.paddy_mu_e4
      FROM dg_ledger_movement m
     WHERE NEW.kind = 'reversal' AND m.entry_id = NEW.reverses_entry_id;
END;
CREATE TRIGGER dg_ledger_journal_no_update BEFORE UPDATE ON dg_ledger_journal
BEGIN SELECT RAISE(ABORT, 'dg_ledger_journal is append-only: correct an entry with a reversal'); END;
CREATE TRIGGER dg_ledger_journal_no_delete BEFORE DELETE ON dg_ledger_journal
BEGIN SELECT RAISE(ABORT, 'dg_ledger_journal is append-only: correct an entry with a reversal'); END;
-- schema 3's guard, as it was
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

-- schema 4's rules (their Python mirror: core/ledger/accounts.py; verify() re-checks them)
CREATE TRIGGER dg_ledger_journal_rules BEFORE INSERT ON dg_ledger_journal
BEGIN
  SELECT RAISE(ABORT, 'dg_ledger_journal: plot_codes must be a JSON array of plot codes (texts)')
   WHERE NEW.plot_codes IS NOT NULL
     AND (CASE WHEN json_valid(NEW.plot_codes)
               THEN json_type(NEW.plot_codes) <> 'array' OR json_array_length(NEW.plot_codes) = 0
                    OR EXISTS (SELECT 1 FROM json_each(NEW.plot_codes) WHERE type <> 'text')
               ELSE 1 END);
  -- a creditable plot counts for 占补平衡 (deposit) or for 进出平衡 (inout_in), never both
  SELECT RAISE(ABORT, 'dg_ledger_journal: a plot of the project is credited already (占补平衡 or 进出平衡, never both)')
   WHERE NEW.kind IN ('deposit', 'inout_in') AND EXISTS (
     SELECT 1 FROM dg_ledger_journal j
      WHERE j.kind IN ('deposit', 'inout_in') AND j.project_code = NEW.project_code
        AND NOT EXISTS (SELECT 1 FROM dg_ledger_journal r WHERE r.kind = 'reversal' AND r.reverses_entry_id = j.entry_id)
        AND (j.plot_codes IS NULL OR NEW.plot_codes IS NULL
             OR EXISTS (SELECT 1 FROM json_each(j.plot_codes) a, json_each(NEW.plot_codes) b
                         WHERE a.value = b.value)));
  SELECT RAISE(ABORT, 'dg_ledger_journal: a confirmation confirms a deposit of its county that waits for its change-survey confirmation')
   WHERE NEW.kind = 'confirmation' AND NOT EXISTS (
     SELECT 1 FROM dg_ledger_journal d
      WHERE d.entry_id = NEW.confirms_entry_id AND d.kind = 'deposit' AND d.requires_confirmation = 1
        AND d.county_code = NEW.county_code
        AND NOT EXISTS (SELECT 1 FROM dg_ledger_journal r WHERE r.kind = 'reversal' AND r.reverses_entry_id = d.entry_id));
  SELECT RAISE(ABORT, 'dg_ledger_journal: the deposit has been confirmed already')
   WHERE NEW.kind = 'confirmation' AND EXISTS (
     SELECT 1 FROM dg_ledger_journal c
      WHERE c.kind = 'confirmation' AND c.confirms_entry_id = NEW.confirms_entry_id
        AND NOT EXISTS (SELECT 1 FROM dg_ledger_journal r WHERE r.kind = 'reversal' AND r.reverses_entry_id = c.entry_id));
  -- what a write-off or transfer leaves (or what stays once a confirmation is reversed) covers the credits
  -- still waiting for their confirmation: Σ of the waiting deposits' parts of the account drawn from
  SELECT RAISE(ABORT, 'dg_ledger_journal: credits waiting for their change-survey confirmation cannot be drawn yet')
   WHERE EXISTS (
     SELECT 1 FROM dg_ledger_balance b
      WHERE (NEW.kind IN ('writeoff', 'transfer')
             OR (NEW.kind = 'reversal' AND (SELECT kind FROM dg_ledger_journal
                                              WHERE entry_id = NEW.reverses_entry_id) = 'confirmation'))
        AND b.county_code = CASE NEW.kind WHEN 'transfer' THEN NEW.counterparty_code ELSE NEW.county_code END
        AND EXISTS (
          SELECT 1 FROM (
            SELECT coalesce(sum(CASE WHEN d.county_code = b.county_code
                                     THEN d.area_mu_e4 - d.province_area_mu_e4 ELSE d.province_area_mu_e4 END), 0) AS area,
                   coalesce(sum(CASE WHEN d.county_code = b.county_code
                                     THEN d.capacity_kg_e4 - d.province_capacity_kg_e4
                                     ELSE d.province_capacity_kg_e4 END), 0) AS capacity,
                   coalesce(sum(CASE WHEN d.county_code = b.county_code
                                     THEN d.paddy_mu_e4 - d.province_paddy_mu_e4 ELSE d.province_paddy_mu_e4 END), 0) AS paddy
              FROM dg_ledger_journal d
             WHERE d.kind = 'deposit' AND d.requires_confirmation = 1
               AND (d.county_code = b.county_code OR d.counterparty_code = b.county_code)
               AND NOT EXISTS (SELECT 1 FROM dg_ledger_journal r WHERE r.kind = 'reversal' AND r.reverses_entry_id = d.entry_id)
               AND NOT EXISTS (
                 SELECT 1 FROM dg_ledger_journal c
                  WHERE c.kind = 'confirmation' AND c.confirms_entry_id = d.entry_id
                    AND NOT (NEW.kind = 'reversal' AND c.entry_id = NEW.reverses_entry_id)
                    AND NOT EXISTS (SELECT 1 FROM dg_ledger_journal r WHERE r.kind = 'reversal'
                                                                      AND r.reverses_entry_id = c.entry_id))
          ) p
          WHERE b.area_mu_e4 - CASE WHEN NEW.kind = 'reversal' THEN 0 ELSE NEW.area_mu_e4 END < p.area
             OR b.capacity_kg_e4 - CASE WHEN NEW.kind = 'reversal' THEN 0 ELSE NEW.capacity_kg_e4 END < p.capacity
             OR b.paddy_mu_e4 - CASE WHEN NEW.kind = 'reversal' THEN 0 ELSE NEW.paddy_mu_e4 END < p.paddy));
END;

-- movements: only the newest entry gets any, and no more than it moves (schema 3); the counts mirror
-- dg_ledger_journal_moves and integrity.derived_movements: inout_out, inout_in and confirmation move nothing
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
                    WHEN 'inout_out' THEN 0
                    WHEN 'inout_in' THEN 0
                    WHEN 'confirmation' THEN 0
                    ELSE 0 END
             FROM dg_ledger_journal j WHERE j.entry_id = NEW.entry_id);
END;

UPDATE dg_ledger_meta SET value = '4' WHERE key = 'schema_version';
