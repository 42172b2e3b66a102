-- Keys that let the town's systems call the non-public API (reports now, submissions later).
-- Only a hash of each key is kept: the key itself is shown once, when it is made.
CREATE TABLE api_keys (
    id serial PRIMARY KEY,
    name text NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9][a-z0-9._-]*$'),   -- who holds it: "spisova-sluzba"
    scopes text[] NOT NULL CHECK (cardinality(scopes) > 0),
    hash bytea NOT NULL UNIQUE,                                          -- SHA-256 of the key
    created_at timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    revoked_at timestamptz
);
