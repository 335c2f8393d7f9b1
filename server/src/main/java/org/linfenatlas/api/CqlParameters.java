package org.linfenatlas.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linfenatlas.filter.Filter;
import org.linfenatlas.filter.FilterException;
import org.linfenatlas.filter.FilterLanguage;
import org.linfenatlas.filter.Operand;
import org.linfenatlas.filter.Queryables;
import org.linfenatlas.filter.ValueType;
import org.linfenatlas.model.LayerSpec;

/**
 * The filter parameters of OGC API – Features Part 3 on an items request: filter (CQL2), filter-lang
 * (cql2-text, the default, or cql2-json) and filter-crs (the CRS of its geometry literals, any the API
 * offers for bbox-crs; CRS84 by default). A filter is parsed into its tree here, before any I/O; a
 * filter that cannot be used is a 400 whose details say where it failed.
 */
final class CqlParameters {
    static final String FILTER = "filter";
    static final String FILTER_LANG = "filter-lang";
    static final String FILTER_CRS = "filter-crs";

    private CqlParameters() {
    }

    /**
     * The queryables that are also query parameters of their own (OGC API – Features Part 3, queryables as query
     * parameters): every queryable with a simple value (string or number) that no other parameter of the items
     * request already names. Its value selects the features whose property equals it. (The older filter
     * parameters, e.g. category or name, take comma-separated lists of values.)
     */
    static List<Queryables.Queryable> queryableParameters(LayerSpec spec) {
        return Queryables.of(spec).all().stream()
                .filter(q -> q.type() == ValueType.STRING || q.type() == ValueType.NUMBER)
                .filter(q -> !ItemsRequestParser.COMMON.contains(q.name()) && !spec.filters().containsKey(q.name())
                        && !q.name().equals("q"))
                .toList();
    }

    /** The parsed filter AND-ed with the queryables given as parameters, or null without either. */
    static Filter filter(LayerSpec spec, Map<String, String> params) {
        List<Filter> parts = new ArrayList<>();
        Filter parsed = parsed(spec, params);
        if (parsed != null) {
            parts.add(parsed);
        }
        for (Queryables.Queryable q : queryableParameters(spec)) {
            String value = params.get(q.name());
            if (value != null) {
                parts.add(new Filter.Comparison(Filter.ComparisonOp.EQ, new Operand.Property(q.name(), q.type()), literal(q, value)));
            }
        }
        return parts.isEmpty() ? null : parts.size() == 1 ? parts.get(0) : new Filter.And(parts);
    }

    private static Operand literal(Queryables.Queryable q, String value) {
        if (q.type() == ValueType.STRING) {
            return new Operand.Text(value);
        }
        try {
            double n = Double.parseDouble(value.strip());
            if (!Double.isFinite(n) || (q.integer() && n != Math.rint(n))) {
                throw new NumberFormatException();
            }
            return new Operand.Numeric(n);
        } catch (NumberFormatException e) {
            throw ApiException.badParameter("'" + q.name() + "' must be " + (q.integer() ? "an integer" : "a number")
                    + ", got '" + ItemsRequestParser.clip(value) + "'");
        }
    }

    private static Filter parsed(LayerSpec spec, Map<String, String> params) {
        String lang = params.get(FILTER_LANG);
        FilterLanguage language = lang == null ? FilterLanguage.CQL2_TEXT : FilterLanguage.byCode(lang.strip())
                .orElseThrow(() -> ApiException.badParameter("'" + FILTER_LANG + "' '" + ItemsRequestParser.clip(lang)
                        + "' is not supported; supported: " + String.join(", ", FilterLanguage.codes())));
        Crs crs = ItemsRequestParser.crs(params, FILTER_CRS);
        String text = params.get(FILTER);
        if (text == null) {
            return null;
        }
        try {
            return language.parse(text, Queryables.of(spec), crs::toCrs84);
        } catch (FilterException e) {
            throw refusal(text, language, e);
        }
    }

    private static ApiException refusal(String text, FilterLanguage language, FilterException e) {
        int at = Math.max(0, Math.min(e.position(), text.length()));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("parameter", FILTER);
        details.put(FILTER_LANG, language.code());
        details.put("position", at);
        details.put("near", ItemsRequestParser.clip(text.substring(at, Math.min(text.length(), at + 40))));
        if (!e.queryables().isEmpty()) {
            details.put("queryables", e.queryables());
        }
        return new ApiException(400, "InvalidParameterValue",
                "'" + FILTER + "' (" + language.code() + ") at character " + at + ": " + e.getMessage(), details);
    }
}
