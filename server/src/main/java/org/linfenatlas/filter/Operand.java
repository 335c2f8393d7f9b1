package org.linfenatlas.filter;

import java.util.List;
import java.util.Objects;
import org.locationtech.jts.geom.Geometry;

/**
 * A value in a filter: a queryable property or a literal, each with its type, checked when the node is
 * made (the parsers check first, to name the position of a mistake). Immutable; geometry literals are
 * CRS84 and never changed after parsing.
 */
public sealed interface Operand {
    ValueType type();

    /** A queryable of the collection: a property, the feature id ("id") or its geometry ("geometry"). */
    record Property(String name, ValueType type) implements Operand {
        public Property {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
        }
    }

    record Text(String value) implements Operand {
        public Text {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public ValueType type() {
            return ValueType.STRING;
        }
    }

    record Numeric(double value) implements Operand {
        public Numeric {
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("not a finite number: " + value);
            }
        }

        @Override
        public ValueType type() {
            return ValueType.NUMBER;
        }
    }

    record Bool(boolean value) implements Operand {
        @Override
        public ValueType type() {
            return ValueType.BOOLEAN;
        }
    }

    /** CASEI(...): the string lower-cased (Unicode, locale-independent), for case-insensitive comparison. */
    record CaseI(Operand operand) implements Operand {
        public CaseI {
            requireString(operand, "CASEI");
        }

        @Override
        public ValueType type() {
            return ValueType.STRING;
        }
    }

    /** ACCENTI(...): the string decomposed (NFD) without its combining marks, for accent-insensitive comparison. */
    record AccentI(Operand operand) implements Operand {
        public AccentI {
            requireString(operand, "ACCENTI");
        }

        @Override
        public ValueType type() {
            return ValueType.STRING;
        }
    }

    /** A geometry literal (WKT, BBOX or GeoJSON), in CRS84. */
    record GeometryValue(Geometry geometry) implements Operand {
        public GeometryValue {
            Objects.requireNonNull(geometry, "geometry");
        }

        @Override
        public ValueType type() {
            return ValueType.GEOMETRY;
        }
    }

    /** An array literal; the list properties hold strings, so its elements are strings. */
    record ArrayValue(List<String> values) implements Operand {
        public ArrayValue {
            values = List.copyOf(values);
        }

        @Override
        public ValueType type() {
            return ValueType.STRING_ARRAY;
        }
    }

    private static void requireString(Operand operand, String function) {
        Objects.requireNonNull(operand, "operand");
        if (operand.type() != ValueType.STRING) {
            throw new IllegalArgumentException(function + " takes a string, not a " + operand.type().label());
        }
    }
}
