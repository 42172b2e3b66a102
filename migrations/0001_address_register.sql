-- The address register: RÚIAN municipalities, their parts, city districts, streets and address points.
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

CREATE TABLE municipalities (
    code integer PRIMARY KEY,           -- kód obce
    name text NOT NULL
);

CREATE TABLE municipality_parts (
    code integer PRIMARY KEY,           -- kód části obce
    municipality_code integer NOT NULL REFERENCES municipalities,
    name text NOT NULL
);

-- Městské obvody a městské části (MOMC) of statutory cities.
CREATE TABLE city_districts (
    code integer PRIMARY KEY,
    municipality_code integer NOT NULL REFERENCES municipalities,
    name text NOT NULL
);

-- Obvody Prahy / městské obvody Prahy (MOP): the postal town line of Prague addresses ("Praha 3").
CREATE TABLE prague_districts (
    code integer PRIMARY KEY,
    name text NOT NULL
);

CREATE TABLE streets (
    code integer PRIMARY KEY,           -- kód ulice
    municipality_code integer NOT NULL REFERENCES municipalities,
    name text NOT NULL
);

-- A search unit is a street within a town part, or a town part without streets: the place a
-- citizen names before the house number. Search matches words against units (a few hundred
-- thousand nationally) and numbers against the address points of the matched units.
CREATE TABLE address_units (
    id serial PRIMARY KEY,
    municipality_code integer NOT NULL REFERENCES municipalities,
    part_code integer NOT NULL REFERENCES municipality_parts,
    street_code integer REFERENCES streets,
    place_key text NOT NULL,            -- normalised street name, or part name when there is no street
    search_text text NOT NULL,          -- ' ' + normalised words of street, part and municipality
    UNIQUE NULLS NOT DISTINCT (part_code, street_code)
);
CREATE INDEX address_units_search_text_trgm ON address_units USING gin (search_text gin_trgm_ops);
CREATE INDEX address_units_municipality ON address_units (municipality_code);
CREATE INDEX address_units_place_key ON address_units (place_key text_pattern_ops);
CREATE INDEX address_units_place_key_trgm ON address_units USING gin (place_key gin_trgm_ops);

-- municipality_code, part_code and street_code repeat what unit_id already says (the unit
-- references them), so they carry no foreign keys of their own: the importer writes units
-- first in the same transaction, and per-row key checks would triple the cost of a national load.
CREATE TABLE address_points (
    code integer PRIMARY KEY,           -- kód ADM
    municipality_code integer NOT NULL,
    part_code integer NOT NULL,
    city_district_code integer REFERENCES city_districts,
    prague_district_code integer REFERENCES prague_districts,
    street_code integer,
    unit_id integer NOT NULL REFERENCES address_units,
    building_type text NOT NULL CHECK (building_type IN ('cp', 'cev')),
    house_number integer NOT NULL CHECK (house_number > 0),
    orientation_number integer CHECK (orientation_number > 0),
    orientation_letter text CHECK (orientation_letter ~ '^[a-z]$'),
    postcode text NOT NULL CHECK (postcode ~ '^[0-9]{5}$'),
    -- NULL when RÚIAN publishes the address without coordinates; such rows are real addresses.
    point_sjtsk geometry(Point, 5514),
    point_wgs84 geometry(Point, 4326) GENERATED ALWAYS AS (ST_Transform(point_sjtsk, 4326)) STORED,
    valid_from date,
    -- Set when the address disappears from its municipality's file; rows are never deleted
    -- because other data (assignments, submissions) may point at them.
    retired_at timestamptz,
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX address_points_municipality ON address_points (municipality_code);
CREATE INDEX address_points_unit_house ON address_points (unit_id, house_number) WHERE retired_at IS NULL;
CREATE INDEX address_points_unit_orientation ON address_points (unit_id, orientation_number) WHERE retired_at IS NULL;
-- Number and postcode searches list addresses grouped by place (municipality, unit, numbers):
-- these indexes hold that order after their search columns, so a page is read, not sorted.
CREATE INDEX address_points_house ON address_points (house_number, building_type, municipality_code, unit_id,
    orientation_number NULLS FIRST, orientation_letter NULLS FIRST, code) WHERE retired_at IS NULL;
CREATE INDEX address_points_orientation ON address_points (orientation_number, orientation_letter, municipality_code,
    unit_id, house_number, code) WHERE retired_at IS NULL;
CREATE INDEX address_points_postcode ON address_points (postcode, municipality_code, unit_id,
    orientation_number NULLS FIRST, house_number, orientation_letter NULLS FIRST, code) WHERE retired_at IS NULL;
CREATE INDEX address_points_point_sjtsk ON address_points USING gist (point_sjtsk) WHERE retired_at IS NULL;

-- Indexes a first national load drops to build them once after the rows, rather than row by
-- row; kept here until rebuilt, so that an interrupted load cannot lose them.
CREATE TABLE deferred_indexes (
    name text PRIMARY KEY,
    definition text NOT NULL
);
