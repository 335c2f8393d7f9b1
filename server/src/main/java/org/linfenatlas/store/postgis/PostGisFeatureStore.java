package org.linfenatlas.store.postgis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.linfenatlas.index.SearchText;
import org.linfenatlas.model.Feature;
import org.linfenatlas.model.LayerSpec;
import org.linfenatlas.model.Layers;
import org.linfenatlas.model.PropertySpec;
import org.linfenatlas.model.PropertyType;
import org.linfenatlas.store.Change;
import org.linfenatlas.store.CollectionInfo;
import org.linfenatlas.store.HistoryEntry;
import org.linfenatlas.store.LayerVersion;
import org.linfenatlas.store.FeaturePage;
import org.linfenatlas.store.FeatureStore;
import org.linfenatlas.store.ItemsQuery;
import org.linfenatlas.store.ItemsQuery.SortKey;
import org.linfenatlas.store.Stats;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * The SQL read path (--db-reads sql): every items request becomes one query on PostGIS, the page
 * with its count (the bbox through the GiST index, filters on typed columns and GIN-indexed JSONB
 * lists, CQL2 filters by {@link FilterSql}, search on the stored search text), so nothing is held in memory but the collection list
 * and the statistics of the current data version. It answers exactly as the in-memory
 * {@code IndexedStore} does; StoreContractTest holds both to that.
 */
public final class PostGisFeatureStore implements FeatureStore {
    /** The geodesic area the in-memory store computes for counties, rounded the same way. */
    static final String AREA_KM2 = "round((ST_Area(geom::geography) / 1e6)::numeric, 1)::double precision";
    private static final GeometryFactory GEOMETRIES = new GeometryFactory();
    /** In SearchText's marked texts: where a match may begin, any mark between two characters, what may follow a match. */
    private static final String START = "[" + SearchText.MATCH_START + SearchText.NAME_START + "]";
    private static final String MARK = "[" + SearchText.MATCH_START + SearchText.NAME_START + SearchText.MATCH_END + "]";
    private static final String AFTER = "[" + SearchText.MATCH_START + SearchText.NAME_START + SearchText.MATCH_END
            + SearchText.END + "]";
    /** The term in the name level: somewhere in it (cheap), then where a match may begin and end (exact): term, pattern. */
    private static final String IN_NAME = "(strpos(search_names, ?) > 0 AND search_names_marked ~ ?)";
    private static final String IN_ALIAS = "search_aliases_marked ~ ?";
    private static final String IN_COUNTY = "search_counties_marked ~ ?";
    private static final String IN_OTHER = "search_text_marked ~ ?";

    private final PostGisRepository repository;
    private final Map<String, LayerTable> tables = new LinkedHashMap<>();
    private volatile Summary summary;
    private volatile String revision;
    private volatile Map<String, LayerVersion> layerVersions = Map.of();

    private PostGisFeatureStore(PostGisRepository repository) {
        this.repository = repository;
        tables.put(Layers.COUNTIES, LayerTable.view(Layers.COUNTIES_SPEC, Layers.COUNTIES, Map.of("area_km2", AREA_KM2)));
        tables.put(Layers.BELTS, LayerTable.view(Layers.BELTS_SPEC, Layers.BELTS, Map.of()));
        tables.put(Layers.RIVERS, LayerTable.of(Layers.RIVERS_SPEC));
        tables.put(Layers.PROJECTS, LayerTable.of(Layers.PROJECTS_SPEC));
        tables.put(Layers.PLACES, LayerTable.of(Layers.PLACES_SPEC));
        if (!tables.keySet().equals(Layers.ALL.stream().map(LayerSpec::id).collect(Collectors.toSet()))) {
            throw new IllegalStateException("the SQL read path does not know every layer of Layers.ALL");
        }
    }

    /** Reads through the repository's pool and listens for its changes; closing the store closes the repository. */
    public static PostGisFeatureStore over(PostGisRepository repository) {
        PostGisFeatureStore store = new PostGisFeatureStore(repository);
        repository.onChange((layer, ids) -> store.refreshRevision());
        store.refreshRevision();
        return store;
    }

    @Override
    public List<CollectionInfo> collections() {
        return summary().collections;
    }

    @Override
    public Stats stats() {
        return summary().stats;
    }

    /** The statistics of a selection: the same aggregates in SQL, over the projects the items WHERE clause selects. */
    @Override
    public Stats stats(ItemsQuery selection) {
        if (!FeatureStore.selects(selection)) {
            return stats();
        }
        LayerTable table = table(selection.collection());
        return snapshot(c -> new PostGisStats(c, () -> where(table, selection)).compute());
    }

    /** The data version, kept current by the change notifications: a cached answer costs no query. */
    @Override
    public String revision() {
        return revision;
    }

    @Override
    public LayerVersion version(String collection) {
        LayerVersion v = layerVersions.get(collection.equals(Layers.BELTS) ? Layers.COUNTIES : collection);
        if (v == null) {
            throw new IllegalArgumentException("no collection " + collection);
        }
        return v;
    }

    /** Commits through the repository, then learns the new versions at once: this instance reads its own writes. */
    @Override
    public HistoryEntry write(Change change) {
        HistoryEntry entry = repository.commit(change);
        refreshRevision();
        return entry;
    }

    @Override
    public List<HistoryEntry> history(String collection, String featureId) {
        return Layers.byId(collection).filter(LayerSpec::stored).map(spec -> repository.history(spec, featureId)).orElse(List.of());
    }

    @Override
    public List<HistoryEntry> recentHistory(String collection, int limit, boolean deletedOnly) {
        return Layers.byId(collection).filter(LayerSpec::stored)
                .map(spec -> repository.recentHistory(spec, limit, deletedOnly)).orElse(List.of());
    }

    private synchronized void refreshRevision() {
        Map<String, LayerVersion> versions = new java.util.HashMap<>();
        Layers.STORED.forEach(l -> versions.put(l.id(), repository.version(l)));
        layerVersions = Map.copyOf(versions);
        revision = query(PostGisFeatureStore::revision);
        summary();
    }

    private static String revision(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT epoch, version FROM " + LayerTable.SCHEMA + ".data_version");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return "pg-" + rs.getString(1).substring(0, 8) + "-" + rs.getLong(2);
        }
    }

    /**
     * One statement, so one snapshot and one round trip: the page with the number matched beside
     * every row. Only a page past the end has no row to carry the count, and asks again.
     */
    @Override
    public FeaturePage items(ItemsQuery query) {
        LayerTable table = table(query.collection());
        Sql where = where(table, query);
        Sql count = new Sql("SELECT count(*) FROM " + table.table()).append(where);
        Sql page = new Sql("SELECT (").append(count).append("), " + table.selectList() + " FROM " + table.table())
                .append(where)
                .append(orderBy(table, query))
                .append(" LIMIT ? OFFSET ?", (long) query.limit(), query.offset());
        return query(c -> {
            long matched = -1;
            List<Feature> features = new ArrayList<>();
            WKBReader wkb = new WKBReader();
            try (PreparedStatement s = page.prepare(c); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    matched = rs.getLong(1);
                    features.add(table.read(rs, 2, wkb));
                }
            }
            if (matched < 0) {
                try (PreparedStatement s = count.prepare(c); ResultSet rs = s.executeQuery()) {
                    rs.next();
                    matched = rs.getLong(1);
                }
            }
            return new FeaturePage(features, matched);
        });
    }

    /** One query over the selection's rows, read as they come (no count, no order, no page). */
    @Override
    public void forEachSelected(ItemsQuery selection, java.util.function.Consumer<Feature> action) {
        LayerTable table = table(selection.collection());
        Sql sql = new Sql("SELECT " + table.selectList() + " FROM " + table.table()).append(where(table, selection));
        query(c -> {
            WKBReader wkb = new WKBReader();
            try (PreparedStatement s = sql.prepare(c); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    action.accept(table.read(rs, 1, wkb));
                }
            }
            return null;
        });
    }

    @Override
    public Optional<Feature> item(String collection, String featureId) {
        LayerTable table = table(collection);
        Sql sql = new Sql("SELECT " + table.selectList() + " FROM " + table.table() + " WHERE id = ?", featureId);
        return query(c -> {
            try (PreparedStatement s = sql.prepare(c); ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(table.read(rs, 1, new WKBReader())) : Optional.empty();
            }
        });
    }

    @Override
    public void close() {
        repository.close();
    }

    private LayerTable table(String collection) {
        LayerTable table = tables.get(collection);
        if (table == null) {
            throw new IllegalArgumentException("no collection " + collection);
        }
        return table;
    }

    private static Sql where(LayerTable table, ItemsQuery query) {
        List<Sql> conditions = new ArrayList<>();
        if (query.bbox() != null) {
            // One box, or two across the antimeridian, either of which a feature may intersect.
            Sql anyBox = new Sql("(");
            List<org.locationtech.jts.geom.Envelope> boxes = query.boxes();
            for (int i = 0; i < boxes.size(); i++) {
                // The same polygon (or line, or point, for a degenerate box) the in-memory index tests against.
                byte[] box = new WKBWriter(2).write(GEOMETRIES.toGeometry(boxes.get(i)));
                // As there, a feature whose box lies inside the query box is in without the exact test.
                anyBox.append(new Sql((i == 0 ? "" : " OR ") + "(geom && ST_GeomFromWKB(?, 4326) AND (geom @ ST_GeomFromWKB(?, 4326) "
                        + "OR ST_Intersects(geom, ST_GeomFromWKB(?, 4326))))", box, box, box));
            }
            conditions.add(anyBox.append(new Sql(")")));
        }
        for (Map.Entry<String, Set<String>> filter : new TreeMap<>(query.filters()).entrySet()) {
            conditions.add(filter(table, filter.getKey(), filter.getValue()));
        }
        if (!query.terms().isEmpty() && !table.spec().searchable()) {
            throw new IllegalArgumentException("collection " + table.spec().id() + " is not searchable");
        }
        if (query.filter() != null) {
            conditions.add(FilterSql.condition(table, query.filter()));
        }
        for (String term : query.terms()) {
            String pattern = termPattern(term);
            // every match is a substring of search_text (all levels, plain): a cheap test first
            conditions.add(new Sql("(strpos(search_text, ?) > 0 AND (" + IN_NAME + " OR " + IN_ALIAS + " OR " + IN_COUNTY
                    + " OR " + IN_OTHER + "))", term, term, pattern, pattern, pattern, pattern));
        }
        Sql where = new Sql("");
        for (int i = 0; i < conditions.size(); i++) {
            where.append(i == 0 ? " WHERE " : " AND ").append(conditions.get(i));
        }
        return where;
    }

    /** Any of the values; a list property matches when any of its (string) elements does. */
    private static Sql filter(LayerTable table, String property, Set<String> values) {
        String column = table.column(property);
        String[] accepted = values.toArray(String[]::new);
        PropertyType type = property.equals("id") ? PropertyType.STRING
                : table.spec().property(property).map(PropertySpec::type).orElseThrow();
        return switch (type) {
            case STRING -> new Sql(column + " = ANY(?)", (Object) accepted);
            case INTEGER -> new Sql(column + "::text = ANY(?)", (Object) accepted);
            // ?| is the JSONB "any of these strings is an element" operator; JDBC needs it written ??|.
            case JSON_ARRAY -> new Sql("(" + column + " ??| ?)", (Object) accepted);
            default -> throw new IllegalArgumentException("cannot filter on " + type + " property " + property);
        };
    }

    /**
     * The in-memory order: sort keys with nulls last (first when descending), or relevance for a
     * search without sort keys, then id. Text compares in the "C" collation, code point order,
     * as Java compares strings (they differ only between supplementary characters and U+E000..U+FFFF).
     */
    private static Sql orderBy(LayerTable table, ItemsQuery query) {
        List<String> keys = new ArrayList<>();
        Sql order = new Sql(" ORDER BY ");
        for (SortKey key : query.sortBy()) {
            String column = table.column(key.property());
            boolean text = key.property().equals("id") || table.spec().property(key.property())
                    .map(p -> p.type() == PropertyType.STRING).orElse(false);
            keys.add((text ? column + " COLLATE \"C\"" : column) + (key.descending() ? " DESC NULLS FIRST" : " ASC NULLS LAST"));
        }
        if (query.sortBy().isEmpty() && !query.terms().isEmpty()) {
            String county = SearchText.countyNamed(query.terms());
            if (county != null) {
                // a search that names a county lists its projects first (?? is JSONB's ?, "is an element")
                order.append("coalesce(" + table.column("counties") + " ?? ?, false) DESC, ", county);
            }
            // ordered by the terms, or by the county's name for a search that names one, as SearchText.rank does
            order.append(relevance(SearchText.rankingTerms(query.terms()))).append(" DESC, ");
        }
        keys.add("id COLLATE \"C\"");
        return order.append(String.join(", ", keys));
    }

    /**
     * SearchText's score in SQL: each term at the best level it matches at, the row at its terms' worst;
     * the name level for every term, and the name starting with the first term, first.
     */
    private static Sql relevance(List<String> terms) {
        List<Object> name = new ArrayList<>();
        List<Object> alias = new ArrayList<>();
        List<Object> county = new ArrayList<>();
        List<String> inName = new ArrayList<>();
        List<String> inAlias = new ArrayList<>();
        List<String> inCounty = new ArrayList<>();
        for (String term : terms) {
            String pattern = termPattern(term);
            inName.add(IN_NAME);
            name.addAll(List.of(term, pattern));
            inAlias.add("(" + IN_NAME + " OR " + IN_ALIAS + ")");
            alias.addAll(List.of(term, pattern, pattern));
            inCounty.add("(" + IN_NAME + " OR " + IN_ALIAS + " OR " + IN_COUNTY + ")");
            county.addAll(List.of(term, pattern, pattern, pattern));
        }
        List<Object> params = new ArrayList<>(name);
        params.add(prefixPattern(terms.get(0)));
        params.addAll(alias);
        params.addAll(county);
        return new Sql("CASE WHEN " + String.join(" AND ", inName)
                + " THEN CASE WHEN search_names_marked ~ ? THEN " + SearchText.NAME_PREFIX + " ELSE " + SearchText.NAME + " END"
                + " WHEN " + String.join(" AND ", inAlias) + " THEN " + SearchText.ALIAS
                + " WHEN " + String.join(" AND ", inCounty) + " THEN " + SearchText.COUNTY
                + " ELSE " + SearchText.OTHER + " END", params.toArray());
    }

    /**
     * The term as a regular expression over SearchText's marked text: after a mark where a match may
     * begin, its characters in order, each perhaps after a mark (so "hukou" matches the marked syllables
     * hu and kou as SearchText matches the unmarked text), then a mark where a match may end; punctuation
     * escaped, the rest literal.
     */
    static String termPattern(String term) {
        return START + characters(term) + AFTER;
    }

    /** As {@link #termPattern}, at the beginning of the name (as written, in pinyin or in initials). */
    static String prefixPattern(String term) {
        return SearchText.NAME_START + characters(term) + AFTER;
    }

    private static String characters(String term) {
        StringBuilder pattern = new StringBuilder();
        term.codePoints().forEach(cp -> {
            if (pattern.length() > 0) {
                pattern.append(MARK).append('?');
            }
            if (cp < 128 && !Character.isLetterOrDigit(cp)) {
                pattern.append('\\');
            }
            pattern.appendCodePoint(cp);
        });
        return pattern.toString();
    }

    /**
     * Collections and statistics change only with the data: computed once per data version, in one
     * snapshot, by one thread (the listener's, as soon as a change is heard) while others wait for it
     * rather than run the same aggregates over every project at once.
     */
    private Summary summary() {
        Summary s = summary;
        if (s != null && s.revision.equals(revision)) {
            return s;
        }
        synchronized (this) {
            String current = revision;
            s = summary;
            if (s == null || !s.revision.equals(current)) {
                s = snapshot(c -> new Summary(current, collectionInfos(c), new PostGisStats(c).compute()));
                summary = s;
            }
            return s;
        }
    }

    private List<CollectionInfo> collectionInfos(Connection c) throws SQLException {
        List<CollectionInfo> infos = new ArrayList<>();
        for (LayerSpec spec : Layers.ALL) {
            LayerTable table = tables.get(spec.id());
            try (PreparedStatement s = c.prepareStatement("SELECT count(*), min(ST_XMin(geom)), max(ST_XMax(geom)), "
                    + "min(ST_YMin(geom)), max(ST_YMax(geom)) FROM " + table.table());
                 ResultSet rs = s.executeQuery()) {
                rs.next();
                long count = rs.getLong(1);
                Envelope extent = count == 0 || rs.getObject(2) == null ? new Envelope() // none, or none with a geometry
                        : new Envelope(rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5));
                infos.add(new CollectionInfo(spec, extent, count));
            }
        }
        return List.copyOf(infos);
    }

    /** One statement (or a few that need not agree) on a pooled connection as the pool hands it out. */
    private <T> T query(SqlWork<T> work) {
        try (Connection c = repository.pool().getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw repository.failure("cannot read from", e);
        }
    }

    /** Several statements that must see the same data: one read-only repeatable-read transaction. */
    private <T> T snapshot(SqlWork<T> work) {
        try (Connection c = repository.pool().getConnection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw repository.failure("cannot read from", e);
        }
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    private record Summary(String revision, List<CollectionInfo> collections, Stats stats) {
    }
}
