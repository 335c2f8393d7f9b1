package org.linfenatlas.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * A hand-written recursive-descent parser of CQL2 text, following cql2.bnf of OGC 21-065 (1.0.0):
 * booleanExpression, booleanTerm, booleanFactor, booleanPrimary, the comparison, LIKE, BETWEEN, IN and
 * IS NULL predicates, CASEI and ACCENTI, spatial predicates with WKT and BBOX literals, array predicates
 * with array literals. Keywords are case-insensitive, property names are not. Types are checked while
 * parsing, against the collection's queryables, so that every refusal names the character offset where
 * it went wrong. Not supported (each refused with a message saying so): functions, arithmetic, temporal
 * literals and predicates (no layer has a temporal property).
 *
 * <p>Limits: at most {@link #MAX_LENGTH} characters; at most {@link #MAX_DEPTH} nested levels (groups,
 * NOT, function-like predicates, IN lists, array and WKT parentheses), counted as the parser descends,
 * so that no filter can exhaust the stack.
 */
public final class Cql2Text {
    public static final int MAX_LENGTH = 100_000;
    public static final int MAX_DEPTH = 250;

    private static final Set<String> WKT = Set.of("POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING",
            "MULTIPOLYGON", "GEOMETRYCOLLECTION");
    private static final Set<String> TEMPORAL = Set.of("T_AFTER", "T_BEFORE", "T_CONTAINS", "T_DISJOINT", "T_DURING",
            "T_EQUALS", "T_FINISHEDBY", "T_FINISHES", "T_INTERSECTS", "T_MEETS", "T_METBY", "T_OVERLAPPEDBY", "T_OVERLAPS",
            "T_STARTEDBY", "T_STARTS");
    /** Words that cannot name a property without double quotes. */
    private static final Set<String> RESERVED = Set.of("AND", "OR", "NOT", "LIKE", "BETWEEN", "IN", "IS", "NULL", "TRUE",
            "FALSE", "CASEI", "ACCENTI", "DATE", "TIMESTAMP", "INTERVAL", "BBOX", "DIV");

    private enum Kind { WORD, QUOTED, STRING, NUMBER, WKT, LPAREN, RPAREN, COMMA, COMPARE, ARITH, END }

    /** @param text the string value, the unquoted name, the number's digits or the WKT literal; else the symbol */
    private record Token(Kind kind, String text, int start, int end) {
        boolean is(String keyword) {
            return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
        }

        String upper() {
            return text.toUpperCase(Locale.ROOT);
        }
    }

    private final String source;
    private final Queryables queryables;
    private final UnaryOperator<Geometry> toCrs84;
    private final List<Token> tokens;
    private int next;
    private int depth;

    private Cql2Text(String source, Queryables queryables, UnaryOperator<Geometry> toCrs84) {
        this.source = source;
        this.queryables = queryables;
        this.toCrs84 = toCrs84;
        this.tokens = new Lexer(source).all();
    }

    /**
     * @param toCrs84 takes a geometry literal from the filter's CRS (filter-crs) to CRS84
     * @throws FilterException for anything but a usable filter, with the offset where it failed
     */
    public static Filter parse(String text, Queryables queryables, UnaryOperator<Geometry> toCrs84) {
        if (text.length() > MAX_LENGTH) {
            throw new FilterException("filter is longer than " + MAX_LENGTH + " characters", MAX_LENGTH);
        }
        Cql2Text parser = new Cql2Text(text, queryables, toCrs84);
        if (parser.peek().kind() == Kind.END) {
            throw new FilterException("filter is empty", 0);
        }
        Filter filter = parser.booleanExpression();
        Token rest = parser.peek();
        if (rest.kind() != Kind.END) {
            throw new FilterException("unexpected " + parser.describe(rest) + " after a complete predicate"
                    + (rest.kind() == Kind.WORD || rest.kind() == Kind.QUOTED ? " (AND or OR joins predicates)" : ""), rest.start());
        }
        return filter;
    }

    // booleanExpression = booleanTerm { "OR" booleanTerm }
    private Filter booleanExpression() {
        List<Filter> terms = new ArrayList<>();
        terms.add(booleanTerm());
        while (peek().is("OR")) {
            take();
            terms.add(booleanTerm());
        }
        return terms.size() == 1 ? terms.get(0) : new Filter.Or(terms);
    }

    // booleanTerm = booleanFactor { "AND" booleanFactor }
    private Filter booleanTerm() {
        List<Filter> factors = new ArrayList<>();
        factors.add(booleanFactor());
        while (peek().is("AND")) {
            take();
            factors.add(booleanFactor());
        }
        return factors.size() == 1 ? factors.get(0) : new Filter.And(factors);
    }

    // booleanFactor = [ "NOT" ] booleanPrimary (NOT may repeat)
    private Filter booleanFactor() {
        if (peek().is("NOT")) {
            Token not = take();
            enter(not);
            Filter negated = new Filter.Not(booleanFactor());
            leave();
            return negated;
        }
        return booleanPrimary();
    }

    // booleanPrimary = function | predicate | booleanLiteral | "(" booleanExpression ")"
    private Filter booleanPrimary() {
        Token t = peek();
        if (t.kind() == Kind.LPAREN) {
            take();
            enter(t);
            Filter inner = booleanExpression();
            expect(Kind.RPAREN, "')' closing the '(' at character " + t.start());
            leave();
            return inner;
        }
        if (t.kind() == Kind.WORD && peek(1).kind() == Kind.LPAREN) {
            String name = t.upper();
            if (name.startsWith("S_")) {
                return spatialPredicate();
            }
            if (name.startsWith("A_")) {
                return arrayPredicate();
            }
            if (TEMPORAL.contains(name)) {
                throw new FilterException(name + ": temporal predicates are not supported (no collection has a temporal property)",
                        t.start());
            }
        }
        if ((t.is("TRUE") || t.is("FALSE")) && !startsPredicateTail(peek(1))) {
            take();
            return new Filter.Constant(t.is("TRUE"));
        }
        return predicate();
    }

    private static boolean startsPredicateTail(Token t) {
        return t.kind() == Kind.COMPARE || t.is("NOT") || t.is("LIKE") || t.is("BETWEEN") || t.is("IN") || t.is("IS");
    }

    /** comparisonPredicate: binary comparison, LIKE, BETWEEN, IN or IS NULL, each after its first operand. */
    private Filter predicate() {
        Located left = operand();
        Token t = peek();
        if (t.kind() == Kind.COMPARE) {
            take();
            Located right = operand();
            return Located.comparison(Filter.ComparisonOp.bySymbol(t.text()), left, right, t.start());
        }
        if (t.is("IS")) {
            take();
            boolean not = false;
            if (peek().is("NOT")) {
                take();
                not = true;
            }
            expectWord("NULL", "NULL after IS" + (not ? " NOT" : ""));
            Filter isNull = new Filter.IsNull(left.operand());
            return not ? new Filter.Not(isNull) : isNull;
        }
        boolean not = false;
        if (t.is("NOT")) {
            take();
            not = true;
            t = peek();
            if (!t.is("LIKE") && !t.is("BETWEEN") && !t.is("IN")) {
                throw error("LIKE, BETWEEN or IN after NOT", t);
            }
        }
        Filter positive;
        if (t.is("LIKE")) {
            take();
            positive = like(left);
        } else if (t.is("BETWEEN")) {
            take();
            positive = between(left);
        } else if (t.is("IN")) {
            take();
            positive = in(left);
        } else if (t.kind() == Kind.ARITH || t.is("DIV")) {
            throw new FilterException("arithmetic (+, -, *, /, %, ^, div) is not supported", t.start());
        } else {
            throw error("a comparison (=, <>, <, <=, >, >=), LIKE, BETWEEN, IN or IS NULL after " + left.description(), t);
        }
        return not ? new Filter.Not(positive) : positive;
    }

    // isLikePredicate = characterExpression [ "NOT" ] "LIKE" patternExpression
    private Filter like(Located value) {
        int at = peek().start();
        return Located.like(value, new Located(pattern(), at, "a pattern"));
    }

    // patternExpression = "CASEI" "(" patternExpression ")" | "ACCENTI" "(" patternExpression ")" | characterLiteral
    private Operand pattern() {
        Token t = peek();
        if ((t.is("CASEI") || t.is("ACCENTI")) && peek(1).kind() == Kind.LPAREN) {
            take();
            take();
            enter(t);
            Operand inner = pattern();
            expect(Kind.RPAREN, "')' closing " + t.upper() + "(");
            leave();
            return t.is("CASEI") ? new Operand.CaseI(inner) : new Operand.AccentI(inner);
        }
        if (t.kind() != Kind.STRING) {
            throw error("a pattern in single quotes after LIKE", t);
        }
        take();
        Literals.checkPattern(t.text(), t.start());
        return new Operand.Text(t.text());
    }

    // isBetweenPredicate = numericExpression [ "NOT" ] "BETWEEN" numericExpression "AND" numericExpression
    private Filter between(Located value) {
        Located low = operand();
        expectWord("AND", "AND between the two bounds of BETWEEN");
        Located high = operand();
        return Located.between(value, low, high);
    }

    // isInListPredicate = scalarExpression [ "NOT" ] "IN" "(" inList ")"
    private Filter in(Located value) {
        Token open = expect(Kind.LPAREN, "'(' opening the list of IN");
        enter(open);
        List<Operand> list = new ArrayList<>();
        do {
            Located item = operand();
            Located.inItem(value, item);
            list.add(item.operand());
        } while (accept(Kind.COMMA));
        expect(Kind.RPAREN, "',' or ')' in the list of IN");
        leave();
        return new Filter.In(value.operand(), list);
    }

    // spatialPredicate = spatialFunction "(" geomExpression "," geomExpression ")"
    private Filter spatialPredicate() {
        Token name = take();
        Filter.SpatialOp op;
        try {
            op = Filter.SpatialOp.valueOf(name.upper());
        } catch (IllegalArgumentException e) {
            throw unknownFunction(name);
        }
        take(); // "("
        enter(name);
        Located a = operand();
        expect(Kind.COMMA, "',' between the two geometries of " + op);
        Located b = operand();
        expect(Kind.RPAREN, "')' closing " + op + "(");
        leave();
        return Located.spatial(op, a, b);
    }

    // arrayPredicate = arrayFunction "(" arrayExpression "," arrayExpression ")"
    private Filter arrayPredicate() {
        Token name = take();
        Filter.ArrayOp op;
        try {
            op = Filter.ArrayOp.valueOf(name.upper());
        } catch (IllegalArgumentException e) {
            throw unknownFunction(name);
        }
        take(); // "("
        enter(name);
        Located a = arrayExpression(op);
        expect(Kind.COMMA, "',' between the two arrays of " + op);
        Located b = arrayExpression(op);
        expect(Kind.RPAREN, "')' closing " + op + "(");
        leave();
        return Located.array(op, a, b);
    }

    // arrayExpression = array | propertyName | function; array = "(" [ arrayElement { "," arrayElement } ] ")"
    private Located arrayExpression(Filter.ArrayOp op) {
        Token t = peek();
        if (t.kind() != Kind.LPAREN) {
            return operand();
        }
        take();
        enter(t);
        List<String> values = new ArrayList<>();
        if (peek().kind() != Kind.RPAREN) {
            do {
                Token element = peek();
                if (element.kind() == Kind.LPAREN) {
                    throw new FilterException("nested arrays are not supported: the list properties hold strings", element.start());
                }
                Located item = operand();
                if (!(item.operand() instanceof Operand.Text text)) {
                    throw new FilterException("array elements here are strings in single quotes (the list properties hold "
                            + "strings), not " + item.description(), item.start());
                }
                values.add(text.value());
            } while (accept(Kind.COMMA));
        }
        expect(Kind.RPAREN, "',' or ')' in the array");
        leave();
        return new Located(new Operand.ArrayValue(values), t.start(), "an array");
    }

    /**
     * One value: a literal (string, number, boolean, WKT or BBOX geometry), CASEI(...) or ACCENTI(...), or a
     * queryable. Function calls, temporal literals and arithmetic are refused here, where they start.
     */
    private Located operand() {
        Token t = peek();
        switch (t.kind()) {
            case STRING -> {
                take();
                return Located.text(t.text(), t.start());
            }
            case NUMBER -> {
                take();
                return number(t.text(), t.start());
            }
            case ARITH -> {
                if ((t.text().equals("-") || t.text().equals("+")) && peek(1).kind() == Kind.NUMBER) {
                    take();
                    Token digits = take();
                    return number(t.text() + digits.text(), t.start());
                }
                throw error("a value", t);
            }
            case WKT -> {
                take();
                return new Located(wkt(t), t.start(), "a geometry");
            }
            case QUOTED -> {
                take();
                return property(t.text(), t);
            }
            case WORD -> {
                return word(t);
            }
            default -> throw error("a value (a property, or a literal: 'text', a number, TRUE, FALSE, a geometry)", t);
        }
    }

    private Located word(Token t) {
        String upper = t.upper();
        boolean call = peek(1).kind() == Kind.LPAREN;
        if (upper.equals("TRUE") || upper.equals("FALSE")) {
            take();
            return new Located(new Operand.Bool(upper.equals("TRUE")), t.start(), "the boolean " + upper);
        }
        if ((upper.equals("CASEI") || upper.equals("ACCENTI")) && call) {
            take();
            take();
            enter(t);
            Located inner = operand();
            if (inner.operand().type() != ValueType.STRING) {
                throw new FilterException(upper + " takes a string, not " + inner.description(), inner.start());
            }
            expect(Kind.RPAREN, "')' closing " + upper + "(");
            leave();
            Operand op = upper.equals("CASEI") ? new Operand.CaseI(inner.operand()) : new Operand.AccentI(inner.operand());
            return new Located(op, t.start(), upper + "(" + inner.description() + ")");
        }
        if (upper.equals("BBOX") && call) {
            return bbox();
        }
        if ((upper.equals("DATE") || upper.equals("TIMESTAMP") || upper.equals("INTERVAL")) && call) {
            throw new FilterException(upper + ": temporal values are not supported (no collection has a temporal property)", t.start());
        }
        if (call) {
            throw unknownFunction(t);
        }
        if (upper.equals("NULL")) {
            throw new FilterException("NULL is not a value to compare with: write IS NULL or IS NOT NULL", t.start());
        }
        if (RESERVED.contains(upper)) {
            throw error("a value", t);
        }
        take();
        return property(t.text(), t);
    }

    private Located property(String name, Token at) {
        return Located.property(queryables, name, at.start());
    }

    private Located number(String text, int at) {
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new FilterException("'" + clip(text) + "' is not a number", at);
        }
        return Located.number(value, text, at);
    }

    // bboxTaggedText = "BBOX" "(" west "," south "," [minElev ","] east "," north ["," maxElev] ")"
    private Located bbox() {
        Token name = take();
        take(); // "("
        enter(name);
        List<Double> numbers = new ArrayList<>();
        do {
            Located n = operand();
            if (!(n.operand() instanceof Operand.Numeric numeric)) {
                throw new FilterException("BBOX takes numbers, not " + n.description(), n.start());
            }
            numbers.add(numeric.value());
        } while (accept(Kind.COMMA));
        expect(Kind.RPAREN, "',' or ')' in BBOX(");
        leave();
        double[] n = numbers.stream().mapToDouble(Double::doubleValue).toArray();
        return new Located(Literals.bbox(n, toCrs84, name.start()), name.start(), "a BBOX");
    }

    private Operand.GeometryValue wkt(Token t) {
        Geometry g;
        try {
            g = new WKTReader(Literals.GEOMETRIES).read(t.text());
        } catch (ParseException | RuntimeException e) {
            throw new FilterException("invalid WKT geometry: " + e.getMessage(), t.start());
        }
        return Literals.geometry(g, toCrs84, t.start());
    }

    private FilterException unknownFunction(Token name) {
        return new FilterException("unknown function '" + clip(name.text()) + "': the functions are " + Located.FUNCTIONS,
                name.start());
    }

    // depth, tokens, errors

    private void enter(Token at) {
        if (++depth > MAX_DEPTH) {
            throw new FilterException("filter is nested deeper than " + MAX_DEPTH + " levels", at.start());
        }
    }

    private void leave() {
        depth--;
    }

    private Token peek() {
        return tokens.get(next);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(next + ahead, tokens.size() - 1));
    }

    private Token take() {
        Token t = tokens.get(next);
        if (t.kind() != Kind.END) {
            next++;
        }
        return t;
    }

    private boolean accept(Kind kind) {
        if (peek().kind() == kind) {
            take();
            return true;
        }
        return false;
    }

    private Token expect(Kind kind, String expected) {
        Token t = peek();
        if (t.kind() != kind) {
            throw error(expected, t);
        }
        return take();
    }

    private void expectWord(String keyword, String expected) {
        Token t = peek();
        if (!t.is(keyword)) {
            throw error(expected, t);
        }
        take();
    }

    private FilterException error(String expected, Token found) {
        return new FilterException("expected " + expected + ", found " + describe(found), found.start());
    }

    private String describe(Token t) {
        return switch (t.kind()) {
            case END -> "the end of the filter";
            case STRING -> "the string '" + clip(t.text()) + "'";
            case WKT -> "a geometry";
            default -> "'" + clip(source.substring(t.start(), t.end())) + "'";
        };
    }

    private static String clip(String text) {
        return Located.clip(text);
    }

    /** Splits the text into tokens; a WKT literal is one token, its parentheses balanced and counted. */
    private static final class Lexer {
        private final String s;
        private int i;

        Lexer(String s) {
            this.s = s;
        }

        List<Token> all() {
            List<Token> out = new ArrayList<>();
            while (true) {
                skipWhitespace();
                if (i >= s.length()) {
                    out.add(new Token(Kind.END, "", s.length(), s.length()));
                    return out;
                }
                out.add(token());
            }
        }

        private Token token() {
            int start = i;
            int c = s.codePointAt(i);
            switch (c) {
                case '(' -> {
                    i++;
                    return new Token(Kind.LPAREN, "(", start, i);
                }
                case ')' -> {
                    i++;
                    return new Token(Kind.RPAREN, ")", start, i);
                }
                case ',' -> {
                    i++;
                    return new Token(Kind.COMMA, ",", start, i);
                }
                case '=' -> {
                    i++;
                    return new Token(Kind.COMPARE, "=", start, i);
                }
                case '<', '>' -> {
                    i++;
                    if (i < s.length() && (s.charAt(i) == '=' || (c == '<' && s.charAt(i) == '>'))) {
                        i++;
                    }
                    return new Token(Kind.COMPARE, s.substring(start, i), start, i);
                }
                case '!' -> throw new FilterException("'!' is not an operator; not equal is <>", start);
                case '+', '-', '*', '/', '%', '^' -> {
                    i++;
                    return new Token(Kind.ARITH, s.substring(start, i), start, i);
                }
                case '\'' -> {
                    return string();
                }
                case '"' -> {
                    return quoted();
                }
                default -> {
                    if (isDigit(c) || (c == '.' && i + 1 < s.length() && isDigit(s.charAt(i + 1)))) {
                        return number();
                    }
                    if (isIdentifierStart(c)) {
                        return word();
                    }
                    throw new FilterException("unexpected character '" + new String(Character.toChars(c)) + "'", start);
                }
            }
        }

        // characterLiteral = "'" { character } "'", where '' and \' stand for a quote
        private Token string() {
            int start = i++;
            StringBuilder value = new StringBuilder();
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '\'') {
                    if (i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                        value.append('\'');
                        i += 2;
                        continue;
                    }
                    i++;
                    return new Token(Kind.STRING, value.toString(), start, i);
                }
                if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '\'') {
                    value.append('\'');
                    i += 2;
                    continue;
                }
                value.append(c);
                i++;
            }
            throw new FilterException("string starting here is not closed with a single quote", start);
        }

        // propertyName = "\"" identifier "\""
        private Token quoted() {
            int start = i++;
            int end = s.indexOf('"', i);
            if (end < 0) {
                throw new FilterException("quoted property name starting here is not closed with a double quote", start);
            }
            String name = s.substring(i, end);
            if (name.isEmpty()) {
                throw new FilterException("empty property name", start);
            }
            i = end + 1;
            return new Token(Kind.QUOTED, name, start, i);
        }

        // decimalNumericLiteral [ "E" signedInteger ]
        private Token number() {
            int start = i;
            digits();
            if (i < s.length() && s.charAt(i) == '.') {
                i++;
                digits();
            }
            if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                int mark = i++;
                if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                    i++;
                }
                if (i >= s.length() || !isDigit(s.charAt(i))) {
                    throw new FilterException("number has an exponent without digits", mark);
                }
                digits();
            }
            if (i < s.length() && isIdentifierStart(s.codePointAt(i))) {
                throw new FilterException("number runs into a name: put a space or an operator between them", i);
            }
            return new Token(Kind.NUMBER, s.substring(start, i), start, i);
        }

        private void digits() {
            while (i < s.length() && isDigit(s.charAt(i))) {
                i++;
            }
        }

        private Token word() {
            int start = i;
            i += Character.charCount(s.codePointAt(i));
            while (i < s.length() && isIdentifierPart(s.codePointAt(i))) {
                i += Character.charCount(s.codePointAt(i));
            }
            String text = s.substring(start, i);
            if (WKT.contains(text.toUpperCase(Locale.ROOT))) {
                return wkt(start);
            }
            return new Token(Kind.WORD, text, start, i);
        }

        /** From the keyword to its balanced closing parenthesis (or EMPTY), WKTReader's to read. */
        private Token wkt(int start) {
            skipWhitespace();
            int mark = i;
            while (i < s.length() && Character.isLetter(s.charAt(i))) {
                i++;
            }
            String word = s.substring(mark, i).toUpperCase(Locale.ROOT);
            if (word.equals("EMPTY")) {
                return new Token(Kind.WKT, s.substring(start, i), start, i);
            }
            if (!word.isEmpty() && !word.equals("Z")) {
                throw new FilterException("expected '(' or Z after the geometry type, found '" + s.substring(mark, i) + "'", mark);
            }
            skipWhitespace();
            if (i >= s.length() || s.charAt(i) != '(') {
                throw new FilterException("expected '(' opening the coordinates of the geometry", i);
            }
            int open = 0;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (c == '(') {
                    if (++open > MAX_DEPTH) {
                        throw new FilterException("geometry is nested deeper than " + MAX_DEPTH + " levels", i);
                    }
                } else if (c == ')') {
                    if (--open == 0) {
                        i++;
                        return new Token(Kind.WKT, s.substring(start, i), start, i);
                    }
                } else if (c == '\'' || c == '"') {
                    throw new FilterException("unexpected quote inside a geometry", i);
                }
                i++;
            }
            throw new FilterException("geometry starting here is not closed: its parentheses do not balance", start);
        }

        private void skipWhitespace() {
            while (i < s.length() && isWhitespace(s.charAt(i))) {
                i++;
            }
        }

        // whitespace of cql2.bnf
        private static boolean isWhitespace(int c) {
            return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680
                    || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
        }

        private static boolean isDigit(int c) {
            return c >= '0' && c <= '9';
        }

        // identifierStart of cql2.bnf
        private static boolean isIdentifierStart(int c) {
            return c == ':' || c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
                    || (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x2FF)
                    || (c >= 0x370 && c <= 0x37D) || (c >= 0x37F && c <= 0x1FFE) || (c >= 0x200C && c <= 0x200D)
                    || (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF) || (c >= 0x3001 && c <= 0xD7FF)
                    || (c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0xEFFFF);
        }

        // identifierPart of cql2.bnf
        private static boolean isIdentifierPart(int c) {
            return isIdentifierStart(c) || c == '.' || isDigit(c) || (c >= 0x300 && c <= 0x36F) || (c >= 0x203F && c <= 0x2040);
        }
    }
}
