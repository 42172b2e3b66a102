-- Life situations (web/situations): the signpost "what to do when…" by category. Loaded from the
-- town's content files (zivotni-situace/); `published`, `updated_at` and the per-situation rows
-- are there for the admin to come. The texts are Markdown. Forms, video guides and agendas are
-- referred to by slug or code only: they belong to other features and may come later.

CREATE TABLE situation_categories (
    slug text PRIMARY KEY CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),   -- "rodina-a-deti"
    title text NOT NULL CHECK (title <> ''),                          -- "Rodina a děti"
    description text NOT NULL DEFAULT '',
    position integer NOT NULL,                                         -- order on the signpost
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE situations (
    slug text PRIMARY KEY CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),   -- "porizeni-psa"
    category text NOT NULL REFERENCES situation_categories ON UPDATE CASCADE,
    title text NOT NULL CHECK (title <> ''),
    summary text NOT NULL CHECK (summary <> ''),                      -- one sentence for lists
    keywords text[] NOT NULL DEFAULT '{}',                             -- other words people search by: "pes"
    about text NOT NULL,                                               -- Co to je
    audience text NOT NULL,                                            -- Koho se týká
    preparation text NOT NULL,                                         -- Co si připravit
    fees text NOT NULL,                                                -- Poplatky
    deadlines text NOT NULL,                                           -- Lhůty
    online text NOT NULL,                                              -- Jak to vyřídit online
    handling text NOT NULL DEFAULT '',                                 -- Kdo to vyřizuje: a note beside the agenda's contacts
    agenda text NOT NULL CHECK (agenda ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),  -- contact_agendas.code, soft
    legal_basis text[] NOT NULL CHECK (cardinality(legal_basis) > 0),  -- "zákon č. 565/1990 Sb., o místních poplatcích"
    updated_on date NOT NULL,                                          -- "Poslední aktualizace", as editors state it
    published boolean NOT NULL DEFAULT true,
    -- Folded as geo.Fold folds (lower case, no diacritics), each word between spaces so that
    -- LIKE '% word%' finds a word by its beginning and '% word %' a whole one; written by the
    -- store with the row. A town has a few hundred situations at most: a scan beats any index.
    search_title text NOT NULL,
    search_keywords text NOT NULL,
    search_text text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX situations_category ON situations (category);

-- The forms that do the situation online and the video guides that explain it, in order. The
-- title is the situation's own wording of the link, so it shows before the target exists.
CREATE TABLE situation_links (
    situation text NOT NULL REFERENCES situations ON DELETE CASCADE ON UPDATE CASCADE,
    kind text NOT NULL CHECK (kind IN ('form', 'video')),
    position integer NOT NULL,
    target text NOT NULL CHECK (target ~ '^[a-z0-9]+(-[a-z0-9]+)*$'), -- the form's or guide's slug
    title text NOT NULL CHECK (title <> ''),
    PRIMARY KEY (situation, kind, position),
    UNIQUE (situation, kind, target)
);
