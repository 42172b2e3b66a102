-- Editors' screens for the life situations and the contacts (web/situations, web/contacts):
-- the yes/no `published` becomes the editorial state (web/editorial). Only published content is
-- public; loaded content stays published, and what had been hidden is withdrawn.

ALTER TABLE situations ADD COLUMN state text NOT NULL DEFAULT 'published'
    CHECK (state IN ('draft', 'published', 'withdrawn'));
UPDATE situations SET state = 'withdrawn' WHERE NOT published;
ALTER TABLE situations DROP COLUMN published;

ALTER TABLE contact_departments ADD COLUMN state text NOT NULL DEFAULT 'published'
    CHECK (state IN ('draft', 'published', 'withdrawn'));
UPDATE contact_departments SET state = 'withdrawn' WHERE NOT published;
ALTER TABLE contact_departments DROP COLUMN published;

ALTER TABLE contact_people ADD COLUMN state text NOT NULL DEFAULT 'published'
    CHECK (state IN ('draft', 'published', 'withdrawn'));
UPDATE contact_people SET state = 'withdrawn' WHERE NOT published;
ALTER TABLE contact_people DROP COLUMN published;

ALTER TABLE contact_agendas ADD COLUMN state text NOT NULL DEFAULT 'published'
    CHECK (state IN ('draft', 'published', 'withdrawn'));
UPDATE contact_agendas SET state = 'withdrawn' WHERE NOT published;
ALTER TABLE contact_agendas DROP COLUMN published;

