package org.linfenatlas.index;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.linfenatlas.model.Feature;
import org.linfenatlas.model.LayerSpec;
import org.linfenatlas.store.FeaturePage;
import org.linfenatlas.store.ItemsQuery;
import org.linfenatlas.store.ItemsQuery.SortKey;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * One layer in memory, immutable: features in id order, an STR-tree over their envelopes and,
 * for searchable layers, their search text. Queries run over positions in id order, so results
 * are stable and paging is exact.
 */
final class LayerIndex {
    private static final GeometryFactory GEOMETRIES = new GeometryFactory();

    private final LayerSpec spec;
    private final List<Feature> features;
    private final Map<String, Feature> byId;
    private final STRtree tree;
    private final List<SearchText> searchTexts;
    private final Envelope extent;

    LayerIndex(LayerSpec spec, Collection<Feature> unsorted) {
        this.spec = spec;
        this.features = unsorted.stream().sorted(Comparator.comparing(Feature::id)).toList();
        this.byId = new HashMap<>();
        this.tree = new STRtree();
        this.extent = new Envelope();
        List<SearchText> texts = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            Feature f = features.get(i);
            if (byId.put(f.id(), f) != null) {
                throw new IllegalArgumentException("duplicate id " + f.id() + " in layer " + spec.id());
            }
            Envelope envelope = f.geometry().getEnvelopeInternal();
            tree.insert(envelope, i);
            extent.expandToInclude(envelope);
            if (spec.searchable()) {
                texts.add(searchTextOf(f));
            }
        }
        tree.build();
        this.searchTexts = texts;
    }

    LayerSpec spec() {
        return spec;
    }

    List<Feature> features() {
        return features;
    }

    Envelope extent() {
        return extent;
    }

    Feature get(String id) {
        return byId.get(id);
    }

    FeaturePage query(ItemsQuery query) {
        List<Integer> candidates = query.bbox() == null ? null : candidatesIn(query.bbox());
        List<Match> matches = new ArrayList<>();
        int size = candidates == null ? features.size() : candidates.size();
        for (int k = 0; k < size; k++) {
            int i = candidates == null ? k : candidates.get(k);
            Feature f = features.get(i);
            if (!passesFilters(f, query.filters())) {
                continue;
            }
            int score = query.terms().isEmpty() ? 0 : searchTexts.get(i).score(query.terms());
            if (query.terms().isEmpty() || score > 0) {
                matches.add(new Match(i, score));
            }
        }
        if (!query.sortBy().isEmpty() || !query.terms().isEmpty()) {
            matches.sort(ordering(query));
        }
        long from = Math.min(query.offset(), matches.size());
        long to = Math.min(matches.size(), from + query.limit());
        List<Feature> page = new ArrayList<>((int) (to - from));
        for (long k = from; k < to; k++) {
            page.add(features.get(matches.get((int) k).position()));
        }
        return new FeaturePage(page, matches.size());
    }

    private List<Integer> candidatesIn(Envelope bbox) {
        @SuppressWarnings("unchecked")
        List<Integer> hits = tree.query(bbox);
        PreparedGeometry box = PreparedGeometryFactory.prepare(GEOMETRIES.toGeometry(bbox));
        List<Integer> inside = new ArrayList<>(hits.size());
        for (Integer i : hits) {
            Geometry g = features.get(i).geometry();
            if (bbox.contains(g.getEnvelopeInternal()) || box.intersects(g)) {
                inside.add(i);
            }
        }
        inside.sort(null);
        return inside;
    }

    private static boolean passesFilters(Feature f, Map<String, Set<String>> filters) {
        for (Map.Entry<String, Set<String>> filter : filters.entrySet()) {
            Object value = f.property(filter.getKey());
            boolean match = value instanceof Collection<?> list
                    ? list.stream().anyMatch(v -> filter.getValue().contains(String.valueOf(v)))
                    : value != null && filter.getValue().contains(value.toString());
            if (!match) {
                return false;
            }
        }
        return true;
    }

    private Comparator<Match> ordering(ItemsQuery query) {
        Comparator<Match> order = null;
        for (SortKey key : query.sortBy()) {
            Comparator<Match> byKey = Comparator.comparing(m -> sortValue(features.get(m.position()), key.property()),
                    Comparator.nullsLast(Comparator.naturalOrder()));
            if (key.descending()) {
                byKey = byKey.reversed();
            }
            order = order == null ? byKey : order.thenComparing(byKey);
        }
        if (query.sortBy().isEmpty()) {
            order = Comparator.comparingInt(Match::score).reversed();
        }
        return order.thenComparingInt(Match::position);
    }

    @SuppressWarnings({"rawtypes"})
    private static Comparable sortValue(Feature f, String property) {
        if (property.equals("id")) {
            return f.id();
        }
        Object value = f.property(property);
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        return value == null ? null : value.toString();
    }

    private static SearchText searchTextOf(Feature f) {
        List<String> names = new ArrayList<>();
        names.add(f.text("name"));
        names.add(f.text("name_en"));
        if (f.property("aliases") instanceof Collection<?> aliases) {
            aliases.forEach(a -> names.add(String.valueOf(a)));
        }
        List<String> more = new ArrayList<>();
        more.add(f.text("summary_zh"));
        more.add(f.text("summary_en"));
        if (f.property("counties") instanceof Collection<?> counties) {
            counties.forEach(c -> more.add(String.valueOf(c)));
        }
        return SearchText.of(names, more);
    }

    private record Match(int position, int score) {
    }
}
