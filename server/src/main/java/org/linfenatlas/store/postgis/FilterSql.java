package org.linfenatlas.store.postgis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.linfenatlas.filter.Filter;
import org.linfenatlas.filter.FilterEvaluator;
import org.linfenatlas.filter.Operand;
import org.linfenatlas.filter.Queryables;
import org.linfenatlas.filter.TextFunctions;
import org.linfenatlas.filter.ValueType;
import org.locationtech.jts.io.WKBWriter;

/**
 * A CQL2 filter as a SQL condition on a layer's table, meaning what {@link FilterEvaluator} computes in
 * memory. Column names come only from the layer spec (through {@link LayerTable#column}); every literal is
 * a bound parameter. SQL's NULL is the evaluator's unknown, so the logic needs no translation.
 *
 * <ul>
 *   <li>strings compare in the "C" collation (code-point order, as Java compares them);</li>
 *   <li>CASEI is lower() under the ICU root collation ("und-x-icu", as Java's locale-free toLowerCase),
 *       ACCENTI is normalize(..., NFD) without the combining marks of {@link TextFunctions#MARK_RANGES};</li>
 *   <li>LIKE keeps its pattern (%, _ and the backslash escape mean the same in PostgreSQL);</li>
 *   <li>geometry literals bind as WKB (every coordinate bit for bit) in SRID 4326, related by ST_Intersects and
 *       the other DE-9IM functions, which use the GiST index;</li>
 *   <li>the list properties are JSONB arrays of strings: A_CONTAINS is @&gt;, A_CONTAINEDBY &lt;@, A_EQUALS both,
 *       A_OVERLAPS ?| (any of the strings is an element), as the counties and belts filters already do;</li>
 *   <li>a predicate that names no property (literal against literal) is evaluated here and written as its value.</li>
 * </ul>
 */
final class FilterSql {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ICU = "\"und-x-icu\"";
    private static final String MARKS;

    static {
        StringBuilder cls = new StringBuilder("[");
        for (String[] range : TextFunctions.MARK_RANGES) {
            cls.append("\\u").append(range[0]).append("-\\u").append(range[1]);
        }
        MARKS = cls.append(']').toString();
    }

    private final LayerTable table;

    private FilterSql(LayerTable table) {
        this.table = table;
    }

    /** The filter as one parenthesised boolean SQL expression. */
    static Sql condition(LayerTable table, Filter filter) {
        return new FilterSql(table).predicate(filter);
    }

    private Sql predicate(Filter f) {
        if (f instanceof Filter.And and) {
            return joined(and.args(), " AND ");
        }
        if (f instanceof Filter.Or or) {
            return joined(or.args(), " OR ");
        }
        if (f instanceof Filter.Not not) {
            return new Sql("(NOT ").append(predicate(not.arg())).append(")");
        }
        if (!FilterEvaluator.namesProperty(f)) {
            Boolean value = FilterEvaluator.constant(f);
            return new Sql(value == null ? "CAST(NULL AS boolean)" : value ? "TRUE" : "FALSE");
        }
        if (f instanceof Filter.Comparison c) {
            return new Sql("(").append(scalar(c.left(), true)).append(" " + c.op().symbol() + " ").append(scalar(c.right(), true))
                    .append(")");
        }
        if (f instanceof Filter.Like like) {
            return new Sql("(").append(scalar(like.value(), true)).append(" LIKE ").append(scalar(like.pattern(), true))
                    .append(")");
        }
        if (f instanceof Filter.Between b) {
            return new Sql("(").append(scalar(b.value(), true)).append(" BETWEEN ").append(scalar(b.low(), true))
                    .append(" AND ").append(scalar(b.high(), true)).append(")");
        }
        if (f instanceof Filter.In in) {
            Sql sql = new Sql("(").append(scalar(in.value(), true)).append(" IN (");
            for (int i = 0; i < in.list().size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(scalar(in.list().get(i), true));
            }
            return sql.append("))");
        }
        if (f instanceof Filter.IsNull isNull) {
            return new Sql("(").append(any(isNull.operand())).append(" IS NULL)");
        }
        if (f instanceof Filter.Spatial s) {
            String function = switch (s.op()) {
                case S_INTERSECTS -> "ST_Intersects";
                case S_EQUALS -> "ST_Equals";
                case S_DISJOINT -> "ST_Disjoint";
                case S_TOUCHES -> "ST_Touches";
                case S_WITHIN -> "ST_Within";
                case S_OVERLAPS -> "ST_Overlaps";
                case S_CROSSES -> "ST_Crosses";
                case S_CONTAINS -> "ST_Contains";
            };
            return new Sql(function + "(").append(geometry(s.left())).append(", ").append(geometry(s.right())).append(")");
        }
        if (f instanceof Filter.ArrayRelation a) {
            return array(a);
        }
        throw new IllegalArgumentException("cannot translate " + f);
    }

    private Sql joined(List<Filter> args, String operator) {
        Sql sql = new Sql("(");
        for (int i = 0; i < args.size(); i++) {
            sql.append(i == 0 ? "" : operator).append(predicate(args.get(i)));
        }
        return sql.append(")");
    }

    /** A string, number or boolean; strings in the "C" collation where they are compared. */
    private Sql scalar(Operand o, boolean collate) {
        Sql value = value(o);
        return collate && o.type() == ValueType.STRING ? new Sql("(").append(value).append(") COLLATE \"C\"") : value;
    }

    private Sql value(Operand o) {
        if (o instanceof Operand.Text t) {
            return new Sql("CAST(? AS text)", t.value());
        }
        if (o instanceof Operand.Numeric n) {
            return new Sql("CAST(? AS double precision)", n.value());
        }
        if (o instanceof Operand.Bool b) {
            return new Sql("CAST(? AS boolean)", b.value());
        }
        if (o instanceof Operand.CaseI c) {
            return new Sql("lower((").append(value(c.operand())).append(") COLLATE " + ICU + ")");
        }
        if (o instanceof Operand.AccentI a) {
            return new Sql("regexp_replace(normalize(").append(value(a.operand())).append(", NFD), '" + MARKS + "', '', 'g')");
        }
        if (o instanceof Operand.Property p) {
            return new Sql(column(p));
        }
        throw new IllegalArgumentException("not a scalar: " + o);
    }

    /** For IS NULL: an operand of any type. */
    private Sql any(Operand o) {
        if (o instanceof Operand.Property p) {
            return new Sql(column(p));
        }
        if (o.type() == ValueType.GEOMETRY) {
            return geometry(o);
        }
        if (o.type() == ValueType.STRING_ARRAY) {
            return arrayValue(o);
        }
        return value(o);
    }

    private Sql geometry(Operand o) {
        if (o instanceof Operand.Property) {
            return new Sql("geom");
        }
        if (o instanceof Operand.GeometryValue g) {
            return new Sql("ST_GeomFromWKB(?, 4326)", (Object) new WKBWriter(2).write(g.geometry()));
        }
        throw new IllegalArgumentException("not a geometry: " + o);
    }

    private Sql array(Filter.ArrayRelation a) {
        Operand left = a.left();
        Operand right = a.right();
        return switch (a.op()) {
            case A_CONTAINS -> new Sql("(").append(arrayValue(left)).append(" @> ").append(arrayValue(right)).append(")");
            case A_CONTAINEDBY -> new Sql("(").append(arrayValue(left)).append(" <@ ").append(arrayValue(right)).append(")");
            case A_EQUALS -> new Sql("(").append(arrayValue(left)).append(" @> ").append(arrayValue(right)).append(" AND ")
                    .append(arrayValue(left)).append(" <@ ").append(arrayValue(right)).append(")");
            case A_OVERLAPS -> overlaps(left, right);
        };
    }

    /** Any common element: ?| against the strings of a literal (GIN-indexed), or of the other list's elements. */
    private Sql overlaps(Operand left, Operand right) {
        if (left instanceof Operand.ArrayValue) {
            Operand swap = left;
            left = right;
            right = swap;
        }
        // ?| is the JSONB "any of these strings is an element" operator; JDBC needs it written ??|.
        if (right instanceof Operand.ArrayValue literal) {
            return new Sql("(").append(arrayValue(left)).append(" ??| ?)", (Object) literal.values().toArray(String[]::new));
        }
        Sql other = arrayValue(right);
        return new Sql("(CASE WHEN ").append(other).append(" IS NULL THEN NULL ELSE ").append(arrayValue(left))
                .append(" ??| ARRAY(SELECT jsonb_array_elements_text(").append(arrayValue(right)).append(")) END)");
    }

    private Sql arrayValue(Operand o) {
        if (o instanceof Operand.Property p) {
            return new Sql(column(p));
        }
        if (o instanceof Operand.ArrayValue a) {
            try {
                return new Sql("CAST(? AS jsonb)", JSON.writeValueAsString(new ArrayList<>(a.values())));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalArgumentException("not an array: " + o);
    }

    /** The queryable's column: from the layer spec only, never from the request's text. */
    private String column(Operand.Property p) {
        if (p.type() == ValueType.GEOMETRY && p.name().equals(Queryables.GEOMETRY)) {
            return "geom";
        }
        return "(" + table.column(p.name()) + ")";
    }
}
