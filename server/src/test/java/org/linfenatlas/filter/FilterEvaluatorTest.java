package org.linfenatlas.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.linfenatlas.model.Feature;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.io.WKTReader;

/** The in-memory semantics: three-valued logic, LIKE, CASEI/ACCENTI, arrays as sets, DE-9IM relations, the implied envelope. */
class FilterEvaluatorTest {
    /** A square project 111..112 × 36..37 with most properties; a point project without optional ones. */
    static final Feature SQUARE;
    static final Feature BARE;

    static {
        try {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", "Ünïcode Straße 尧都");
            p.put("name_en", "Yaodu Logistics Park");
            p.put("category", "logistics");
            p.put("counties", List.of("尧都区", "襄汾县"));
            p.put("belts", List.of("fen"));
            p.put("aliases", List.of());
            p.put("start_year", 2020L);
            p.put("investment_planned_yi_yuan", 12.5);
            SQUARE = new Feature("sq-1", new WKTReader().read("POLYGON ((111 36, 112 36, 112 37, 111 37, 111 36))"), p);
            BARE = new Feature("pt-1", new WKTReader().read("POINT (110.5 36.5)"), Map.of("name", "point", "category", "energy"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Boolean eval(String cql, Feature f) {
        Filter filter = Cql2TextTest.parse(cql);
        return new FilterEvaluator(filter).eval(filter, f);
    }

    @ParameterizedTest(name = "{0}: square {1}, bare {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "unknown", value = {
            "name_en = 'Yaodu Logistics Park' | true | unknown",
            "name_en <> 'x' | true | unknown",
            "NOT name_en = 'x' | true | unknown",
            "name_en IS NULL | false | true",
            "name_en IS NOT NULL | true | false",
            "start_year > 2019 | true | unknown",
            "start_year >= 2020.0 | true | unknown",
            "start_year < 2020 | false | unknown",
            "start_year = 2020 OR category = 'energy' | true | true",
            "start_year = 2020 AND category = 'energy' | false | unknown",
            "start_year = 2021 OR category = 'logistics' | true | unknown",
            "start_year BETWEEN 2020 AND 2020 | true | unknown",
            "start_year NOT BETWEEN 2021 AND 2030 | true | unknown",
            "investment_planned_yi_yuan BETWEEN 12 AND 13 | true | unknown",
            "category IN ('energy', 'logistics') | true | true",
            "category NOT IN ('energy') | true | false",
            "name LIKE '%Straße%' | true | false",
            "name LIKE 'Ünïcode_Straße _都' | true | false",
            "name LIKE '%strasse%' | false | false",
            "CASEI(name) LIKE CASEI('%STRASSE%') | false | false",
            "CASEI(name) LIKE CASEI('%STRAßE%') | true | false",
            "ACCENTI(name) LIKE 'Unicode%' | true | false",
            "ACCENTI(CASEI(name)) = ACCENTI(CASEI('ÜNÏCODE STRASSE 尧都')) | false | false",
            "ACCENTI(CASEI(name)) = ACCENTI(CASEI('ÜNÏCODE STRAßE 尧都')) | true | false",
            "id = 'sq-1' | true | false",
            "id LIKE 'pt-%' | false | true",
            "name < name_en | false | unknown",
            "TRUE | true | true",
            "NOT FALSE AND TRUE = TRUE | true | true",
            "'a' < 'b' | true | true",
            "A_CONTAINS(counties, ('尧都区')) | true | unknown",
            "A_CONTAINS(counties, ('尧都区', '吉县')) | false | unknown",
            "A_CONTAINS(counties, ()) | true | unknown",
            "A_CONTAINEDBY(counties, ('襄汾县', '尧都区', '吉县')) | true | unknown",
            "A_EQUALS(counties, ('襄汾县', '尧都区', '尧都区')) | true | unknown",
            "A_EQUALS(aliases, ()) | true | unknown",
            "A_OVERLAPS(counties, ('吉县', '襄汾县')) | true | unknown",
            "A_OVERLAPS(counties, ()) | false | unknown",
            "A_OVERLAPS(counties, belts) | false | unknown",
            "A_CONTAINS(('a', 'b'), ('b')) | true | true",
            "S_INTERSECTS(geometry, POINT(111.5 36.5)) | true | false",
            "S_INTERSECTS(geometry, BBOX(110, 36, 111, 37)) | true | true",
            "S_DISJOINT(geometry, POINT(110.5 36.5)) | true | false",
            "S_TOUCHES(geometry, LINESTRING(112 36, 113 36)) | true | false",
            "S_WITHIN(geometry, BBOX(110, 35, 113, 38)) | true | true",
            "S_CONTAINS(BBOX(110, 35, 113, 38), geometry) | true | true",
            "S_CONTAINS(geometry, POINT(111.5 36.5)) | true | false",
            "S_WITHIN(POINT(111.5 36.5), geometry) | true | false",
            "S_OVERLAPS(geometry, BBOX(111.5, 36.5, 112.5, 37.5)) | true | false",
            "S_CROSSES(geometry, LINESTRING(110 36.5, 113 36.5)) | true | false",
            "S_CROSSES(LINESTRING(110 36.5, 113 36.5), geometry) | true | false",
            "S_CROSSES(LINESTRING(110 36.5, 111.5 36.5), LINESTRING(111 36, 111 37)) | true | true",
            "S_EQUALS(geometry, POLYGON((111 37, 112 37, 112 36, 111 36, 111 37))) | true | false",
            "S_EQUALS(geometry, POINT(110.5 36.5)) | false | true",
            "S_INTERSECTS(geometry, GEOMETRYCOLLECTION(POINT(0 0), POINT(110.5 36.5))) | false | true",
            "S_CONTAINS(GEOMETRYCOLLECTION(POLYGON((110 36, 111 36, 111 37, 110 37, 110 36)), POINT(0 0)), geometry) | false | true"})
    void threeValuedAnswers(String cql, Boolean square, Boolean bare) {
        assertEquals(square, eval(cql, SQUARE), "square");
        assertEquals(bare, eval(cql, BARE), "bare");
    }

    @Test
    void likeMatchesCodePointsAndEscapesWithoutRegularExpressions() {
        assertTrue(TextFunctions.like("abc", "abc"));
        assertTrue(TextFunctions.like("abc", "%"));
        assertTrue(TextFunctions.like("", "%"));
        assertFalse(TextFunctions.like("", "_"));
        assertTrue(TextFunctions.like("a%c", "a\\%c"));
        assertFalse(TextFunctions.like("abc", "a\\%c"));
        assertTrue(TextFunctions.like("a_c", "a\\_c"));
        assertFalse(TextFunctions.like("abc", "a\\_c"));
        assertTrue(TextFunctions.like("a\\c", "a\\\\c"));
        assertTrue(TextFunctions.like("𝄞x", "_x"), "one code point, though two chars");
        assertTrue(TextFunctions.like("line\nbreak", "line_break"));
        assertTrue(TextFunctions.like("aXbXc", "%b%c"));
        assertFalse(TextFunctions.like("aXbXc", "%b%d"));
        assertTrue(TextFunctions.like("mississippi", "%iss%ipp%"));
        String many = "a".repeat(5000);
        long start = System.nanoTime();
        assertFalse(TextFunctions.like(many, "%a".repeat(2000) + "b"));
        assertTrue((System.nanoTime() - start) / 1e9 < 5, "no exponential backtracking");
    }

    @Test
    void caseAndAccentFolding() {
        assertEquals("straße ünï", TextFunctions.caseI("STRAßE ÜNÏ"));
        assertEquals("Unicode Strasse", TextFunctions.accentI("Ünïcodé Strasse"));
        assertEquals("尧都区", TextFunctions.accentI("尧都区"));
    }

    @Test
    void constantFiltersFoldAndNameNoProperty() {
        assertEquals(true, FilterEvaluator.constant(Cql2TextTest.parse("'a' = 'a' AND A_CONTAINS(('x', 'y'), ('y'))")));
        assertEquals(false, FilterEvaluator.constant(Cql2TextTest.parse("1 > 2")));
        assertFalse(FilterEvaluator.namesProperty(Cql2TextTest.parse("S_INTERSECTS(POINT(1 1), BBOX(0, 0, 2, 2))")));
        assertTrue(FilterEvaluator.namesProperty(Cql2TextTest.parse("TRUE AND NOT CASEI(name) = 'x'")));
    }

    @Test
    void theEnvelopeAFilterImplies() {
        assertEquals(new Envelope(111, 112, 36, 37), FilterEvaluator.requiredEnvelope(Cql2TextTest.parse(
                "category = 'energy' AND S_INTERSECTS(geometry, BBOX(111, 36, 112, 37))")));
        assertEquals(new Envelope(1, 2, 1, 2), FilterEvaluator.requiredEnvelope(Cql2TextTest.parse(
                "S_WITHIN(geometry, BBOX(0, 0, 10, 10)) AND S_INTERSECTS(geometry, BBOX(1, 1, 2, 2))")), "the smallest of an AND");
        assertEquals(new Envelope(0, 20, 0, 20), FilterEvaluator.requiredEnvelope(Cql2TextTest.parse(
                "S_INTERSECTS(geometry, BBOX(0, 0, 1, 1)) OR S_CONTAINS(POLYGON((10 10, 20 10, 20 20, 10 10)), geometry)")));
        assertNull(FilterEvaluator.requiredEnvelope(Cql2TextTest.parse(
                "S_INTERSECTS(geometry, BBOX(0, 0, 1, 1)) OR category = 'energy'")));
        assertNull(FilterEvaluator.requiredEnvelope(Cql2TextTest.parse("S_DISJOINT(geometry, BBOX(0, 0, 1, 1))")));
        assertNull(FilterEvaluator.requiredEnvelope(Cql2TextTest.parse("NOT S_INTERSECTS(geometry, BBOX(0, 0, 1, 1))")));
        assertNull(FilterEvaluator.requiredEnvelope(Cql2TextTest.parse("S_INTERSECTS(geometry, POINT EMPTY)")));
    }
}
