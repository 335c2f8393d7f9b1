package org.linfenatlas.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.linfenatlas.filter.Cql2Text;
import org.linfenatlas.filter.Queryables;
import org.linfenatlas.index.IndexedStore;
import org.linfenatlas.index.SearchText;
import org.linfenatlas.model.Feature;
import org.linfenatlas.model.LayerSpec;
import org.linfenatlas.model.Layers;
import org.linfenatlas.testdata.TestLayers;
import org.linfenatlas.tiles.TileAddress;
import org.linfenatlas.tiles.TileContent;

/**
 * The projects' tiles from every store: the same clusters and features as the in-memory index built straight
 * from the layers, and counts that add up to what items selects (the features whose representative point lies
 * in the tile), for filters, search and CQL2 filters. Subclasses supply the store under test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TileContractTest {
    private FeatureStore reference;
    private FeatureStore store;

    protected abstract FeatureStore open(Map<LayerSpec, List<Feature>> layers) throws Exception;

    @BeforeAll
    void load() throws Exception {
        Map<LayerSpec, List<Feature>> layers = TestLayers.withSyntheticProjects(800, 41L);
        reference = IndexedStore.of(TestLayers.byId(layers));
        store = open(layers);
    }

    @AfterAll
    void close() {
        if (store != null) {
            store.close();
        }
    }

    static List<TileAddress> tiles() {
        return List.of(new TileAddress(0, 0, 0), new TileAddress(5, 12, 25), new TileAddress(8, 100, 207),
                new TileAddress(10, 401, 829), new TileAddress(12, 1607, 3316), new TileAddress(16, 25717, 53069));
    }

    static List<String> selections() {
        return List.of("all", "category=energy", "county=吉县", "q=guangfu", "filter=category = 'transport' AND status <> 'plan'");
    }

    static List<Object[]> cases() {
        List<Object[]> cases = new ArrayList<>();
        for (TileAddress t : tiles()) {
            for (String s : selections()) {
                cases.add(new Object[] {t, s});
            }
        }
        return cases;
    }

    private static ItemsQuery selection(String name) {
        ItemsQuery all = ItemsQuery.all(Layers.PROJECTS);
        if (name.equals("all")) {
            return all;
        }
        String value = name.substring(name.indexOf('=') + 1);
        return switch (name.substring(0, name.indexOf('='))) {
            case "category" -> new ItemsQuery(Layers.PROJECTS, null, Map.of("category", Set.of(value)), List.of(), List.of(), 0,
                    Integer.MAX_VALUE);
            case "county" -> new ItemsQuery(Layers.PROJECTS, null, Map.of("counties", Set.of(value)), List.of(), List.of(), 0,
                    Integer.MAX_VALUE);
            case "q" -> new ItemsQuery(Layers.PROJECTS, null, Map.of(), SearchText.terms(value), List.of(), 0, Integer.MAX_VALUE);
            default -> all.withFilter(Cql2Text.parse(value, Queryables.of(Layers.PROJECTS_SPEC), g -> g));
        };
    }

    /** The tile as comparable text: each cluster with its cell, count, categories, place and bbox; each feature's id. */
    private static List<String> described(TileContent tile) {
        List<String> out = new ArrayList<>();
        for (TileContent.Cluster c : tile.clusters()) {
            out.add(c.id(tile.tile()) + " " + c.count() + " " + c.categories() + " " + c.lon() + "," + c.lat() + " "
                    + Arrays.toString(c.bbox()) + " " + c.samePlace());
        }
        tile.features().forEach(f -> out.add(f.id()));
        return out;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void tilesAgreeWithTheReference(TileAddress tile, String selection) {
        assertEquals(described(reference.tile(selection(selection), tile, true)), described(store.tile(selection(selection), tile, true)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void countsAddUpToWhatItemsSelectsInTheTile(TileAddress tile, String selection) {
        TileContent content = store.tile(selection(selection), tile, true);
        long counted = content.clusters().stream().mapToLong(TileContent.Cluster::count).sum()
                + content.features().stream().filter(f -> tile.contains(f.representativePoint())).count();
        long selected = store.items(selection(selection).withBbox(tile.envelope())).features().stream()
                .filter(f -> tile.contains(f.representativePoint())).count();
        assertEquals(selected, counted);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("selections")
    void theWorldTileCountsEverySelectedFeatureWithAGeometry(String selection) {
        TileContent world = store.tile(selection(selection), new TileAddress(0, 0, 0), true);
        long counted = world.clusters().stream().mapToLong(TileContent.Cluster::count).sum() + world.features().size();
        FeaturePage all = store.items(selection(selection));
        long withGeometry = all.features().stream().filter(Feature::hasGeometry).count();
        assertEquals(withGeometry, counted);
        assertTrue(counted > 0, selection + " selects some");
        assertTrue(all.numberMatched() >= counted);
    }
}
