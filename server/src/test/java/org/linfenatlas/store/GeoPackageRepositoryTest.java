package org.linfenatlas.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linfenatlas.model.Feature;
import org.linfenatlas.model.Layers;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTReader;

/** The embedded store on a real GeoPackage file. */
class GeoPackageRepositoryTest {
    private static final GeometryFactory G = new GeometryFactory();

    @TempDir
    Path dir;

    @Test
    void newDataDirGetsAnEmptyGeoPackage() {
        try (GeoPackageRepository repo = GeoPackageRepository.open(dir.resolve("data"))) {
            assertTrue(repo.isEmpty());
            assertTrue(Files.exists(dir.resolve("data").resolve(GeoPackageRepository.FILE_NAME)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void featuresRoundTripWithTypedAndJsonProperties() throws Exception {
        Feature project = new Feature("energy-yonghe-gas", G.createPoint(new Coordinate(110.512345, 36.712345)), Map.of(
                "name", "永和储气库", "aliases", List.of("永和县储气库"), "counties", List.of("永和县"),
                "figures", Map.of("investment_yi_yuan", 30.5, "capacity_mw", 1200), "category", "energy"));
        Feature river = new Feature("fenhe", new WKTReader().read("LINESTRING (111.5 36.5, 111.4 35.8)"),
                Map.of("name", "汾河", "level", 2));
        try (GeoPackageRepository repo = GeoPackageRepository.open(dir)) {
            repo.replaceAll(Layers.PROJECTS_SPEC, List.of(project));
            repo.replaceAll(Layers.RIVERS_SPEC, List.of(river));
        }
        try (GeoPackageRepository reopened = GeoPackageRepository.open(dir)) {
            assertFalse(reopened.isEmpty());
            Feature back = reopened.readAll(Layers.PROJECTS_SPEC).get(0);
            assertEquals(project.id(), back.id());
            assertTrue(project.geometry().equalsExact(back.geometry()));
            assertEquals(List.of("永和县储气库"), back.property("aliases"));
            assertEquals(30.5, ((Map<?, ?>) back.property("figures")).get("investment_yi_yuan"));
            assertEquals(2L, ((Number) reopened.readAll(Layers.RIVERS_SPEC).get(0).property("level")).longValue());
        }
    }

    @Test
    void aLayerReadWholeHoldsWhatEachFeatureReadByItselfHolds() throws Exception {
        List<Feature> counties = new GisDataSeed(org.linfenatlas.testdata.TestLayers.gisDataDir()).read(Layers.COUNTIES_SPEC);
        List<Feature> projects = new java.util.ArrayList<>(org.linfenatlas.testdata.SyntheticProjects.generate(300, 7L, counties));
        projects.add(new Feature("no-geometry", Feature.NO_GEOMETRY, Map.of("name", "无位置")));
        projects.add(new Feature("empty-point", G.createPoint(), Map.of("name", "空点", "figures", Map.of("capacity_mw", 5))));
        projects.add(new Feature("typed", G.createPoint(new Coordinate(111.5, 36.1)), Map.of("name", "带\"引号\"的名称\n",
                "start_year", 2023, "investment_planned_yi_yuan", 12.0, "investment_completed_yi_yuan", 3.25,
                "aliases", List.of(), "figures", Map.of("length_km", 1.5e3, "lanes", List.of(4, 6)))));
        try (GeoPackageRepository repo = GeoPackageRepository.open(dir)) {
            repo.replaceAll(Layers.PROJECTS_SPEC, projects);
            List<Feature> whole = repo.readAll(Layers.PROJECTS_SPEC);
            assertEquals(projects.size(), whole.size());
            for (Feature f : whole) {
                Feature alone = repo.read(Layers.PROJECTS_SPEC, f.id()).orElseThrow();
                assertTrue(alone.geometry().equalsExact(f.geometry()), f.id());
                assertEquals(alone.geometry().getGeometryType(), f.geometry().getGeometryType(), f.id());
                assertEquals(alone.properties(), f.properties(), f.id());
                assertEquals(alone.version(), f.version(), f.id());
            }
        }
    }

    @Test
    void replaceAllReplacesTheWholeLayer() throws Exception {
        try (GeoPackageRepository repo = GeoPackageRepository.open(dir)) {
            repo.replaceAll(Layers.RIVERS_SPEC, List.of(river("a"), river("b")));
            repo.replaceAll(Layers.RIVERS_SPEC, List.of(river("c")));
            assertEquals(List.of("c"), repo.readAll(Layers.RIVERS_SPEC).stream().map(Feature::id).toList());
        }
    }

    @Test
    void duplicateIdsLeaveTheLayerAsItWas() throws Exception {
        try (GeoPackageRepository repo = GeoPackageRepository.open(dir)) {
            repo.replaceAll(Layers.RIVERS_SPEC, List.of(river("a")));
            try {
                repo.replaceAll(Layers.RIVERS_SPEC, List.of(river("x"), river("x")));
            } catch (RuntimeException expected) {
                // the unique index refuses the second x; the transaction rolls back
            }
            assertEquals(List.of("a"), repo.readAll(Layers.RIVERS_SPEC).stream().map(Feature::id).toList());
        }
    }

    @Test
    void fileIsAStandardGeoPackageWithSpatialIndex() throws Exception {
        try (GeoPackageRepository repo = GeoPackageRepository.open(dir)) {
            repo.replaceAll(Layers.RIVERS_SPEC, List.of(river("a")));
        }
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(GeoPackageRepository.FILE_NAME))) {
            ResultSet appId = sqlite.createStatement().executeQuery("PRAGMA application_id");
            assertEquals(0x47504B47, appId.getInt(1), "application_id is 'GPKG'");
            ResultSet contents = sqlite.createStatement().executeQuery(
                    "SELECT data_type, srs_id FROM gpkg_contents WHERE table_name = 'rivers'");
            assertEquals("features", contents.getString(1));
            assertEquals(4326, contents.getInt(2));
            ResultSet rtree = sqlite.createStatement().executeQuery(
                    "SELECT count(*) FROM gpkg_extensions WHERE table_name = 'rivers' AND extension_name = 'gpkg_rtree_index'");
            assertEquals(1, rtree.getInt(1));
        }
    }

    @Test
    void bundledSeedFillsAnEmptyRepository() throws Exception {
        Path gisData = Path.of(System.getProperty("gis.data.dir", "../gis-data"));
        try (GeoPackageRepository repo = GeoPackageRepository.open(dir)) {
            int n = new GisDataSeed(gisData).loadInto(repo);
            assertEquals(n, Layers.STORED.stream().mapToInt(l -> repo.readAll(l).size()).sum());
            assertEquals(17, repo.readAll(Layers.COUNTIES_SPEC).size());
        }
    }

    private static Feature river(String id) {
        return new Feature(id, G.createLineString(new Coordinate[] {new Coordinate(111, 36), new Coordinate(111.1, 36.1)}),
                Map.of("name", id));
    }
}
