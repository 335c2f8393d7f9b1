-- Linfen Atlas in PostGIS, schema version 1. Flyway runs this in the schema "atlas" (search_path
-- atlas, then the database's own path, where the postgis extension lives).
--
-- Ids and the text columns the API sorts on use the "C" collation: code-point order, the order
-- the embedded store sorts in, whatever the database's locale.
--
-- Column types: every scalar property the API filters or sorts on is a typed column (text,
-- bigint, double precision), so that equality, ANY(...) and ORDER BY run on plain B-tree indexes.
-- Lists (counties, belts, aliases, seat) are JSONB: element order is kept, and the any-of
-- filters (?| against a GIN index) work on them. Objects (figures) are JSON, not JSONB: JSONB
-- re-orders object keys, and the API must answer byte for byte what the embedded store answers;
-- figures are shown, never filtered, and ->> reads JSON as well as JSONB.
-- Column names are the property names of the layer specs in model/Layers.java; the server
-- checks on start that every property has its column.

-- Installing the extension needs a superuser; when an administrator has done so already (the
-- usual case for an application role) this is a no-op.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'postgis') THEN
        CREATE EXTENSION postgis SCHEMA public;
    END IF;
END
$$;

CREATE TABLE counties (
    id        text COLLATE "C" PRIMARY KEY,
    adcode    text COLLATE "C",
    name      text COLLATE "C",
    name_en   text COLLATE "C",
    belt      text COLLATE "C",
    seat      jsonb,
    area_km2  double precision,
    geom      geometry(Geometry, 4326) NOT NULL
);
CREATE INDEX counties_geom ON counties USING gist (geom);

CREATE TABLE rivers (
    id        text COLLATE "C" PRIMARY KEY,
    name      text COLLATE "C",
    name_en   text COLLATE "C",
    level     bigint,
    source    text,
    note      text,
    geom      geometry(Geometry, 4326) NOT NULL
);
CREATE INDEX rivers_geom ON rivers USING gist (geom);

CREATE TABLE projects (
    id           text COLLATE "C" PRIMARY KEY,
    name         text COLLATE "C",
    name_en      text COLLATE "C",
    aliases      jsonb,
    category     text COLLATE "C",
    counties     jsonb,
    belts        jsonb,
    kind         text,
    status       text COLLATE "C",
    figures      json,
    source       text,
    summary_zh   text,
    summary_en   text,
    precision    text COLLATE "C",
    parent       text,
    place_basis  text,
    -- Written by the server with each row: the folded Chinese, pinyin and English text the
    -- search parameter q matches, of the names and of everything else (see index/SearchText.java);
    -- plain for a quick substring test, and marked (U+0001 before each place a match may begin,
    -- U+0002 where the name's pinyin begins) for the exact test by regular expression.
    search_names        text NOT NULL DEFAULT '',
    search_names_marked text NOT NULL DEFAULT '',
    search_text         text NOT NULL DEFAULT '',
    search_text_marked  text NOT NULL DEFAULT '',
    geom         geometry(Geometry, 4326) NOT NULL
);
CREATE INDEX projects_geom ON projects USING gist (geom);
CREATE INDEX projects_category ON projects (category);
CREATE INDEX projects_status ON projects (status);
CREATE INDEX projects_precision ON projects (precision);
CREATE INDEX projects_parent ON projects (parent);
CREATE INDEX projects_counties ON projects USING gin (counties);
CREATE INDEX projects_belts ON projects USING gin (belts);

-- The plan's three belts; their shapes are not stored but dissolved from the counties below.
CREATE TABLE belt_names (
    id       text COLLATE "C" PRIMARY KEY,
    name     text COLLATE "C" NOT NULL,
    name_en  text COLLATE "C" NOT NULL,
    ordinal  integer NOT NULL UNIQUE
);
INSERT INTO belt_names (id, name, name_en, ordinal) VALUES
    ('fen', '沿汾', 'Fen River belt', 1),
    ('yellow', '沿黄', 'Yellow River belt', 2),
    ('taiyue', '沿太岳', 'Taiyue belt', 3);

-- One source of truth: a belt is the union of its counties, its area the sum of theirs
-- (geodesic, on the WGS84 spheroid), as the server's BeltDissolver computes them; normalised,
-- as there, so that both give the same vertices in the same order.
CREATE VIEW belts AS
SELECT b.id,
       b.name,
       b.name_en,
       jsonb_agg(c.name ORDER BY c.id) AS counties,
       round((sum(ST_Area(c.geom::geography)) / 1e6)::numeric, 1)::double precision AS area_km2,
       ST_Normalize(ST_Union(c.geom)) AS geom,
       b.ordinal
FROM belt_names b
JOIN counties c ON c.belt = b.id
GROUP BY b.id, b.name, b.name_en, b.ordinal;

-- Every committed change to a layer bumps the version (readers key their caches on it) and
-- notifies listeners, so that other server instances reload. A table row, not a sequence:
-- the new version becomes visible together with the data, never before.
-- The epoch tells this schema from an earlier one dropped and re-created under the same version.
CREATE TABLE data_version (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    epoch     text NOT NULL DEFAULT md5(random()::text || clock_timestamp()::text),
    version   bigint NOT NULL
);
INSERT INTO data_version (version) VALUES (0);

CREATE FUNCTION layers_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE atlas.data_version SET version = version + 1;
    PERFORM pg_notify('atlas_changed', TG_TABLE_NAME);
    RETURN NULL;
END
$$;

CREATE TRIGGER counties_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON counties
    FOR EACH STATEMENT EXECUTE FUNCTION layers_changed();
CREATE TRIGGER rivers_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON rivers
    FOR EACH STATEMENT EXECUTE FUNCTION layers_changed();
CREATE TRIGGER projects_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON projects
    FOR EACH STATEMENT EXECUTE FUNCTION layers_changed();
