package org.linfenatlas.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.linfenatlas.model.Feature;
import org.linfenatlas.model.Layers;
import org.linfenatlas.store.FeaturePage;
import org.linfenatlas.store.GisDataSeed;
import org.linfenatlas.store.ItemsQuery;
import org.linfenatlas.testdata.SyntheticProjects;
import org.linfenatlas.testdata.TestLayers;
import org.locationtech.jts.geom.Envelope;

/**
 * An index built with its search texts in the background answers searches as one built with them at once:
 * a search over a small selection folds its few texts itself, a larger one waits for the texts.
 */
class BackgroundSearchTextsTest {
    private static final int FEATURES = LayerIndex.FOLD_ON_REQUEST + 1_000;
    private static List<Feature> features;
    private static LayerIndex built;

    /** Runs nothing until told: the background build has not run yet. */
    private final List<Runnable> queued = new ArrayList<>();

    @BeforeAll
    static void features() throws IOException {
        List<Feature> counties = new GisDataSeed(TestLayers.gisDataDir()).read(Layers.COUNTIES_SPEC);
        features = SyntheticProjects.generate(FEATURES, 20261203L, counties);
        built = new LayerIndex(Layers.PROJECTS_SPEC, features);
    }

    private static ItemsQuery search(Envelope bbox, String q) {
        return new ItemsQuery(Layers.PROJECTS, bbox, Map.of(), SearchText.terms(q), List.of(), 0, 50);
    }

    private static List<String> ids(FeaturePage page) {
        return page.features().stream().map(Feature::id).toList();
    }

    /** A term that some features match: the first two characters of a feature's name. */
    private static String term() {
        return features.get(0).text("name").substring(0, 2);
    }

    @Test
    void aSearchInASmallBoxBeforeTheTextsAreBuiltAnswersAsTheBuiltIndex() {
        LayerIndex index = new LayerIndex(Layers.PROJECTS_SPEC, features, queued::add);
        Envelope box = features.get(0).geometry().getEnvelopeInternal();
        box.expandBy(0.3);
        ItemsQuery query = search(box, term());

        FeaturePage page = index.query(query);

        assertEquals(1, queued.size(), "the texts were built before the search");
        FeaturePage expected = built.query(query);
        assertTrue(expected.numberMatched() > 0, "the search matches nothing: a test that cannot fail");
        assertEquals(ids(expected), ids(page));
        assertEquals(expected.numberMatched(), page.numberMatched());
    }

    @Test
    void aSearchOfEveryFeatureWaitsForTheTextsAndThenAnswersAsTheBuiltIndex() throws Exception {
        LayerIndex index = new LayerIndex(Layers.PROJECTS_SPEC, features, queued::add);
        ItemsQuery query = search(null, term());

        CompletableFuture<FeaturePage> answer = CompletableFuture.supplyAsync(() -> index.query(query));
        Thread.sleep(200);
        assertFalse(answer.isDone(), "answered before the texts were built");
        queued.forEach(Runnable::run);

        FeaturePage page = answer.get(30, TimeUnit.SECONDS);
        FeaturePage expected = built.query(query);
        assertEquals(ids(expected), ids(page));
        assertEquals(expected.numberMatched(), page.numberMatched());
    }
}
