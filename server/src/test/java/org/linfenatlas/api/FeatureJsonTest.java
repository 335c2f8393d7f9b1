package org.linfenatlas.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linfenatlas.model.Feature;
import org.linfenatlas.model.Layers;

/** The items document: features encoded once and copied in read as the same GeoJSON as features encoded now. */
class FeatureJsonTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.time.Instant STAMP = java.time.Instant.parse("2026-11-23T01:51:04.789Z");
    private final List<Feature> features = List.of(
            FakeStore.point("a", 111.5, 36.1, Map.of("name", "甲", "counties", List.of("尧都区", "洪洞县"),
                    "figures", Map.of("investment_yi_yuan", 12.5), "phase", 2, "open", true)),
            FakeStore.point("b", 110.25, 35.75, Map.of("name", "乙 \"quoted\"\n", "category", "energy")));

    @Test
    void timeStampIsTheGivenVersionTimeInWholeSeconds() throws Exception {
        JsonNode doc = JSON.readTree(FeatureJson.collection(features, request(Map.of()), 2, links(), STAMP));
        assertEquals("2026-11-23T01:51:04Z", doc.path("timeStamp").asText());
    }

    @Test
    void collectionMembersComeInOrderWithCounts() throws Exception {
        JsonNode doc = JSON.readTree(FeatureJson.collection(features, request(Map.of()), 42, links(), STAMP));
        assertEquals(List.of("type", "features", "links", "timeStamp", "numberMatched", "numberReturned"), names(doc));
        assertEquals(42, doc.path("numberMatched").asLong());
        assertEquals(2, doc.path("numberReturned").asInt());
        assertEquals("http://x/api/collections/projects/items", doc.path("links").get(0).path("href").asText());
    }

    @Test
    void preEncodedFeaturesCarryEveryPropertyAndTheGeometry() throws Exception {
        for (int pass = 0; pass < 2; pass++) { // the second pass copies the bytes kept by the first
            JsonNode doc = JSON.readTree(FeatureJson.collection(features, request(Map.of()), 2, links(), STAMP));
            for (int i = 0; i < features.size(); i++) {
                JsonNode f = doc.path("features").get(i);
                assertEquals("Feature", f.path("type").asText());
                assertEquals(features.get(i).id(), f.path("id").asText());
                assertEquals(JSON.valueToTree(new LinkedHashMap<>(features.get(i).properties())), f.path("properties"));
                assertEquals(JSON.readTree(features.get(i).geometryJson()), f.path("geometry"));
            }
        }
    }

    @Test
    void propertySubsetIsEncodedForTheRequest() throws Exception {
        features.get(0).json(f -> new byte[0]); // whatever is kept must not be used for a subset
        JsonNode doc = JSON.readTree(FeatureJson.collection(features, request(Map.of("properties", List.of("name"))), 2, links(), STAMP));
        assertEquals(List.of("name"), names(doc.path("features").get(0).path("properties")));
    }

    @Test
    void emptyPageIsAValidCollection() throws Exception {
        JsonNode doc = JSON.readTree(FeatureJson.collection(List.of(), request(Map.of()), 0, links(), STAMP));
        assertEquals(0, doc.path("features").size());
        assertEquals(0, doc.path("numberReturned").asInt());
    }

    @Test
    void pageAfterAnOutsizedPageInTheSameThreadIsWhole() throws Exception {
        List<Feature> many = new ArrayList<>();
        for (int i = 0; i < 6000; i++) { // several megabytes: the thread's buffer grows past what it keeps
            many.add(FakeStore.point("p" + i, 111.0, 36.0, Map.of("name", "项目".repeat(100))));
        }
        assertEquals(6000, JSON.readTree(FeatureJson.collection(many, request(Map.of()), 6000, links(), STAMP)).path("features").size());
        JsonNode doc = JSON.readTree(FeatureJson.collection(features, request(Map.of()), 2, links(), STAMP));
        assertEquals(2, doc.path("features").size());
        assertEquals(List.of("type", "features", "links", "timeStamp", "numberMatched", "numberReturned"), names(doc));
    }

    private static ItemsRequest request(Map<String, List<String>> params) {
        return ItemsRequestParser.parse(Layers.PROJECTS_SPEC, params);
    }

    private static List<Link> links() {
        return List.of(new Link("http://x/api/collections/projects/items", "self", Http.GEOJSON, "This page"));
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
