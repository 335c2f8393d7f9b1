package org.linfenatlas.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.linfenatlas.edit.EditFixtures.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.linfenatlas.model.Feature;
import org.linfenatlas.model.Layers;
import org.linfenatlas.testdata.TestLayers;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/** RFC 7396 JSON Merge Patch, and the feature JSON a patch applies to. */
class MergePatchTest {

    /** RFC 7396 appendix A: original, patch, result. */
    static Stream<Arguments> rfc7396AppendixA() {
        return Stream.of(
                Arguments.of("{\"a\":\"b\"}", "{\"a\":\"c\"}", "{\"a\":\"c\"}"),
                Arguments.of("{\"a\":\"b\"}", "{\"b\":\"c\"}", "{\"a\":\"b\",\"b\":\"c\"}"),
                Arguments.of("{\"a\":\"b\"}", "{\"a\":null}", "{}"),
                Arguments.of("{\"a\":\"b\",\"b\":\"c\"}", "{\"a\":null}", "{\"b\":\"c\"}"),
                Arguments.of("{\"a\":[\"b\"]}", "{\"a\":\"c\"}", "{\"a\":\"c\"}"),
                Arguments.of("{\"a\":\"c\"}", "{\"a\":[\"b\"]}", "{\"a\":[\"b\"]}"),
                Arguments.of("{\"a\":{\"b\":\"c\"}}", "{\"a\":{\"b\":\"d\",\"c\":null}}", "{\"a\":{\"b\":\"d\"}}"),
                Arguments.of("{\"a\":[{\"b\":\"c\"}]}", "{\"a\":[1]}", "{\"a\":[1]}"),
                Arguments.of("[\"a\",\"b\"]", "[\"c\",\"d\"]", "[\"c\",\"d\"]"),
                Arguments.of("{\"a\":\"b\"}", "[\"c\"]", "[\"c\"]"),
                Arguments.of("{\"a\":\"foo\"}", "null", "null"),
                Arguments.of("{\"a\":\"foo\"}", "\"bar\"", "\"bar\""),
                Arguments.of("{\"e\":null}", "{\"a\":1}", "{\"e\":null,\"a\":1}"),
                Arguments.of("[1,2]", "{\"a\":\"b\",\"c\":null}", "{\"a\":\"b\"}"),
                Arguments.of("{}", "{\"a\":{\"bb\":{\"ccc\":null}}}", "{\"a\":{\"bb\":{}}}"));
    }

    @ParameterizedTest
    @MethodSource("rfc7396AppendixA")
    void givesTheResultsOfRfc7396AppendixA(String original, String patch, String result) {
        assertEquals(json(result), MergePatch.apply(json(original), json(patch)));
    }

    @Test
    void givesTheResultOfTheExampleOfRfc7396Section3() {
        JsonNode original = json("""
                {"title": "Goodbye!", "author": {"givenName": "John", "familyName": "Doe"},
                 "tags": ["example", "sample"], "content": "This will be unchanged"}""");
        JsonNode patch = json("""
                {"title": "Hello!", "phoneNumber": "+01-123-456-7890", "author": {"familyName": null}, "tags": ["example"]}""");
        JsonNode expected = json("""
                {"title": "Hello!", "author": {"givenName": "John"}, "tags": ["example"],
                 "content": "This will be unchanged", "phoneNumber": "+01-123-456-7890"}""");
        assertEquals(expected, MergePatch.apply(original, patch));
    }

    @Test
    void leavesTheTargetAsItWas() {
        JsonNode target = json("{\"a\": {\"b\": 1}}");
        MergePatch.apply(target, json("{\"a\": {\"b\": 2}}"));
        assertEquals(json("{\"a\": {\"b\": 1}}"), target);
    }

    @Test
    void theFeatureJsonIsAGeoJsonFeatureWithItsIdAndProperties() {
        Feature project = TestLayers.withSyntheticProjects(0, 1L).get(Layers.PROJECTS_SPEC).get(0);
        JsonNode json = MergePatch.toJson(project);
        assertEquals("Feature", json.path("type").asText());
        assertEquals(project.id(), json.path("id").asText());
        assertEquals(project.text("name"), json.path("properties").path("name").asText());
    }

    @Test
    void anUntouchedGeometryComesBackExactly() throws Exception {
        Random random = new Random(12);
        GeometryFactory g = new GeometryFactory();
        List<String> changed = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            Coordinate[] line = {new Coordinate(110 + random.nextDouble() * 3, 35 + random.nextDouble() * 2),
                    new Coordinate(random.nextDouble() * 1e-9, -random.nextDouble() * 180)};
            Feature f = new Feature("f" + i, g.createLineString(line), Map.of("name", "x"));
            JsonNode patched = MergePatch.apply(MergePatch.toJson(f), json("{\"properties\": {\"name\": \"y\"}}"));
            if (!new GeoJsonReader().read(patched.get("geometry").toString()).equalsExact(f.geometry())) {
                changed.add(f.geometry().toString());
            }
        }
        assertEquals(List.of(), changed);
    }

    @Test
    void everyProjectGeometryOfGisDataComesBackExactly() throws Exception {
        List<String> changed = new ArrayList<>();
        for (Feature project : TestLayers.withSyntheticProjects(0, 1L).get(Layers.PROJECTS_SPEC)) {
            JsonNode geometry = MergePatch.toJson(project).get("geometry");
            if (!project.hasGeometry()) {
                if (!geometry.isNull()) {
                    changed.add(project.id() + " (no geometry, but " + geometry + ")");
                }
                continue;
            }
            if (!new GeoJsonReader().read(geometry.toString()).equalsExact(project.geometry())) {
                changed.add(project.id());
            }
        }
        assertEquals(List.of(), changed);
    }

    @Test
    void aPolygonKeepsItsRingOrientation() throws Exception {
        JsonNode clockwise = json("{\"type\": \"Polygon\", \"coordinates\": [[[111, 36], [111, 36.1], [111.1, 36.1], [111, 36]]]}");
        Feature f = new Feature("p", new GeoJsonReader().read(clockwise.toString()), Map.of());
        assertTrue(new GeoJsonReader().read(MergePatch.toJson(f).get("geometry").toString()).equalsExact(f.geometry()));
    }
}
