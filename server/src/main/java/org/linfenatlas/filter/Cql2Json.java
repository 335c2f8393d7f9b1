package org.linfenatlas.filter;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * CQL2 JSON (OGC 21-065, cql2.json schema) → the same {@link Filter} tree as {@link Cql2Text}: and/or/not,
 * the comparison operators, like, between, in, isNull, casei/accenti, s_* with GeoJSON geometries or
 * {"bbox": [...]}, a_* with JSON arrays, {"property": name}. Read with Jackson's streaming parser into a
 * small tree that remembers where each value starts, so that every refusal names the character offset
 * in the JSON text. Same limits as the text encoding: {@link Cql2Text#MAX_LENGTH} characters and
 * {@link Cql2Text#MAX_DEPTH} nested expressions; JSON nesting is capped at twice that (an expression is
 * an object and its args array), plus what a GeoJSON geometry needs.
 */
public final class Cql2Json {
    static final int MAX_JSON_DEPTH = 2 * Cql2Text.MAX_DEPTH + 6;
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_JSON_DEPTH + 1).build())
            .build();

    private final Queryables queryables;
    private final UnaryOperator<Geometry> toCrs84;
    private int depth;

    private Cql2Json(Queryables queryables, UnaryOperator<Geometry> toCrs84) {
        this.queryables = queryables;
        this.toCrs84 = toCrs84;
    }

    /** @throws FilterException for anything but a usable filter, with the offset where it failed */
    public static Filter parse(String text, Queryables queryables, UnaryOperator<Geometry> toCrs84) {
        if (text.length() > Cql2Text.MAX_LENGTH) {
            throw new FilterException("filter is longer than " + Cql2Text.MAX_LENGTH + " characters", Cql2Text.MAX_LENGTH);
        }
        Node root = read(text);
        return new Cql2Json(queryables, toCrs84).filter(root);
    }

    // The JSON, with where each value starts

    private sealed interface Node {
        int at();
    }

    private record ObjectNode(int at, Map<String, Node> members) implements Node {
    }

    private record ArrayNode(int at, List<Node> items) implements Node {
    }

    private record StringNode(int at, String value) implements Node {
    }

    private record NumberNode(int at, double value, String text) implements Node {
    }

    private record BooleanNode(int at, boolean value) implements Node {
    }

    private record NullNode(int at) implements Node {
    }

    private static Node read(String text) {
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() == null) {
                throw new FilterException("filter is empty", 0);
            }
            Node root = value(p, 0);
            if (p.nextToken() != null) {
                throw new FilterException("unexpected content after the JSON value", offset(p));
            }
            return root;
        } catch (JsonProcessingException e) {
            int at = e.getLocation() == null ? 0 : (int) Math.max(0, e.getLocation().getCharOffset());
            throw new FilterException("malformed JSON: " + e.getOriginalMessage().replaceAll("\\[Source: [^;]*; ", "["), at);
        } catch (IOException e) {
            throw new FilterException("unreadable JSON: " + e.getMessage(), 0);
        }
    }

    private static Node value(JsonParser p, int depth) throws IOException {
        int at = offset(p);
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                checkDepth(depth, at);
                Map<String, Node> members = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    int nameAt = offset(p);
                    p.nextToken();
                    if (members.put(name, value(p, depth + 1)) != null) {
                        throw new FilterException("member \"" + Located.clip(name) + "\" appears twice", nameAt);
                    }
                }
                return new ObjectNode(at, members);
            }
            case START_ARRAY -> {
                checkDepth(depth, at);
                List<Node> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(value(p, depth + 1));
                }
                return new ArrayNode(at, items);
            }
            case VALUE_STRING -> {
                return new StringNode(at, p.getText());
            }
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
                return new NumberNode(at, p.getDoubleValue(), p.getText());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new BooleanNode(at, t == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return new NullNode(at);
            }
            default -> throw new FilterException("unexpected JSON token " + t, at);
        }
    }

    private static void checkDepth(int depth, int at) {
        if (depth >= MAX_JSON_DEPTH) {
            throw new FilterException("filter JSON is nested deeper than " + MAX_JSON_DEPTH + " levels", at);
        }
    }

    private static int offset(JsonParser p) {
        return (int) Math.max(0, p.currentTokenLocation().getCharOffset());
    }

    // The JSON as a filter

    private Filter filter(Node n) {
        if (n instanceof BooleanNode b) {
            return new Filter.Constant(b.value());
        }
        if (!(n instanceof ObjectNode o) || !o.members().containsKey("op")) {
            throw new FilterException("expected a predicate: an object with \"op\" and \"args\", or true or false; found "
                    + describe(n), n.at());
        }
        String op = op(o);
        List<Node> args = args(o);
        enter(o);
        try {
            return switch (op) {
                case "and", "or" -> {
                    if (args.size() < 2) {
                        throw new FilterException("\"" + op + "\" needs at least two args", o.at());
                    }
                    List<Filter> parts = new ArrayList<>();
                    args.forEach(a -> parts.add(filter(a)));
                    yield op.equals("and") ? new Filter.And(parts) : new Filter.Or(parts);
                }
                case "not" -> new Filter.Not(filter(arity(o, args, 1).get(0)));
                case "=", "<>", "<", "<=", ">", ">=" -> {
                    arity(o, args, 2);
                    yield Located.comparison(Filter.ComparisonOp.bySymbol(op), operand(args.get(0)), operand(args.get(1)), o.at());
                }
                case "like" -> {
                    arity(o, args, 2);
                    Located value = operand(args.get(0));
                    yield Located.like(value, pattern(args.get(1)));
                }
                case "between" -> {
                    arity(o, args, 3);
                    yield Located.between(operand(args.get(0)), operand(args.get(1)), operand(args.get(2)));
                }
                case "in" -> {
                    arity(o, args, 2);
                    Located value = operand(args.get(0));
                    if (!(args.get(1) instanceof ArrayNode list) || list.items().isEmpty()) {
                        throw new FilterException("the second arg of \"in\" is a non-empty array of values", args.get(1).at());
                    }
                    List<Operand> items = new ArrayList<>();
                    for (Node item : list.items()) {
                        Located l = operand(item);
                        Located.inItem(value, l);
                        items.add(l.operand());
                    }
                    yield new Filter.In(value.operand(), items);
                }
                case "isnull" -> new Filter.IsNull(operand(arity(o, args, 1).get(0)).operand());
                case "s_intersects", "s_equals", "s_disjoint", "s_touches", "s_within", "s_overlaps", "s_crosses", "s_contains" -> {
                    arity(o, args, 2);
                    yield Located.spatial(Filter.SpatialOp.valueOf(op.toUpperCase(Locale.ROOT)), operand(args.get(0)),
                            operand(args.get(1)));
                }
                case "a_equals", "a_contains", "a_containedby", "a_overlaps" -> {
                    arity(o, args, 2);
                    Filter.ArrayOp arrayOp = Filter.ArrayOp.valueOf(op.toUpperCase(Locale.ROOT));
                    yield Located.array(arrayOp, arrayOperand(args.get(0)), arrayOperand(args.get(1)));
                }
                default -> throw unsupported(op, o);
            };
        } finally {
            leave();
        }
    }

    private Located operand(Node n) {
        if (n instanceof StringNode s) {
            return Located.text(s.value(), s.at());
        }
        if (n instanceof NumberNode num) {
            return Located.number(num.value(), num.text(), num.at());
        }
        if (n instanceof BooleanNode b) {
            return new Located(new Operand.Bool(b.value()), b.at(), "the boolean " + b.value());
        }
        if (n instanceof ObjectNode o) {
            Map<String, Node> m = o.members();
            if (m.containsKey("property")) {
                if (!(m.get("property") instanceof StringNode name) || m.size() != 1) {
                    throw new FilterException("a property reference is {\"property\": \"name\"}", o.at());
                }
                return Located.property(queryables, name.value(), name.at());
            }
            if (m.containsKey("bbox")) {
                if (!(m.get("bbox") instanceof ArrayNode box)) {
                    throw new FilterException("\"bbox\" is an array of 4 or 6 numbers", o.at());
                }
                return new Located(Literals.bbox(numbers(box), toCrs84, o.at()), o.at(), "a bbox");
            }
            if (m.containsKey("type")) {
                Geometry g = geometry(o, 0);
                return new Located(Literals.geometry(g, toCrs84, o.at()), o.at(), "a geometry");
            }
            if (m.containsKey("date") || m.containsKey("timestamp") || m.containsKey("interval")) {
                throw new FilterException("temporal values are not supported (no collection has a temporal property)", o.at());
            }
            if (m.containsKey("op")) {
                String op = op(o);
                if (op.equals("casei") || op.equals("accenti")) {
                    List<Node> args = arity(o, args(o), 1);
                    enter(o);
                    Located inner = operand(args.get(0));
                    leave();
                    if (inner.type() != ValueType.STRING) {
                        throw new FilterException(op.toUpperCase(Locale.ROOT) + " takes a string, not " + inner.description(),
                                inner.start());
                    }
                    Operand result = op.equals("casei") ? new Operand.CaseI(inner.operand()) : new Operand.AccentI(inner.operand());
                    return new Located(result, o.at(), op.toUpperCase(Locale.ROOT) + "(" + inner.description() + ")");
                }
                throw new FilterException("expected a value, found the operation \"" + Located.clip(op) + "\""
                        + (isPredicate(op) ? " (a predicate is not a value here)" : ""), o.at());
            }
        }
        if (n instanceof NullNode) {
            throw new FilterException("null is not a value to compare with: use {\"op\": \"isNull\", ...}", n.at());
        }
        throw new FilterException("expected a value (a string, number, boolean, {\"property\": ...}, a geometry or "
                + "{\"bbox\": ...}), found " + describe(n), n.at());
    }

    private Located pattern(Node n) {
        if (n instanceof StringNode s) {
            Literals.checkPattern(s.value(), s.at());
            return Located.text(s.value(), s.at());
        }
        if (n instanceof ObjectNode o && o.members().containsKey("op")) {
            String op = op(o);
            if (op.equals("casei") || op.equals("accenti")) {
                List<Node> args = arity(o, args(o), 1);
                enter(o);
                Located inner = pattern(args.get(0));
                leave();
                return new Located(op.equals("casei") ? new Operand.CaseI(inner.operand()) : new Operand.AccentI(inner.operand()),
                        o.at(), "a pattern");
            }
        }
        throw new FilterException("a LIKE pattern is a string, or casei/accenti of one; found " + describe(n), n.at());
    }

    private Located arrayOperand(Node n) {
        if (!(n instanceof ArrayNode a)) {
            return operand(n);
        }
        List<String> values = new ArrayList<>();
        for (Node item : a.items()) {
            if (!(item instanceof StringNode s)) {
                throw new FilterException("array elements here are strings (the list properties hold strings), not "
                        + describe(item), item.at());
            }
            values.add(s.value());
        }
        return new Located(new Operand.ArrayValue(values), a.at(), "an array");
    }

    // GeoJSON geometries

    private Geometry geometry(ObjectNode o, int nesting) {
        if (!(o.members().get("type") instanceof StringNode type)) {
            throw new FilterException("a GeoJSON geometry has a string \"type\"", o.at());
        }
        var g = Literals.GEOMETRIES;
        if (type.value().equals("GeometryCollection")) {
            if (!(o.members().get("geometries") instanceof ArrayNode members)) {
                throw new FilterException("a GeometryCollection has an array \"geometries\"", o.at());
            }
            if (nesting >= 4) {
                throw new FilterException("geometry collections nest at most 4 deep here", o.at());
            }
            List<Geometry> parts = new ArrayList<>();
            for (Node member : members.items()) {
                if (!(member instanceof ObjectNode mo)) {
                    throw new FilterException("expected a GeoJSON geometry, found " + describe(member), member.at());
                }
                parts.add(geometry(mo, nesting + 1));
            }
            return g.createGeometryCollection(parts.toArray(Geometry[]::new));
        }
        Node coordinates = o.members().get("coordinates");
        if (coordinates == null) {
            throw new FilterException("a GeoJSON " + Located.clip(type.value()) + " has \"coordinates\"", o.at());
        }
        try {
            return switch (type.value()) {
                case "Point" -> g.createPoint(position(coordinates));
                case "MultiPoint" -> g.createMultiPoint(list(coordinates).stream().map(c -> g.createPoint(position(c)))
                        .toArray(Point[]::new));
                case "LineString" -> g.createLineString(positions(coordinates));
                case "MultiLineString" -> g.createMultiLineString(list(coordinates).stream()
                        .map(c -> g.createLineString(positions(c))).toArray(LineString[]::new));
                case "Polygon" -> polygon(coordinates);
                case "MultiPolygon" -> g.createMultiPolygon(list(coordinates).stream().map(this::polygon).toArray(Polygon[]::new));
                default -> throw new FilterException("unknown GeoJSON geometry type \"" + Located.clip(type.value()) + "\"", type.at());
            };
        } catch (IllegalArgumentException e) { // JTS: too few points, ring not closed
            throw new FilterException("invalid GeoJSON " + type.value() + ": " + e.getMessage(), o.at());
        }
    }

    private Polygon polygon(Node rings) {
        List<Node> list = list(rings);
        if (list.isEmpty()) {
            return Literals.GEOMETRIES.createPolygon();
        }
        LinearRing shell = Literals.GEOMETRIES.createLinearRing(positions(list.get(0)));
        LinearRing[] holes = list.subList(1, list.size()).stream().map(r -> Literals.GEOMETRIES.createLinearRing(positions(r)))
                .toArray(LinearRing[]::new);
        return Literals.GEOMETRIES.createPolygon(shell, holes);
    }

    private static List<Node> list(Node n) {
        if (!(n instanceof ArrayNode a)) {
            throw new FilterException("expected an array of coordinates, found " + describe(n), n.at());
        }
        return a.items();
    }

    private static Coordinate[] positions(Node n) {
        return list(n).stream().map(Cql2Json::position).toArray(Coordinate[]::new);
    }

    private static Coordinate position(Node n) {
        double[] xy = numbers(n);
        if (xy.length < 2 || xy.length > 3) {
            throw new FilterException("a position is 2 or 3 numbers, got " + xy.length, n.at());
        }
        return new Coordinate(xy[0], xy[1]);
    }

    private static double[] numbers(Node n) {
        List<Node> items = list(n);
        double[] out = new double[items.size()];
        for (int i = 0; i < out.length; i++) {
            if (!(items.get(i) instanceof NumberNode num) || !Double.isFinite(num.value())) {
                throw new FilterException("expected a number, found " + describe(items.get(i)), items.get(i).at());
            }
            out[i] = num.value();
        }
        return out;
    }

    // helpers

    private static String op(ObjectNode o) {
        if (!(o.members().get("op") instanceof StringNode op)) {
            throw new FilterException("\"op\" is a string", o.at());
        }
        return op.value().toLowerCase(Locale.ROOT);
    }

    private static List<Node> args(ObjectNode o) {
        Node args = o.members().get("args");
        if (!(args instanceof ArrayNode a)) {
            throw new FilterException("\"args\" is an array" + (args == null ? " and is missing" : ""), args == null ? o.at() : args.at());
        }
        return a.items();
    }

    private static List<Node> arity(ObjectNode o, List<Node> args, int n) {
        if (args.size() != n) {
            throw new FilterException("\"" + op(o) + "\" takes " + n + " arg" + (n == 1 ? "" : "s") + ", got " + args.size(), o.at());
        }
        return args;
    }

    private static boolean isPredicate(String op) {
        return List.of("and", "or", "not", "=", "<>", "<", "<=", ">", ">=", "like", "between", "in", "isnull").contains(op)
                || op.startsWith("s_") || op.startsWith("a_") || op.startsWith("t_");
    }

    private static FilterException unsupported(String op, ObjectNode o) {
        if (op.startsWith("t_")) {
            return new FilterException("\"" + op + "\": temporal predicates are not supported (no collection has a temporal property)",
                    o.at());
        }
        if (List.of("+", "-", "*", "/", "^", "%", "div").contains(op)) {
            return new FilterException("arithmetic (+, -, *, /, %, ^, div) is not supported", o.at());
        }
        if (op.equals("casei") || op.equals("accenti")) {
            return new FilterException("\"" + op + "\" makes a value, not a predicate", o.at());
        }
        return new FilterException("unknown function or operator \"" + Located.clip(op) + "\": the functions are "
                + Located.FUNCTIONS, o.at());
    }

    private void enter(Node at) {
        if (++depth > Cql2Text.MAX_DEPTH) {
            throw new FilterException("filter is nested deeper than " + Cql2Text.MAX_DEPTH + " levels", at.at());
        }
    }

    private void leave() {
        depth--;
    }

    private static String describe(Node n) {
        if (n instanceof ObjectNode) {
            return "an object";
        }
        if (n instanceof ArrayNode) {
            return "an array";
        }
        if (n instanceof StringNode s) {
            return "the string \"" + Located.clip(s.value()) + "\"";
        }
        if (n instanceof NumberNode num) {
            return "the number " + Located.clip(num.text());
        }
        if (n instanceof BooleanNode b) {
            return String.valueOf(b.value());
        }
        return "null";
    }
}
