package org.linfenatlas.store.postgis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linfenatlas.data.BeltDissolver;
import org.linfenatlas.model.Feature;
import org.linfenatlas.model.LayerSpec;
import org.linfenatlas.model.Layers;
import org.linfenatlas.store.GisDataSeed;
import org.linfenatlas.store.StoreException;
import org.linfenatlas.testdata.TestLayers;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKBReader;

/** The PostGIS repository on a real database: migrations, types, transactions, sessions, the belts view. */
class PostGisRepositoryTest {
    private static final GeometryFactory G = new GeometryFactory();
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void database() {
        TestDatabase.assumeAvailable();
    }

    @Test
    void migratesAnEmptyDatabaseWithIndexesViewAndTriggers() throws Exception {
        try (PostGisRepository repo = TestDatabase.freshRepository()) {
            assertTrue(repo.isEmpty());
            Set<String> indexes = strings("SELECT indexname || ' ' || split_part(indexdef, ' USING ', 2) FROM pg_indexes "
                    + "WHERE schemaname = 'atlas' AND indexdef LIKE '%gist (geom)%'");
            assertEquals(Set.of("counties_geom gist (geom)", "projects_geom gist (geom)", "rivers_geom gist (geom)", "places_geom gist (geom)"),
                    indexes);
            assertEquals(Set.of("belts"), strings("SELECT table_name FROM information_schema.views WHERE table_schema = 'atlas'"));
            Set<String> triggers = new java.util.TreeSet<>();
            for (String layer : List.of("counties", "projects", "rivers", "places")) {
                for (String event : List.of("inserted", "updated", "deleted", "truncated", "version")) {
                    triggers.add(layer + "_" + event);
                }
            }
            assertEquals(triggers,
                    strings("SELECT tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                            + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'atlas' AND NOT t.tgisinternal"));
            Set<String> migrations = strings("SELECT version || ' ' || success FROM atlas.flyway_schema_history WHERE type = 'SQL'");
            assertEquals(Set.of("1 true", "2 true", "3 true", "4 true", "5 true", "6 true", "6.1 true", "7 true", "7.1 true"), migrations,
                    "layers, users, progress, the write path, the order of history, places and projects without geometry, "
                    + "search levels, the indicators' actual values, the places' search levels");
        }
        try (PostGisRepository again = PostGisRepository.open(TestDatabase.url())) {
            assertTrue(again.isEmpty(), "reopening migrates nothing and loses nothing");
        }
    }

    @Test
    void sessionsRunWithTheStatementTimeout() throws Exception {
        try (PostGisRepository repo = PostGisRepository.open(TestDatabase.url());
             Connection c = repo.pool().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW statement_timeout")) {
            rs.next();
            assertEquals(PostGisRepository.STATEMENT_TIMEOUT.toSeconds() + "s", rs.getString(1));
        }
    }

    @Test
    void seedsAndReadsBackEveryPropertyTypeInIdOrder() throws Exception {
        try (PostGisRepository repo = TestDatabase.freshRepository()) {
            int n = new GisDataSeed(TestLayers.gisDataDir()).loadInto(repo);
            assertFalse(repo.isEmpty());
            List<Feature> counties = repo.readAll(Layers.COUNTIES_SPEC);
            assertEquals(17, counties.size());
            assertEquals(n, Layers.STORED.stream().mapToInt(l -> repo.readAll(l).size()).sum());
            List<String> ids = counties.stream().map(Feature::id).toList();
            assertEquals(ids.stream().sorted().toList(), ids);
            Feature river = repo.readAll(Layers.RIVERS_SPEC).get(0);
            assertEquals(Long.class, river.property("level").getClass(), "integer column reads back as Long, as from the GeoPackage");

            Feature project = new Feature("p-1", G.createPoint(new Coordinate(111.523456789012, 36.0812345678901)),
                    new LinkedHashMap<>(Map.of("name", "测试", "counties", List.of("尧都区", "襄汾县"),
                            "figures", figures())));
            repo.replaceAll(Layers.PROJECTS_SPEC, List.of(project));
            Feature back = repo.readAll(Layers.PROJECTS_SPEC).get(0);
            assertEquals(project, back, "coordinates to the last bit, lists and objects as written");
            assertEquals(List.of("length_km", "capacity_mw", "investment_yi_yuan"), List.copyOf(((Map<?, ?>) back.property("figures")).keySet()),
                    "object keys keep their order (JSON, not JSONB)");
        }
    }

    @Test
    void searchTextsOfAnotherVersionAreMadeAnewOnOpenWithoutNewFeatureVersions() throws Exception {
        Feature project = new Feature("p-1", G.createPoint(new Coordinate(111.5, 36.1)),
                new LinkedHashMap<>(Map.of("name", "洪洞大槐树寻根祭祖园", "counties", List.of("洪洞县"))));
        String expected;
        try (PostGisRepository repo = TestDatabase.freshRepository()) {
            repo.replaceAll(Layers.PROJECTS_SPEC, List.of(project));
            expected = String.join("|", strings("SELECT search_names_marked || search_counties_marked FROM atlas.projects"));
            assertEquals(Set.of(org.linfenatlas.index.SearchText.version()),
                    strings("SELECT version FROM atlas.search_text_version WHERE layer = 'projects'"));
        }
        // as an older server left them: other texts, another version
        execute("SET atlas.search_refresh = 'on'; UPDATE atlas.projects SET search_names_marked = 'old', search_counties_marked = ''");
        execute("UPDATE atlas.search_text_version SET version = '1-old'");
        Set<String> versions = strings("SELECT atlas_version::text FROM atlas.projects");
        try (PostGisRepository reopened = PostGisRepository.open(TestDatabase.url())) {
            assertEquals(Set.of(expected), strings("SELECT search_names_marked || search_counties_marked FROM atlas.projects"));
            assertEquals(versions, strings("SELECT atlas_version::text FROM atlas.projects"), "no edit: the ETag stays");
            assertEquals(Set.of(org.linfenatlas.index.SearchText.version()),
                    strings("SELECT version FROM atlas.search_text_version WHERE layer = 'projects'"));
        }
        execute("UPDATE atlas.projects SET name = '改名'");
        assertEquals(Set.of(String.valueOf(Long.parseLong(versions.iterator().next()) + 1)),
                strings("SELECT atlas_version::text FROM atlas.projects"), "any other update is still an edit");
    }

    @Test
    void replacingSeveralLayersIsAllOrNothing() {
        try (PostGisRepository repo = TestDatabase.freshRepository()) {
            repo.replaceAll(Layers.RIVERS_SPEC, List.of(river("a")));
            Map<LayerSpec, List<Feature>> broken = new LinkedHashMap<>();
            broken.put(Layers.RIVERS_SPEC, List.of(river("b")));
            broken.put(Layers.PROJECTS_SPEC, List.of(river("x"), river("x")));
            StoreException e = assertThrows(StoreException.class, () -> repo.replaceAll(broken));
            assertTrue(e.getMessage().contains("duplicate key"), e.getMessage());
            assertEquals(List.of("a"), repo.readAll(Layers.RIVERS_SPEC).stream().map(Feature::id).toList());
            assertTrue(repo.readAll(Layers.PROJECTS_SPEC).isEmpty());
        }
    }

    @Test
    void beltsViewDissolvesTheCountiesAsTheServerDoes() throws Exception {
        try (PostGisRepository repo = TestDatabase.freshRepository()) {
            new GisDataSeed(TestLayers.gisDataDir()).loadInto(repo);
            List<Feature> expected = BeltDissolver.dissolve(repo.readAll(Layers.COUNTIES_SPEC));
            List<Feature> actual = new ArrayList<>();
            try (Connection c = TestDatabase.connect(TestDatabase.url()); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT id, name, counties::text, area_km2, ST_AsBinary(geom) FROM atlas.belts ORDER BY ordinal")) {
                while (rs.next()) {
                    Map<String, Object> props = new LinkedHashMap<>();
                    props.put("name", rs.getString(2));
                    props.put("counties", JSON.readValue(rs.getString(3), List.class));
                    props.put("area_km2", rs.getDouble(4));
                    actual.add(new Feature(rs.getString(1), new WKBReader().read(rs.getBytes(5)), props));
                }
            }
            assertEquals(3, actual.size());
            for (int i = 0; i < expected.size(); i++) {
                Feature e = expected.get(i);
                Feature a = actual.get(i);
                assertEquals(e.id(), a.id());
                assertEquals(e.property("name"), a.property("name"));
                assertEquals(e.property("counties"), a.property("counties"), e.id());
                assertEquals(e.property("area_km2"), a.property("area_km2"), e.id() + " geodesic area");
                assertTrue(e.geometry().equalsExact(a.geometry()), e.id() + " union");
            }
        }
    }

    @Test
    void unreachableDatabaseFailsClearlyWithoutThePassword() {
        DatabaseUrl nowhere = DatabaseUrl.parse("postgresql://someone:hunter2@127.0.0.1:1/nothing");
        StoreException e = assertThrows(StoreException.class, () -> PostGisRepository.open(nowhere));
        assertTrue(e.getMessage().startsWith("cannot connect to postgresql://someone@127.0.0.1:1/nothing"), e.getMessage());
        assertFalse(e.getMessage().contains("hunter2"));
    }

    @Test
    void aSchemaThatLacksAColumnOfTheSpecsIsRefused() throws Exception {
        try (PostGisRepository repo = TestDatabase.freshRepository()) {
            execute("ALTER TABLE atlas.projects DROP COLUMN place_basis");
        }
        StoreException e = assertThrows(StoreException.class, () -> PostGisRepository.open(TestDatabase.url()));
        assertTrue(e.getMessage().contains("atlas.projects lacks columns [place_basis]"), e.getMessage());
        TestDatabase.dropSchema();
    }

    private static Map<String, Object> figures() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("length_km", 12.5);
        figures.put("capacity_mw", 300);
        figures.put("investment_yi_yuan", 4.25);
        return figures;
    }

    private static Feature river(String id) {
        return new Feature(id, G.createLineString(new Coordinate[] {new Coordinate(111, 36), new Coordinate(111.1, 36.1)}),
                Map.of("name", "河" + id));
    }

    private static Set<String> strings(String sql) throws Exception {
        Set<String> out = new TreeSet<>();
        try (Connection c = TestDatabase.connect(TestDatabase.url()); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static void execute(String sql) throws Exception {
        try (Connection c = TestDatabase.connect(TestDatabase.url()); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
