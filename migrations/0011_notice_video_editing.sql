-- Editors' screens for the notice board and the video guides (web/notices, web/videos): both
-- get the editorial state (web/editorial). Only published content is public; loaded content
-- stays published, and a guide that had been hidden is withdrawn.

-- Notices: the draft/published status becomes the state. A draft may lack its posting date
-- (publishing sets today's); once it has been public it has one. A withdrawn notice keeps when
-- it was taken down, which its address then says instead of its content.
ALTER TABLE notices RENAME COLUMN status TO state;
ALTER TABLE notices DROP CONSTRAINT notices_status_check;
ALTER TABLE notices ADD CONSTRAINT notices_state_check CHECK (state IN ('draft', 'published', 'withdrawn'));
ALTER TABLE notices ALTER COLUMN posted_on DROP NOT NULL;
ALTER TABLE notices ADD CONSTRAINT notices_posted_check CHECK (state = 'draft' OR posted_on IS NOT NULL);
ALTER TABLE notices ADD COLUMN withdrawn_at timestamptz;
ALTER TABLE notices ADD CONSTRAINT notices_withdrawn_check CHECK ((state = 'withdrawn') = (withdrawn_at IS NOT NULL));

-- Video guides: the yes/no `published` becomes the state. A draft has no publication date yet
-- (publishing sets it) and may have no captions yet (an empty WebVTT file). The category is
-- optional and shown with the guide.
ALTER TABLE video_guides ADD COLUMN state text NOT NULL DEFAULT 'published'
    CHECK (state IN ('draft', 'published', 'withdrawn'));
UPDATE video_guides SET state = 'withdrawn' WHERE NOT published;
ALTER TABLE video_guides DROP COLUMN published;
ALTER TABLE video_guides ALTER COLUMN published_on DROP NOT NULL;
ALTER TABLE video_guides ADD CONSTRAINT video_guides_published_check CHECK (state = 'draft' OR published_on IS NOT NULL);
ALTER TABLE video_guides ALTER COLUMN captions SET DEFAULT E'WEBVTT\n';
ALTER TABLE video_guides ADD COLUMN category text NOT NULL DEFAULT '';
