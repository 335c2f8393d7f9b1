package org.linfenatlas.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linfenatlas.model.Feature;
import org.linfenatlas.model.LayerSpec;
import org.linfenatlas.model.Layers;
import org.linfenatlas.testdata.TestLayers;

/** A store seeded before the places layer existed gets it on its next start; the projects are never re-seeded. */
class GisDataSeedTest {
    @TempDir
    Path dir;

    @Test
    void fillsTheEmptyReadOnlyLayersOfAStoreSeededBefore() throws Exception {
        GisDataSeed seed = new GisDataSeed(TestLayers.gisDataDir());
        try (GeoPackageRepository repository = GeoPackageRepository.open(dir)) {
            Map<LayerSpec, List<Feature>> older = new LinkedHashMap<>();
            for (LayerSpec spec : List.of(Layers.COUNTIES_SPEC, Layers.RIVERS_SPEC)) {
                older.put(spec, seed.read(spec));
            }
            older.put(Layers.PROJECTS_SPEC, List.of()); // emptied by its editors: stays empty
            repository.replaceAll(older);

            assertEquals(List.of("places (" + seed.read(Layers.PLACES_SPEC).size() + ")"), seed.fillEmptyReadOnlyLayers(repository));
            List<Feature> places = repository.readAll(Layers.PLACES_SPEC);
            assertEquals(142, places.size());
            assertTrue(places.stream().anyMatch(p -> !p.hasGeometry()), "townships without a position are stored without geometry");
            assertTrue(repository.readAll(Layers.PROJECTS_SPEC).isEmpty(), "the projects are not re-seeded");
            assertEquals(List.of(), seed.fillEmptyReadOnlyLayers(repository), "a second start fills nothing");
        }
    }
}
