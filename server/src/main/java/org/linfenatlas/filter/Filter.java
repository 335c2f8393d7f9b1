package org.linfenatlas.filter;

import java.util.List;
import java.util.Objects;

/**
 * A parsed CQL2 filter (OGC 21-065): an immutable, typed expression tree, made by {@link Cql2Text} or
 * {@link Cql2Json} before any I/O and evaluated by {@link FilterEvaluator} (in memory) or translated to SQL.
 * Every node checks its operands' types when made. NOT LIKE, NOT BETWEEN, NOT IN and IS NOT NULL are
 * {@link Not} around the positive predicate. Evaluation follows SQL's three-valued logic: a comparison
 * with a missing (null) value is unknown, NOT unknown is unknown, and only features for which the whole
 * filter is true are selected.
 */
public sealed interface Filter {

    record And(List<Filter> args) implements Filter {
        public And {
            args = List.copyOf(args);
            if (args.size() < 2) {
                throw new IllegalArgumentException("AND needs at least two operands");
            }
        }
    }

    record Or(List<Filter> args) implements Filter {
        public Or {
            args = List.copyOf(args);
            if (args.size() < 2) {
                throw new IllegalArgumentException("OR needs at least two operands");
            }
        }
    }

    record Not(Filter arg) implements Filter {
        public Not {
            Objects.requireNonNull(arg, "arg");
        }
    }

    /** TRUE or FALSE. */
    record Constant(boolean value) implements Filter {
    }

    enum ComparisonOp {
        EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

        private final String symbol;

        ComparisonOp(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        public static ComparisonOp bySymbol(String symbol) {
            for (ComparisonOp op : values()) {
                if (op.symbol.equals(symbol)) {
                    return op;
                }
            }
            return null;
        }
    }

    /** Two scalars of the same type (strings, numbers or booleans). */
    record Comparison(ComparisonOp op, Operand left, Operand right) implements Filter {
        public Comparison {
            Objects.requireNonNull(op, "op");
            if (!left.type().isScalar() || left.type() != right.type()) {
                throw new IllegalArgumentException("cannot compare a " + left.type().label() + " with a " + right.type().label());
            }
        }
    }

    /** A string against a pattern: % any run of characters, _ one character, \ escapes the next one. */
    record Like(Operand value, Operand pattern) implements Filter {
        public Like {
            if (value.type() != ValueType.STRING || pattern.type() != ValueType.STRING) {
                throw new IllegalArgumentException("LIKE matches a string against a string pattern");
            }
        }
    }

    /** low <= value <= high, numbers only. */
    record Between(Operand value, Operand low, Operand high) implements Filter {
        public Between {
            if (value.type() != ValueType.NUMBER || low.type() != ValueType.NUMBER || high.type() != ValueType.NUMBER) {
                throw new IllegalArgumentException("BETWEEN compares numbers");
            }
        }
    }

    /** The value equals one of the list's (all of its type). */
    record In(Operand value, List<Operand> list) implements Filter {
        public In {
            list = List.copyOf(list);
            if (list.isEmpty()) {
                throw new IllegalArgumentException("IN needs at least one value");
            }
            for (Operand item : list) {
                if (!value.type().isScalar() || item.type() != value.type()) {
                    throw new IllegalArgumentException("IN compares values of one type");
                }
            }
        }
    }

    /** The value is missing; any type. */
    record IsNull(Operand operand) implements Filter {
        public IsNull {
            Objects.requireNonNull(operand, "operand");
        }
    }

    enum SpatialOp {
        S_INTERSECTS, S_EQUALS, S_DISJOINT, S_TOUCHES, S_WITHIN, S_OVERLAPS, S_CROSSES, S_CONTAINS;

        /** Whether the relation holds only for geometries that intersect: all but S_DISJOINT. */
        public boolean impliesIntersection() {
            return this != S_DISJOINT;
        }
    }

    /** A DE-9IM relation of two geometries (simple features, in CRS84 taken as a plane). */
    record Spatial(SpatialOp op, Operand left, Operand right) implements Filter {
        public Spatial {
            Objects.requireNonNull(op, "op");
            if (left.type() != ValueType.GEOMETRY || right.type() != ValueType.GEOMETRY) {
                throw new IllegalArgumentException(op + " relates two geometries");
            }
        }
    }

    enum ArrayOp {
        A_EQUALS, A_CONTAINS, A_CONTAINEDBY, A_OVERLAPS
    }

    /** A relation of two arrays taken as sets (OGC 21-065 array functions). */
    record ArrayRelation(ArrayOp op, Operand left, Operand right) implements Filter {
        public ArrayRelation {
            Objects.requireNonNull(op, "op");
            if (left.type() != ValueType.STRING_ARRAY || right.type() != ValueType.STRING_ARRAY) {
                throw new IllegalArgumentException(op + " relates two arrays");
            }
        }
    }
}
