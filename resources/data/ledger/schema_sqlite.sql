-- SPDX-License-Identifier: GPL-2.0-or-later
-- Three-indicator reserve ledger inside a GeoPackage (SQLite).  Amounts are exact integers in
-- units of 1/10000 (area_mu_e4 = 亩 × 10⁴) so that balances equal the sum of the journal exactly.
-- The rules that must hold whatever client writes the file live here, not only in Python:
-- append-only journal and movements, balances never below zero, one idempotency key applied once,
-- one deposit per project, transfers only inside one province.
PRAGMA application_id = 1196444487;
PRAGMA user_version = 10300;

CREATE TABLE IF NOT EXISTS gpkg_spatial_ref_sys (
  srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
  organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
INSERT OR IGNORE INTO gpkg_spatial_ref_sys VALUES
  ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system'),
  ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system');
INSERT OR IGNORE INTO gpkg_spatial_ref_sys VALUES
  ('WGS 84 geodetic', 4326, 'EPSG', 4326, 'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4326"]]', 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid');
CREATE TABLE IF NOT EXISTS gpkg_contents (
  table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
  description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER);
CREATE TABLE IF NOT EXISTS gpkg_geometry_columns (
  table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
  srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
  CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name));

CREATE TABLE IF NOT EXISTS dg_ledger_meta (key TEXT PRIMARY KEY, value TEXT);

CREATE TABLE IF NOT EXISTS dg_ledger_journal (
  entry_id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL CHECK (kind IN ('deposit', 'writeoff', 'transfer', 'commitment', 'reversal')),
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
  CHECK (kind <> 'transfer' OR (counterparty_code IS NOT NULL
         AND substr(counterparty_code, 1, 2) = substr(county_code, 1, 2)
         AND counterparty_code <> county_code)),
  CHECK (kind <> 'reversal' OR reverses_entry_id IS NOT NULL),
  CHECK (kind <> 'commitment' OR due_on IS NOT NULL),
  CHECK (kind <> 'deposit' OR project_code IS NOT NULL)
);
CREATE UNIQUE INDEX IF NOT EXISTS dg_ledger_one_deposit_per_project
  ON dg_ledger_journal(project_code) WHERE kind = 'deposit';
CREATE UNIQUE INDEX IF NOT EXISTS dg_ledger_one_reversal_per_entry
  ON dg_ledger_journal(reverses_entry_id) WHERE kind = 'reversal';
CREATE UNIQUE INDEX IF NOT EXISTS dg_ledger_one_writeoff_per_commitment
  ON dg_ledger_journal(commitment_entry_id) WHERE kind = 'writeoff' AND commitment_entry_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS dg_ledger_journal_county ON dg_ledger_journal(county_code);

CREATE TABLE IF NOT EXISTS dg_ledger_movement (
  movement_id INTEGER PRIMARY KEY AUTOINCREMENT,
  entry_id INTEGER NOT NULL REFERENCES dg_ledger_journal(entry_id),
  kind TEXT NOT NULL,
  county_code TEXT NOT NULL,
  area_mu_e4 INTEGER NOT NULL,
  capacity_kg_e4 INTEGER NOT NULL,
  paddy_mu_e4 INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS dg_ledger_movement_county ON dg_ledger_movement(county_code);
CREATE INDEX IF NOT EXISTS dg_ledger_movement_entry ON dg_ledger_movement(entry_id);

CREATE TABLE IF NOT EXISTS dg_ledger_balance (
  county_code TEXT PRIMARY KEY,
  area_mu_e4 INTEGER NOT NULL DEFAULT 0 CHECK (area_mu_e4 >= 0),
  capacity_kg_e4 INTEGER NOT NULL DEFAULT 0 CHECK (capacity_kg_e4 >= 0),
  paddy_mu_e4 INTEGER NOT NULL DEFAULT 0 CHECK (paddy_mu_e4 >= 0)
);

CREATE TABLE IF NOT EXISTS dg_ledger_proposal (
  proposal_id INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL,
  county_code TEXT NOT NULL,
  project_code TEXT,
  payload TEXT,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
  created_by TEXT
);

-- balances follow the movements inside the same transaction; the CHECKs above refuse a negative one
CREATE TRIGGER IF NOT EXISTS dg_ledger_movement_to_balance AFTER INSERT ON dg_ledger_movement
BEGIN
  INSERT OR IGNORE INTO dg_ledger_balance(county_code) VALUES (NEW.county_code);
  UPDATE dg_ledger_balance
     SET area_mu_e4 = area_mu_e4 + NEW.area_mu_e4,
         capacity_kg_e4 = capacity_kg_e4 + NEW.capacity_kg_e4,
         paddy_mu_e4 = paddy_mu_e4 + NEW.paddy_mu_e4
   WHERE county_code = NEW.county_code;
END;
-- the journal row alone decides what moves: no client can append an entry without its movements
CREATE TRIGGER IF NOT EXISTS dg_ledger_journal_moves AFTER INSERT ON dg_ledger_journal
BEGIN
  SELECT RAISE(ABORT, 'a reversal must reverse an existing entry that is not itself a reversal')
   WHERE NEW.kind = 'reversal' AND coalesce((SELECT kind FROM dg_ledger_journal
                                             WHERE entry_id = NEW.reverses_entry_id), 'reversal') = 'reversal';
  INSERT INTO dg_ledger_movement (entry_id, kind, county_code, area_mu_e4, capacity_kg_e4, paddy_mu_e4)
    SELECT NEW.entry_id, NEW.kind, CASE NEW.kind WHEN 'writeoff' THEN NEW.county_code ELSE NEW.counterparty_code END,
           -NEW.area_mu_e4, -NEW.capacity_kg_e4, -NEW.paddy_mu_e4
     WHERE NEW.kind IN ('writeoff', 'transfer');
  INSERT INTO dg_ledger_movement (entry_id, kind, county_code, area_mu_e4, capacity_kg_e4, paddy_mu_e4)
    SELECT NEW.entry_id, NEW.kind, NEW.county_code, NEW.area_mu_e4, NEW.capacity_kg_e4, NEW.paddy_mu_e4
     WHERE NEW.kind IN ('deposit', 'transfer');
  INSERT INTO dg_ledger_movement (entry_id, kind, county_code, area_mu_e4, capacity_kg_e4, paddy_mu_e4)
    SELECT NEW.entry_id, NEW.kind, m.county_code, -m.area_mu_e4, -m.capacity_kg_e4, -m.paddy_mu_e4
      FROM dg_ledger_movement m
     WHERE NEW.kind = 'reversal' AND m.entry_id = NEW.reverses_entry_id;
END;
CREATE TRIGGER IF NOT EXISTS dg_ledger_journal_no_update BEFORE UPDATE ON dg_ledger_journal
BEGIN SELECT RAISE(ABORT, 'dg_ledger_journal is append-only: correct an entry with a reversal'); END;
CREATE TRIGGER IF NOT EXISTS dg_ledger_journal_no_delete BEFORE DELETE ON dg_ledger_journal
BEGIN SELECT RAISE(ABORT, 'dg_ledger_journal is append-only: correct an entry with a reversal'); END;
CREATE TRIGGER IF NOT EXISTS dg_ledger_movement_no_update BEFORE UPDATE ON dg_ledger_movement
BEGIN SELECT RAISE(ABORT, 'dg_ledger_movement is append-only'); END;
CREATE TRIGGER IF NOT EXISTS dg_ledger_movement_no_delete BEFORE DELETE ON dg_ledger_movement
BEGIN SELECT RAISE(ABORT, 'dg_ledger_movement is append-only'); END;

INSERT OR IGNORE INTO gpkg_contents(table_name, data_type, identifier, description) VALUES
  ('dg_ledger_journal', 'attributes', 'dg_ledger_journal', 'Reserve ledger journal (append-only)'),
  ('dg_ledger_balance', 'attributes', 'dg_ledger_balance', 'Reserve balances per county (×10⁴)'),
  ('dg_ledger_movement', 'attributes', 'dg_ledger_movement', 'Signed balance movements per journal entry');
INSERT OR IGNORE INTO dg_ledger_meta VALUES ('schema_version', '1');
