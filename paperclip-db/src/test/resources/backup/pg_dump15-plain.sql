--
-- PostgreSQL database dump
--

\restrict JXLfdf95JQ8T8YmF1x0tUX6YT6sY8kEq2aFkfa0gGmgag6pN7Pw4OtgD6O3Lu8o

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
-- Name: crm; Type: SCHEMA; Schema: -; Owner: postgres
--

CREATE SCHEMA crm;


ALTER SCHEMA crm OWNER TO postgres;

--
-- Name: pg_trgm; Type: EXTENSION; Schema: -; Owner: -
--

CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public;


--
-- Name: EXTENSION pg_trgm; Type: COMMENT; Schema: -; Owner: 
--

COMMENT ON EXTENSION pg_trgm IS 'text similarity measurement and index searching based on trigrams';


--
-- Name: stage; Type: TYPE; Schema: crm; Owner: postgres
--

CREATE TYPE crm.stage AS ENUM (
    'lead',
    'won',
    'lost'
);


ALTER TYPE crm.stage OWNER TO postgres;

--
-- Name: touch(); Type: FUNCTION; Schema: crm; Owner: postgres
--

CREATE FUNCTION crm.touch() RETURNS trigger
    LANGUAGE plpgsql
    AS $$ BEGIN NEW.updated_at := '2020-01-01T00:00:00Z'; RETURN NEW; END $$;


ALTER FUNCTION crm.touch() OWNER TO postgres;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: deals; Type: TABLE; Schema: crm; Owner: postgres
--

CREATE TABLE crm.deals (
    id integer NOT NULL,
    company_id uuid NOT NULL,
    stage crm.stage DEFAULT 'lead'::crm.stage NOT NULL,
    amount numeric(12,2),
    notes text,
    payload jsonb,
    raw bytea,
    updated_at timestamp with time zone,
    CONSTRAINT deals_amount_check CHECK ((amount >= (0)::numeric))
);


ALTER TABLE crm.deals OWNER TO postgres;

--
-- Name: deals_id_seq; Type: SEQUENCE; Schema: crm; Owner: postgres
--

CREATE SEQUENCE crm.deals_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER TABLE crm.deals_id_seq OWNER TO postgres;

--
-- Name: deals_id_seq; Type: SEQUENCE OWNED BY; Schema: crm; Owner: postgres
--

ALTER SEQUENCE crm.deals_id_seq OWNED BY crm.deals.id;


--
-- Name: open_deals; Type: VIEW; Schema: crm; Owner: postgres
--

CREATE VIEW crm.open_deals AS
 SELECT deals.id,
    deals.company_id
   FROM crm.deals
  WHERE (deals.stage = 'lead'::crm.stage);


ALTER TABLE crm.open_deals OWNER TO postgres;

--
-- Name: companies; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.companies (
    id uuid NOT NULL,
    name text NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL
);


ALTER TABLE public.companies OWNER TO postgres;

--
-- Name: deals id; Type: DEFAULT; Schema: crm; Owner: postgres
--

ALTER TABLE ONLY crm.deals ALTER COLUMN id SET DEFAULT nextval('crm.deals_id_seq'::regclass);


--
-- Data for Name: deals; Type: TABLE DATA; Schema: crm; Owner: postgres
--

COPY crm.deals (id, company_id, stage, amount, notes, payload, raw, updated_at) FROM stdin;
1	6f1c6f2a-0000-4000-8000-000000000001	won	12.50	\\.\n\\.	{"k": [1, 2], "emoji": "😀"}	\\x00ff10	\N
2	6f1c6f2a-0000-4000-8000-000000000002	lead	\N		\N	\N	\N
3	6f1c6f2a-0000-4000-8000-000000000002	lost	0.00	\N	{}	\\x	\N
\.


--
-- Data for Name: companies; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.companies (id, name, created_at) FROM stdin;
6f1c6f2a-0000-4000-8000-000000000001	Acme 'quoted' \\ back	2024-01-02 03:04:05+00
6f1c6f2a-0000-4000-8000-000000000002	Tab\there\nnewline	2024-01-02 03:04:05+00
\.


--
-- Name: deals_id_seq; Type: SEQUENCE SET; Schema: crm; Owner: postgres
--

SELECT pg_catalog.setval('crm.deals_id_seq', 3, true);


--
-- Name: deals deals_pkey; Type: CONSTRAINT; Schema: crm; Owner: postgres
--

ALTER TABLE ONLY crm.deals
    ADD CONSTRAINT deals_pkey PRIMARY KEY (id);


--
-- Name: companies companies_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.companies
    ADD CONSTRAINT companies_pkey PRIMARY KEY (id);


--
-- Name: deals_notes_trgm; Type: INDEX; Schema: crm; Owner: postgres
--

CREATE INDEX deals_notes_trgm ON crm.deals USING gin (notes public.gin_trgm_ops);


--
-- Name: deals deals_touch; Type: TRIGGER; Schema: crm; Owner: postgres
--

CREATE TRIGGER deals_touch BEFORE UPDATE ON crm.deals FOR EACH ROW EXECUTE FUNCTION crm.touch();


--
-- Name: deals deals_company_id_fkey; Type: FK CONSTRAINT; Schema: crm; Owner: postgres
--

ALTER TABLE ONLY crm.deals
    ADD CONSTRAINT deals_company_id_fkey FOREIGN KEY (company_id) REFERENCES public.companies(id) ON DELETE CASCADE;


--
-- PostgreSQL database dump complete
--

\unrestrict JXLfdf95JQ8T8YmF1x0tUX6YT6sY8kEq2aFkfa0gGmgag6pN7Pw4OtgD6O3Lu8o

