package org.linfenatlas.filter;

import java.util.List;

/**
 * A filter that cannot be used: malformed, too long or deep, naming an unknown queryable, or mixing
 * types. {@code position} is the 0-based character offset in the filter text where it went wrong.
 */
public final class FilterException extends RuntimeException {
    private final int position;
    private final List<String> queryables;

    public FilterException(String message, int position) {
        this(message, position, List.of());
    }

    /** @param queryables for an unknown name: what the collection offers instead */
    public FilterException(String message, int position, List<String> queryables) {
        super(message, null, false, false);
        this.position = position;
        this.queryables = List.copyOf(queryables);
    }

    public int position() {
        return position;
    }

    public List<String> queryables() {
        return queryables;
    }
}
