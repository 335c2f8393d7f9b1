package org.linfenatlas.filter;

import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.linfenatlas.model.Feature;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.IntersectionMatrix;
import org.locationtech.jts.operation.relateng.RelateNG;
import org.locationtech.jts.operation.relateng.RelatePredicate;
import org.locationtech.jts.operation.relateng.TopologyPredicate;

/**
 * A filter evaluated on features in memory, with SQL's three-valued logic (true, false, unknown as
 * null): a missing value makes a comparison unknown, AND is false if any operand is, OR true if any
 * is, NOT keeps unknown; a feature is selected only when the filter is true. Geometry literals are
 * prepared once ({@link RelateNG}, which also relates geometry collections). One evaluator serves one
 * query; it is not shared between threads.
 */
public final class FilterEvaluator {
    private final Filter filter;
    private final Map<Operand.GeometryValue, RelateNG> prepared = new IdentityHashMap<>();

    public FilterEvaluator(Filter filter) {
        this.filter = filter;
    }

    /** Whether the filter is true for the feature (false and unknown both leave it out). */
    public boolean test(Feature feature) {
        return Boolean.TRUE.equals(eval(filter, feature));
    }

    /** True, false or null for unknown; a null feature is for filters that name no property. */
    Boolean eval(Filter f, Feature feature) {
        if (f instanceof Filter.And and) {
            boolean unknown = false;
            for (Filter arg : and.args()) {
                Boolean b = eval(arg, feature);
                if (Boolean.FALSE.equals(b)) {
                    return false;
                }
                unknown |= b == null;
            }
            return unknown ? null : true;
        }
        if (f instanceof Filter.Or or) {
            boolean unknown = false;
            for (Filter arg : or.args()) {
                Boolean b = eval(arg, feature);
                if (Boolean.TRUE.equals(b)) {
                    return true;
                }
                unknown |= b == null;
            }
            return unknown ? null : false;
        }
        if (f instanceof Filter.Not not) {
            Boolean b = eval(not.arg(), feature);
            return b == null ? null : !b;
        }
        if (f instanceof Filter.Constant c) {
            return c.value();
        }
        if (f instanceof Filter.Comparison c) {
            Object a = value(c.left(), feature);
            Object b = value(c.right(), feature);
            if (a == null || b == null) {
                return null;
            }
            int order = compare(a, b);
            return switch (c.op()) {
                case EQ -> order == 0;
                case NE -> order != 0;
                case LT -> order < 0;
                case LE -> order <= 0;
                case GT -> order > 0;
                case GE -> order >= 0;
            };
        }
        if (f instanceof Filter.Like like) {
            Object v = value(like.value(), feature);
            Object p = value(like.pattern(), feature);
            return v == null || p == null ? null : TextFunctions.like((String) v, (String) p);
        }
        if (f instanceof Filter.Between between) {
            Object v = value(between.value(), feature);
            Object low = value(between.low(), feature);
            Object high = value(between.high(), feature);
            Boolean above = v == null || low == null ? null : compare(low, v) <= 0;
            Boolean below = v == null || high == null ? null : compare(v, high) <= 0;
            if (Boolean.FALSE.equals(above) || Boolean.FALSE.equals(below)) {
                return false;
            }
            return above == null || below == null ? null : true;
        }
        if (f instanceof Filter.In in) {
            Object v = value(in.value(), feature);
            if (v == null) {
                return null;
            }
            boolean unknown = false;
            for (Operand item : in.list()) {
                Object x = value(item, feature);
                if (x == null) {
                    unknown = true;
                } else if (compare(v, x) == 0) {
                    return true;
                }
            }
            return unknown ? null : false;
        }
        if (f instanceof Filter.IsNull isNull) {
            return value(isNull.operand(), feature) == null;
        }
        if (f instanceof Filter.Spatial s) {
            return spatial(s, feature);
        }
        if (f instanceof Filter.ArrayRelation a) {
            Object left = value(a.left(), feature);
            Object right = value(a.right(), feature);
            if (left == null || right == null) {
                return null;
            }
            @SuppressWarnings("unchecked")
            Set<String> x = (Set<String>) left;
            @SuppressWarnings("unchecked")
            Set<String> y = (Set<String>) right;
            return switch (a.op()) {
                case A_EQUALS -> x.equals(y);
                case A_CONTAINS -> x.containsAll(y);
                case A_CONTAINEDBY -> y.containsAll(x);
                case A_OVERLAPS -> y.stream().anyMatch(x::contains);
            };
        }
        throw new IllegalStateException("unknown filter node " + f);
    }

    private Boolean spatial(Filter.Spatial s, Feature feature) {
        Object a = value(s.left(), feature);
        Object b = value(s.right(), feature);
        if (a == null || b == null) {
            return null;
        }
        Geometry left = (Geometry) a;
        Geometry right = (Geometry) b;
        // a literal is prepared once; with the literal on the right, the converse relation is asked of it
        if (s.left() instanceof Operand.GeometryValue literal) {
            return prepared(literal).evaluate(right, predicate(s.op()));
        }
        if (s.right() instanceof Operand.GeometryValue literal) {
            RelateNG relate = prepared(literal);
            return switch (s.op()) {
                case S_WITHIN -> relate.evaluate(left, RelatePredicate.contains());
                case S_CONTAINS -> relate.evaluate(left, RelatePredicate.within());
                case S_CROSSES -> {
                    IntersectionMatrix m = relate.evaluate(left);
                    m.transpose();
                    yield m.isCrosses(left.getDimension(), right.getDimension());
                }
                default -> relate.evaluate(left, predicate(s.op())); // symmetric
            };
        }
        return RelateNG.relate(left, right, predicate(s.op()));
    }

    private RelateNG prepared(Operand.GeometryValue literal) {
        return prepared.computeIfAbsent(literal, l -> RelateNG.prepare(l.geometry()));
    }

    private static TopologyPredicate predicate(Filter.SpatialOp op) {
        return switch (op) {
            case S_INTERSECTS -> RelatePredicate.intersects();
            case S_EQUALS -> RelatePredicate.equalsTopo();
            case S_DISJOINT -> RelatePredicate.disjoint();
            case S_TOUCHES -> RelatePredicate.touches();
            case S_WITHIN -> RelatePredicate.within();
            case S_OVERLAPS -> RelatePredicate.overlaps();
            case S_CROSSES -> RelatePredicate.crosses();
            case S_CONTAINS -> RelatePredicate.contains();
        };
    }

    /** The operand's value: String, Double, Boolean, Geometry or Set of String; null when missing. */
    private static Object value(Operand o, Feature feature) {
        if (o instanceof Operand.Text t) {
            return t.value();
        }
        if (o instanceof Operand.Numeric n) {
            return n.value();
        }
        if (o instanceof Operand.Bool b) {
            return b.value();
        }
        if (o instanceof Operand.GeometryValue g) {
            return g.geometry();
        }
        if (o instanceof Operand.ArrayValue a) {
            return new HashSet<>(a.values());
        }
        if (o instanceof Operand.CaseI c) {
            Object v = value(c.operand(), feature);
            return v == null ? null : TextFunctions.caseI((String) v);
        }
        if (o instanceof Operand.AccentI a) {
            Object v = value(a.operand(), feature);
            return v == null ? null : TextFunctions.accentI((String) v);
        }
        if (o instanceof Operand.Property p) {
            if (feature == null) {
                throw new IllegalStateException("property " + p.name() + " without a feature");
            }
            return property(p, feature);
        }
        throw new IllegalStateException("unknown operand " + o);
    }

    private static Object property(Operand.Property p, Feature feature) {
        if (p.name().equals(Queryables.ID)) {
            return feature.id();
        }
        if (p.type() == ValueType.GEOMETRY) {
            // a feature without a position (stored as SQL NULL) makes every spatial predicate unknown, as in PostGIS
            return feature.geometry() == null || feature.geometry().isEmpty() ? null : feature.geometry();
        }
        Object v = feature.property(p.name());
        if (v == null) {
            return null;
        }
        return switch (p.type()) {
            case STRING -> v.toString();
            case NUMBER -> v instanceof Number n ? n.doubleValue() : null;
            case BOOLEAN -> v instanceof Boolean b ? b : null;
            case STRING_ARRAY -> {
                if (!(v instanceof Collection<?> list)) {
                    yield null;
                }
                Set<String> set = new HashSet<>();
                list.forEach(item -> set.add(String.valueOf(item)));
                yield set;
            }
            case GEOMETRY -> null;
        };
    }

    /** Strings in code-point order (as the SQL path's "C" collation), numbers and booleans by value. */
    private static int compare(Object a, Object b) {
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        if (a instanceof Double x && b instanceof Double y) {
            return x < y ? -1 : x > y ? 1 : 0; // finite values; -0.0 equals 0.0, as in SQL
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return Boolean.compare(x, y);
        }
        throw new IllegalStateException("cannot compare " + a + " with " + b);
    }

    /**
     * An envelope every selected feature's geometry must intersect, or null when the filter implies none:
     * a spatial relation other than S_DISJOINT between the geometry and a literal implies the feature
     * meets the literal's envelope; AND takes the smallest of its operands' (any of them must be met), OR
     * their union (only when each operand implies one). The index looks up candidates in its tree with it.
     */
    public static Envelope requiredEnvelope(Filter f) {
        if (f instanceof Filter.Spatial s && s.op().impliesIntersection()) {
            Operand literal = s.left() instanceof Operand.Property ? s.right() : s.right() instanceof Operand.Property ? s.left() : null;
            if (literal instanceof Operand.GeometryValue g && !g.geometry().isEmpty()) {
                return new Envelope(g.geometry().getEnvelopeInternal());
            }
            return null;
        }
        if (f instanceof Filter.And and) {
            // each operand's envelope must be met, not their common part (a long line meets two far boxes): the smallest
            Envelope smallest = null;
            for (Filter arg : and.args()) {
                Envelope e = requiredEnvelope(arg);
                if (e != null && (smallest == null || e.getArea() < smallest.getArea())) {
                    smallest = e;
                }
            }
            return smallest;
        }
        if (f instanceof Filter.Or or) {
            Envelope union = new Envelope();
            for (Filter arg : or.args()) {
                Envelope e = requiredEnvelope(arg);
                if (e == null) {
                    return null;
                }
                union.expandToInclude(e);
            }
            return union;
        }
        return null;
    }

    /** The filter's value where it names no feature property (constant folding for the SQL path); null for unknown. */
    public static Boolean constant(Filter f) {
        return new FilterEvaluator(f).eval(f, null);
    }

    /** Whether the filter names any queryable. */
    public static boolean namesProperty(Filter f) {
        if (f instanceof Filter.And and) {
            return and.args().stream().anyMatch(FilterEvaluator::namesProperty);
        }
        if (f instanceof Filter.Or or) {
            return or.args().stream().anyMatch(FilterEvaluator::namesProperty);
        }
        if (f instanceof Filter.Not not) {
            return namesProperty(not.arg());
        }
        if (f instanceof Filter.Constant) {
            return false;
        }
        return operands(f).stream().anyMatch(FilterEvaluator::namesProperty);
    }

    private static boolean namesProperty(Operand o) {
        if (o instanceof Operand.Property) {
            return true;
        }
        if (o instanceof Operand.CaseI c) {
            return namesProperty(c.operand());
        }
        if (o instanceof Operand.AccentI a) {
            return namesProperty(a.operand());
        }
        return false;
    }

    /** The operands of a predicate (not of AND, OR, NOT). */
    public static List<Operand> operands(Filter f) {
        if (f instanceof Filter.Comparison c) {
            return List.of(c.left(), c.right());
        }
        if (f instanceof Filter.Like l) {
            return List.of(l.value(), l.pattern());
        }
        if (f instanceof Filter.Between b) {
            return List.of(b.value(), b.low(), b.high());
        }
        if (f instanceof Filter.In in) {
            List<Operand> all = new java.util.ArrayList<>(in.list());
            all.add(0, in.value());
            return all;
        }
        if (f instanceof Filter.IsNull n) {
            return List.of(n.operand());
        }
        if (f instanceof Filter.Spatial s) {
            return List.of(s.left(), s.right());
        }
        if (f instanceof Filter.ArrayRelation a) {
            return List.of(a.left(), a.right());
        }
        return List.of();
    }
}
