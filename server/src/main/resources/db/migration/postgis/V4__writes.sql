-- Schema version 4: the write path (OGC API – Features Part 4).
--
-- Every feature has a version (1 when stored by a seed or an import), which the server's writes
-- advance and which a change made with another tool advances too (the trigger below), so that
-- ETags and If-Match always follow the data. Each layer has its own version and epoch (new when
-- the layer is replaced whole), so that an edit of a project does not retire the cached counties.
-- Every committed change by the server appends to history in the same transaction.
-- Change notifications name the layer and, for up to 100 rows, the ids, so that other instances
-- update their index for those features only.

ALTER TABLE counties ADD COLUMN atlas_version bigint NOT NULL DEFAULT 1;
ALTER TABLE rivers ADD COLUMN atlas_version bigint NOT NULL DEFAULT 1;
ALTER TABLE projects ADD COLUMN atlas_version bigint NOT NULL DEFAULT 1;

CREATE FUNCTION advance_feature_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.atlas_version = OLD.atlas_version THEN
        NEW.atlas_version := OLD.atlas_version + 1;
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER counties_version BEFORE UPDATE ON counties FOR EACH ROW EXECUTE FUNCTION advance_feature_version();
CREATE TRIGGER rivers_version BEFORE UPDATE ON rivers FOR EACH ROW EXECUTE FUNCTION advance_feature_version();
CREATE TRIGGER projects_version BEFORE UPDATE ON projects FOR EACH ROW EXECUTE FUNCTION advance_feature_version();

CREATE TABLE layer_versions (
    layer    text COLLATE "C" PRIMARY KEY,
    epoch    text NOT NULL DEFAULT md5(random()::text || clock_timestamp()::text),
    version  bigint NOT NULL DEFAULT 0
);
INSERT INTO layer_versions (layer) VALUES ('counties'), ('rivers'), ('projects');

CREATE TABLE history (
    collection   text COLLATE "C" NOT NULL,
    feature_id   text COLLATE "C" NOT NULL,
    version      bigint NOT NULL,
    time         timestamptz NOT NULL,
    operation    text NOT NULL CHECK (operation IN ('create', 'replace', 'update', 'delete', 'revert', 'restore')),
    author_id    bigint,
    author_name  text,
    before       text,
    after        text,
    PRIMARY KEY (collection, feature_id, version)
);

DROP TRIGGER counties_changed ON counties;
DROP TRIGGER rivers_changed ON rivers;
DROP TRIGGER projects_changed ON projects;
DROP FUNCTION layers_changed();

-- Statement-level, with the statement's rows as transition tables: one notification per statement,
-- after the data_version and layer version moved, sent only if the transaction commits.
CREATE FUNCTION layer_rows_changed() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    n bigint;
    ids jsonb;
BEGIN
    IF TG_OP = 'DELETE' THEN
        SELECT count(*), jsonb_agg(id) INTO n, ids FROM (SELECT id FROM old_rows LIMIT 101) r;
    ELSIF TG_OP = 'UPDATE' THEN
        SELECT count(*), jsonb_agg(id) INTO n, ids
        FROM (SELECT id FROM new_rows UNION SELECT id FROM old_rows LIMIT 101) r;
    ELSE
        SELECT count(*), jsonb_agg(id) INTO n, ids FROM (SELECT id FROM new_rows LIMIT 101) r;
    END IF;
    IF n = 0 THEN
        RETURN NULL;
    END IF;
    -- pg_notify takes at most 8000 bytes: more ids than fit, and the whole layer is named instead
    IF n > 100 OR octet_length(ids::text) > 7800 THEN
        ids := NULL;
    END IF;
    UPDATE atlas.layer_versions SET version = version + 1 WHERE layer = TG_TABLE_NAME;
    UPDATE atlas.data_version SET version = version + 1;
    PERFORM pg_notify('atlas_changed', json_build_object('layer', TG_TABLE_NAME, 'ids', ids)::text);
    RETURN NULL;
END
$$;

CREATE FUNCTION layer_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE atlas.layer_versions SET version = version + 1 WHERE layer = TG_TABLE_NAME;
    UPDATE atlas.data_version SET version = version + 1;
    PERFORM pg_notify('atlas_changed', json_build_object('layer', TG_TABLE_NAME, 'ids', NULL)::text);
    RETURN NULL;
END
$$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['counties', 'rivers', 'projects'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION layer_rows_changed()', t || '_inserted', t);
        EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION layer_rows_changed()', t || '_updated', t);
        EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION layer_rows_changed()', t || '_deleted', t);
        EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION layer_truncated()', t || '_truncated', t);
    END LOOP;
END
$$;
