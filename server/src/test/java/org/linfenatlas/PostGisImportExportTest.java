package org.linfenatlas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linfenatlas.config.Config;
import org.linfenatlas.config.ConfigException;
import org.linfenatlas.model.Feature;
import org.linfenatlas.model.LayerSpec;
import org.linfenatlas.model.Layers;
import org.linfenatlas.store.GeoPackageRepository;
import org.linfenatlas.store.LayerRepository;
import org.linfenatlas.store.postgis.PostGisRepository;
import org.linfenatlas.store.postgis.TestDatabase;
import org.linfenatlas.testdata.TestLayers;

/** The import and export commands: GeoPackage → PostGIS → GeoPackage gives back exactly the features it started with. */
class PostGisImportExportTest {
    @TempDir
    Path dir;

    @BeforeEach
    void database() {
        TestDatabase.assumeAvailable();
        TestDatabase.dropSchema();
    }

    @Test
    void roundTripKeepsEveryFeatureExactly() throws Exception {
        Path original = dir.resolve("original.gpkg");
        Map<LayerSpec, List<Feature>> layers = TestLayers.withSyntheticProjects(300, 7L);
        try (GeoPackageRepository gpkg = GeoPackageRepository.openFile(original)) {
            gpkg.replaceAll(layers);
        }
        Main.importGpkg(config("import", "--from-gpkg", original.toString(), "--db", dbFlag()));
        Path exported = dir.resolve("exported.gpkg");
        Main.exportGpkg(config("export", "--db", dbFlag(), "--to-gpkg", exported.toString()));

        try (GeoPackageRepository before = GeoPackageRepository.openFile(original);
             PostGisRepository database = PostGisRepository.open(TestDatabase.url());
             GeoPackageRepository after = GeoPackageRepository.openFile(exported)) {
            for (LayerSpec layer : Layers.STORED) {
                List<Feature> expected = before.readAll(layer);
                assertEquals(layers.get(layer).size(), expected.size(), layer.id());
                assertEquals(expected, database.readAll(layer), layer.id() + " in PostGIS");
                assertEquals(expected, after.readAll(layer), layer.id() + " exported");
            }
        }
    }

    @Test
    void importReplacesWhatTheDatabaseHeld() throws Exception {
        Path small = dir.resolve("small.gpkg");
        try (GeoPackageRepository gpkg = GeoPackageRepository.openFile(small)) {
            gpkg.replaceAll(TestLayers.withSyntheticProjects(5, 1L));
        }
        try (PostGisRepository database = PostGisRepository.open(TestDatabase.url())) {
            database.replaceAll(TestLayers.withSyntheticProjects(40, 2L));
        }
        Main.importGpkg(config("import", "--from-gpkg", small.toString(), "--db", dbFlag()));
        try (LayerRepository database = PostGisRepository.open(TestDatabase.url())) {
            assertEquals(5, database.readAll(Layers.PROJECTS_SPEC).stream().filter(f -> f.id().startsWith("syn-")).count());
        }
    }

    @Test
    void importOfAMissingFileChangesNothingAndCreatesNoFile() {
        Path missing = dir.resolve("missing.gpkg");
        ConfigException e = assertThrows(ConfigException.class,
                () -> Main.importGpkg(config("import", "--from-gpkg", missing.toString(), "--db", dbFlag())));
        assertTrue(e.getMessage().contains("is not a file"), e.getMessage());
        assertFalse(Files.exists(missing));
    }

    @Test
    void commandsNameWhatTheyLack() {
        assertThrows(ConfigException.class, () -> Main.importGpkg(config("import", "--db", dbFlag())));
        assertThrows(ConfigException.class, () -> Main.exportGpkg(config("export", "--db", dbFlag())));
        assertThrows(ConfigException.class, () -> Main.exportGpkg(config("export", "--to-gpkg", dir.resolve("x.gpkg").toString())));
    }

    /** The --db value as a user would give it, password included. */
    private static String dbFlag() {
        String url = System.getProperty("postgis.url");
        return url == null || url.isBlank() ? TestDatabase.DEFAULT_URL : url;
    }

    private static Config config(String... args) {
        return Config.parse(args, Map.of());
    }
}
