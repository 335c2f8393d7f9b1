package org.linfenatlas.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.linfenatlas.filter.Cql2Text;
import org.linfenatlas.filter.Filter;
import org.linfenatlas.filter.FilterEvaluator;
import org.linfenatlas.filter.Queryables;
import org.linfenatlas.model.Feature;
import org.linfenatlas.model.Layers;
import org.linfenatlas.store.FeaturePage;
import org.linfenatlas.store.ItemsQuery;
import org.linfenatlas.testdata.TestLayers;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The index with CQL2 filters against brute force over its own features: the tree's candidates (bbox, or the
 * envelope a filter implies), the first-positions page, the bit set, sorts, search and paging all keep exactly
 * the features the filter is true for; and a few filters against hand-written predicates.
 */
class FilteredQueryTest {
    private static final IndexedStore STORE = IndexedStore.of(TestLayers.byId(TestLayers.withSyntheticProjects(600, 20240501L)));
    private static final List<Feature> PROJECTS = STORE.items(ItemsQuery.all(Layers.PROJECTS)).features();
    private static final GeometryFactory G = new GeometryFactory();

    static Filter parse(String cql) {
        return Cql2Text.parse(cql, Queryables.of(Layers.PROJECTS_SPEC), g -> g);
    }

    static ItemsQuery query(Envelope bbox, Map<String, Set<String>> filters, String q, List<ItemsQuery.SortKey> sort,
                            long offset, int limit, Filter filter) {
        return new ItemsQuery(Layers.PROJECTS, bbox, filters, q == null ? List.of() : SearchText.terms(q), sort, offset, limit, filter);
    }

    /** What the query gives without the filter, every page of it, then filtered and paged by brute force. */
    static void agrees(ItemsQuery query) {
        ItemsQuery unfiltered = new ItemsQuery(query.collection(), query.bbox(), query.filters(), query.terms(), query.sortBy(),
                0, Integer.MAX_VALUE);
        FilterEvaluator evaluator = new FilterEvaluator(query.filter());
        List<String> all = STORE.items(unfiltered).features().stream().filter(evaluator::test).map(Feature::id).toList();
        FeaturePage page = STORE.items(query);
        assertEquals(all.size(), page.numberMatched(), "numberMatched");
        int from = (int) Math.min(all.size(), query.offset());
        int to = (int) Math.min(all.size(), from + (long) query.limit());
        assertEquals(all.subList(from, to), page.features().stream().map(Feature::id).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "category = 'energy'",
            "category <> 'energy' AND start_year >= 2020",
            "NOT stage = 'planning'",
            "stage IS NULL OR stage IN ('construction', 'completed')",
            "name_en LIKE '%park%' OR CASEI(name_en) LIKE '%PARK%'",
            "investment_planned_yi_yuan BETWEEN 10 AND 50.5",
            "A_OVERLAPS(counties, ('吉县', '永和县')) AND A_CONTAINS(belts, ('yellow'))",
            "A_EQUALS(belts, ('fen')) OR A_CONTAINEDBY(counties, ('尧都区'))",
            "S_INTERSECTS(geometry, BBOX(111.3, 35.7, 111.9, 36.3))",
            "S_INTERSECTS(geometry, BBOX(111.3, 35.7, 111.9, 36.3)) AND kind = 'point'",
            "S_WITHIN(geometry, POLYGON((111 35.5, 112 35.5, 111.5 36.5, 111 35.5)))",
            "S_DISJOINT(geometry, BBOX(110, 35, 111.5, 37))",
            "S_INTERSECTS(geometry, BBOX(110.5, 35.5, 110.8, 36)) OR S_INTERSECTS(geometry, POINT(111.52 36.08))",
            "S_CROSSES(geometry, LINESTRING(110.5 36, 112.5 36.2))",
            "S_INTERSECTS(geometry, BBOX(111.3, 35.7, 111.9, 36.3)) AND S_INTERSECTS(geometry, BBOX(110, 35, 110.2, 35.2))",
            "FALSE",
            "TRUE"})
    void everyPathKeepsWhatTheFilterIsTrueFor(String cql) {
        Filter f = parse(cql);
        agrees(query(null, Map.of(), null, List.of(), 0, 10, f));
        agrees(query(null, Map.of(), null, List.of(), 0, Integer.MAX_VALUE, f));
        agrees(query(null, Map.of(), null, List.of(), 7, 25, f));
        agrees(query(null, Map.of(), null, List.of(), 0, 30_000, f)); // past the first-positions page
        agrees(query(new Envelope(111.0, 112.0, 35.5, 36.5), Map.of(), null, List.of(), 0, 20, f));
        agrees(query(new Envelope(111.0, 112.0, 35.5, 36.5), Map.of("status", Set.of("build", "plan")), null, List.of(), 3, 20, f));
        agrees(query(null, Map.of("belts", Set.of("fen")), null, List.of(new ItemsQuery.SortKey("name", true)), 2, 15, f));
        agrees(query(null, Map.of(), "park", List.of(), 0, 50, f));
        agrees(query(new Envelope(110, 113, 35, 37), Map.of(), "guangfu", List.of(new ItemsQuery.SortKey("category", false)), 0, 50, f));
    }

    @Test
    void filtersAgreeWithHandWrittenPredicates() {
        check("category = 'energy' AND start_year >= 2020",
                f -> "energy".equals(f.text("category")) && f.property("start_year") instanceof Number n && n.longValue() >= 2020);
        check("NOT stage = 'planning'", f -> f.property("stage") != null && !f.property("stage").equals("planning"));
        check("A_CONTAINS(counties, ('尧都区'))", f -> f.property("counties") instanceof Collection<?> c && c.contains("尧都区"));
        check("name LIKE '尧都%'", f -> f.text("name") != null && f.text("name").startsWith("尧都"));
        check("S_INTERSECTS(geometry, BBOX(111.3, 35.7, 111.9, 36.3))",
                f -> f.geometry().intersects(G.toGeometry(new Envelope(111.3, 111.9, 35.7, 36.3))));
    }

    private static void check(String cql, Predicate<Feature> expected) {
        List<String> want = PROJECTS.stream().filter(expected).map(Feature::id).toList();
        List<String> got = new ArrayList<>(STORE.items(query(null, Map.of(), null, List.of(), 0, Integer.MAX_VALUE, parse(cql)))
                .features().stream().map(Feature::id).toList());
        assertFalse(want.isEmpty(), cql + " selects something");
        assertTrue(want.size() < PROJECTS.size(), cql + " leaves something out");
        assertEquals(want, got, cql);
    }
}
