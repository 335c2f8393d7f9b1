-- Schema version 7: actual values of the plan's indicators (表2 区域融合发展指标表) per year, recorded by
-- admins (PUT /api/indicators/{id}/actuals/{year}). Version 6 is left to the branches that were open
-- when this was written; Flyway accepts the gap.
--
-- One row per indicator and year; every committed change appends to indicator_history in the same
-- transaction (value and source before and after; seq orders changes made in the same second). A
-- commit first updates the one row of indicator_revision, which serialises the writers of every
-- instance and tells the others' caches that something changed.

CREATE TABLE indicator_actuals (
    indicator    text COLLATE "C" NOT NULL,
    year         integer NOT NULL,
    value        double precision NOT NULL,
    source       text NOT NULL,
    version      bigint NOT NULL,
    time         timestamptz NOT NULL,
    author_id    bigint,
    author_name  text,
    PRIMARY KEY (indicator, year)
);

CREATE TABLE indicator_history (
    indicator      text COLLATE "C" NOT NULL,
    year           integer NOT NULL,
    version        bigint NOT NULL,
    time           timestamptz NOT NULL,
    operation      text NOT NULL CHECK (operation IN ('create', 'update', 'delete')),
    author_id      bigint,
    author_name    text,
    value_before   double precision,
    source_before  text,
    value_after    double precision,
    source_after   text,
    seq            bigint GENERATED ALWAYS AS IDENTITY,
    PRIMARY KEY (indicator, year, version)
);
CREATE INDEX indicator_history_newest_first ON indicator_history (indicator, time DESC, seq DESC);

CREATE TABLE indicator_revision (
    id       integer PRIMARY KEY CHECK (id = 1),
    epoch    text NOT NULL DEFAULT md5(random()::text || clock_timestamp()::text),
    version  bigint NOT NULL DEFAULT 0
);
INSERT INTO indicator_revision (id) VALUES (1);
