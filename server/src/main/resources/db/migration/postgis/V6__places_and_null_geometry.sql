-- Schema version 6 (issue #14): the places layer, and projects without geometry.
--
-- places: the gazetteer of county seats and townships (gis-data/places.geojson), read-only like rivers,
-- searchable like projects (q finds 龙马 and taosi), so it has the same search columns (see V1 and
-- index/SearchText.java). Townships without a known position have a NULL geometry.
-- projects: a project that is not a place (the product clusters of the plan's 专栏8) or whose site the
-- plans leave open has a NULL geometry (RFC 7946 "geometry": null); the API lists it, and a bbox never
-- matches it.
-- Column names are the property names of Layers.PLACES_SPEC; types follow V1.

CREATE TABLE places (
    id             text COLLATE "C" PRIMARY KEY,
    name           text COLLATE "C",
    name_en        text COLLATE "C",
    pinyin         text COLLATE "C",
    aliases        jsonb,
    county         text COLLATE "C",
    kind           text COLLATE "C",
    division_code  text COLLATE "C",
    geonames_id    bigint,
    source         text,
    search_names        text NOT NULL DEFAULT '',
    search_names_marked text NOT NULL DEFAULT '',
    search_text         text NOT NULL DEFAULT '',
    search_text_marked  text NOT NULL DEFAULT '',
    atlas_version  bigint NOT NULL DEFAULT 1,
    geom           geometry(Geometry, 4326)
);
CREATE INDEX places_geom ON places USING gist (geom);
CREATE INDEX places_county ON places (county);
CREATE INDEX places_kind ON places (kind);

CREATE TRIGGER places_version BEFORE UPDATE ON places FOR EACH ROW EXECUTE FUNCTION advance_feature_version();
CREATE TRIGGER places_inserted AFTER INSERT ON places REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION layer_rows_changed();
CREATE TRIGGER places_updated AFTER UPDATE ON places REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION layer_rows_changed();
CREATE TRIGGER places_deleted AFTER DELETE ON places REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION layer_rows_changed();
CREATE TRIGGER places_truncated AFTER TRUNCATE ON places
    FOR EACH STATEMENT EXECUTE FUNCTION layer_truncated();

INSERT INTO layer_versions (layer) VALUES ('places');

ALTER TABLE projects ALTER COLUMN geom DROP NOT NULL;
ALTER TABLE projects ADD COLUMN counties_basis text COLLATE "C";
CREATE INDEX projects_counties_basis ON projects (counties_basis);
