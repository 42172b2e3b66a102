-- Drafts of school catchments: a new layer of catchment areas (primary schools or kindergartens)
-- the school office uploaded for a future date, kept here until it is published (imported as the
-- layer's version from valid_from) or discarded, so that the office can see which addresses would
-- change school first. A draft belongs to the office, not to the person who uploaded it.
CREATE TABLE catchment_drafts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    layer text NOT NULL CHECK (layer IN ('zs', 'ms')),
    valid_from date NOT NULL CHECK (isfinite(valid_from)),
    file_name text NOT NULL,
    -- Who uploaded it, as the audit log names them (no foreign key: the name outlives the account).
    uploaded_by bigint,
    uploaded_by_name text NOT NULL,
    uploaded_at timestamptz NOT NULL DEFAULT now()
);

-- The areas of a draft as the import will write them: checked, valid and in S-JTSK already.
CREATE TABLE catchment_draft_areas (
    draft_id bigint NOT NULL REFERENCES catchment_drafts ON DELETE CASCADE,
    position integer NOT NULL,                          -- the feature's place in the file
    code text NOT NULL,
    name text NOT NULL,
    municipality_code integer REFERENCES municipalities, -- NULL: not stated, the import derives it
    school_name text NOT NULL,
    school_address integer REFERENCES address_points,
    school_web text NOT NULL DEFAULT '',
    school_izo text NOT NULL DEFAULT '',
    boundary geometry(MultiPolygon, 5514) NOT NULL CHECK (ST_IsValid(boundary)),
    PRIMARY KEY (draft_id, position),
    UNIQUE (draft_id, code)
);
CREATE INDEX catchment_draft_areas_boundary ON catchment_draft_areas USING gist (boundary);
