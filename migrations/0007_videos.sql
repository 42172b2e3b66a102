-- Video guides (videonávody): short films on dealing with the town office, each with Czech
-- captions (WebVTT, whose cues are also the transcript) and links to the life situations it
-- helps with. Loaded from the town's content folder; an admin will edit the same rows.
CREATE TABLE video_guides (
    slug text PRIMARY KEY CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),   -- its address: /videonavody/{slug}
    title text NOT NULL CHECK (title <> ''),
    description text NOT NULL,                                        -- plain-text paragraphs
    duration_ms integer NOT NULL CHECK (duration_ms > 0),
    captions text NOT NULL CHECK (captions LIKE 'WEBVTT%'),           -- the WebVTT file, served as is
    published boolean NOT NULL DEFAULT true,                          -- false: kept, but not shown
    published_on date NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- The life situations a guide links to, in order. No foreign key: situations are content of
-- their own, loaded after the guides.
CREATE TABLE video_guide_situations (
    guide text NOT NULL REFERENCES video_guides ON DELETE CASCADE ON UPDATE CASCADE,
    position smallint NOT NULL CHECK (position > 0),
    situation text NOT NULL CHECK (situation ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    title text NOT NULL CHECK (title <> ''),
    PRIMARY KEY (guide, position)
);

-- The video file of each guide, served with HTTP Range straight from here.
CREATE TABLE video_files (
    guide text PRIMARY KEY REFERENCES video_guides ON DELETE CASCADE ON UPDATE CASCADE,
    content_type text NOT NULL CHECK (content_type IN ('video/webm', 'video/mp4')),
    sha256 bytea NOT NULL CHECK (length(sha256) = 32),                -- the ETag
    size bigint NOT NULL CHECK (size > 0),
    data bytea NOT NULL CHECK (length(data) = size),
    updated_at timestamptz NOT NULL DEFAULT now()
);
-- Stored uncompressed (video is compressed already), so that substring() reads only the
-- chunks a range asks for.
ALTER TABLE video_files ALTER COLUMN data SET STORAGE EXTERNAL;
