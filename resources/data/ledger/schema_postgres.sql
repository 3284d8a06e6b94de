-- SPDX-License-Identifier: GPL-2.0-or-later
-- Three-indicator reserve ledger in PostgreSQL (schema dg_ledger), installed by a database owner.
-- Amounts are exact integers in units of 1/10000 (area_mu_e4 = 亩 × 10⁴).
-- The rules hold for every client, not only this plugin: the journal and movements are
-- append-only (no UPDATE/DELETE grant, and triggers refuse them even for the owner), balances are
-- kept by a SECURITY DEFINER trigger with CHECKs ≥ 0, and row-level security lets each role insert
-- only the entry kinds its job allows:
--   dg_technician  read, propose
--   dg_reviewer    + deposit (accepted projects), reversal
--   dg_officer     + write-off, transfer, commitment, reversal
-- The script is idempotent: rerun on a ledger of an older schema, it upgrades it in place (schema 2:
-- the province share; schema 3: the side doors closed, see the end).
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dg_technician') THEN CREATE ROLE dg_technician NOLOGIN; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dg_reviewer') THEN CREATE ROLE dg_reviewer NOLOGIN; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'dg_officer') THEN CREATE ROLE dg_officer NOLOGIN; END IF;
  -- granted only when missing: a rerun by an owner who did not create the roles needs no ADMIN on them
  IF NOT pg_has_role('dg_reviewer', 'dg_technician', 'MEMBER') THEN GRANT dg_technician TO dg_reviewer; END IF;
  IF NOT pg_has_role('dg_officer', 'dg_technician', 'MEMBER') THEN GRANT dg_technician TO dg_officer; END IF;
END $$;

CREATE SCHEMA IF NOT EXISTS dg_ledger;

CREATE TABLE IF NOT EXISTS dg_ledger.meta (key TEXT PRIMARY KEY, value TEXT);

CREATE TABLE IF NOT EXISTS dg_ledger.journal (
  entry_id BIGSERIAL PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('deposit', 'writeoff', 'transfer', 'commitment', 'reversal')),
  county_code TEXT NOT NULL CHECK (length(county_code) = 6),
  counterparty_code TEXT,
  project_code TEXT,
  project_name TEXT,
  area_mu_e4 BIGINT NOT NULL CHECK (area_mu_e4 >= 0),
  capacity_kg_e4 BIGINT NOT NULL CHECK (capacity_kg_e4 >= 0),
  paddy_mu_e4 BIGINT NOT NULL CHECK (paddy_mu_e4 >= 0),
  price_yuan_per_mu DOUBLE PRECISION,
  total_yuan DOUBLE PRECISION,
  pricing TEXT CHECK (pricing IS NULL OR pricing IN ('capped', 'bid')),
  occurred_on TEXT NOT NULL,
  due_on TEXT,
  commitment_entry_id BIGINT REFERENCES dg_ledger.journal(entry_id),
  reverses_entry_id BIGINT REFERENCES dg_ledger.journal(entry_id),
  idempotency_key TEXT NOT NULL UNIQUE,
  note TEXT,
  created_at TEXT NOT NULL DEFAULT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  created_by TEXT DEFAULT session_user,
  CHECK (kind <> 'transfer' OR (counterparty_code IS NOT NULL
         AND substr(counterparty_code, 1, 2) = substr(county_code, 1, 2)
         AND counterparty_code <> county_code)),
  CHECK (kind <> 'reversal' OR reverses_entry_id IS NOT NULL),
  CHECK (kind <> 'commitment' OR due_on IS NOT NULL),
  CHECK (kind <> 'deposit' OR project_code IS NOT NULL)
);
-- schema 2: the province's part of a deposit (domain.md §7: a Jiangsu 2014 province-invested
-- project's credits go province:county 1:0, 8:2 or 6:4 by its new-farmland share).  The entry keeps the
-- project's whole credits; the province's part moves to the province reserve named in
-- counterparty_code (the province's two digits and 0000), the rest to the county.  Rerunning this
-- installer upgrades a schema-1 ledger in place.
ALTER TABLE dg_ledger.journal ADD COLUMN IF NOT EXISTS province_area_mu_e4 BIGINT NOT NULL DEFAULT 0;
ALTER TABLE dg_ledger.journal ADD COLUMN IF NOT EXISTS province_capacity_kg_e4 BIGINT NOT NULL DEFAULT 0;
ALTER TABLE dg_ledger.journal ADD COLUMN IF NOT EXISTS province_paddy_mu_e4 BIGINT NOT NULL DEFAULT 0;
ALTER TABLE dg_ledger.journal DROP CONSTRAINT IF EXISTS journal_province_share;
ALTER TABLE dg_ledger.journal ADD CONSTRAINT journal_province_share CHECK (
  province_area_mu_e4 BETWEEN 0 AND area_mu_e4 AND province_capacity_kg_e4 BETWEEN 0 AND capacity_kg_e4
  AND province_paddy_mu_e4 BETWEEN 0 AND paddy_mu_e4
  AND (province_area_mu_e4 + province_capacity_kg_e4 + province_paddy_mu_e4 = 0
       OR (kind = 'deposit' AND counterparty_code = substr(county_code, 1, 2) || '0000')));
CREATE UNIQUE INDEX IF NOT EXISTS one_deposit_per_project ON dg_ledger.journal(project_code) WHERE kind = 'deposit';
CREATE UNIQUE INDEX IF NOT EXISTS one_reversal_per_entry ON dg_ledger.journal(reverses_entry_id) WHERE kind = 'reversal';
CREATE UNIQUE INDEX IF NOT EXISTS one_writeoff_per_commitment ON dg_ledger.journal(commitment_entry_id)
  WHERE kind = 'writeoff' AND commitment_entry_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS journal_county ON dg_ledger.journal(county_code);

CREATE TABLE IF NOT EXISTS dg_ledger.movement (
  movement_id BIGSERIAL PRIMARY KEY,
  entry_id BIGINT NOT NULL REFERENCES dg_ledger.journal(entry_id),
  kind TEXT NOT NULL,
  county_code TEXT NOT NULL,
  area_mu_e4 BIGINT NOT NULL,
  capacity_kg_e4 BIGINT NOT NULL,
  paddy_mu_e4 BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS movement_county ON dg_ledger.movement(county_code);
CREATE INDEX IF NOT EXISTS movement_entry ON dg_ledger.movement(entry_id);

CREATE TABLE IF NOT EXISTS dg_ledger.balance (
  county_code TEXT PRIMARY KEY,
  area_mu_e4 BIGINT NOT NULL DEFAULT 0 CHECK (area_mu_e4 >= 0),
  capacity_kg_e4 BIGINT NOT NULL DEFAULT 0 CHECK (capacity_kg_e4 >= 0),
  paddy_mu_e4 BIGINT NOT NULL DEFAULT 0 CHECK (paddy_mu_e4 >= 0)
);

CREATE TABLE IF NOT EXISTS dg_ledger.proposal (
  proposal_id BIGSERIAL PRIMARY KEY,
  kind TEXT NOT NULL,
  county_code TEXT NOT NULL,
  project_code TEXT,
  payload TEXT,
  created_at TEXT NOT NULL DEFAULT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  created_by TEXT DEFAULT session_user
);

-- Every trigger function refuses to run for any table but its own (schema 3): a client that attaches
-- one to a table of its own gets an error, not a SECURITY DEFINER write into the ledger.
CREATE OR REPLACE FUNCTION dg_ledger.movement_to_balance() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = dg_ledger, pg_temp AS $$
BEGIN
  IF TG_RELID IS DISTINCT FROM 'dg_ledger.movement'::regclass OR TG_OP <> 'INSERT' OR TG_WHEN <> 'AFTER'
     OR TG_LEVEL <> 'ROW' THEN
    RAISE EXCEPTION 'dg_ledger.movement_to_balance() runs only after an insert into dg_ledger.movement, not for %.%',
      TG_TABLE_SCHEMA, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
  END IF;
  INSERT INTO dg_ledger.balance(county_code) VALUES (NEW.county_code) ON CONFLICT (county_code) DO NOTHING;
  UPDATE dg_ledger.balance
     SET area_mu_e4 = area_mu_e4 + NEW.area_mu_e4,
         capacity_kg_e4 = capacity_kg_e4 + NEW.capacity_kg_e4,
         paddy_mu_e4 = paddy_mu_e4 + NEW.paddy_mu_e4
   WHERE county_code = NEW.county_code;
  RETURN NEW;
END $$;
-- the journal row alone decides what moves: no client can append an entry without its movements
CREATE OR REPLACE FUNCTION dg_ledger.journal_moves() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = dg_ledger, pg_temp AS $$
BEGIN
  IF TG_RELID IS DISTINCT FROM 'dg_ledger.journal'::regclass OR TG_OP <> 'INSERT' OR TG_WHEN <> 'AFTER'
     OR TG_LEVEL <> 'ROW' THEN
    RAISE EXCEPTION 'dg_ledger.journal_moves() runs only after an insert into dg_ledger.journal, not for %.%',
      TG_TABLE_SCHEMA, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF NEW.kind = 'reversal' AND coalesce((SELECT kind FROM dg_ledger.journal WHERE entry_id = NEW.reverses_entry_id),
                                        'reversal') = 'reversal' THEN
    RAISE EXCEPTION 'a reversal must reverse an existing entry that is not itself a reversal';
  END IF;
  IF NEW.kind IN ('writeoff', 'transfer') THEN
    INSERT INTO dg_ledger.movement (entry_id, kind, county_code, area_mu_e4, capacity_kg_e4, paddy_mu_e4)
    VALUES (NEW.entry_id, NEW.kind, CASE NEW.kind WHEN 'writeoff' THEN NEW.county_code ELSE NEW.counterparty_code END,
            -NEW.area_mu_e4, -NEW.capacity_kg_e4, -NEW.paddy_mu_e4);
  END IF;
  IF NEW.kind IN ('deposit', 'transfer') THEN
    INSERT INTO dg_ledger.movement (entry_id, kind, county_code, area_mu_e4, capacity_kg_e4, paddy_mu_e4)
    VALUES (NEW.entry_id, NEW.kind, NEW.county_code, NEW.area_mu_e4 - NEW.province_area_mu_e4,
            NEW.capacity_kg_e4 - NEW.province_capacity_kg_e4, NEW.paddy_mu_e4 - NEW.province_paddy_mu_e4);
  END IF;
  IF NEW.kind = 'deposit' AND NEW.province_area_mu_e4 + NEW.province_capacity_kg_e4 + NEW.province_paddy_mu_e4 > 0 THEN
    INSERT INTO dg_ledger.movement (entry_id, kind, county_code, area_mu_e4, capacity_kg_e4, paddy_mu_e4)
    VALUES (NEW.entry_id, NEW.kind, NEW.counterparty_code, NEW.province_area_mu_e4, NEW.province_capacity_kg_e4,
            NEW.province_paddy_mu_e4);
  END IF;
  IF NEW.kind = 'reversal' THEN
    INSERT INTO dg_ledger.movement (entry_id, kind, county_code, area_mu_e4, capacity_kg_e4, paddy_mu_e4)
    SELECT NEW.entry_id, NEW.kind, m.county_code, -m.area_mu_e4, -m.capacity_kg_e4, -m.paddy_mu_e4
      FROM dg_ledger.movement m WHERE m.entry_id = NEW.reverses_entry_id ORDER BY m.movement_id;
  END IF;
  RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS journal_moves ON dg_ledger.journal;
CREATE TRIGGER journal_moves AFTER INSERT ON dg_ledger.journal
  FOR EACH ROW EXECUTE FUNCTION dg_ledger.journal_moves();
CREATE OR REPLACE FUNCTION dg_ledger.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_SCHEMA IS DISTINCT FROM 'dg_ledger' THEN
    RAISE EXCEPTION 'dg_ledger.refuse_change() guards the ledger''s tables only, not %.%', TG_TABLE_SCHEMA,
      TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
  END IF;
  RAISE EXCEPTION 'dg_ledger.% is append-only: correct an entry with a reversal (% refused)', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END $$;
DROP TRIGGER IF EXISTS movement_to_balance ON dg_ledger.movement;
CREATE TRIGGER movement_to_balance AFTER INSERT ON dg_ledger.movement
  FOR EACH ROW EXECUTE FUNCTION dg_ledger.movement_to_balance();
DROP TRIGGER IF EXISTS journal_append_only ON dg_ledger.journal;
CREATE TRIGGER journal_append_only BEFORE UPDATE OR DELETE ON dg_ledger.journal
  FOR EACH ROW EXECUTE FUNCTION dg_ledger.refuse_change();
DROP TRIGGER IF EXISTS movement_append_only ON dg_ledger.movement;
CREATE TRIGGER movement_append_only BEFORE UPDATE OR DELETE ON dg_ledger.movement
  FOR EACH ROW EXECUTE FUNCTION dg_ledger.refuse_change();
DROP TRIGGER IF EXISTS journal_no_truncate ON dg_ledger.journal;
CREATE TRIGGER journal_no_truncate BEFORE TRUNCATE ON dg_ledger.journal
  FOR EACH STATEMENT EXECUTE FUNCTION dg_ledger.refuse_change();

-- ----- schema 3: the side doors closed (issue 14) ---------------------------------------------
-- TRUNCATE refused on every table of the ledger, the owner's included
DROP TRIGGER IF EXISTS movement_no_truncate ON dg_ledger.movement;
CREATE TRIGGER movement_no_truncate BEFORE TRUNCATE ON dg_ledger.movement
  FOR EACH STATEMENT EXECUTE FUNCTION dg_ledger.refuse_change();
DROP TRIGGER IF EXISTS balance_no_truncate ON dg_ledger.balance;
CREATE TRIGGER balance_no_truncate BEFORE TRUNCATE ON dg_ledger.balance
  FOR EACH STATEMENT EXECUTE FUNCTION dg_ledger.refuse_change();
DROP TRIGGER IF EXISTS proposal_no_truncate ON dg_ledger.proposal;
CREATE TRIGGER proposal_no_truncate BEFORE TRUNCATE ON dg_ledger.proposal
  FOR EACH STATEMENT EXECUTE FUNCTION dg_ledger.refuse_change();
DROP TRIGGER IF EXISTS meta_no_truncate ON dg_ledger.meta;
CREATE TRIGGER meta_no_truncate BEFORE TRUNCATE ON dg_ledger.meta
  FOR EACH STATEMENT EXECUTE FUNCTION dg_ledger.refuse_change();

-- who and when are the database's: session_user and the transaction's time, whatever the client sent
CREATE OR REPLACE FUNCTION dg_ledger.stamp_created() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_RELID NOT IN ('dg_ledger.journal'::regclass, 'dg_ledger.proposal'::regclass) OR TG_OP <> 'INSERT'
     OR TG_WHEN <> 'BEFORE' OR TG_LEVEL <> 'ROW' THEN
    RAISE EXCEPTION 'dg_ledger.stamp_created() runs only before an insert into the journal or the proposals, '
      'not for %.%', TG_TABLE_SCHEMA, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
  END IF;
  NEW.created_by := session_user;
  NEW.created_at := to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"');
  RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS journal_stamp ON dg_ledger.journal;
CREATE TRIGGER journal_stamp BEFORE INSERT ON dg_ledger.journal
  FOR EACH ROW EXECUTE FUNCTION dg_ledger.stamp_created();
DROP TRIGGER IF EXISTS proposal_stamp ON dg_ledger.proposal;
CREATE TRIGGER proposal_stamp BEFORE INSERT ON dg_ledger.proposal
  FOR EACH ROW EXECUTE FUNCTION dg_ledger.stamp_created();

-- movements are written by the journal's trigger only, balances by the movements' trigger only:
-- a statement of a client (trigger depth 1), the owner's included, is refused
CREATE OR REPLACE FUNCTION dg_ledger.written_by_trigger_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_RELID NOT IN ('dg_ledger.movement'::regclass, 'dg_ledger.balance'::regclass) OR TG_WHEN <> 'BEFORE'
     OR TG_LEVEL <> 'ROW' THEN
    RAISE EXCEPTION 'dg_ledger.written_by_trigger_only() guards the movements and balances only, not %.%',
      TG_TABLE_SCHEMA, TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' OR pg_trigger_depth() < 2 THEN
    RAISE EXCEPTION 'dg_ledger.% is written by the ledger''s triggers only (% refused)', TG_TABLE_NAME, TG_OP
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
DROP TRIGGER IF EXISTS movement_by_journal_only ON dg_ledger.movement;
CREATE TRIGGER movement_by_journal_only BEFORE INSERT ON dg_ledger.movement
  FOR EACH ROW EXECUTE FUNCTION dg_ledger.written_by_trigger_only();
DROP TRIGGER IF EXISTS balance_by_movement_only ON dg_ledger.balance;
CREATE TRIGGER balance_by_movement_only BEFORE INSERT OR UPDATE OR DELETE ON dg_ledger.balance
  FOR EACH ROW EXECUTE FUNCTION dg_ledger.written_by_trigger_only();

-- amounts and balances below 5·10¹⁵ (1/10⁴ units: 5·10¹¹ 亩 or kg, exact through the plugin's floats);
-- NOT VALID: rows already stored are not touched, every new one is checked
ALTER TABLE dg_ledger.journal DROP CONSTRAINT IF EXISTS journal_amount_bound;
ALTER TABLE dg_ledger.journal ADD CONSTRAINT journal_amount_bound CHECK (
  area_mu_e4 <= 5000000000000000 AND capacity_kg_e4 <= 5000000000000000 AND paddy_mu_e4 <= 5000000000000000)
  NOT VALID;
ALTER TABLE dg_ledger.balance DROP CONSTRAINT IF EXISTS balance_bound;
ALTER TABLE dg_ledger.balance ADD CONSTRAINT balance_bound CHECK (
  area_mu_e4 <= 5000000000000000 AND capacity_kg_e4 <= 5000000000000000 AND paddy_mu_e4 <= 5000000000000000)
  NOT VALID;
-- a write re-checks the balances it touches against the movements added since its last check
CREATE INDEX IF NOT EXISTS movement_county_id ON dg_ledger.movement(county_code, movement_id);

-- no function of the ledger is executable by PUBLIC (PostgreSQL's default): a trigger fires without
-- it, and nobody may attach one of these SECURITY DEFINER functions to a table of their own
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA dg_ledger FROM PUBLIC;
ALTER DEFAULT PRIVILEGES IN SCHEMA dg_ledger REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;

REVOKE ALL ON ALL TABLES IN SCHEMA dg_ledger FROM PUBLIC;
GRANT USAGE ON SCHEMA dg_ledger TO dg_technician;
GRANT SELECT ON ALL TABLES IN SCHEMA dg_ledger TO dg_technician;
GRANT INSERT ON dg_ledger.proposal TO dg_technician;
GRANT USAGE ON SEQUENCE dg_ledger.proposal_proposal_id_seq TO dg_technician;
-- movements and balances are written only by the SECURITY DEFINER triggers of the journal
GRANT INSERT ON dg_ledger.journal TO dg_reviewer, dg_officer;
GRANT USAGE ON SEQUENCE dg_ledger.journal_entry_id_seq TO dg_reviewer, dg_officer;

ALTER TABLE dg_ledger.journal ENABLE ROW LEVEL SECURITY;
ALTER TABLE dg_ledger.movement ENABLE ROW LEVEL SECURITY;
DROP POLICY IF EXISTS read_all ON dg_ledger.journal;
CREATE POLICY read_all ON dg_ledger.journal FOR SELECT TO dg_technician USING (true);
DROP POLICY IF EXISTS reviewer_inserts ON dg_ledger.journal;
CREATE POLICY reviewer_inserts ON dg_ledger.journal FOR INSERT TO dg_reviewer
  WITH CHECK (kind IN ('deposit', 'reversal'));
DROP POLICY IF EXISTS officer_inserts ON dg_ledger.journal;
CREATE POLICY officer_inserts ON dg_ledger.journal FOR INSERT TO dg_officer
  WITH CHECK (kind IN ('writeoff', 'transfer', 'commitment', 'reversal'));
DROP POLICY IF EXISTS read_all ON dg_ledger.movement;
CREATE POLICY read_all ON dg_ledger.movement FOR SELECT TO dg_technician USING (true);

INSERT INTO dg_ledger.meta VALUES ('schema_version', '3') ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value;
