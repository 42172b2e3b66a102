-- Areas (polling districts, waste zones, school catchments), the facilities they lead to, elections,
-- waste schedules, and the precomputed assignment of every address point to its areas.
CREATE EXTENSION IF NOT EXISTS btree_gist;

CREATE TABLE schools (
    id serial PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('zs', 'ms')),   -- základní škola, mateřská škola
    name text NOT NULL,
    address_code integer REFERENCES address_points,
    web text,
    izo text CHECK (izo ~ '^[0-9]{9}$'),                 -- identifikátor zařízení, when known
    UNIQUE (kind, name)
);

-- An area is one version of a named region of a layer, valid from valid_from until valid_to
-- (exclusive; NULL: open). Next year's catchments are loaded ahead and take over on their date.
CREATE TABLE areas (
    id serial PRIMARY KEY,
    layer text NOT NULL CHECK (layer IN ('polling', 'waste', 'zs', 'ms')),
    code text NOT NULL,
    name text NOT NULL,
    number integer CHECK (number > 0),                  -- číslo volebního okrsku
    municipality_code integer REFERENCES municipalities,
    school_id integer REFERENCES schools,
    -- NULL for an area known only by its address list (a polling district from the ČÚZK report).
    boundary geometry(MultiPolygon, 5514) CHECK (boundary IS NULL OR ST_IsValid(boundary)),
    valid_from date NOT NULL DEFAULT '-infinity',
    valid_to date CHECK (valid_to IS NULL OR valid_to > valid_from),
    CHECK ((layer = 'polling') = (number IS NOT NULL)),
    CHECK ((layer IN ('zs', 'ms')) = (school_id IS NOT NULL)),
    EXCLUDE USING gist (layer WITH =, code WITH =, daterange(valid_from, valid_to) WITH &&)
);
CREATE INDEX areas_boundary ON areas USING gist (boundary);
CREATE INDEX areas_polling_number ON areas (municipality_code, number) WHERE layer = 'polling';

-- Which areas each address point lies in, for every version of every layer: computed when
-- areas, rules or addresses are imported, so a lookup is an index read, not geometry work.
CREATE TABLE address_areas (
    address_code integer NOT NULL REFERENCES address_points,
    area_id integer NOT NULL REFERENCES areas ON DELETE CASCADE,
    layer text NOT NULL,
    source text NOT NULL CHECK (source IN ('polygon', 'rule', 'register')),
    PRIMARY KEY (address_code, area_id)
);
CREATE INDEX address_areas_area ON address_areas (area_id);

-- Catchment rules from the municipal ordinance, stored as written; they override polygons.
CREATE TABLE catchment_rules (
    id serial PRIMARY KEY,
    layer text NOT NULL CHECK (layer IN ('zs', 'ms')),
    area_code text NOT NULL,
    line integer NOT NULL,
    rule text NOT NULL
);
CREATE INDEX catchment_rules_layer ON catchment_rules (layer, area_code);

CREATE TABLE elections (
    id text PRIMARY KEY CHECK (id ~ '^[a-z0-9-]+$'),   -- e.g. "kraj-2028"
    kind text NOT NULL,
    title text NOT NULL
);

-- The days polls are open: often Friday 14–22 and Saturday 8–14, a second round a fortnight later.
CREATE TABLE election_days (
    election_id text NOT NULL REFERENCES elections ON DELETE CASCADE,
    round smallint NOT NULL DEFAULT 1 CHECK (round IN (1, 2)),
    day date NOT NULL,
    opens time NOT NULL,
    closes time NOT NULL CHECK (closes > opens),
    PRIMARY KEY (election_id, day)
);

-- The polling room of a district for one election; rooms change between elections.
CREATE TABLE polling_stations (
    id serial PRIMARY KEY,
    election_id text NOT NULL REFERENCES elections ON DELETE CASCADE,
    municipality_code integer NOT NULL REFERENCES municipalities,
    district_number integer NOT NULL CHECK (district_number > 0),
    name text NOT NULL,
    address_code integer REFERENCES address_points,
    note text NOT NULL DEFAULT '',
    UNIQUE (election_id, municipality_code, district_number)
);

-- One collection rule of a waste type in a waste zone (areas.code of layer 'waste'), as the
-- town's schedule file states it; the collection dates are computed from it (geo.WasteSchedule).
CREATE TABLE waste_schedules (
    id serial PRIMARY KEY,
    zone text NOT NULL,
    waste_type text NOT NULL,                                    -- as the town names it: "směsný"
    weekday smallint NOT NULL CHECK (weekday BETWEEN 0 AND 6),   -- 0 Sunday, as Go's time.Weekday
    every_weeks smallint NOT NULL CHECK (every_weeks BETWEEN 1 AND 8),
    parity text CHECK (parity IN ('odd', 'even')),
    anchor date,
    season_from text CHECK (season_from ~ '^[0-9]{2}-[0-9]{2}$'),   -- MM-DD
    season_to text CHECK (season_to ~ '^[0-9]{2}-[0-9]{2}$'),
    holiday_policy text NOT NULL CHECK (holiday_policy IN ('next_working_day', 'keep', 'cancel')),
    valid_from date,
    valid_to date,                                               -- exclusive
    extra date[] NOT NULL DEFAULT '{}',
    cancelled date[] NOT NULL DEFAULT '{}'
);
CREATE INDEX waste_schedules_zone ON waste_schedules (zone);

-- The polling district number of each address point as ČÚZK's report states it; it overrides
-- the district boundaries when assigning addresses.
CREATE TABLE address_district_numbers (
    address_code integer PRIMARY KEY REFERENCES address_points,
    municipality_code integer NOT NULL REFERENCES municipalities,
    number integer NOT NULL CHECK (number > 0)
);
