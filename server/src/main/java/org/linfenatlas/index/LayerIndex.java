package org.linfenatlas.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.linfenatlas.model.Feature;
import org.linfenatlas.model.LayerSpec;
import org.linfenatlas.store.FeaturePage;
import org.linfenatlas.store.ItemsQuery;
import org.linfenatlas.store.ItemsQuery.SortKey;
import org.locationtech.jts.geom.Envelope;

/**
 * One layer in memory, immutable: features in id order, a packed R-tree over their envelopes and,
 * for searchable layers, their search text. Queries run over positions in id order, so results
 * are stable and paging is exact.
 */
final class LayerIndex {
    private final LayerSpec spec;
    private final List<Feature> features;
    private final Map<String, Feature> byId;
    private final PackedTree tree;
    private final List<SearchText> searchTexts;
    /** Every search text's signature, one after another, so that ruling features out reads memory in order. */
    private final long[] signatures;
    private final Envelope extent;
    private final Map<String, int[]> ranks = new ConcurrentHashMap<>();
    private final Map<SortKey, int[]> sortOrders = new ConcurrentHashMap<>();
    /** Up to this offset + limit a bbox page picks its first matches by {@link FirstPositions}; deeper pages mark a bit set. */
    static final int MAX_FIRST_POSITIONS = 20_000;

    LayerIndex(LayerSpec spec, Collection<Feature> unsorted) {
        this.spec = spec;
        this.features = unsorted.stream().sorted(Comparator.comparing(Feature::id)).toList();
        this.byId = new HashMap<>();
        this.extent = new Envelope();
        for (Feature f : features) {
            if (byId.put(f.id(), f) != null) {
                throw new IllegalArgumentException("duplicate id " + f.id() + " in layer " + spec.id());
            }
            extent.expandToInclude(f.geometry().getEnvelopeInternal());
        }
        this.tree = new PackedTree(features, extent);
        // folding text to pinyin is most of the index's build time at 100k features: use every core
        this.searchTexts = spec.searchable()
                ? IntStream.range(0, features.size()).parallel().mapToObj(i -> SearchText.of(features.get(i))).toList()
                : List.of();
        this.signatures = new long[searchTexts.size() * SearchText.SIGNATURE_WORDS];
        for (int i = 0; i < searchTexts.size(); i++) {
            System.arraycopy(searchTexts.get(i).signature(), 0, signatures, i * SearchText.SIGNATURE_WORDS, SearchText.SIGNATURE_WORDS);
        }
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

    /**
     * Selects positions (bbox, then filters and search), then orders only what it must: id order
     * needs no sort, search relevance is three buckets, one sort key walks a precomputed order.
     */
    FeaturePage query(ItemsQuery query) {
        if (query.bbox() != null && query.terms().isEmpty() && query.sortBy().isEmpty()
                && query.offset() + query.limit() <= MAX_FIRST_POSITIONS) {
            return firstInBox(query);
        }
        BitSet selected = select(query);
        PageCollector page = new PageCollector(query.offset(), query.limit());
        if (!query.sortBy().isEmpty()) {
            if (!query.terms().isEmpty()) {
                keepMatches(selected, query.terms());
            }
            sorted(selected, query.sortBy(), page);
        } else if (!query.terms().isEmpty()) {
            byRelevance(selected, query.terms(), page);
        } else {
            for (int i = selected.nextSetBit(0); i >= 0; i = selected.nextSetBit(i + 1)) {
                page.accept(i);
            }
        }
        List<Feature> result = new ArrayList<>(page.size);
        for (int k = 0; k < page.size; k++) {
            result.add(features.get(page.positions[k]));
        }
        return new FeaturePage(result, page.seen);
    }

    /**
     * A bbox page in id order (the map's usual request) without a bit per feature: the tree's matches
     * that pass the filters are counted, and the first offset + limit of them kept.
     */
    private FeaturePage firstInBox(ItemsQuery query) {
        FirstPositions first = new FirstPositions((int) (query.offset() + query.limit()));
        Map<String, Set<String>> filters = query.filters();
        tree.forEachIntersecting(query.bbox(), i -> {
            if (filters.isEmpty() || passesFilters(features.get(i), filters)) {
                first.offer(i);
            }
        });
        int[] kept = first.sorted();
        List<Feature> page = new ArrayList<>(Math.max(0, kept.length - (int) query.offset()));
        for (int k = (int) query.offset(); k < kept.length; k++) {
            page.add(features.get(kept[k]));
        }
        return new FeaturePage(page, first.offered());
    }

    private BitSet select(ItemsQuery query) {
        BitSet selected = new BitSet(features.size());
        if (query.bbox() == null) {
            selected.set(0, features.size());
        } else {
            tree.markIntersecting(query.bbox(), selected);
        }
        if (!query.filters().isEmpty()) {
            for (int i = selected.nextSetBit(0); i >= 0; i = selected.nextSetBit(i + 1)) {
                if (!passesFilters(features.get(i), query.filters())) {
                    selected.clear(i);
                }
            }
        }
        return selected;
    }

    private void keepMatches(BitSet selected, List<String> terms) {
        long[] mask = SearchText.mask(terms);
        for (int i = selected.nextSetBit(0); i >= 0; i = selected.nextSetBit(i + 1)) {
            if (!mayMatch(i, mask) || searchTexts.get(i).score(terms) == 0) {
                selected.clear(i);
            }
        }
    }

    private void byRelevance(BitSet selected, List<String> terms, PageCollector page) {
        long[] mask = SearchText.mask(terms);
        List<List<Integer>> buckets = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = selected.nextSetBit(0); i >= 0; i = selected.nextSetBit(i + 1)) {
            int score = mayMatch(i, mask) ? searchTexts.get(i).score(terms) : 0;
            if (score > 0) {
                buckets.get(3 - score).add(i);
            }
        }
        buckets.forEach(bucket -> bucket.forEach(page::accept));
    }

    private boolean mayMatch(int position, long[] mask) {
        int at = position * SearchText.SIGNATURE_WORDS;
        for (int k = 0; k < SearchText.SIGNATURE_WORDS; k++) {
            if ((signatures[at + k] & mask[k]) != mask[k]) {
                return false;
            }
        }
        return true;
    }

    private void sorted(BitSet selected, List<SortKey> keys, PageCollector page) {
        if (keys.size() == 1) {
            for (int i : sortOrder(keys.get(0))) {
                if (selected.get(i)) {
                    page.accept(i);
                }
            }
            return;
        }
        List<Integer> positions = new ArrayList<>(selected.cardinality());
        selected.stream().forEach(positions::add);
        positions.sort(comparator(keys));
        positions.forEach(page::accept);
    }

    /** Counts every match and keeps those of the requested page. */
    private static final class PageCollector {
        final long offset;
        final long end;
        int[] positions;
        int size;
        long seen;

        PageCollector(long offset, int limit) {
            this.offset = offset;
            this.end = offset + limit;
            this.positions = new int[Math.min(limit, 128)];
        }

        void accept(int position) {
            if (seen >= offset && seen < end) {
                if (size == positions.length) {
                    positions = Arrays.copyOf(positions, (int) Math.min(end - offset, 2L * size));
                }
                positions[size++] = position;
            }
            seen++;
        }
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

    /** Natural order of the key's values with nulls last; descending reverses it (nulls first); ties by position. */
    private Comparator<Integer> comparator(List<SortKey> keys) {
        Comparator<Integer> order = null;
        for (SortKey key : keys) {
            int[] rank = ranks(key.property());
            Comparator<Integer> byKey = key.descending()
                    ? (a, b) -> Integer.compare(rank[b], rank[a]) : (a, b) -> Integer.compare(rank[a], rank[b]);
            order = order == null ? byKey : order.thenComparing(byKey);
        }
        return order.thenComparing(Comparator.naturalOrder());
    }

    private int[] sortOrder(SortKey key) {
        return sortOrders.computeIfAbsent(key, k -> {
            List<Integer> positions = new ArrayList<>(features.size());
            for (int i = 0; i < features.size(); i++) {
                positions.add(i);
            }
            positions.sort(comparator(List.of(k)));
            return positions.stream().mapToInt(Integer::intValue).toArray();
        });
    }

    /** Dense rank of each position's value for a property, nulls ranked after every value. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private int[] ranks(String property) {
        return ranks.computeIfAbsent(property, p -> {
            Comparable[] values = new Comparable[features.size()];
            List<Integer> positions = new ArrayList<>(features.size());
            for (int i = 0; i < features.size(); i++) {
                values[i] = sortValue(features.get(i), p);
                positions.add(i);
            }
            positions.sort(Comparator.comparing(i -> values[i], Comparator.nullsLast(Comparator.naturalOrder())));
            int[] rank = new int[features.size()];
            int current = 0;
            Comparable previous = null;
            boolean first = true;
            for (int i : positions) {
                if (values[i] == null) {
                    rank[i] = Integer.MAX_VALUE;
                    continue;
                }
                if (!first && values[i].compareTo(previous) != 0) {
                    current++;
                }
                rank[i] = current;
                previous = values[i];
                first = false;
            }
            return rank;
        });
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

}
