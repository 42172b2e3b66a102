-- Electronic forms: their versioned definitions, the drafts people are filling in, the
-- submissions the office handles with their history, and the outbox that carries e-mails and
-- webhooks out of the database transactionally.

-- Every version of every form stays: a submission keeps the version it was made with.
CREATE TABLE form_versions (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    version integer NOT NULL CHECK (version > 0),
    hash text NOT NULL,                      -- of the definition file: a change makes a version
    title text NOT NULL,
    agenda text NOT NULL,                    -- the clerks' agenda that handles it
    anonymous boolean NOT NULL,              -- may be filed without logging in
    definition jsonb NOT NULL,               -- datasets/formdefs.Definition
    source text NOT NULL,                    -- the file as loaded, for the record
    loaded_at timestamptz NOT NULL DEFAULT now(),
    -- Only the newest version of a form is offered; withdrawing a form hides it.
    state text NOT NULL DEFAULT 'published' CHECK (state IN ('published', 'withdrawn')),
    UNIQUE (slug, version),
    UNIQUE (slug, hash)
);

-- What someone is filling in: saved at every step, resumable. The idempotency key is made with
-- the draft, so submitting it twice (double click, back button, retry) makes one submission.
CREATE TABLE submission_drafts (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    form_version_id bigint NOT NULL REFERENCES form_versions,
    account_id bigint REFERENCES accounts ON DELETE CASCADE,   -- NULL: anonymous, kept by session
    answers jsonb NOT NULL DEFAULT '{}',
    step integer NOT NULL DEFAULT 0,
    idempotency_key uuid NOT NULL UNIQUE DEFAULT gen_random_uuid(),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX submission_drafts_account_idx ON submission_drafts (account_id, updated_at);

CREATE SEQUENCE submission_receipts;

-- A submission as the office received it. Records the office must keep outlive the account.
CREATE TABLE submissions (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    receipt text NOT NULL UNIQUE,            -- the number the citizen quotes: "P-2026-000123"
    idempotency_key uuid NOT NULL UNIQUE,    -- the draft's
    form_version_id bigint NOT NULL REFERENCES form_versions,
    agenda text NOT NULL,
    account_id bigint REFERENCES accounts ON DELETE SET NULL,
    applicant_name text NOT NULL,            -- for the clerks' inbox
    contact_email text NOT NULL DEFAULT '',
    answers jsonb NOT NULL,
    -- podáno → přijato (with a reference number) → v řešení → vyřízeno / zamítnuto
    status text NOT NULL DEFAULT 'submitted'
        CHECK (status IN ('unconfirmed', 'submitted', 'accepted', 'in_progress', 'resolved', 'rejected')),
    reference_number text,                   -- číslo jednací, given on acceptance
    assigned_to bigint REFERENCES accounts ON DELETE SET NULL,
    submitted_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    -- SHA-256 of the token of the link e-mailed to confirm a submission filed without logging in
    confirm_token bytea UNIQUE,
    CHECK (status IN ('unconfirmed', 'submitted') OR reference_number IS NOT NULL)
);
CREATE UNIQUE INDEX submissions_reference_idx ON submissions (reference_number) WHERE reference_number IS NOT NULL;
CREATE INDEX submissions_agenda_idx ON submissions (agenda, status, submitted_at DESC);
CREATE INDEX submissions_account_idx ON submissions (account_id, submitted_at DESC);

-- Files uploaded with a draft, then with its submission; kept in the database, never served
-- from a web root.
CREATE TABLE submission_files (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    draft_id uuid REFERENCES submission_drafts ON DELETE CASCADE,
    submission_id bigint REFERENCES submissions,
    field text NOT NULL,                     -- the answer it belongs to, e.g. "proof", "dogs.1.photo"
    name text NOT NULL,
    media_type text NOT NULL,                -- sniffed from the content
    size integer NOT NULL CHECK (size > 0),
    sha256 bytea NOT NULL,
    content bytea NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((draft_id IS NULL) <> (submission_id IS NULL))
);
CREATE INDEX submission_files_draft_idx ON submission_files (draft_id);
CREATE INDEX submission_files_submission_idx ON submission_files (submission_id);

-- The history of a submission: status changes with their reasons, messages to and from the
-- citizen, the clerks' internal notes, assignments.
CREATE TABLE submission_events (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    submission_id bigint NOT NULL REFERENCES submissions,
    at timestamptz NOT NULL DEFAULT now(),
    kind text NOT NULL CHECK (kind IN ('status', 'message', 'note', 'assignment')),
    actor_id bigint,                         -- NULL: the citizen or the system
    actor_name text NOT NULL,
    status text,                             -- the new status, for kind status
    body text NOT NULL DEFAULT '',           -- the reason, message or note
    -- What the citizen sees in their account: status changes and messages, never notes.
    public boolean NOT NULL
);
CREATE INDEX submission_events_submission_idx ON submission_events (submission_id, at);

-- The transactional outbox: jobs written in the same transaction as the change they announce,
-- delivered by the server's workers with retries and backoff. The key makes enqueueing
-- idempotent and is sent to receivers, so a retried delivery can be recognised.
CREATE TABLE outbox (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('mail', 'webhook')),
    key text NOT NULL UNIQUE,
    payload jsonb NOT NULL,
    attempts integer NOT NULL DEFAULT 0,
    run_at timestamptz NOT NULL DEFAULT now(),  -- not before; moves back with each failure
    last_error text,
    done_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX outbox_due_idx ON outbox (run_at) WHERE done_at IS NULL;
