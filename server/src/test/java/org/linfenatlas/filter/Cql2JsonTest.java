package org.linfenatlas.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The CQL2 JSON reader: the same trees as the text encoding, GeoJSON literals, and every refusal's position. */
class Cql2JsonTest {
    static Filter json(String json) {
        return Cql2Json.parse(json, Cql2TextTest.PROJECTS, Cql2TextTest.CRS84);
    }

    static Filter text(String text) {
        return Cql2TextTest.parse(text);
    }

    static void same(String text, String json) {
        assertEquals(text(text), json(json), json);
    }

    @Test
    void everyOperatorReadsAsItsTextForm() {
        same("TRUE", "true");
        same("name = 'x'", "{\"op\": \"=\", \"args\": [{\"property\": \"name\"}, \"x\"]}");
        same("start_year <> 2020", "{\"op\": \"<>\", \"args\": [{\"property\": \"start_year\"}, 2020]}");
        same("start_year >= -1.5", "{\"op\": \">=\", \"args\": [{\"property\": \"start_year\"}, -1.5]}");
        same("name = 'a' OR name = 'b'", """
                {"op": "or", "args": [{"op": "=", "args": [{"property": "name"}, "a"]}, {"op": "=", "args": [{"property": "name"}, "b"]}]}""");
        same("NOT name IS NULL", "{\"op\": \"not\", \"args\": [{\"op\": \"isNull\", \"args\": [{\"property\": \"name\"}]}]}");
        same("name LIKE CASEI(ACCENTI('é%'))",
                "{\"op\": \"like\", \"args\": [{\"property\": \"name\"}, {\"op\": \"casei\", \"args\": [{\"op\": \"accenti\", \"args\": [\"é%\"]}]}]}");
        same("CASEI(name) = CASEI('Abc')",
                "{\"op\": \"=\", \"args\": [{\"op\": \"casei\", \"args\": [{\"property\": \"name\"}]}, {\"op\": \"casei\", \"args\": [\"Abc\"]}]}");
        same("start_year BETWEEN 2018 AND 2020", "{\"op\": \"between\", \"args\": [{\"property\": \"start_year\"}, 2018, 2020]}");
        same("name IN ('a', 'b')", "{\"op\": \"in\", \"args\": [{\"property\": \"name\"}, [\"a\", \"b\"]]}");
        same("TRUE = FALSE", "{\"op\": \"=\", \"args\": [true, false]}");
        same("A_CONTAINS(counties, ('吉县'))", "{\"op\": \"a_contains\", \"args\": [{\"property\": \"counties\"}, [\"吉县\"]]}");
        same("A_CONTAINEDBY(belts, ())", "{\"op\": \"a_containedBy\", \"args\": [{\"property\": \"belts\"}, []]}");
        same("S_INTERSECTS(geometry, POINT(111.5 36.1))",
                "{\"op\": \"s_intersects\", \"args\": [{\"property\": \"geometry\"}, {\"type\": \"Point\", \"coordinates\": [111.5, 36.1]}]}");
        same("S_INTERSECTS(geometry, BBOX(111, 36, 112, 37))",
                "{\"op\": \"s_intersects\", \"args\": [{\"property\": \"geometry\"}, {\"bbox\": [111, 36, 112, 37]}]}");
        same("S_WITHIN(geometry, POLYGON((111 36, 112 36, 112 37, 111 36)))", """
                {"op": "s_within", "args": [{"property": "geometry"},
                  {"type": "Polygon", "coordinates": [[[111, 36], [112, 36], [112, 37], [111, 36]]]}]}""");
        same("S_CROSSES(geometry, MULTILINESTRING((1 2, 3 4), (5 6, 7 8)))", """
                {"op": "s_crosses", "args": [{"property": "geometry"},
                  {"type": "MultiLineString", "coordinates": [[[1, 2], [3, 4]], [[5, 6], [7, 8]]]}]}""");
        same("S_TOUCHES(geometry, GEOMETRYCOLLECTION(POINT(1 2), LINESTRING(3 4, 5 6)))", """
                {"op": "s_touches", "args": [{"property": "geometry"}, {"type": "GeometryCollection", "geometries": [
                  {"type": "Point", "coordinates": [1, 2]}, {"type": "LineString", "coordinates": [[3, 4], [5, 6]]}]}]}""");
        same("S_EQUALS(geometry, MULTIPOINT((1 2), (3 4)))",
                "{\"op\": \"s_equals\", \"args\": [{\"property\": \"geometry\"}, {\"type\": \"MultiPoint\", \"coordinates\": [[1, 2], [3, 4]]}]}");
        same("S_OVERLAPS(geometry, MULTIPOLYGON(((0 0, 1 0, 1 1, 0 0))))",
                "{\"op\": \"s_overlaps\", \"args\": [{\"property\": \"geometry\"}, {\"type\": \"MultiPolygon\", \"coordinates\": [[[[0, 0], [1, 0], [1, 1], [0, 0]]]]}]}");
    }

    /** Examples of OGC 21-065 in JSON (cql2/standard/schema/examples/json), with this atlas's property names. */
    @Test
    void standardExamplesRead() {
        same("name='Toronto'", "{ \"op\": \"=\", \"args\": [ { \"property\": \"name\" }, \"Toronto\" ] }");  // clause6_02a
        same("A_CONTAINS(counties, ('layers-ca','layers-us'))",                                          // clause7_15
                "{\"op\": \"a_contains\", \"args\": [{\"property\": \"counties\"}, [\"layers-ca\", \"layers-us\"]]}");
        same("S_INTERSECTS(\"geometry\", BBOX(-128.098193, -1.1, -99999.0, 180.0, 90.0, 100000.0))",      // example45
                "{\"op\": \"s_intersects\", \"args\": [{\"property\": \"geometry\"}, {\"bbox\": [-128.098193, -1.1, -99999.0, 180.0, 90.0, 100000.0]}]}");
    }

    @ParameterizedTest(name = "{0} → at {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "{\"op\": \"=\", \"args\": [{\"property\": \"nmae\"}, \"x\"]} | 34 | unknown property 'nmae'",
            "{\"op\": \"=\", \"args\": [{\"property\": \"name\"}, 5]} | 0 | one type",
            "{\"op\": \"=\", \"args\": [{\"property\": \"name\"}]} | 0 | takes 2 args",
            "{\"op\": \"and\", \"args\": [true]} | 0 | at least two",
            "{\"op\": \"=\", \"args\": [{\"property\": \"name\"}, \"x\"] | 47 | malformed JSON",
            "{\"op\": \"=\" \"args\": []} | 11 | malformed JSON",
            "{\"op\": \"=\", \"op\": \"<\"} | 12 | twice",
            "{\"op\": \"t_before\", \"args\": []} | 0 | temporal",
            "{\"op\": \"+\", \"args\": [1, 2]} | 0 | arithmetic",
            "{\"op\": \"avg\", \"args\": [1]} | 0 | unknown function",
            "{\"args\": []} | 0 | expected a predicate",
            "\"name\" | 0 | expected a predicate",
            "{\"op\": \"=\", \"args\": [{\"property\": \"name\"}, null]} | 43 | isNull",
            "{\"op\": \"like\", \"args\": [{\"property\": \"name\"}, \"a\\\\\"]} | 46 | escape",
            "{\"op\": \"in\", \"args\": [{\"property\": \"name\"}, []]} | 44 | non-empty",
            "{\"op\": \"a_contains\", \"args\": [{\"property\": \"counties\"}, [1]]} | 57 | strings",
            "{\"op\": \"s_intersects\", \"args\": [{\"property\": \"geometry\"}, {\"type\": \"Point\", \"coordinates\": [1]}]} | 91 | position",
            "{\"op\": \"s_intersects\", \"args\": [{\"property\": \"geometry\"}, {\"type\": \"Polygon\", \"coordinates\": [[[0,0],[1,0],[1,1]]]}]} | 58 | invalid GeoJSON",
            "{\"op\": \"s_intersects\", \"args\": [{\"property\": \"geometry\"}, {\"bbox\": [1000000, 1000000, 2000000, 2000000]}]} | 58 | -180..180",
            "{\"op\": \"s_intersects\", \"args\": [{\"property\": \"geometry\"}, {\"type\": \"Blob\", \"coordinates\": []}]} | 67 | Blob",
            "{\"op\": \"casei\", \"args\": [\"x\"]} | 0 | not a predicate",
            "{\"op\": \"=\", \"args\": [{\"op\": \"=\", \"args\": [1, 1]}, true]} | 21 | not a value",
            "{\"op\": \"=\", \"args\": [{\"date\": \"2020-01-01\"}, 1]} | 21 | temporal",
            "true false | 5 | after the JSON value",
            "`  ` | 0 | empty"})
    void refusalsNameWhereTheyFailed(String json, int position, String mentioned) {
        FilterException e = assertThrows(FilterException.class, () -> json(json), json);
        assertTrue(e.getMessage().contains(mentioned), () -> e.getMessage() + " should mention " + mentioned);
        assertEquals(position, e.position(), e.getMessage());
    }

    @Test
    void nestingIsCountedAndCapped() {
        int max = Cql2Text.MAX_DEPTH;
        String leaf = "{\"op\": \"isNull\", \"args\": [{\"property\": \"name\"}]}";
        json("{\"op\": \"not\", \"args\": [".repeat(max - 1) + leaf + "]}".repeat(max - 1));
        FilterException e = assertThrows(FilterException.class,
                () -> json("{\"op\": \"not\", \"args\": [".repeat(max) + leaf + "]}".repeat(max)));
        assertTrue(e.getMessage().contains("nested deeper"), e.getMessage());
        FilterException raw = assertThrows(FilterException.class, () -> json("[".repeat(50_000)));
        assertTrue(raw.getMessage().contains("nested deeper"), raw.getMessage());
        FilterException tooLong = assertThrows(FilterException.class, () -> json("[" + " ".repeat(Cql2Text.MAX_LENGTH) + "]"));
        assertEquals(Cql2Text.MAX_LENGTH, tooLong.position());
        assertEquals(List.of(), tooLong.queryables());
    }
}
