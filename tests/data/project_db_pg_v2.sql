--
-- PostgreSQL database dump
--


-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: county; Type: SCHEMA; Schema: -; Owner: -
--

CREATE SCHEMA county;


--
-- Name: guard_plots(); Type: FUNCTION; Schema: county; Owner: -
--

CREATE FUNCTION county.guard_plots() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
  IF pg_has_role(current_user, 'dg_reviewer', 'MEMBER')
     OR NOT pg_has_role(current_user, 'dg_technician', 'MEMBER') THEN
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  IF pg_has_role(current_user, 'dg_officer', 'MEMBER') THEN
    RAISE EXCEPTION 'role dg_officer only reads the project database: % on %.% refused', TG_OP, TG_TABLE_SCHEMA,
      TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP <> 'INSERT' AND EXISTS (SELECT 1 FROM "county"."projects" p WHERE p.project_code = OLD.project_code
                                   AND p.status IN ('accepted', 'filed')) THEN
    RAISE EXCEPTION 'plot % belongs to accepted project %: only a reviewer (dg_reviewer) may change it',
      coalesce(OLD.plot_code, OLD.fid::text), OLD.project_code USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP <> 'DELETE' AND EXISTS (SELECT 1 FROM "county"."projects" p WHERE p.project_code = NEW.project_code
                                   AND p.status IN ('accepted', 'filed')) THEN
    RAISE EXCEPTION 'project % is accepted: only a reviewer (dg_reviewer) may add or move plots into it',
      NEW.project_code USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;


--
-- Name: guard_projects(); Type: FUNCTION; Schema: county; Owner: -
--

CREATE FUNCTION county.guard_projects() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
  IF pg_has_role(current_user, 'dg_reviewer', 'MEMBER')
     OR NOT pg_has_role(current_user, 'dg_technician', 'MEMBER') THEN
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  IF pg_has_role(current_user, 'dg_officer', 'MEMBER') THEN
    RAISE EXCEPTION 'role dg_officer only reads the project database: % on %.% refused', TG_OP, TG_TABLE_SCHEMA,
      TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP <> 'INSERT' AND OLD.status IN ('accepted', 'filed') THEN
    RAISE EXCEPTION 'project % is %: only a reviewer (dg_reviewer) may change or delete it', OLD.project_code,
      OLD.status USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.status IN ('accepted', 'filed') THEN
    RAISE EXCEPTION 'only a reviewer (dg_reviewer) may set project % to %', NEW.project_code, NEW.status
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;


--
-- Name: guard_reviews(); Type: FUNCTION; Schema: county; Owner: -
--

CREATE FUNCTION county.guard_reviews() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'pg_catalog', 'pg_temp'
    AS $$
BEGIN
  IF pg_has_role(current_user, 'dg_reviewer', 'MEMBER')
     OR NOT pg_has_role(current_user, 'dg_technician', 'MEMBER') THEN
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  IF pg_has_role(current_user, 'dg_officer', 'MEMBER') THEN
    RAISE EXCEPTION 'role dg_officer only reads the project database: % on %.% refused', TG_OP, TG_TABLE_SCHEMA,
      TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: dg_field_points; Type: TABLE; Schema: county; Owner: -
--

CREATE TABLE county.dg_field_points (
    id bigint NOT NULL,
    uuid text NOT NULL,
    project_code text NOT NULL,
    review_uuid text,
    source_file text NOT NULL,
    source_line integer,
    name text,
    lon double precision,
    lat double precision,
    x double precision NOT NULL,
    y double precision NOT NULL,
    inside integer NOT NULL,
    plot_code text,
    plot_project_code text,
    distance_m double precision,
    recorded_at text,
    imported_by text,
    imported_at text NOT NULL,
    CONSTRAINT dg_field_points_inside_check CHECK ((inside = ANY (ARRAY[0, 1])))
);


--
-- Name: dg_field_points_id_seq; Type: SEQUENCE; Schema: county; Owner: -
--

CREATE SEQUENCE county.dg_field_points_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: dg_field_points_id_seq; Type: SEQUENCE OWNED BY; Schema: county; Owner: -
--

ALTER SEQUENCE county.dg_field_points_id_seq OWNED BY county.dg_field_points.id;


--
-- Name: dg_meta; Type: TABLE; Schema: county; Owner: -
--

CREATE TABLE county.dg_meta (
    key text NOT NULL,
    value text
);


--
-- Name: dg_review_photos; Type: TABLE; Schema: county; Owner: -
--

CREATE TABLE county.dg_review_photos (
    id bigint NOT NULL,
    uuid text NOT NULL,
    project_code text NOT NULL,
    review_uuid text,
    file_name text NOT NULL,
    sha256 text NOT NULL,
    content bytea NOT NULL,
    thumbnail bytea,
    width_px integer,
    height_px integer,
    added_by text,
    added_at text NOT NULL
);


--
-- Name: dg_review_photos_id_seq; Type: SEQUENCE; Schema: county; Owner: -
--

CREATE SEQUENCE county.dg_review_photos_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: dg_review_photos_id_seq; Type: SEQUENCE OWNED BY; Schema: county; Owner: -
--

ALTER SEQUENCE county.dg_review_photos_id_seq OWNED BY county.dg_review_photos.id;


--
-- Name: dg_reviews; Type: TABLE; Schema: county; Owner: -
--

CREATE TABLE county.dg_reviews (
    id bigint NOT NULL,
    uuid text NOT NULL,
    project_code text NOT NULL,
    verdict text NOT NULL,
    comment text DEFAULT ''::text NOT NULL,
    reviewer text NOT NULL,
    reviewed_at text NOT NULL,
    recorded_in text,
    CONSTRAINT dg_reviews_reviewer_check CHECK ((length(TRIM(BOTH FROM reviewer)) > 0)),
    CONSTRAINT dg_reviews_verdict_check CHECK ((verdict = ANY (ARRAY['passed'::text, 'returned'::text, 'to_verify'::text])))
);


--
-- Name: dg_reviews_id_seq; Type: SEQUENCE; Schema: county; Owner: -
--

CREATE SEQUENCE county.dg_reviews_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: dg_reviews_id_seq; Type: SEQUENCE OWNED BY; Schema: county; Owner: -
--

ALTER SEQUENCE county.dg_reviews_id_seq OWNED BY county.dg_reviews.id;


--
-- Name: plots; Type: TABLE; Schema: county; Owner: -
--

CREATE TABLE county.plots (
    fid integer NOT NULL,
    project_code character varying(40) NOT NULL,
    plot_code character varying(40),
    class_before character varying(8),
    class_after character varying(8),
    grade_system character varying(24) DEFAULT 'use_grade_15'::character varying,
    grade_before integer,
    grade_after integer,
    geom public.geometry(MultiPolygon,4527),
    CONSTRAINT plots_class_after_valid CHECK (((class_after IS NULL) OR ((class_after)::text = ANY ((ARRAY['0101'::character varying, '0102'::character varying, '0103'::character varying, '0201'::character varying, '0201K'::character varying, '0202'::character varying, '0202K'::character varying, '0203'::character varying, '0203K'::character varying, '0204'::character varying, '0204K'::character varying, '0301'::character varying, '0301K'::character varying, '0302'::character varying, '0302K'::character varying, '0303'::character varying, '0304'::character varying, '0305'::character varying, '0306'::character varying, '0307'::character varying, '0307K'::character varying, '0401'::character varying, '0402'::character varying, '0403'::character varying, '0403K'::character varying, '0404'::character varying, '0501'::character varying, '0502'::character varying, '0503'::character varying, '0504'::character varying, '0505'::character varying, '0506'::character varying, '0507'::character varying, '0601'::character varying, '0602'::character varying, '0603'::character varying, '0604'::character varying, '0701'::character varying, '0702'::character varying, '0801'::character varying, '0802'::character varying, '0803'::character varying, '0804'::character varying, '0805'::character varying, '0806'::character varying, '0807'::character varying, '0808'::character varying, '0809'::character varying, '0810'::character varying, '0810A'::character varying, '0901'::character varying, '0902'::character varying, '0903'::character varying, '0904'::character varying, '0905'::character varying, '0906'::character varying, '1001'::character varying, '1002'::character varying, '1003'::character varying, '1004'::character varying, '1005'::character varying, '1006'::character varying, '1007'::character varying, '1008'::character varying, '1009'::character varying, '1101'::character varying, '1102'::character varying, '1103'::character varying, '1104'::character varying, '1104A'::character varying, '1104K'::character varying, '1105'::character varying, '1106'::character varying, '1107'::character varying, '1107A'::character varying, '1108'::character varying, '1109'::character varying, '1110'::character varying, '1201'::character varying, '1202'::character varying, '1203'::character varying, '1204'::character varying, '1205'::character varying, '1206'::character varying, '1207'::character varying])::text[])))),
    CONSTRAINT plots_class_before_valid CHECK (((class_before IS NULL) OR ((class_before)::text = ANY ((ARRAY['0101'::character varying, '0102'::character varying, '0103'::character varying, '0201'::character varying, '0201K'::character varying, '0202'::character varying, '0202K'::character varying, '0203'::character varying, '0203K'::character varying, '0204'::character varying, '0204K'::character varying, '0301'::character varying, '0301K'::character varying, '0302'::character varying, '0302K'::character varying, '0303'::character varying, '0304'::character varying, '0305'::character varying, '0306'::character varying, '0307'::character varying, '0307K'::character varying, '0401'::character varying, '0402'::character varying, '0403'::character varying, '0403K'::character varying, '0404'::character varying, '0501'::character varying, '0502'::character varying, '0503'::character varying, '0504'::character varying, '0505'::character varying, '0506'::character varying, '0507'::character varying, '0601'::character varying, '0602'::character varying, '0603'::character varying, '0604'::character varying, '0701'::character varying, '0702'::character varying, '0801'::character varying, '0802'::character varying, '0803'::character varying, '0804'::character varying, '0805'::character varying, '0806'::character varying, '0807'::character varying, '0808'::character varying, '0809'::character varying, '0810'::character varying, '0810A'::character varying, '0901'::character varying, '0902'::character varying, '0903'::character varying, '0904'::character varying, '0905'::character varying, '0906'::character varying, '1001'::character varying, '1002'::character varying, '1003'::character varying, '1004'::character varying, '1005'::character varying, '1006'::character varying, '1007'::character varying, '1008'::character varying, '1009'::character varying, '1101'::character varying, '1102'::character varying, '1103'::character varying, '1104'::character varying, '1104A'::character varying, '1104K'::character varying, '1105'::character varying, '1106'::character varying, '1107'::character varying, '1107A'::character varying, '1108'::character varying, '1109'::character varying, '1110'::character varying, '1201'::character varying, '1202'::character varying, '1203'::character varying, '1204'::character varying, '1205'::character varying, '1206'::character varying, '1207'::character varying])::text[])))),
    CONSTRAINT plots_grade_after_valid CHECK (((grade_after IS NULL) OR (((COALESCE(grade_system, 'use_grade_15'::character varying))::text = 'use_grade_15'::text) AND ((grade_after >= 1) AND (grade_after <= 15))) OR (((COALESCE(grade_system, 'use_grade_15'::character varying))::text = 'quality_level_10'::text) AND ((grade_after >= 1) AND (grade_after <= 10))))),
    CONSTRAINT plots_grade_before_valid CHECK (((grade_before IS NULL) OR (((COALESCE(grade_system, 'use_grade_15'::character varying))::text = 'use_grade_15'::text) AND ((grade_before >= 1) AND (grade_before <= 15))) OR (((COALESCE(grade_system, 'use_grade_15'::character varying))::text = 'quality_level_10'::text) AND ((grade_before >= 1) AND (grade_before <= 10))))),
    CONSTRAINT plots_grade_system_valid CHECK (((grade_system IS NULL) OR ((grade_system)::text = ANY ((ARRAY['use_grade_15'::character varying, 'quality_level_10'::character varying])::text[]))))
);


--
-- Name: plots_fid_seq; Type: SEQUENCE; Schema: county; Owner: -
--

CREATE SEQUENCE county.plots_fid_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: plots_fid_seq; Type: SEQUENCE OWNED BY; Schema: county; Owner: -
--

ALTER SEQUENCE county.plots_fid_seq OWNED BY county.plots.fid;


--
-- Name: projects; Type: TABLE; Schema: county; Owner: -
--

CREATE TABLE county.projects (
    fid integer NOT NULL,
    project_code character varying(40) NOT NULL,
    project_name character varying(200),
    county_code character varying(12),
    project_type character varying(40),
    funding_source character varying(40),
    implemented_on date,
    status character varying(20) DEFAULT 'planned'::character varying NOT NULL,
    CONSTRAINT projects_status_valid CHECK (((status)::text = ANY ((ARRAY['planned'::character varying, 'under_way'::character varying, 'accepted'::character varying, 'filed'::character varying])::text[])))
);


--
-- Name: projects_fid_seq; Type: SEQUENCE; Schema: county; Owner: -
--

CREATE SEQUENCE county.projects_fid_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: projects_fid_seq; Type: SEQUENCE OWNED BY; Schema: county; Owner: -
--

ALTER SEQUENCE county.projects_fid_seq OWNED BY county.projects.fid;


--
-- Name: dg_field_points id; Type: DEFAULT; Schema: county; Owner: -
--

ALTER TABLE ONLY county.dg_field_points ALTER COLUMN id SET DEFAULT nextval('county.dg_field_points_id_seq'::regclass);


--
-- Name: dg_review_photos id; Type: DEFAULT; Schema: county; Owner: -
--

ALTER TABLE ONLY county.dg_review_photos ALTER COLUMN id SET DEFAULT nextval('county.dg_review_photos_id_seq'::regclass);


--
-- Name: dg_reviews id; Type: DEFAULT; Schema: county; Owner: -
--

ALTER TABLE ONLY county.dg_reviews ALTER COLUMN id SET DEFAULT nextval('county.dg_reviews_id_seq'::regclass);


--
-- Name: plots fid; Type: DEFAULT; Schema: county; Owner: -
--

ALTER TABLE ONLY county.plots ALTER COLUMN fid SET DEFAULT nextval('county.plots_fid_seq'::regclass);


--
-- Name: projects fid; Type: DEFAULT; Schema: county; Owner: -
--

ALTER TABLE ONLY county.projects ALTER COLUMN fid SET DEFAULT nextval('county.projects_fid_seq'::regclass);


--
-- Data for Name: dg_field_points; Type: TABLE DATA; Schema: county; Owner: -
--



--
-- Data for Name: dg_meta; Type: TABLE DATA; Schema: county; Owner: -
--

INSERT INTO county.dg_meta VALUES ('schema_version', '2');
INSERT INTO county.dg_meta VALUES ('crs', 'EPSG:4527');
INSERT INTO county.dg_meta VALUES ('review_schema_version', '1');
INSERT INTO county.dg_meta VALUES ('review_database_id', 'd52e6d3b054646dbacf107e53fffe984');


--
-- Data for Name: dg_review_photos; Type: TABLE DATA; Schema: county; Owner: -
--



--
-- Data for Name: dg_reviews; Type: TABLE DATA; Schema: county; Owner: -
--



--
-- Data for Name: plots; Type: TABLE DATA; Schema: county; Owner: -
--

INSERT INTO county.plots VALUES (1, 'V2-2023-ACC', 'V2-2023-ACC-001', '0201', '0101', 'use_grade_15', NULL, 8, '0106000020AF1100000100000001030000000100000005000000000000808ED482410000000020294B41000000C094D482410000000020294B41000000C094D482410000000084294B41000000808ED482410000000084294B41000000808ED482410000000020294B41');
INSERT INTO county.plots VALUES (2, 'V2-2024-FIL', 'V2-2024-FIL-001', '0201', '0101', 'use_grade_15', NULL, 8, '0106000020AF1100000100000001030000000100000005000000000000E097D482410000000020294B41000000209ED482410000000020294B41000000209ED482410000000084294B41000000E097D482410000000084294B41000000E097D482410000000020294B41');
INSERT INTO county.plots VALUES (3, 'V2-2025-ACC', 'V2-2025-ACC-001', '0201', '0101', 'use_grade_15', NULL, 8, '0106000020AF110000010000000103000000010000000500000000000040A1D482410000000020294B4100000080A7D482410000000020294B4100000080A7D482410000000084294B4100000040A1D482410000000084294B4100000040A1D482410000000020294B41');
INSERT INTO county.plots VALUES (4, 'V2-2025-PLN', 'V2-2025-PLN-001', '0201', '0101', 'use_grade_15', NULL, 8, '0106000020AF1100000100000001030000000100000005000000000000A0AAD482410000000020294B41000000E0B0D482410000000020294B41000000E0B0D482410000000084294B41000000A0AAD482410000000084294B41000000A0AAD482410000000020294B41');
INSERT INTO county.plots VALUES (5, 'V2-2024-UW', 'V2-2024-UW-001', '0201', '0101', 'use_grade_15', NULL, 8, '0106000020AF110000010000000103000000010000000500000000000000B4D482410000000020294B4100000040BAD482410000000020294B4100000040BAD482410000000084294B4100000000B4D482410000000084294B4100000000B4D482410000000020294B41');
INSERT INTO county.plots VALUES (6, 'V2-NODATE', 'V2-NODATE-001', '0201', '0101', 'use_grade_15', NULL, 8, '0106000020AF110000010000000103000000010000000500000000000060BDD482410000000020294B41000000A0C3D482410000000020294B41000000A0C3D482410000000084294B4100000060BDD482410000000084294B4100000060BDD482410000000020294B41');


--
-- Data for Name: projects; Type: TABLE DATA; Schema: county; Owner: -
--

INSERT INTO county.projects VALUES (1, 'V2-2023-ACC', '二〇二三年已验收项目', '320999', 'land_consolidation', 'cultivation_fee', '2023-03-01', 'accepted');
INSERT INTO county.projects VALUES (2, 'V2-2024-FIL', '二〇二四年已报备项目', '320999', 'land_consolidation', 'county', '2024-05-01', 'filed');
INSERT INTO county.projects VALUES (3, 'V2-2025-ACC', '二〇二五年已验收项目', '320999', 'land_consolidation', 'cultivation_fee', '2025-03-01', 'accepted');
INSERT INTO county.projects VALUES (4, 'V2-2025-PLN', '二〇二五年规划项目', '320999', 'land_consolidation', 'county', '2025-06-01', 'planned');
INSERT INTO county.projects VALUES (5, 'V2-2024-UW', '二〇二四年实施中项目', '320999', 'land_consolidation', 'county', '2024-09-01', 'under_way');
INSERT INTO county.projects VALUES (6, 'V2-NODATE', '未填实施日期项目', '320999', 'land_consolidation', NULL, NULL, 'planned');


--
-- Name: dg_field_points_id_seq; Type: SEQUENCE SET; Schema: county; Owner: -
--

SELECT pg_catalog.setval('county.dg_field_points_id_seq', 1, false);


--
-- Name: dg_review_photos_id_seq; Type: SEQUENCE SET; Schema: county; Owner: -
--

SELECT pg_catalog.setval('county.dg_review_photos_id_seq', 1, false);


--
-- Name: dg_reviews_id_seq; Type: SEQUENCE SET; Schema: county; Owner: -
--

SELECT pg_catalog.setval('county.dg_reviews_id_seq', 1, false);


--
-- Name: plots_fid_seq; Type: SEQUENCE SET; Schema: county; Owner: -
--

SELECT pg_catalog.setval('county.plots_fid_seq', 6, true);


--
-- Name: projects_fid_seq; Type: SEQUENCE SET; Schema: county; Owner: -
--

SELECT pg_catalog.setval('county.projects_fid_seq', 6, true);


--
-- Name: dg_field_points dg_field_points_pkey; Type: CONSTRAINT; Schema: county; Owner: -
--

ALTER TABLE ONLY county.dg_field_points
    ADD CONSTRAINT dg_field_points_pkey PRIMARY KEY (id);


--
-- Name: dg_field_points dg_field_points_uuid_key; Type: CONSTRAINT; Schema: county; Owner: -
--

ALTER TABLE ONLY county.dg_field_points
    ADD CONSTRAINT dg_field_points_uuid_key UNIQUE (uuid);


--
-- Name: dg_meta dg_meta_pkey; Type: CONSTRAINT; Schema: county; Owner: -
--

ALTER TABLE ONLY county.dg_meta
    ADD CONSTRAINT dg_meta_pkey PRIMARY KEY (key);


--
-- Name: dg_review_photos dg_review_photos_pkey; Type: CONSTRAINT; Schema: county; Owner: -
--

ALTER TABLE ONLY county.dg_review_photos
    ADD CONSTRAINT dg_review_photos_pkey PRIMARY KEY (id);


--
-- Name: dg_review_photos dg_review_photos_uuid_key; Type: CONSTRAINT; Schema: county; Owner: -
--

ALTER TABLE ONLY county.dg_review_photos
    ADD CONSTRAINT dg_review_photos_uuid_key UNIQUE (uuid);


--
-- Name: dg_reviews dg_reviews_pkey; Type: CONSTRAINT; Schema: county; Owner: -
--

ALTER TABLE ONLY county.dg_reviews
    ADD CONSTRAINT dg_reviews_pkey PRIMARY KEY (id);


--
-- Name: dg_reviews dg_reviews_uuid_key; Type: CONSTRAINT; Schema: county; Owner: -
--

ALTER TABLE ONLY county.dg_reviews
    ADD CONSTRAINT dg_reviews_uuid_key UNIQUE (uuid);


--
-- Name: plots plots_pkey; Type: CONSTRAINT; Schema: county; Owner: -
--

ALTER TABLE ONLY county.plots
    ADD CONSTRAINT plots_pkey PRIMARY KEY (fid);


--
-- Name: projects projects_code_unique; Type: CONSTRAINT; Schema: county; Owner: -
--

ALTER TABLE ONLY county.projects
    ADD CONSTRAINT projects_code_unique UNIQUE (project_code);


--
-- Name: projects projects_pkey; Type: CONSTRAINT; Schema: county; Owner: -
--

ALTER TABLE ONLY county.projects
    ADD CONSTRAINT projects_pkey PRIMARY KEY (fid);


--
-- Name: dg_field_points_project; Type: INDEX; Schema: county; Owner: -
--

CREATE INDEX dg_field_points_project ON county.dg_field_points USING btree (project_code);


--
-- Name: dg_review_photos_project; Type: INDEX; Schema: county; Owner: -
--

CREATE INDEX dg_review_photos_project ON county.dg_review_photos USING btree (project_code);


--
-- Name: dg_reviews_project; Type: INDEX; Schema: county; Owner: -
--

CREATE INDEX dg_reviews_project ON county.dg_reviews USING btree (project_code, reviewed_at);


--
-- Name: plots_geom_gist; Type: INDEX; Schema: county; Owner: -
--

CREATE INDEX plots_geom_gist ON county.plots USING gist (geom);


--
-- Name: plots_project_code; Type: INDEX; Schema: county; Owner: -
--

CREATE INDEX plots_project_code ON county.plots USING btree (project_code);


--
-- Name: plots guard_plots; Type: TRIGGER; Schema: county; Owner: -
--

CREATE TRIGGER guard_plots BEFORE INSERT OR DELETE OR UPDATE ON county.plots FOR EACH ROW EXECUTE FUNCTION county.guard_plots();


--
-- Name: projects guard_projects; Type: TRIGGER; Schema: county; Owner: -
--

CREATE TRIGGER guard_projects BEFORE INSERT OR DELETE OR UPDATE ON county.projects FOR EACH ROW EXECUTE FUNCTION county.guard_projects();


--
-- Name: dg_field_points guard_reviews; Type: TRIGGER; Schema: county; Owner: -
--

CREATE TRIGGER guard_reviews BEFORE INSERT ON county.dg_field_points FOR EACH ROW EXECUTE FUNCTION county.guard_reviews();


--
-- Name: dg_review_photos guard_reviews; Type: TRIGGER; Schema: county; Owner: -
--

CREATE TRIGGER guard_reviews BEFORE INSERT ON county.dg_review_photos FOR EACH ROW EXECUTE FUNCTION county.guard_reviews();


--
-- Name: dg_reviews guard_reviews; Type: TRIGGER; Schema: county; Owner: -
--

CREATE TRIGGER guard_reviews BEFORE INSERT ON county.dg_reviews FOR EACH ROW EXECUTE FUNCTION county.guard_reviews();


--
-- Name: SCHEMA county; Type: ACL; Schema: -; Owner: -
--

GRANT USAGE ON SCHEMA county TO dg_officer;
GRANT USAGE ON SCHEMA county TO dg_reviewer;
GRANT USAGE ON SCHEMA county TO dg_technician;


--
-- Name: TABLE dg_field_points; Type: ACL; Schema: county; Owner: -
--

GRANT SELECT ON TABLE county.dg_field_points TO dg_officer;
GRANT SELECT,INSERT ON TABLE county.dg_field_points TO dg_reviewer;
GRANT SELECT,INSERT ON TABLE county.dg_field_points TO dg_technician;


--
-- Name: SEQUENCE dg_field_points_id_seq; Type: ACL; Schema: county; Owner: -
--

GRANT USAGE ON SEQUENCE county.dg_field_points_id_seq TO dg_technician;
GRANT USAGE ON SEQUENCE county.dg_field_points_id_seq TO dg_reviewer;


--
-- Name: TABLE dg_meta; Type: ACL; Schema: county; Owner: -
--

GRANT SELECT ON TABLE county.dg_meta TO dg_officer;
GRANT SELECT ON TABLE county.dg_meta TO dg_reviewer;
GRANT SELECT ON TABLE county.dg_meta TO dg_technician;


--
-- Name: TABLE dg_review_photos; Type: ACL; Schema: county; Owner: -
--

GRANT SELECT ON TABLE county.dg_review_photos TO dg_officer;
GRANT SELECT,INSERT ON TABLE county.dg_review_photos TO dg_reviewer;
GRANT SELECT,INSERT ON TABLE county.dg_review_photos TO dg_technician;


--
-- Name: SEQUENCE dg_review_photos_id_seq; Type: ACL; Schema: county; Owner: -
--

GRANT USAGE ON SEQUENCE county.dg_review_photos_id_seq TO dg_technician;
GRANT USAGE ON SEQUENCE county.dg_review_photos_id_seq TO dg_reviewer;


--
-- Name: TABLE dg_reviews; Type: ACL; Schema: county; Owner: -
--

GRANT SELECT ON TABLE county.dg_reviews TO dg_officer;
GRANT SELECT,INSERT ON TABLE county.dg_reviews TO dg_reviewer;
GRANT SELECT,INSERT ON TABLE county.dg_reviews TO dg_technician;


--
-- Name: SEQUENCE dg_reviews_id_seq; Type: ACL; Schema: county; Owner: -
--

GRANT USAGE ON SEQUENCE county.dg_reviews_id_seq TO dg_technician;
GRANT USAGE ON SEQUENCE county.dg_reviews_id_seq TO dg_reviewer;


--
-- Name: TABLE plots; Type: ACL; Schema: county; Owner: -
--

GRANT SELECT ON TABLE county.plots TO dg_officer;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE county.plots TO dg_reviewer;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE county.plots TO dg_technician;


--
-- Name: SEQUENCE plots_fid_seq; Type: ACL; Schema: county; Owner: -
--

GRANT USAGE ON SEQUENCE county.plots_fid_seq TO dg_technician;
GRANT USAGE ON SEQUENCE county.plots_fid_seq TO dg_reviewer;


--
-- Name: TABLE projects; Type: ACL; Schema: county; Owner: -
--

GRANT SELECT ON TABLE county.projects TO dg_officer;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE county.projects TO dg_reviewer;
GRANT SELECT,INSERT,DELETE,UPDATE ON TABLE county.projects TO dg_technician;


--
-- Name: SEQUENCE projects_fid_seq; Type: ACL; Schema: county; Owner: -
--

GRANT USAGE ON SEQUENCE county.projects_fid_seq TO dg_technician;
GRANT USAGE ON SEQUENCE county.projects_fid_seq TO dg_reviewer;


--
-- PostgreSQL database dump complete
--


