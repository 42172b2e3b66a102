-- People who log in: citizens through eID (NIA) and the town's staff, their identities at the
-- identity providers, the roles staff hold, the sessions, and the audit log of staff actions.

CREATE TABLE accounts (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- Verified by the identity provider at each login; the person cannot change them here.
    given_name text NOT NULL DEFAULT '',
    family_name text NOT NULL DEFAULT '',
    date_of_birth date,
    verified_address text NOT NULL DEFAULT '',      -- CurrentAddress as the provider states it
    level_of_assurance text NOT NULL DEFAULT '',    -- eIDAS LoA URI (or acr) of the last login
    -- Contact details: prefilled from the provider at registration, the person may correct them.
    email text NOT NULL DEFAULT '',
    phone text NOT NULL DEFAULT '',
    -- The address point of "my address": TRadresaID from eID, or chosen from the register.
    -- No foreign key: the register is re-imported, and a vanished point keeps its code.
    address_code integer,
    address_from_eid boolean NOT NULL DEFAULT false,
    -- The address point eID gave (TRadresaID), kept while the person has chosen another one as
    -- "my address", so that they can return to it.
    eid_address_code integer,
    contact_changed_at timestamptz,                 -- when the person last corrected e-mail or phone
    terms_accepted_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    last_login_at timestamptz NOT NULL DEFAULT now()
);

-- Who the account is at each identity provider: NIA's PersonIdentifier (a pseudonym per
-- service), or `sub` at the town's own provider.
CREATE TABLE identities (
    provider text NOT NULL,
    subject text NOT NULL,
    account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
    -- The e-mail the provider vouches for (the town's staff directory); NULL for NIA, where
    -- people state their e-mail themselves. Role grants made to an e-mail follow it.
    trusted_email text CHECK (trusted_email = lower(trusted_email)),
    PRIMARY KEY (provider, subject)
);
CREATE INDEX identities_account_idx ON identities (account_id);
CREATE INDEX identities_trusted_email_idx ON identities (trusted_email) WHERE trusted_email IS NOT NULL;

-- Staff roles. A grant names an account, or an e-mail address that a staff login through a
-- provider trusted for e-mail claims up (how the first administrator comes to be).
CREATE TABLE role_grants (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint REFERENCES accounts ON DELETE CASCADE,
    email text CHECK (email = lower(email)),
    role text NOT NULL CHECK (role IN ('clerk', 'editor', 'school_office', 'admin')),
    agenda text NOT NULL DEFAULT '' CHECK ((role = 'clerk') = (agenda <> '')),
    granted_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((account_id IS NULL) <> (email IS NULL))
);
CREATE UNIQUE INDEX role_grants_account_idx ON role_grants (account_id, role, agenda) WHERE account_id IS NOT NULL;
CREATE UNIQUE INDEX role_grants_email_idx ON role_grants (email, role, agenda) WHERE email IS NOT NULL;

-- Sessions of alexedwards/scs (pgxstore's table).
CREATE TABLE sessions (
    token text PRIMARY KEY,
    data bytea NOT NULL,
    expiry timestamptz NOT NULL
);
CREATE INDEX sessions_expiry_idx ON sessions (expiry);

-- Every staff action: who, what, when, and the object before and after. Append-only: rows are
-- never changed or removed, and the actor's name is copied so it outlives a deleted account.
CREATE TABLE audit_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT now(),
    actor_id bigint,
    actor_name text NOT NULL,
    action text NOT NULL CHECK (action ~ '^[a-z_]+(\.[a-z_]+)+$'),   -- "notice.publish"
    object text NOT NULL,                                              -- "notice:12"
    before jsonb,
    after jsonb
);
CREATE INDEX audit_log_object_idx ON audit_log (object, at);

CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_log is append-only';
END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
