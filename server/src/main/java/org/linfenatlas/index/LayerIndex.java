package org.linfenatlas.index;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.function.IntConsumer;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.stream.IntStream;
import org.linfenatlas.filter.FilterEvaluator;
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
    /** By position: the features in id order. */
    private final Feature[] features;
    private final List<Feature> featureList;
    /**
     * The search texts, built after the layer is served when it is built whole (folding 100,000 texts to
     * pinyin takes seconds): until then a search waits for them, or folds the few texts of a small selection.
     */
    private final CompletableFuture<Search> search;
    /**
     * Search texts by position, and every text's signature one after another, so that ruling features out reads
     * memory in order; in chunks of {@link #CHUNK} features, so that an edit copies one chunk (64 KB), not all of
     * them (6.4 MB at 100,000 features, which at 20 edits a second filled the old generation and cost full collections).
     */
    private record Search(SearchText[] texts, long[][] signatures) {
        static final Search NONE = new Search(new SearchText[0], new long[0][]);
    }

    /** Up to this many selected features a search before the texts are built folds their texts itself. */
    static final int FOLD_ON_REQUEST = 2_000;
    private static final int CHUNK_BITS = 10;
    private static final int CHUNK = 1 << CHUNK_BITS;
    /**
     * The spatial index is built for the positions of its day and kept while features change: each of
     * its slots maps to the position that feature has now (-1 once it moved or was deleted), and the
     * positions whose current geometry it lacks are tested one by one ({@code overlay}) until
     * {@link #compacted()} builds a new tree.
     */
    private final PackedTree tree;
    private final int[] positionOfSlot;
    private final int[] slotOfPosition;
    private final int[] overlay;
    private final int deadSlots;
    private final Envelope extent;
    private final Map<String, int[]> ranks = new ConcurrentHashMap<>();
    private final Map<SortKey, int[]> sortOrders = new ConcurrentHashMap<>();
    /** Up to this offset + limit a bbox page picks its first matches by {@link FirstPositions}; deeper pages mark a bit set. */
    static final int MAX_FIRST_POSITIONS = 20_000;
    /** Past this many overlay positions (or dead slots, an eighth of the features) a compacted index is due. */
    static final int MAX_OVERLAY = 1024;

    LayerIndex(LayerSpec spec, Collection<Feature> unsorted) {
        this(spec, unsorted.stream().sorted(Comparator.comparing(Feature::id)).toArray(Feature[]::new), null, null);
    }

    /** As {@link #LayerIndex(LayerSpec, Collection)}, the search texts built on {@code background} (null: here). */
    LayerIndex(LayerSpec spec, Collection<Feature> unsorted, Executor background) {
        this(spec, unsorted.stream().sorted(Comparator.comparing(Feature::id)).toArray(Feature[]::new), null, background);
    }

    /**
     * @param knownTexts search texts already folded, by feature, reused (null: fold all)
     * @param background where to fold the search texts (null: before this returns)
     */
    private LayerIndex(LayerSpec spec, Feature[] sorted, Map<Feature, SearchText> knownTexts, Executor background) {
        this.spec = spec;
        this.features = sorted;
        this.featureList = Collections.unmodifiableList(Arrays.asList(features));
        this.extent = new Envelope();
        for (int i = 0; i < features.length; i++) {
            if (i > 0 && features[i - 1].id().equals(features[i].id())) {
                throw new IllegalArgumentException("duplicate id " + features[i].id() + " in layer " + spec.id());
            }
            extent.expandToInclude(features[i].geometry().getEnvelopeInternal());
        }
        this.tree = new PackedTree(featureList, extent);
        this.positionOfSlot = IntStream.range(0, features.length).toArray();
        this.slotOfPosition = positionOfSlot.clone();
        this.overlay = new int[0];
        this.deadSlots = 0;
        if (!spec.searchable()) {
            this.search = CompletableFuture.completedFuture(Search.NONE);
        } else if (background == null) {
            this.search = CompletableFuture.completedFuture(foldAll(features, knownTexts, true));
        } else {
            // on one core: the others go on starting the server meanwhile (on two cores, a parallel fold
            // delayed serving by seconds)
            this.search = CompletableFuture.supplyAsync(() -> foldAll(features, knownTexts, false), background);
        }
    }

    private static Search foldAll(Feature[] features, Map<Feature, SearchText> knownTexts, boolean everyCore) {
        // folding text to pinyin is most of the index's build time at 100k features
        IntStream positions = IntStream.range(0, features.length);
        SearchText[] texts = (everyCore ? positions.parallel() : positions).mapToObj(i -> {
            SearchText known = knownTexts == null ? null : knownTexts.get(features[i]);
            return known != null ? known : SearchText.of(features[i]);
        }).toArray(SearchText[]::new);
        return new Search(texts, chunked(texts));
    }

    /** The search texts, waiting for them while they are being built. */
    private Search search() {
        return search.join();
    }

    /** Completes once the search texts are built (a search then needs no wait). */
    CompletableFuture<Void> searchBuilt() {
        return search.thenRun(() -> { });
    }

    private static long[][] chunked(SearchText[] texts) {
        int w = SearchText.SIGNATURE_WORDS;
        long[][] chunks = new long[(texts.length + CHUNK - 1) / CHUNK][];
        for (int c = 0; c < chunks.length; c++) {
            int size = Math.min(CHUNK, texts.length - c * CHUNK);
            chunks[c] = new long[size * w];
            for (int i = 0; i < size; i++) {
                System.arraycopy(texts[c * CHUNK + i].signature(), 0, chunks[c], i * w, w);
            }
        }
        return chunks;
    }

    private LayerIndex(LayerIndex base, Feature[] features, Search search,
                       int[] positionOfSlot, int[] slotOfPosition, int[] overlay, int deadSlots, Envelope extent) {
        this.spec = base.spec;
        this.tree = base.tree;
        this.features = features;
        this.featureList = Collections.unmodifiableList(Arrays.asList(features));
        this.search = CompletableFuture.completedFuture(search);
        this.positionOfSlot = positionOfSlot;
        this.slotOfPosition = slotOfPosition;
        this.overlay = overlay;
        this.deadSlots = deadSlots;
        this.extent = extent;
    }

    /**
     * This index with the feature added or replaced: a copy of the per-position arrays (about a
     * millisecond at 100,000 features), the tree kept, the feature's new geometry in the overlay.
     */
    LayerIndex with(Feature feature) {
        int found = position(feature.id());
        boolean replace = found >= 0;
        int at = replace ? found : -found - 1;
        Feature[] newFeatures = replace ? features.clone() : insert(features, at, new Feature[features.length + 1]);
        newFeatures[at] = feature;
        Search current = search(); // an edit during start-up waits for the texts it changes
        SearchText[] searchTexts = current.texts();
        long[][] signatures = current.signatures();
        SearchText[] newTexts = searchTexts;
        long[][] newSignatures = signatures;
        if (spec.searchable()) {
            newTexts = replace ? searchTexts.clone() : insert(searchTexts, at, new SearchText[searchTexts.length + 1]);
            newTexts[at] = SearchText.of(feature);
            if (replace) {
                newSignatures = signatures.clone();
                long[] chunk = signatures[at >>> CHUNK_BITS].clone();
                System.arraycopy(newTexts[at].signature(), 0, chunk, (at & (CHUNK - 1)) * SearchText.SIGNATURE_WORDS,
                        SearchText.SIGNATURE_WORDS);
                newSignatures[at >>> CHUNK_BITS] = chunk;
            } else {
                newSignatures = chunked(newTexts); // positions after it shift: new projects are rarer than edits
            }
        }
        Envelope newExtent = new Envelope(extent);
        newExtent.expandToInclude(feature.geometry().getEnvelopeInternal());
        if (replace && features[at].geometry().equalsExact(feature.geometry())) {
            return new LayerIndex(this, newFeatures, new Search(newTexts, newSignatures), positionOfSlot, slotOfPosition,
                    overlay, deadSlots, newExtent);
        }
        int[] newPositionOfSlot = positionOfSlot.clone();
        int dead = deadSlots;
        int[] newSlotOfPosition;
        int[] newOverlay;
        if (replace) {
            int slot = slotOfPosition[at];
            if (slot >= 0) {
                newPositionOfSlot[slot] = -1;
                dead++;
            }
            newSlotOfPosition = slotOfPosition.clone();
            newSlotOfPosition[at] = -1;
            newOverlay = slot >= 0 ? withPosition(overlay, at) : overlay;
        } else {
            for (int s = 0; s < newPositionOfSlot.length; s++) {
                if (newPositionOfSlot[s] >= at) {
                    newPositionOfSlot[s]++;
                }
            }
            newSlotOfPosition = new int[slotOfPosition.length + 1];
            System.arraycopy(slotOfPosition, 0, newSlotOfPosition, 0, at);
            System.arraycopy(slotOfPosition, at, newSlotOfPosition, at + 1, slotOfPosition.length - at);
            newSlotOfPosition[at] = -1;
            newOverlay = withPosition(shifted(overlay, at, 1), at);
        }
        return new LayerIndex(this, newFeatures, new Search(newTexts, newSignatures), newPositionOfSlot,
                newSlotOfPosition, newOverlay, dead, newExtent);
    }

    /** This index without the feature (itself when there is no such feature); the extent is kept until compaction. */
    LayerIndex without(String id) {
        int at = position(id);
        if (at < 0) {
            return this;
        }
        Feature[] newFeatures = remove(features, at, new Feature[features.length - 1]);
        Search current = search();
        SearchText[] searchTexts = current.texts();
        SearchText[] newTexts = searchTexts;
        long[][] newSignatures = current.signatures();
        if (spec.searchable()) {
            newTexts = remove(searchTexts, at, new SearchText[searchTexts.length - 1]);
            newSignatures = chunked(newTexts);
        }
        int[] newPositionOfSlot = positionOfSlot.clone();
        int dead = deadSlots;
        for (int s = 0; s < newPositionOfSlot.length; s++) {
            if (newPositionOfSlot[s] == at) {
                newPositionOfSlot[s] = -1;
                dead++;
            } else if (newPositionOfSlot[s] > at) {
                newPositionOfSlot[s]--;
            }
        }
        int[] newSlotOfPosition = new int[slotOfPosition.length - 1];
        System.arraycopy(slotOfPosition, 0, newSlotOfPosition, 0, at);
        System.arraycopy(slotOfPosition, at + 1, newSlotOfPosition, at, slotOfPosition.length - at - 1);
        int[] newOverlay = shifted(IntStream.of(overlay).filter(p -> p != at).toArray(), at + 1, -1);
        return new LayerIndex(this, newFeatures, new Search(newTexts, newSignatures), newPositionOfSlot,
                newSlotOfPosition, newOverlay, dead, new Envelope(extent));
    }

    /** Whether enough changed since the tree was built that {@link #compacted()} is worth its cost. */
    boolean compactionDue() {
        return overlay.length > MAX_OVERLAY || deadSlots > Math.max(MAX_OVERLAY, features.length / 8);
    }

    /** The same features with a new tree and exact extent, reusing every search text already folded. */
    LayerIndex compacted() {
        SearchText[] searchTexts = search().texts();
        Map<Feature, SearchText> known = new java.util.IdentityHashMap<>();
        for (int i = 0; i < searchTexts.length; i++) {
            known.put(features[i], searchTexts[i]);
        }
        return new LayerIndex(spec, features.clone(), known, null);
    }

    private static <T> T[] insert(T[] from, int at, T[] to) {
        System.arraycopy(from, 0, to, 0, at);
        System.arraycopy(from, at, to, at + 1, from.length - at);
        return to;
    }

    private static <T> T[] remove(T[] from, int at, T[] to) {
        System.arraycopy(from, 0, to, 0, at);
        System.arraycopy(from, at + 1, to, at, from.length - at - 1);
        return to;
    }

    /** Positions at or after {@code from} moved by {@code delta}. */
    private static int[] shifted(int[] positions, int from, int delta) {
        int[] out = positions.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] >= from) {
                out[i] += delta;
            }
        }
        return out;
    }

    private static int[] withPosition(int[] sorted, int position) {
        int at = Arrays.binarySearch(sorted, position);
        if (at >= 0) {
            return sorted;
        }
        int insert = -at - 1;
        int[] out = new int[sorted.length + 1];
        System.arraycopy(sorted, 0, out, 0, insert);
        out[insert] = position;
        System.arraycopy(sorted, insert, out, insert + 1, sorted.length - insert);
        return out;
    }

    /** The feature's position, or -(insertion point) - 1: features are in id order, so a binary search. */
    private int position(String id) {
        int low = 0;
        int high = features.length - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int c = features[mid].id().compareTo(id);
            if (c < 0) {
                low = mid + 1;
            } else if (c > 0) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -(low + 1);
    }

    /** Each position whose feature intersects the box: the tree's (mapped to today's positions), then the overlay's. */
    private void forEachIntersecting(Envelope bbox, IntConsumer action) {
        tree.forEachIntersecting(bbox, slot -> {
            int position = positionOfSlot[slot];
            if (position >= 0) {
                action.accept(position);
            }
        });
        if (overlay.length == 0) {
            return;
        }
        PreparedGeometry box = null;
        for (int position : overlay) {
            Geometry g = features[position].geometry();
            Envelope e = g.getEnvelopeInternal();
            if (!e.intersects(bbox)) {
                continue;
            }
            if (bbox.contains(e)) {
                action.accept(position);
                continue;
            }
            if (box == null) {
                box = PreparedGeometryFactory.prepare(new GeometryFactory().toGeometry(bbox));
            }
            if (box.intersects(g)) {
                action.accept(position);
            }
        }
    }

    LayerSpec spec() {
        return spec;
    }

    List<Feature> features() {
        return featureList;
    }

    Envelope extent() {
        return extent;
    }

    Feature get(String id) {
        int at = position(id);
        return at >= 0 ? features[at] : null;
    }

    /**
     * Selects positions (bbox, then filters, CQL2 filter and search), then orders only what it must: id order
     * needs no sort, search relevance is ten buckets at most, one sort key walks a precomputed order. The tree
     * narrows the candidates by the bbox, or else by the envelope a CQL2 filter implies (an AND with
     * S_INTERSECTS, say); the filter is then tested on each candidate.
     */
    FeaturePage query(ItemsQuery query) {
        Selection selection = new Selection(query);
        if (selection.boxes.size() == 1 && query.terms().isEmpty() && query.sortBy().isEmpty()
                && query.offset() + query.limit() <= MAX_FIRST_POSITIONS) {
            return firstInBox(query, selection);
        }
        BitSet selected = select(selection);
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
            result.add(features[page.positions[k]]);
        }
        return new FeaturePage(result, page.seen);
    }

    /** Each feature the query selects (paging and sort ignored), in no particular order; each once. */
    void forEachSelected(ItemsQuery query, java.util.function.Consumer<Feature> action) {
        Selection selection = new Selection(query);
        if (!query.terms().isEmpty()) { // through the search texts, which may still be being built
            BitSet selected = select(selection);
            keepMatches(selected, query.terms());
            for (int i = selected.nextSetBit(0); i >= 0; i = selected.nextSetBit(i + 1)) {
                action.accept(features[i]);
            }
            return;
        }
        boolean test = selection.testsEach();
        IntConsumer offer = i -> {
            if (!test || selection.passes(features[i])) {
                action.accept(features[i]);
            }
        };
        if (selection.boxes.size() == 1) {
            forEachIntersecting(selection.boxes.get(0), offer);
        } else if (selection.boxes.isEmpty()) {
            for (int i = 0; i < features.length; i++) {
                offer.accept(i);
            }
        } else {
            BitSet inBoxes = new BitSet(features.length);
            selection.boxes.forEach(box -> forEachIntersecting(box, inBoxes::set));
            inBoxes.stream().forEach(offer);
        }
    }

    /** What a query selects by: the box the tree looks up (the bbox, or the CQL2 filter's envelope), then the tests. */
    private static final class Selection {
        /** What the tree looks up: the bbox (two boxes across the antimeridian), or the CQL2 filter's envelope; none: all. */
        final List<Envelope> boxes;
        final Map<String, Set<String>> filters;
        final FilterEvaluator filter;

        Selection(ItemsQuery query) {
            this.filters = query.filters();
            this.filter = query.filter() == null ? null : new FilterEvaluator(query.filter());
            Envelope implied = query.filter() == null ? null : FilterEvaluator.requiredEnvelope(query.filter());
            this.boxes = query.bbox() != null ? query.boxes() : implied != null ? List.of(implied) : List.of();
        }

        boolean passes(Feature f) {
            return (filters.isEmpty() || passesFilters(f, filters)) && (filter == null || filter.test(f));
        }

        boolean testsEach() {
            return !filters.isEmpty() || filter != null;
        }
    }

    /**
     * A bbox page in id order (the map's usual request) without a bit per feature: the tree's matches
     * that pass the filters are counted, and the first offset + limit of them kept.
     */
    private FeaturePage firstInBox(ItemsQuery query, Selection selection) {
        FirstPositions first = new FirstPositions((int) (query.offset() + query.limit()));
        boolean test = selection.testsEach();
        forEachIntersecting(selection.boxes.get(0), i -> {
            if (!test || selection.passes(features[i])) {
                first.offer(i);
            }
        });
        int[] kept = first.sorted();
        List<Feature> page = new ArrayList<>(Math.max(0, kept.length - (int) query.offset()));
        for (int k = (int) query.offset(); k < kept.length; k++) {
            page.add(features[kept[k]]);
        }
        return new FeaturePage(page, first.offered());
    }

    private BitSet select(Selection selection) {
        BitSet selected = new BitSet(features.length);
        if (selection.boxes.isEmpty()) {
            selected.set(0, features.length);
        } else {
            for (Envelope box : selection.boxes) { // two across the antimeridian: a feature touching both is set once
                forEachIntersecting(box, selected::set);
            }
        }
        if (selection.testsEach()) {
            for (int i = selected.nextSetBit(0); i >= 0; i = selected.nextSetBit(i + 1)) {
                if (!selection.passes(features[i])) {
                    selected.clear(i);
                }
            }
        }
        return selected;
    }

    private void keepMatches(BitSet selected, List<String> terms) {
        Texts texts = texts(selected);
        long[] mask = SearchText.mask(terms);
        for (int i = selected.nextSetBit(0); i >= 0; i = selected.nextSetBit(i + 1)) {
            if (!texts.mayMatch(i, mask) || texts.text(i).score(terms) == 0) {
                selected.clear(i);
            }
        }
    }

    private void byRelevance(BitSet selected, List<String> terms, PageCollector page) {
        Texts texts = texts(selected);
        long[] mask = SearchText.mask(terms);
        String county = SearchText.countyNamed(terms);
        List<String> rankingTerms = SearchText.rankingTerms(terms);
        List<List<Integer>> buckets = new ArrayList<>();
        for (int rank = SearchText.MAX_RANK; rank > 0; rank--) {
            buckets.add(new ArrayList<>());
        }
        for (int i = selected.nextSetBit(0); i >= 0; i = selected.nextSetBit(i + 1)) {
            int rank = texts.mayMatch(i, mask) ? texts.text(i).rank(terms, rankingTerms, county) : 0;
            if (rank > 0) {
                buckets.get(SearchText.MAX_RANK - rank).add(i);
            }
        }
        buckets.forEach(bucket -> bucket.forEach(page::accept));
    }

    /** The search texts of the selected positions: the built ones, or while they are built, a few folded here. */
    private Texts texts(BitSet selected) {
        if (search.isDone() || selected.cardinality() > FOLD_ON_REQUEST) {
            return new Built(search());
        }
        return new Texts() {
            @Override
            public boolean mayMatch(int position, long[] mask) {
                return true;
            }

            @Override
            public SearchText text(int position) {
                return SearchText.of(features[position]);
            }
        };
    }

    private interface Texts {
        /** False when the feature cannot match the terms of the mask; true when it may. */
        boolean mayMatch(int position, long[] mask);

        SearchText text(int position);
    }

    private record Built(Search search) implements Texts {
        @Override
        public boolean mayMatch(int position, long[] mask) {
            long[] chunk = search.signatures()[position >>> CHUNK_BITS];
            int at = (position & (CHUNK - 1)) * SearchText.SIGNATURE_WORDS;
            for (int k = 0; k < SearchText.SIGNATURE_WORDS; k++) {
                if ((chunk[at + k] & mask[k]) != mask[k]) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public SearchText text(int position) {
            return search.texts()[position];
        }
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
            List<Integer> positions = new ArrayList<>(features.length);
            for (int i = 0; i < features.length; i++) {
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
            Comparable[] values = new Comparable[features.length];
            List<Integer> positions = new ArrayList<>(features.length);
            for (int i = 0; i < features.length; i++) {
                values[i] = sortValue(features[i], p);
                positions.add(i);
            }
            positions.sort(Comparator.comparing(i -> values[i], Comparator.nullsLast(Comparator.naturalOrder())));
            int[] rank = new int[features.length];
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
