package org.linfenatlas.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.linfenatlas.filter.Filter.And;
import org.linfenatlas.filter.Filter.ArrayOp;
import org.linfenatlas.filter.Filter.ArrayRelation;
import org.linfenatlas.filter.Filter.Between;
import org.linfenatlas.filter.Filter.Comparison;
import org.linfenatlas.filter.Filter.ComparisonOp;
import org.linfenatlas.filter.Filter.Constant;
import org.linfenatlas.filter.Filter.In;
import org.linfenatlas.filter.Filter.IsNull;
import org.linfenatlas.filter.Filter.Like;
import org.linfenatlas.filter.Filter.Not;
import org.linfenatlas.filter.Filter.Or;
import org.linfenatlas.filter.Filter.Spatial;
import org.linfenatlas.filter.Filter.SpatialOp;
import org.linfenatlas.filter.Operand.ArrayValue;
import org.linfenatlas.filter.Operand.CaseI;
import org.linfenatlas.filter.Operand.GeometryValue;
import org.linfenatlas.filter.Operand.Numeric;
import org.linfenatlas.filter.Operand.Property;
import org.linfenatlas.filter.Operand.Text;
import org.linfenatlas.model.Layers;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.io.WKTReader;

/** The CQL2 text parser: the tree it makes, the standard's own examples (names adapted), and every refusal's position. */
class Cql2TextTest {
    static final Queryables PROJECTS = Queryables.of(Layers.PROJECTS_SPEC);
    static final Queryables COUNTIES = Queryables.of(Layers.COUNTIES_SPEC);
    static final UnaryOperator<Geometry> CRS84 = g -> g;
    static final Property NAME = new Property("name", ValueType.STRING);
    static final Property START_YEAR = new Property("start_year", ValueType.NUMBER);
    static final Property COUNTIES_LIST = new Property("counties", ValueType.STRING_ARRAY);
    static final Property GEOMETRY = new Property("geometry", ValueType.GEOMETRY);

    static Filter parse(String text) {
        return Cql2Text.parse(text, PROJECTS, CRS84);
    }

    static FilterException refused(String text) {
        return assertThrows(FilterException.class, () -> parse(text), text);
    }

    static Geometry wkt(String text) throws Exception {
        return new WKTReader().read(text);
    }

    @Test
    void comparisonOfAPropertyWithALiteral() {
        assertEquals(new Comparison(ComparisonOp.EQ, NAME, new Text("尧都区物流园")), parse("name = '尧都区物流园'"));
        assertEquals(new Comparison(ComparisonOp.NE, START_YEAR, new Numeric(2020)), parse("start_year<>2020"));
        assertEquals(new Comparison(ComparisonOp.LE, START_YEAR, new Numeric(-1.5)), parse("start_year <= -1.5"));
        assertEquals(new Comparison(ComparisonOp.GE, START_YEAR, new Numeric(1000)), parse("start_year>=1e3"));
        assertEquals(new Comparison(ComparisonOp.LT, START_YEAR, new Numeric(0.5)), parse("start_year < .5"));
        assertEquals(new Comparison(ComparisonOp.GT, START_YEAR, new Numeric(2)), parse("start_year > +2"));
        assertEquals(new Comparison(ComparisonOp.EQ, new Text("a"), NAME), parse("'a' = name"), "literal on the left");
        assertEquals(new Comparison(ComparisonOp.EQ, NAME, new Property("name_en", ValueType.STRING)), parse("name = name_en"));
    }

    @Test
    void stringLiteralsEscapeTheirQuoteTwoWays() {
        assertEquals(new Comparison(ComparisonOp.EQ, NAME, new Text("it's")), parse("name = 'it''s'"));
        assertEquals(new Comparison(ComparisonOp.EQ, NAME, new Text("it's")), parse("name = 'it\\'s'"));
        assertEquals(new Comparison(ComparisonOp.EQ, NAME, new Text("")), parse("name = ''"));
        assertEquals(new Comparison(ComparisonOp.EQ, NAME, new Text("a\\b")), parse("name = 'a\\b'"), "other backslashes stay");
    }

    @Test
    void andBindsTighterThanOrAndKeywordsIgnoreCase() {
        Filter a = new Comparison(ComparisonOp.EQ, NAME, new Text("a"));
        Filter b = new Comparison(ComparisonOp.EQ, NAME, new Text("b"));
        Filter c = new Comparison(ComparisonOp.EQ, NAME, new Text("c"));
        assertEquals(new Or(List.of(a, new And(List.of(b, c)))), parse("name='a' OR name='b' AND name='c'"));
        assertEquals(new And(List.of(new Or(List.of(a, b)), c)), parse("(name='a' or name='b') and name='c'"));
        assertEquals(new And(List.of(a, b, c)), parse("name='a' AND name='b' AND name='c'"), "one AND node, flat");
        assertEquals(new Not(a), parse("not name='a'"));
        assertEquals(new Not(new Not(a)), parse("NOT NOT name='a'"));
        assertEquals(new Constant(true), parse("TRUE"));
        assertEquals(new And(List.of(new Constant(false), a)), parse("false AND name = 'a'"));
        assertEquals(new Comparison(ComparisonOp.EQ, new Operand.Bool(true), new Operand.Bool(true)), parse("TRUE = true"));
    }

    @Test
    void advancedComparisons() {
        assertEquals(new Like(NAME, new Text("尧都%")), parse("name LIKE '尧都%'"));
        assertEquals(new Not(new Like(NAME, new Text("_a\\%"))), parse("name NOT LIKE '_a\\%'"));
        assertEquals(new Between(START_YEAR, new Numeric(2018), new Numeric(2020)), parse("start_year BETWEEN 2018 and 2020"));
        assertEquals(new Not(new Between(START_YEAR, new Numeric(2018), new Numeric(2020))),
                parse("start_year NOT BETWEEN 2018 AND 2020"));
        assertEquals(new And(List.of(new Between(START_YEAR, new Numeric(1), new Numeric(2)),
                new Comparison(ComparisonOp.EQ, NAME, new Text("x")))), parse("start_year BETWEEN 1 AND 2 AND name = 'x'"));
        assertEquals(new In(NAME, List.of(new Text("a"), new Text("b"))), parse("name IN ('a', 'b')"));
        assertEquals(new Not(new In(START_YEAR, List.of(new Numeric(2018)))), parse("start_year NOT IN (2018)"));
        assertEquals(new IsNull(NAME), parse("name IS NULL"));
        assertEquals(new Not(new IsNull(COUNTIES_LIST)), parse("counties IS NOT NULL"));
        assertEquals(new Not(new IsNull(GEOMETRY)), parse("geometry IS NOT NULL"));
    }

    @Test
    void caseAndAccentInsensitiveComparisons() {
        assertEquals(new Comparison(ComparisonOp.EQ, new CaseI(NAME), new CaseI(new Text("ABC"))), parse("CASEI(name) = casei('ABC')"));
        assertEquals(new Like(new Operand.AccentI(new CaseI(NAME)), new Operand.AccentI(new CaseI(new Text("é%")))),
                parse("ACCENTI(CASEI(name)) LIKE ACCENTI(CASEI('é%'))"));
    }

    @Test
    void spatialPredicatesTakeWktAndBbox() throws Exception {
        assertEquals(new Spatial(SpatialOp.S_INTERSECTS, GEOMETRY, new GeometryValue(wkt("POINT (111.5 36.1)"))),
                parse("S_INTERSECTS(geometry, POINT(111.5 36.1))"));
        assertEquals(new Spatial(SpatialOp.S_WITHIN, GEOMETRY, new GeometryValue(wkt("POLYGON ((111 36, 112 36, 112 37, 111 37, 111 36))"))),
                parse("s_within(geometry,polygon((111 36,112 36,112 37,111 37,111 36)))"));
        Geometry box = new org.locationtech.jts.geom.GeometryFactory().toGeometry(new org.locationtech.jts.geom.Envelope(111, 112, 36, 37));
        assertEquals(new Spatial(SpatialOp.S_INTERSECTS, GEOMETRY, new GeometryValue(box)),
                parse("S_INTERSECTS(geometry, BBOX(111, 36, 112, 37))"));
        assertEquals(new Spatial(SpatialOp.S_CONTAINS, new GeometryValue(box), GEOMETRY),
                parse("S_CONTAINS(BBOX(111, 36, -10, 112, 37, 10), \"geometry\")"), "six numbers: heights third and sixth");
        for (String literal : List.of("POINT Z (1 2 3)", "LINESTRING(1 2, 3 4)", "MULTIPOINT((1 2),(3 4))", "MULTIPOINT(1 2, 3 4)",
                "MULTILINESTRING((1 2, 3 4),(5 6, 7 8))", "MULTIPOLYGON(((0 0,1 0,1 1,0 0)),((5 5,6 5,6 6,5 5)))",
                "GEOMETRYCOLLECTION(POINT(1 2),LINESTRING(3 4,5 6))", "POLYGON((0 0,4 0,4 4,0 4,0 0),(1 1,2 1,2 2,1 1))",
                "POINT EMPTY")) {
            Filter f = parse("S_DISJOINT(geometry, " + literal + ")");
            assertEquals(wkt(literal), ((GeometryValue) ((Spatial) f).right()).geometry(), literal);
        }
        for (SpatialOp op : SpatialOp.values()) {
            assertEquals(op, ((Spatial) parse(op + "(geometry, POINT(1 1))")).op());
        }
    }

    @Test
    void aBboxAcrossTheAntimeridianIsTwoBoxes() {
        Geometry box = ((GeometryValue) ((Spatial) parse("S_INTERSECTS(geometry, BBOX(170, -10, -170, 10))")).right()).geometry();
        assertInstanceOf(MultiPolygon.class, box);
        assertEquals(400.0, box.getArea(), 1e-9);
    }

    @Test
    void geometryLiteralsAreTakenToCrs84() {
        UnaryOperator<Geometry> swap = g -> {
            Geometry copy = g.copy();
            copy.apply((org.locationtech.jts.geom.CoordinateFilter) c -> {
                double x = c.x;
                c.x = c.y;
                c.y = x;
            });
            return copy;
        };
        Spatial s = (Spatial) Cql2Text.parse("S_INTERSECTS(geometry, POINT(36.1 111.5))", PROJECTS, swap);
        assertEquals(new Coordinate(111.5, 36.1), ((GeometryValue) s.right()).geometry().getCoordinate());
        Spatial box = (Spatial) Cql2Text.parse("S_INTERSECTS(geometry, BBOX(36, 111, 37, 112))", PROJECTS, swap);
        assertEquals(new org.locationtech.jts.geom.Envelope(111, 112, 36, 37), ((GeometryValue) box.right()).geometry().getEnvelopeInternal());
    }

    @Test
    void arrayPredicatesTakeArrayLiterals() {
        assertEquals(new ArrayRelation(ArrayOp.A_CONTAINS, COUNTIES_LIST, new ArrayValue(List.of("吉县", "永和县"))),
                parse("A_CONTAINS(counties, ('吉县', '永和县'))"));
        assertEquals(new ArrayRelation(ArrayOp.A_EQUALS, new ArrayValue(List.of()), new Property("aliases", ValueType.STRING_ARRAY)),
                parse("a_equals((), aliases)"));
        for (ArrayOp op : ArrayOp.values()) {
            assertEquals(op, ((ArrayRelation) parse(op + "(belts, ('fen'))")).op());
        }
    }

    /** Examples of OGC 21-065 (cql2/standard/schema/examples/text), with this atlas's property names. */
    @ParameterizedTest
    @ValueSource(strings = {
            "name='Toronto'",                                                      // clause6_02a: city='Toronto'
            "geometry IS NOT NULL",                                                // clause6_03
            "name LIKE 'Smith%'",                                                  // clause7_01
            "investment_planned_yi_yuan BETWEEN 100.0 and 150.0",                  // clause7_02: depth BETWEEN ...
            "name IN ('Toronto','Frankfurt','Tokyo','New York')",                  // clause7_03a: cityName IN ...
            "CASEI(name) IN (CASEI('Οδος'),CASEI('Straße'))",                      // clause7_04: CASEI(road_class) IN ...
            "S_INTERSECTS(geometry,POINT(36.319836 32.288087))",                   // clause7_07
            "A_CONTAINS(counties, ('layers-ca','layers-us'))",                     // clause7_15: A_CONTAINS(layer:ids, ...)
            "category='energy'\nAND status='build'\nAND precision='site'\nAND s_intersects(geometry,POLYGON((-77.117938 38.936860,"
                    + "-77.040604 39.995648,-76.910536 38.892912,-77.039359 38.791753,-77.047906 38.841462,-77.034183 38.840655,"
                    + "-77.033142 38.857490,-77.117938 38.936860)))",               // example08
            "name_en LIKE 'Mike%'",                                                // example12: owner LIKE 'Mike%'
            "start_year>5 AND investment_year=2024",                               // example15: floors>5 AND swimming_pool=true
            "\"id\" = 'fa7e1920-9107-422d-a3db-c468cbc5d6df'",                     // example29
            "\"start_year\" BETWEEN 10 AND 20",                                    // example37: "value" BETWEEN 10 AND 20
            "S_INTERSECTS(\"geometry\", BBOX(-128.098193, -1.1, -99999.0, 180.0, 90.0, 100000.0))"})  // example45
    void standardExamplesParse(String text) {
        parse(text);
    }

    @Test
    void theSameTreeFromTheJsonEncoding() {
        assertEquals(parse("name = 'a' AND (start_year > 2019 OR NOT name LIKE CASEI('b%'))"), Cql2Json.parse("""
                {"op": "and", "args": [
                  {"op": "=", "args": [{"property": "name"}, "a"]},
                  {"op": "or", "args": [
                    {"op": ">", "args": [{"property": "start_year"}, 2019]},
                    {"op": "not", "args": [{"op": "like", "args": [{"property": "name"}, {"op": "casei", "args": ["b%"]}]}]}]}]}
                """, PROJECTS, CRS84));
    }

    @ParameterizedTest(name = "{0} → at {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "name = | 6 | expected a value",
            "name == 'x' | 6 | expected a value",
            "name != 'x' | 5 | <>",
            "nmae = 'x' | 0 | unknown property 'nmae'",
            "THIS IS NOT A FILTER | 0 | unknown property 'THIS'",
            "name = 5 | 5 | compares values of one type",
            "start_year = 'x' | 11 | compares values of one type",
            "counties = '吉县' | 0 | A_CONTAINS",
            "geometry = 'x' | 0 | S_INTERSECTS",
            "name = 'x | 7 | not closed",
            "(name = 'x' | 11 | ')' closing",
            "name = 'x') | 10 | after a complete predicate",
            "name = 'x' name = 'y' | 11 | AND or OR",
            "name 'x' | 5 | a comparison",
            "start_year + 1 > 2 | 11 | arithmetic",
            "foo(name) = 'x' | 0 | unknown function 'foo'",
            "name = NULL | 7 | IS NULL",
            "T_BEFORE(updated_at, DATE('2015-01-01')) | 0 | temporal",
            "updated_at < TIMESTAMP('2015-01-01T00:00:00Z') | 13 | temporal",
            "name LIKE 5 | 10 | pattern",
            "start_year LIKE 'x' | 0 | LIKE matches strings",
            "name BETWEEN 'a' AND 'b' | 0 | BETWEEN compares numbers",
            "start_year BETWEEN 1 OR 2 | 21 | AND between",
            "name IN ('a', 2) | 14 | one type",
            "name IN () | 9 | expected a value",
            "S_INTERSECTS(name, POINT(1 1)) | 13 | relates geometries",
            "S_INTERSECTS(geometry, POINT(1)) | 23 | invalid WKT",
            "S_INTERSECTS(geometry, POINT(1 1) | 33 | ')' closing",
            "S_INTERSECTS(geometry, POLYGON((0 0, 1 1, 1 0, 0 1, 0 0))) | 23 | invalid geometry literal",
            "S_INTERSECTS(geometry, BBOX(1000000,1000000,2000000,2000000)) | 23 | -180..180",
            "S_INTERSECTS(geometry, POINT(200 10)) | 23 | -180..180",
            "S_INTERSECTS(geometry, BBOX(1, 2, 3)) | 23 | 4 or 6",
            "S_INTERSECTS(geometry, BBOX(0, 10, 1, 5)) | 23 | south edge",
            "S_NEAR(geometry, POINT(1 1)) | 0 | unknown function",
            "A_CONTAINS(name, ('x')) | 11 | relates arrays",
            "A_CONTAINS(counties, (1)) | 22 | strings",
            "A_CONTAINS(counties, (('a'))) | 22 | nested",
            "figures IS NULL | 0 | unknown property 'figures'",
            "seat IS NULL | 0 | unknown property 'seat'",
            "name = 'x' AND | 14 | expected a value",
            "'x' | 3 | a comparison",
            "1abc = 1 | 1 | runs into a name",
            "name = 1e | 8 | exponent",
            "name # 'x' | 5 | unexpected character"})
    void refusalsNameWhereTheyFailed(String text, int position, String mentioned) {
        FilterException e = refused(text);
        assertTrue(e.getMessage().contains(mentioned), () -> e.getMessage() + " should mention " + mentioned);
        assertEquals(position, e.position(), e.getMessage());
    }

    @Test
    void anUnknownPropertyListsTheQueryables() {
        FilterException e = refused("colour = 'red'");
        assertTrue(e.queryables().containsAll(List.of("id", "geometry", "name", "counties", "start_year")), e.queryables().toString());
        assertTrue(e.getMessage().contains("queryables: id, geometry, name"), e.getMessage());
        assertTrue(Cql2Text.parse("belt = 'fen'", COUNTIES, CRS84) instanceof Comparison);
        assertEquals(0, assertThrows(FilterException.class, () -> Cql2Text.parse("stage = 'x'", COUNTIES, CRS84)).position());
    }

    @Test
    void emptyAndTooLongFiltersAreRefused() {
        assertEquals(0, refused("").position());
        assertEquals(0, refused("   ").position());
        String longest = "name = '" + "x".repeat(Cql2Text.MAX_LENGTH - 9) + "'";
        assertEquals(Cql2Text.MAX_LENGTH, longest.length());
        parse(longest);
        FilterException e = refused(longest + " ");
        assertEquals(Cql2Text.MAX_LENGTH, e.position());
        assertTrue(e.getMessage().contains("longer than 100000"));
    }

    @Test
    void nestingIsCountedAndCappedWithoutExhaustingTheStack() {
        int max = Cql2Text.MAX_DEPTH;
        parse("NOT ".repeat(max) + "name = 'x'");
        FilterException nots = refused("NOT ".repeat(max + 1) + "name = 'x'");
        assertEquals(4 * max, nots.position());
        parse("(".repeat(max) + "name = 'x'" + ")".repeat(max));
        assertEquals(max, refused("(".repeat(max + 1) + "name = 'x'" + ")".repeat(max + 1)).position());
        // as deep as the length allows: refused at the limit, long before the stack would run out
        assertEquals(max, refused("(".repeat(Cql2Text.MAX_LENGTH)).position());
        assertTrue(refused("S_INTERSECTS(geometry, GEOMETRYCOLLECTION" + "(GEOMETRYCOLLECTION".repeat(4000) + ")")
                .getMessage().contains("nested deeper"));
        // long but flat: a chain of ORs is a loop, not a recursion
        String chain = String.join(" OR ", java.util.Collections.nCopies(5000, "name = 'x'"));
        assertEquals(5000, ((Or) parse(chain)).args().size());
    }
}
