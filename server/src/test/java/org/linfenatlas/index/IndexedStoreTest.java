package org.linfenatlas.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.linfenatlas.model.Feature;
import org.linfenatlas.model.Layers;
import org.linfenatlas.store.FeaturePage;
import org.linfenatlas.store.ItemsQuery;
import org.linfenatlas.store.Stats;
import org.linfenatlas.testdata.TestLayers;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

/** The in-memory read path: spatial, property and text queries, ordering, paging, belts and stats. */
class IndexedStoreTest {
    private static final GeometryFactory G = new GeometryFactory();

    private final IndexedStore store = IndexedStore.of(Map.of(
            Layers.COUNTIES, List.of(
                    county("141032", "永和县", "Yonghe County", "yellow", 110.0, 36.0),
                    county("141028", "吉县", "Ji County", "yellow", 110.0, 35.0),
                    county("141002", "尧都区", "Yaodu District", "fen", 111.0, 36.0)),
            Layers.PROJECTS, List.of(
                    project("a-gas", "永和储气库", "energy", "永和县", "yellow", 110.5, 36.5, 30.0),
                    project("b-falls", "壶口瀑布景区", "culture_tourism", "吉县", "yellow", 110.45, 35.9, 0),
                    project("c-airport", "临汾乔李机场", "transport", "尧都区", "fen", 111.6, 36.05, 12.5),
                    project("d-park", "永和乾坤湾景区", "culture_tourism", "永和县", "yellow", 110.4, 36.7, 0))));

    @Test
    void bboxReturnsOnlyFeaturesIntersectingIt() {
        assertEquals(List.of("a-gas", "d-park"), ids(query(q -> q.bbox(new Envelope(110.3, 110.6, 36.4, 36.8)))));
    }

    @Test
    void bboxTouchingAPolygonEdgeFindsIt() {
        FeaturePage page = store.items(new ItemsQuery(Layers.COUNTIES, new Envelope(111.0, 111.0, 36.5, 36.5),
                Map.of(), List.of(), List.of(), 0, 10));
        assertEquals(Set.of("141032", "141002"), Set.copyOf(ids(page)));
    }

    private static final Map<String, List<Feature>> BIG_LAYERS = TestLayers.byId(TestLayers.withSyntheticProjects(3_000, 7L));
    private static final IndexedStore BIG = IndexedStore.of(BIG_LAYERS);

    /** Ids in order of what intersects the box and passes the filters (property → accepted values), feature by feature. */
    private static List<String> bruteForce(String layer, Envelope box, Map<String, Set<String>> filters) {
        var boxGeometry = G.toGeometry(box);
        return BIG_LAYERS.get(layer).stream()
                .filter(f -> f.geometry().intersects(boxGeometry))
                .filter(f -> filters.entrySet().stream().allMatch(e -> e.getValue().contains(f.property(e.getKey()))))
                .map(Feature::id).sorted().toList();
    }

    @Test
    void randomBoxesSelectExactlyWhatIntersectsThem() {
        java.util.Random random = new java.util.Random(11);
        for (int k = 0; k < 200; k++) {
            double size = Math.pow(10, -3 + random.nextDouble() * 3.5);
            double lon = 110 + random.nextDouble() * 2.8;
            double lat = 35 + random.nextDouble() * 2.2;
            Envelope box = new Envelope(lon, lon + size, lat, lat + size * random.nextDouble());
            for (String layer : List.of(Layers.PROJECTS, Layers.COUNTIES, Layers.RIVERS)) {
                List<String> expected = bruteForce(layer, box, Map.of());
                for (int limit : List.of(10_000, 100_000)) { // first matches kept in a heap; a bit per feature
                    FeaturePage page = BIG.items(new ItemsQuery(layer, box, Map.of(), List.of(), List.of(), 0, limit));
                    assertEquals(expected, ids(page), layer + " in " + box + ", limit " + limit);
                    assertEquals(expected.size(), page.numberMatched());
                }
            }
        }
    }

    @Test
    void randomBoxPagesWithAFilterAreSlicesOfTheWholeAnswerAtAnyOffset() {
        java.util.Random random = new java.util.Random(12);
        for (int k = 0; k < 100; k++) {
            double lon = 110 + random.nextDouble() * 2.5;
            double lat = 35 + random.nextDouble() * 2.0;
            Envelope box = new Envelope(lon, lon + 0.6, lat, lat + 0.6);
            Map<String, Set<String>> filters = k % 2 == 0 ? Map.of() : Map.of("category", Set.of("energy", "transport"));
            List<String> whole = bruteForce(Layers.PROJECTS, box, filters);
            int offset = random.nextInt(whole.size() + 5);
            int limit = 1 + random.nextInt(30);
            FeaturePage page = BIG.items(new ItemsQuery(Layers.PROJECTS, box, filters, List.of(), List.of(), offset, limit));
            assertEquals(whole.subList(Math.min(offset, whole.size()), Math.min(offset + limit, whole.size())), ids(page),
                    box + " " + filters + " offset " + offset + " limit " + limit);
            assertEquals(whole.size(), page.numberMatched());
        }
    }

    @Test
    void categoryFilterKeepsThatCategory() {
        assertEquals(List.of("b-falls", "d-park"), ids(query(q -> q.filter("category", "culture_tourism"))));
    }

    @Test
    void arrayPropertyFilterMatchesAnyElement() {
        assertEquals(List.of("a-gas", "b-falls", "d-park"), ids(query(q -> q.filter("belts", "yellow"))));
    }

    @Test
    void filtersCombineWithAnd() {
        assertEquals(List.of("d-park"), ids(query(q -> q.filter("counties", "永和县").filter("category", "culture_tourism"))));
    }

    @Test
    void chineseSearchFindsNames() {
        assertEquals(List.of("b-falls"), ids(query(q -> q.terms("壶口"))));
    }

    @Test
    void pinyinSearchFindsChineseNames() {
        assertEquals(List.of("a-gas", "d-park"), ids(query(q -> q.terms("yonghe"))));
        assertEquals(List.of("b-falls"), ids(query(q -> q.terms("hukou"))));
    }

    @Test
    void searchRanksNameMatchesBeforeSummaryMatches() {
        // 机场 (jichang) is in the airport's name and only in d-park's summary
        assertEquals(List.of("c-airport", "d-park"), ids(query(q -> q.terms("jichang"))));
    }

    @Test
    void everyTermMustMatch() {
        assertEquals(List.of("d-park"), ids(query(q -> q.terms("yonghe", "jingqu"))));
    }

    @Test
    void defaultOrderIsById() {
        assertEquals(List.of("a-gas", "b-falls", "c-airport", "d-park"), ids(query(q -> q)));
    }

    @Test
    void sortByNameDescending() {
        List<String> names = new ArrayList<>();
        query(q -> q.sort("name", true)).features().forEach(f -> names.add(f.text("name")));
        List<String> expected = new ArrayList<>(names);
        expected.sort(java.util.Comparator.reverseOrder());
        assertEquals(expected, names);
    }

    @Test
    void pagingSplitsTheSameOrderWithoutGapsOrRepeats() {
        List<String> all = ids(query(q -> q));
        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < 4; offset += 3) {
            int from = offset;
            paged.addAll(ids(query(q -> q.page(from, 3))));
        }
        assertEquals(all, paged);
        assertEquals(4, query(q -> q.page(3, 3)).numberMatched());
    }

    @Test
    void beltsAreDissolvedFromCounties() {
        FeaturePage belts = store.items(ItemsQuery.all(Layers.BELTS));
        assertEquals(List.of("fen", "yellow"), ids(belts));
        Feature yellow = belts.features().get(1);
        assertEquals(List.of("永和县", "吉县"), yellow.property("counties"));
        assertEquals(1, yellow.geometry().getNumGeometries(), "adjacent counties dissolve into one polygon");
        assertTrue(yellow.geometry().isValid());
    }

    @Test
    void beltAreaIsTheSumOfItsCounties() {
        double counties = store.items(ItemsQuery.all(Layers.COUNTIES)).features().stream()
                .filter(c -> "yellow".equals(c.text("belt"))).mapToDouble(c -> (Double) c.property("area_km2")).sum();
        Feature yellow = store.item(Layers.BELTS, "yellow").orElseThrow();
        assertEquals(counties, (Double) yellow.property("area_km2"), 0.11);
    }

    @Test
    void countyAreaIsGeodesic() {
        double area = (Double) store.item(Layers.COUNTIES, "141002").orElseThrow().property("area_km2");
        double sphere = 6371.0 * 6371.0 * Math.toRadians(1) * (Math.sin(Math.toRadians(37)) - Math.sin(Math.toRadians(36)));
        assertEquals(sphere, area, sphere * 0.005, "a 1° cell from 36°N to 37°N, ellipsoid within 0.5 % of sphere");
    }

    @Test
    void statsCountEachProjectOncePerBeltAndCounty() {
        Stats stats = store.stats();
        assertEquals(4, stats.total());
        assertEquals(42.5, stats.investmentYiYuan(), 1e-9);
        Stats.Group yellow = stats.belts().stream().filter(b -> b.id().equals("yellow")).findFirst().orElseThrow();
        assertEquals(3, yellow.count());
        assertEquals(2L, yellow.categories().get("culture_tourism"));
        Stats.Group yonghe = stats.counties().stream().filter(c -> c.name().equals("永和县")).findFirst().orElseThrow();
        assertEquals(2, yonghe.count());
        assertEquals(30.0, yonghe.investmentYiYuan(), 1e-9);
    }

    @Test
    void revisionFollowsTheData() {
        IndexedStore other = IndexedStore.of(Map.of(Layers.PROJECTS, List.of(
                project("a-gas", "永和储气库", "energy", "永和县", "yellow", 110.5, 36.5, 31.0))));
        assertNotEquals(store.revision(), other.revision());
    }

    private FeaturePage query(java.util.function.UnaryOperator<QueryBuilder> build) {
        return store.items(build.apply(new QueryBuilder()).build());
    }

    private static List<String> ids(FeaturePage page) {
        return page.features().stream().map(Feature::id).toList();
    }

    private static Feature county(String id, String name, String nameEn, String belt, double lon, double lat) {
        var square = G.toGeometry(new Envelope(lon, lon + 1, lat, lat + 1));
        return new Feature(id, square, Map.of("name", name, "name_en", nameEn, "belt", belt));
    }

    private static Feature project(String id, String name, String category, String county, String belt,
                                   double lon, double lat, double investment) {
        Map<String, Object> props = new java.util.LinkedHashMap<>();
        props.put("name", name);
        props.put("category", category);
        props.put("counties", List.of(county));
        props.put("belts", List.of(belt));
        props.put("summary_zh", id.equals("d-park") ? "黄河蛇曲景区，靠近机场" : "规划项目");
        if (investment > 0) {
            props.put("figures", Map.of("investment_yi_yuan", investment));
        }
        return new Feature(id, G.createPoint(new Coordinate(lon, lat)), props);
    }

    private static final class QueryBuilder {
        private Envelope bbox;
        private final Map<String, Set<String>> filters = new java.util.HashMap<>();
        private List<String> terms = List.of();
        private List<ItemsQuery.SortKey> sort = List.of();
        private long offset;
        private int limit = 100;

        QueryBuilder bbox(Envelope e) {
            bbox = e;
            return this;
        }

        QueryBuilder filter(String property, String value) {
            filters.put(property, Set.of(value));
            return this;
        }

        QueryBuilder terms(String... t) {
            terms = List.of(t);
            return this;
        }

        QueryBuilder sort(String property, boolean descending) {
            sort = List.of(new ItemsQuery.SortKey(property, descending));
            return this;
        }

        QueryBuilder page(long from, int size) {
            offset = from;
            limit = size;
            return this;
        }

        ItemsQuery build() {
            return new ItemsQuery(Layers.PROJECTS, bbox, filters, terms, sort, offset, limit);
        }
    }
}
