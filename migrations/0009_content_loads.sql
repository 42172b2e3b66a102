-- When each kind of portal content was last loaded from a content folder (web/content), so that
-- `radnice demo --if-empty` can load the kinds a database has never had.
CREATE TABLE content_loads (
    kind text PRIMARY KEY,            -- the content folder's subfolder, e.g. "uredni-deska"
    items integer NOT NULL,
    loaded_at timestamptz NOT NULL DEFAULT now()
);
