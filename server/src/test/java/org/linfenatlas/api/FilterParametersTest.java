package org.linfenatlas.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.Response;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.linfenatlas.filter.Cql2Text;
import org.linfenatlas.filter.Filter;
import org.linfenatlas.filter.Operand;
import org.linfenatlas.filter.Queryables;
import org.linfenatlas.filter.ValueType;
import org.linfenatlas.model.Layers;
import org.locationtech.jts.geom.Coordinate;

/** filter, filter-lang, filter-crs and the queryables (OGC API – Features Part 3) over HTTP, against the fake store. */
class FilterParametersTest extends ApiTestSupport {
    private static final String ITEMS = "/api/collections/projects/items";

    static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static Filter parse(String cql) {
        return Cql2Text.parse(cql, Queryables.of(Layers.PROJECTS_SPEC), g -> g);
    }

    @Test
    void aTextFilterReachesTheStoreParsed() {
        withServer((store, client) -> {
            assertEquals(200, client.get(ITEMS + "?filter=" + enc("category = 'energy' AND start_year >= 2020")).code());
            assertEquals(parse("category = 'energy' AND start_year >= 2020"), store.lastQuery.filter());
            assertEquals(200, client.get(ITEMS + "?filter-lang=cql2-text&filter=" + enc("name LIKE '尧都%'")).code());
            assertEquals(parse("name LIKE '尧都%'"), store.lastQuery.filter());
            assertEquals(200, client.get(ITEMS).code());
            assertNull(store.lastQuery.filter());
        });
    }

    @Test
    void aJsonFilterReachesTheStoreAsTheSameTree() {
        withServer((store, client) -> {
            String json = "{\"op\":\"a_contains\",\"args\":[{\"property\":\"counties\"},[\"吉县\"]]}";
            assertEquals(200, client.get(ITEMS + "?filter-lang=cql2-json&filter=" + enc(json)).code());
            assertEquals(parse("A_CONTAINS(counties, ('吉县'))"), store.lastQuery.filter());
        });
    }

    @Test
    void filterCrsTakesGeometryLiteralsToCrs84() {
        withServer((store, client) -> {
            assertEquals(200, client.get(ITEMS + "?filter-crs=" + enc("http://www.opengis.net/def/crs/EPSG/0/4326")
                    + "&filter=" + enc("S_INTERSECTS(geometry, POINT(36.1 111.5))")).code());
            Filter.Spatial s = (Filter.Spatial) store.lastQuery.filter();
            assertEquals(new Coordinate(111.5, 36.1), ((Operand.GeometryValue) s.right()).geometry().getCoordinate());
            assertEquals(200, client.get(ITEMS + "?filter-crs=" + enc("http://www.opengis.net/def/crs/EPSG/0/3857")
                    + "&filter=" + enc("S_INTERSECTS(geometry, POINT(12415000 4314000))")).code());
            Coordinate c = ((Operand.GeometryValue) ((Filter.Spatial) store.lastQuery.filter()).right()).geometry().getCoordinate();
            double[] expected = Crs.EPSG_3857.toCrs84(12415000, 4314000);
            assertEquals(expected[0], c.x, 1e-9);
            assertEquals(expected[1], c.y, 1e-9);
            assertBadRequest(client.get(ITEMS + "?filter-crs=EPSG:4326&filter=" + enc("name = 'x'")), "filter-crs");
            // the bbox-crs check: 1,000,000 is no longitude (Part 3 abstract test filter-crs-wgs84)
            assertBadRequest(client.get(ITEMS + "?filter=" + enc("S_INTERSECTS(geometry, BBOX(1000000,1000000,2000000,2000000))")),
                    "-180..180");
        });
    }

    @Test
    void unknownFilterLanguageIsRefused() {
        withServer((store, client) -> assertBadRequest(client.get(ITEMS + "?filter-lang=ecql&filter=" + enc("name = 'x'")),
                "filter-lang"));
    }

    @Test
    void aMalformedFilterIsA400NamingWhereItFailed() {
        withServer((store, client) -> {
            Response r = client.get(ITEMS + "?filter=" + enc("name = 'x' AND (start_year > )"));
            assertBadRequest(r, "at character 29");
            JsonNode body = json(client.get(ITEMS + "?filter=" + enc("name = 'x' AND (start_year > )")));
            assertEquals("filter", body.path("details").path("parameter").asText());
            assertEquals(29, body.path("details").path("position").asInt());
            assertEquals(")", body.path("details").path("near").asText());
            assertEquals("cql2-text", body.path("details").path("filter-lang").asText());
            assertTrue(body.path("description").asText().contains("expected a value"), body.toString());
            assertBadRequest(client.get(ITEMS + "?filter=" + enc("THIS IS NOT A FILTER")), "unknown property 'THIS'");
        });
    }

    @Test
    void anUnknownPropertyIsRefusedWithTheQueryables() {
        withServer((store, client) -> {
            JsonNode body = json(client.get(ITEMS + "?filter=" + enc("this_is_not_a_queryable IS NULL")));
            assertEquals("InvalidParameterValue", body.path("code").asText());
            assertTrue(body.path("description").asText().contains("this_is_not_a_queryable"));
            List<String> queryables = new ArrayList<>();
            body.path("details").path("queryables").forEach(n -> queryables.add(n.asText()));
            assertTrue(queryables.containsAll(List.of("id", "geometry", "name", "counties")), queryables.toString());
        });
    }

    @Test
    void typeErrorsAreRefused() {
        withServer((store, client) -> {
            assertBadRequest(client.get(ITEMS + "?filter=" + enc("name = 5")), "one type");
            assertBadRequest(client.get(ITEMS + "?filter=" + enc("counties = '吉县'")), "A_CONTAINS");
        });
    }

    @Test
    void longFiltersAreAcceptedUpToTheLimit() {
        withServer((store, client) -> {
            String chain = String.join(" OR ", java.util.Collections.nCopies(2500, "name = '项目'")); // 29,997 characters
            assertEquals(200, client.get(ITEMS + "?filter=" + enc(chain)).code());
            assertEquals(2500, ((Filter.Or) store.lastQuery.filter()).args().size());
            String tooLong = "name = '" + "x".repeat(Cql2Text.MAX_LENGTH) + "'";
            assertBadRequest(client.get(ITEMS + "?filter=" + enc(tooLong)), "longer than 100000");
        });
    }

    @Test
    void pagingLinksKeepTheFilter() {
        withServer((store, client) -> {
            String filter = "category IN ('energy', 'transport')";
            JsonNode page = json(client.get(ITEMS + "?limit=10&filter=" + enc(filter)));
            String next = null;
            for (JsonNode link : page.path("links")) {
                if (link.path("rel").asText().equals("next")) {
                    next = link.path("href").asText();
                }
            }
            assertNotNull(next, page.toString());
            assertTrue(next.contains("filter=" + enc(filter)), next);
            assertTrue(next.contains("offset=10"), next);
            String path = next.substring(next.indexOf("/api/"));
            assertEquals(200, client.get(path).code());
            assertEquals(parse(filter), store.lastQuery.filter());
            assertEquals(10, store.lastQuery.offset());
        });
    }

    @Test
    void filteredPagesAreAnsweredInFrontOfJavalinAndNotCached() {
        withServer((store, client) -> {
            String path = ITEMS + "?filter=" + enc("category = 'energy'");
            HttpResponse<byte[]> first = send(client, "GET", path);
            assertEquals(200, first.statusCode());
            assertFalse(store.lastItemsThroughServlet);
            store.lastQuery = null;
            assertEquals(200, send(client, "GET", path).statusCode());
            assertNotNull(store.lastQuery, "asked the store again: a filtered page is not cached");
            HttpResponse<byte[]> bad = send(client, "GET", ITEMS + "?filter=" + enc("name ="));
            assertEquals(400, bad.statusCode());
            assertTrue(new String(bad.body(), StandardCharsets.UTF_8).contains("\"position\":6"));
        });
    }

    @Test
    void queryablesAreQueryParametersToo() {
        withServer((store, client) -> {
            assertEquals(200, client.get(ITEMS + "?name_en=" + enc("Yaodu Park") + "&start_year=2020").code());
            Operand.Property nameEn = new Operand.Property("name_en", ValueType.STRING);
            Operand.Property startYear = new Operand.Property("start_year", ValueType.NUMBER);
            assertEquals(new Filter.And(List.of(
                    new Filter.Comparison(Filter.ComparisonOp.EQ, nameEn, new Operand.Text("Yaodu Park")),
                    new Filter.Comparison(Filter.ComparisonOp.EQ, startYear, new Operand.Numeric(2020)))), store.lastQuery.filter());
            assertEquals(200, client.get(ITEMS + "?id=p-03&filter=" + enc("category = 'energy'")).code());
            assertEquals(new Filter.And(List.of(parse("category = 'energy'"), parse("id = 'p-03'"))), store.lastQuery.filter());
            assertBadRequest(client.get(ITEMS + "?start_year=soon"), "'start_year' must be an integer");
            assertBadRequest(client.get(ITEMS + "?start_year=2020.5"), "'start_year' must be an integer");
            assertEquals(200, client.get("/api/collections/counties/items?area_km2=1000.5").code());
            assertEquals(200, client.get("/api/collections/counties/items?name=" + enc("吉县")).code());
            assertNull(store.lastQuery.filter(), "name is the counties' older comma-list parameter");
        });
    }

    @Test
    void queryablesAreAJsonSchemaOfEveryFilterableProperty() {
        withServer((store, client) -> {
            Response r = client.get("/api/collections/projects/queryables");
            assertEquals(200, r.code());
            assertEquals("application/schema+json", r.headers().get("Content-Type").get(0));
            JsonNode doc = json(client.get("/api/collections/projects/queryables"));
            assertEquals("https://json-schema.org/draft/2020-12/schema", doc.path("$schema").asText());
            assertEquals(client.origin() + "/api/collections/projects/queryables", doc.path("$id").asText());
            assertEquals("object", doc.path("type").asText());
            assertFalse(doc.path("additionalProperties").asBoolean(true));
            assertTrue(doc.path("title").asText().contains("Projects"));
            JsonNode p = doc.path("properties");
            assertEquals("string", p.path("name").path("type").asText());
            assertTrue(p.path("name").path("title").asText().length() > 3);
            assertEquals("integer", p.path("start_year").path("type").asText());
            assertEquals("number", p.path("investment_planned_yi_yuan").path("type").asText());
            assertEquals("energy", p.path("category").path("enum").get(0).asText());
            for (String vocabulary : List.of("category", "status", "precision", "kind", "stage")) {
                assertTrue(p.path(vocabulary).path("enum").size() >= 3, vocabulary);
            }
            assertEquals("array", p.path("counties").path("type").asText());
            assertEquals("string", p.path("counties").path("items").path("type").asText());
            assertEquals("fen", p.path("belts").path("items").path("enum").get(0).asText());
            assertEquals("array", p.path("aliases").path("type").asText());
            assertEquals("geometry-any", p.path("geometry").path("format").asText());
            assertEquals("primary-geometry", p.path("geometry").path("x-ogc-role").asText());
            assertTrue(p.path("geometry").path("type").isMissingNode(), "a spatial queryable has no type");
            assertEquals("string", p.path("id").path("type").asText());
            assertTrue(p.path("figures").isMissingNode());
            JsonNode counties = json(client.get("/api/collections/counties/queryables")).path("properties");
            assertEquals("yellow", counties.path("belt").path("enum").get(1).asText());
            assertTrue(counties.path("seat").isMissingNode());
            assertEquals(404, client.get("/api/collections/nope/queryables").code());
        });
    }

    @Test
    void everyCollectionLinksItsQueryablesAndConformanceDeclaresFiltering() {
        withServer((store, client) -> {
            for (String id : List.of("counties", "belts", "rivers", "projects")) {
                boolean linked = false;
                for (JsonNode link : json(client.get("/api/collections/" + id)).path("links")) {
                    linked |= link.path("rel").asText().equals("http://www.opengis.net/def/rel/ogc/1.0/queryables")
                            && link.path("href").asText().endsWith("/api/collections/" + id + "/queryables")
                            && link.path("type").asText().equals("application/schema+json");
                }
                assertTrue(linked, id);
                assertEquals(200, client.get("/api/collections/" + id + "/queryables").code());
                assertEquals(200, client.get("/api/collections/" + id + "/items?filter=" + enc("id IS NOT NULL")).code());
            }
            String conformance = json(client.get("/api/conformance")).path("conformsTo").toString();
            for (String uri : List.of("ogcapi-features-3/1.0/conf/filter", "ogcapi-features-3/1.0/conf/features-filter",
                    "ogcapi-features-3/1.0/conf/queryables", "ogcapi-features-3/1.0/conf/queryables-query-parameters",
                    "cql2/1.0/conf/cql2-text", "cql2/1.0/conf/cql2-json", "cql2/1.0/conf/basic-cql2",
                    "cql2/1.0/conf/advanced-comparison-operators", "cql2/1.0/conf/case-insensitive-comparison",
                    "cql2/1.0/conf/basic-spatial-functions", "cql2/1.0/conf/basic-spatial-functions-plus",
                    "cql2/1.0/conf/spatial-functions", "cql2/1.0/conf/array-functions")) {
                assertTrue(conformance.contains("\"http://www.opengis.net/spec/" + uri + "\""), uri);
            }
        });
    }

    @Test
    void openApiDocumentsTheFilterParametersAndTheQueryables() {
        withServer((store, client) -> {
            JsonNode doc = json(client.get("/api/openapi"));
            JsonNode components = doc.path("components").path("parameters");
            assertEquals("string", components.path("filter").path("schema").path("type").asText());
            assertEquals(Cql2Text.MAX_LENGTH, components.path("filter").path("schema").path("maxLength").asInt());
            assertEquals("cql2-text", components.path("filter-lang").path("schema").path("default").asText());
            assertEquals("cql2-json", components.path("filter-lang").path("schema").path("enum").get(1).asText());
            assertTrue(components.path("filter-crs").path("schema").path("enum").toString().contains("EPSG/0/4326"));
            for (String id : List.of("counties", "belts", "rivers", "projects")) {
                List<String> params = new ArrayList<>();
                doc.path("paths").path("/collections/" + id + "/items").path("get").path("parameters")
                        .forEach(p -> params.add(p.has("name") ? p.path("name").asText() : p.path("$ref").asText()));
                for (String name : List.of("filter", "filter-lang", "filter-crs")) {
                    assertTrue(params.contains("#/components/parameters/" + name), id + " " + name + " in " + params);
                }
                assertTrue(params.contains("id"), id + ": queryables are parameters too: " + params);
                assertTrue(doc.path("paths").path("/collections/" + id + "/queryables").path("get").path("responses").path("200")
                        .path("content").has("application/schema+json"), id);
            }
            assertTrue(client.get("/api/docs").body().string().contains("/queryables"));
        });
    }
}
