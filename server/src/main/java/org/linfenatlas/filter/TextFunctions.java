package org.linfenatlas.filter;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * CASEI, ACCENTI and LIKE as the in-memory evaluator computes them. The SQL path computes the same:
 * CASEI is Unicode lower-casing without locale (PostgreSQL's lower() under the ICU root collation),
 * ACCENTI is NFD without the combining marks of the blocks in {@link #MARK_RANGES} (normalize(..., NFD)
 * and a regular expression of the same ranges).
 */
public final class TextFunctions {
    /** The Unicode blocks of combining diacritical marks, as "first-last" code points. */
    public static final String[][] MARK_RANGES = {
            {"0300", "036F"}, {"1AB0", "1AFF"}, {"1DC0", "1DFF"}, {"20D0", "20FF"}, {"FE20", "FE2F"}};
    private static final Pattern MARKS;

    static {
        StringBuilder cls = new StringBuilder("[");
        for (String[] range : MARK_RANGES) {
            cls.append("\\x{").append(range[0]).append("}-\\x{").append(range[1]).append('}');
        }
        MARKS = Pattern.compile(cls.append(']').toString());
    }

    private TextFunctions() {
    }

    public static String caseI(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    public static String accentI(String s) {
        return MARKS.matcher(Normalizer.normalize(s, Normalizer.Form.NFD)).replaceAll("");
    }

    /**
     * Whether the value matches the LIKE pattern: % any run of characters (code points), _ exactly one,
     * a backslash takes the next character literally. Greedy matching with one backtracking point, so the
     * time is at most length × pattern length, whatever the pattern (no regular expression to blow up).
     */
    public static boolean like(String value, String pattern) {
        int[] v = value.codePoints().toArray();
        int[] p = pattern.codePoints().toArray();
        boolean[] literal = new boolean[p.length];
        int n = 0;
        for (int i = 0; i < p.length; i++) {
            if (p[i] == '\\' && i + 1 < p.length) {
                i++;
                literal[n] = true;
            } else {
                literal[n] = false;
            }
            p[n++] = p[i];
        }
        int vi = 0;
        int pi = 0;
        int starP = -1;
        int starV = 0;
        while (vi < v.length) {
            if (pi < n && !isAny(p, literal, pi) && (isOne(p, literal, pi) || p[pi] == v[vi])) {
                vi++;
                pi++;
            } else if (pi < n && isAny(p, literal, pi)) {
                starP = pi++;
                starV = vi;
            } else if (starP >= 0) {
                pi = starP + 1;
                vi = ++starV;
            } else {
                return false;
            }
        }
        while (pi < n && isAny(p, literal, pi)) {
            pi++;
        }
        return pi == n;
    }

    private static boolean isAny(int[] p, boolean[] literal, int i) {
        return p[i] == '%' && !literal[i];
    }

    private static boolean isOne(int[] p, boolean[] literal, int i) {
        return p[i] == '_' && !literal[i];
    }
}
