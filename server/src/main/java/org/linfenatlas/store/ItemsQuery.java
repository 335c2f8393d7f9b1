package org.linfenatlas.store;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.linfenatlas.filter.Filter;
import org.locationtech.jts.geom.Envelope;

/**
 * What a store is asked for, already validated and normalised: no request text reaches a store
 * except through these fields, and filter keys are property names from the layer's whitelist.
 *
 * @param bbox    CRS84 envelope or null; one that crosses the antimeridian (its west edge east of its east edge,
 *                OGC 17-069r4 §7.15.3) has its east edge unwrapped past 180 (east + 360), as {@link #bbox(double,
 *                double, double, double)} makes it: stores select by {@link #boxes()}, which splits it there
 * @param filters property name → accepted values (any of them; array properties match on any element)
 * @param terms   lower-cased search terms, all of which must match, empty for no search
 * @param sortBy  sort keys, applied in order, with `id` as the final tie-breaker
 * @param filter  a parsed CQL2 filter (OGC API – Features Part 3) or null; AND-ed with bbox, filters and terms.
 *                Its property names are queryables of the collection, checked when it was parsed.
 */
public record ItemsQuery(
        String collection,
        Envelope bbox,
        Map<String, Set<String>> filters,
        List<String> terms,
        List<SortKey> sortBy,
        long offset,
        int limit,
        Filter filter) {

    public ItemsQuery {
        filters = Map.copyOf(filters);
        terms = List.copyOf(terms);
        sortBy = List.copyOf(sortBy);
    }

    /**
     * The bbox from its west edge to its east edge: the usual envelope, or for {@code west > east} the box that
     * crosses the antimeridian, from west to 180 and on from -180 to east.
     */
    public static Envelope bbox(double west, double south, double east, double north) {
        return new Envelope(west, west > east ? east + 360 : east, south, north);
    }

    /** Whether the bbox crosses the antimeridian (its two parts are {@link #boxes()}). */
    public boolean acrossAntimeridian() {
        return bbox != null && bbox.getMaxX() > 180;
    }

    /**
     * What a store selects by: nothing without a bbox, else envelopes within -180..180 that together are the
     * bbox, two for one across the antimeridian ([west, 180] and [-180, east]).
     */
    public List<Envelope> boxes() {
        if (bbox == null) {
            return List.of();
        }
        if (!acrossAntimeridian()) {
            return List.of(bbox);
        }
        return List.of(new Envelope(bbox.getMinX(), 180, bbox.getMinY(), bbox.getMaxY()),
                new Envelope(-180, bbox.getMaxX() - 360, bbox.getMinY(), bbox.getMaxY()));
    }

    /** Without a CQL2 filter. */
    public ItemsQuery(String collection, Envelope bbox, Map<String, Set<String>> filters, List<String> terms,
                      List<SortKey> sortBy, long offset, int limit) {
        this(collection, bbox, filters, terms, sortBy, offset, limit, null);
    }

    /** The same query with a CQL2 filter (null for none). */
    public ItemsQuery withFilter(Filter newFilter) {
        return new ItemsQuery(collection, bbox, filters, terms, sortBy, offset, limit, newFilter);
    }

    /**
     * The same selection (bbox, filters, terms, sort, and whatever else selects) with another page: what
     * downloads page through. A field added to this record must be carried over here.
     */
    public ItemsQuery withPage(long newOffset, int newLimit) {
        return new ItemsQuery(collection, bbox, filters, terms, sortBy, newOffset, newLimit, filter);
    }

    /** The same selection within another bbox (CRS84, null for none), e.g. a tile's. */
    public ItemsQuery withBbox(Envelope newBbox) {
        return new ItemsQuery(collection, newBbox, filters, terms, sortBy, offset, limit, filter);
    }

    public static ItemsQuery all(String collection) {
        return new ItemsQuery(collection, null, Map.of(), List.of(), List.of(), 0, Integer.MAX_VALUE);
    }

    public record SortKey(String property, boolean descending) {
    }
}
