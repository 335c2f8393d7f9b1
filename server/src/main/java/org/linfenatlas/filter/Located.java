package org.linfenatlas.filter;

import java.util.List;

/** An operand as a parser read it: where it starts in the filter text and how messages name it. */
record Located(Operand operand, int start, String description) {

    ValueType type() {
        return operand.type();
    }

    /** The checks both encodings make, with the messages they give. */
    static Filter comparison(Filter.ComparisonOp op, Located left, Located right, int at) {
        for (Located side : List.of(left, right)) {
            if (!side.type().isScalar()) {
                throw new FilterException("'" + op.symbol() + "' compares strings, numbers or booleans, not "
                        + side.description() + side.hint(), side.start());
            }
        }
        if (left.type() != right.type()) {
            throw new FilterException("'" + op.symbol() + "' compares values of one type: " + left.description() + " and "
                    + right.description(), at);
        }
        return new Filter.Comparison(op, left.operand(), right.operand());
    }

    static Filter like(Located value, Located pattern) {
        if (value.type() != ValueType.STRING) {
            throw new FilterException("LIKE matches strings, not " + value.description() + value.hint(), value.start());
        }
        if (pattern.type() != ValueType.STRING) {
            throw new FilterException("LIKE needs a string pattern, not " + pattern.description(), pattern.start());
        }
        return new Filter.Like(value.operand(), pattern.operand());
    }

    static Filter between(Located value, Located low, Located high) {
        for (Located side : List.of(value, low, high)) {
            if (side.type() != ValueType.NUMBER) {
                throw new FilterException("BETWEEN compares numbers, not " + side.description(), side.start());
            }
        }
        return new Filter.Between(value.operand(), low.operand(), high.operand());
    }

    static void inItem(Located value, Located item) {
        if (!value.type().isScalar()) {
            throw new FilterException("IN compares strings, numbers or booleans, not " + value.description() + value.hint(),
                    value.start());
        }
        if (item.type() != value.type()) {
            throw new FilterException("IN compares values of one type: " + value.description() + " and " + item.description(),
                    item.start());
        }
    }

    static Filter spatial(Filter.SpatialOp op, Located a, Located b) {
        for (Located side : List.of(a, b)) {
            if (side.type() != ValueType.GEOMETRY) {
                throw new FilterException(op + " relates geometries, not " + side.description(), side.start());
            }
        }
        return new Filter.Spatial(op, a.operand(), b.operand());
    }

    static Filter array(Filter.ArrayOp op, Located a, Located b) {
        for (Located side : List.of(a, b)) {
            if (side.type() != ValueType.STRING_ARRAY) {
                throw new FilterException(op + " relates arrays, not " + side.description(), side.start());
            }
        }
        return new Filter.ArrayRelation(op, a.operand(), b.operand());
    }

    static Located property(Queryables queryables, String name, int at) {
        Queryables.Queryable q = queryables.get(name).orElseThrow(() -> new FilterException(
                "unknown property '" + clip(name) + "' in collection " + queryables.collection() + "; queryables: "
                        + String.join(", ", queryables.names()), at, queryables.names()));
        String what = q.type() == ValueType.STRING_ARRAY ? "list" : q.type().label();
        return new Located(new Operand.Property(q.name(), q.type()), at, "the " + what + " property '" + q.name() + "'");
    }

    static Located number(double value, String text, int at) {
        if (!Double.isFinite(value)) {
            throw new FilterException("number '" + clip(text) + "' is out of range", at);
        }
        return new Located(new Operand.Numeric(value), at, "the number " + clip(text));
    }

    static Located text(String value, int at) {
        return new Located(new Operand.Text(value), at, "the string '" + clip(value) + "'");
    }

    private String hint() {
        return switch (type()) {
            case STRING_ARRAY -> " (for a list use A_CONTAINS, A_OVERLAPS, A_EQUALS or A_CONTAINEDBY)";
            case GEOMETRY -> " (for geometries use S_INTERSECTS and the other spatial functions)";
            default -> "";
        };
    }

    static String clip(String text) {
        String line = text.replaceAll("\\p{Cntrl}", "?");
        return line.length() <= 40 ? line : line.substring(0, 40) + "…";
    }

    static final String FUNCTIONS = "CASEI, ACCENTI, S_INTERSECTS, S_EQUALS, S_DISJOINT, S_TOUCHES, S_WITHIN, S_OVERLAPS, "
            + "S_CROSSES, S_CONTAINS, A_EQUALS, A_CONTAINS, A_CONTAINEDBY and A_OVERLAPS";
}
