package org.linfenatlas.filter;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.locationtech.jts.geom.Geometry;

/** The filter-lang values the API accepts; cql2-text is the default. */
public enum FilterLanguage {
    CQL2_TEXT("cql2-text"), CQL2_JSON("cql2-json");

    private final String code;

    FilterLanguage(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<FilterLanguage> byCode(String code) {
        return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst();
    }

    public static List<String> codes() {
        return Arrays.stream(values()).map(FilterLanguage::code).toList();
    }

    /** @throws FilterException for anything but a usable filter */
    public Filter parse(String text, Queryables queryables, UnaryOperator<Geometry> toCrs84) {
        return this == CQL2_TEXT ? Cql2Text.parse(text, queryables, toCrs84) : Cql2Json.parse(text, queryables, toCrs84);
    }
}
