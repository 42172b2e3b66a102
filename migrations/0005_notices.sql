-- The electronic official notice board (úřední deska): notices and their attachments. Content
-- files load them (web/notices.Load); an admin will edit the same rows, so what can be derived
-- (search text, sizes, hashes) the database derives itself.

-- notice_fold is the form the board's search compares, the form geo.Fold gives the query: lower
-- case, without diacritics, every run of characters other than letters, digits and '/' one space.
-- (unaccent is stable only because its dictionary could change; the portal never changes it.)
CREATE FUNCTION notice_fold(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT btrim(regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, $1)), '[^[:alnum:]/]+', ' ', 'g')) $$;

CREATE TABLE notices (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]*$' AND slug <> 'archiv'),  -- its address
    title text NOT NULL CHECK (title <> ''),
    category text NOT NULL CHECK (category <> ''),
    department text NOT NULL CHECK (department <> ''),         -- the publishing department, by name
    reference text NOT NULL DEFAULT '',                        -- číslo jednací; '' for none
    posted_on date NOT NULL,                                   -- vyvěšeno
    relevant_until date NOT NULL CHECK (relevant_until >= posted_on), -- the last day on the board
    description text NOT NULL DEFAULT '',
    status text NOT NULL DEFAULT 'published' CHECK (status IN ('draft', 'published')),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    search_text text NOT NULL GENERATED ALWAYS AS (
        notice_fold(title || ' ' || reference || ' ' || category || ' ' || department || ' ' || description)) STORED
);

-- The board lists published notices by their dates; the search matches words anywhere.
CREATE INDEX notices_board ON notices (relevant_until, posted_on) WHERE status = 'published';
CREATE INDEX notices_search ON notices USING gin (search_text gin_trgm_ops);

CREATE TABLE notice_attachments (
    notice_id bigint NOT NULL REFERENCES notices ON DELETE CASCADE,
    position smallint NOT NULL,
    file_name text NOT NULL CHECK (file_name ~ '^[a-z0-9][a-z0-9_-]*(\.[a-z0-9_-]+)*\.[a-z0-9]+$'), -- in its address
    title text NOT NULL CHECK (title <> ''),
    media_type text NOT NULL,                                  -- as served
    content bytea NOT NULL,
    size bigint NOT NULL GENERATED ALWAYS AS (octet_length(content)) STORED,
    sha256 bytea NOT NULL GENERATED ALWAYS AS (sha256(content)) STORED,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (notice_id, file_name),
    UNIQUE (notice_id, position)
);
-- Documents are mostly compressed already (PDF, ODF): keep them out of line, uncompressed.
ALTER TABLE notice_attachments ALTER COLUMN content SET STORAGE EXTERNAL;
