package org.linfenatlas.index;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;
import org.linfenatlas.model.Feature;

/**
 * Text a feature is found by: its Chinese text, the same text in toneless pinyin (so that
 * {@code yonghe} finds 永和 and {@code hukou} finds 壶口), and its English text, folded to lower case
 * without spaces. A pinyin match must begin where a syllable begins, so {@code hukou} does not find
 * 出口 (chu-kou). Names rank above other text, and a name that starts with the query ranks first.
 */
public final class SearchText {
    /** In {@link #markedNames()} and {@link #markedOther()}: a match may begin at the next character. */
    public static final char MATCH_START = '\u0001';
    /** In {@link #markedNames()}: as MATCH_START, and the name's pinyin begins here. */
    public static final char NAME_PINYIN_START = '\u0002';
    private static final HanyuPinyinOutputFormat PINYIN = pinyinFormat();
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    /** Longs in a {@link #signature()}. */
    public static final int SIGNATURE_WORDS = 8;

    private final Folded names;
    private final Folded other;

    private SearchText(Folded names, Folded other) {
        this.names = names;
        this.other = other;
    }

    /**
     * 512-bit signature of the characters and character pairs in all the text: a feature whose
     * signature lacks any bit of the terms' {@link #mask} cannot match, which rules out most
     * features before any string is scanned.
     */
    public long[] signature() {
        long[] bits = new long[SIGNATURE_WORDS];
        addGrams(names.text(), bits);
        addGrams(other.text(), bits);
        return bits;
    }

    /** The signature bits every feature matching all the terms must have. */
    public static long[] mask(List<String> terms) {
        long[] mask = new long[SIGNATURE_WORDS];
        terms.forEach(term -> addGrams(term, mask));
        return mask;
    }

    private static void addGrams(String text, long[] bits) {
        for (int i = 0; i < text.length(); i++) {
            set(bits, text.charAt(i) * 0x9E3779B1);
            if (i + 1 < text.length()) {
                set(bits, (text.charAt(i) * 31 + text.charAt(i + 1)) * 0x85EBCA6B);
            }
        }
    }

    private static void set(long[] bits, int hash) {
        int bit = hash >>> 23;
        bits[bit >>> 6] |= 1L << bit;
    }

    /** @param names the first of them is the feature's own name */
    public static SearchText of(List<String> names, Collection<String> descriptions) {
        return new SearchText(Folded.of(names), Folded.of(descriptions));
    }

    /** Names (name, name_en, aliases) and other text (summaries, counties) of a searchable feature. */
    public static SearchText of(Feature f) {
        List<String> names = new ArrayList<>();
        names.add(f.text("name"));
        names.add(f.text("name_en"));
        if (f.property("aliases") instanceof Collection<?> aliases) {
            aliases.forEach(a -> names.add(String.valueOf(a)));
        }
        List<String> more = new ArrayList<>();
        more.add(f.text("summary_zh"));
        more.add(f.text("summary_en"));
        if (f.property("counties") instanceof Collection<?> counties) {
            counties.forEach(c -> more.add(String.valueOf(c)));
        }
        return of(names, more);
    }

    /**
     * The folded names with {@link #MATCH_START} before every position a match may begin and
     * {@link #NAME_PINYIN_START} where the name's pinyin begins: all {@link #score} needs, for a
     * store that searches with regular expressions (PostGIS) to score exactly as this class does.
     */
    public String markedNames() {
        return names.marked(true);
    }

    /** The other text, marked with {@link #MATCH_START} as {@link #markedNames()}. */
    public String markedOther() {
        return other.marked(false);
    }

    /** 3 when the name starts with the first term and every term is in the names, 2 when every term is in
     * the names, 1 when every term is somewhere, 0 otherwise. */
    public int score(List<String> terms) {
        boolean allInNames = true;
        for (String term : terms) {
            if (names.contains(term)) {
                continue;
            }
            allInNames = false;
            if (!other.contains(term)) {
                return 0;
            }
        }
        if (!allInNames) {
            return 1;
        }
        return names.startsWith(terms.get(0)) ? 3 : 2;
    }

    /** Splits a query into folded terms; pinyin with spaces ("hu kou") matches as its parts. */
    public static List<String> terms(String query) {
        List<String> terms = new ArrayList<>();
        for (String part : normalize(query).split("[\\s,，、;；]+")) {
            if (!part.isEmpty()) {
                terms.add(part);
            }
        }
        return terms;
    }

    static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
    }

    /** Folded texts separated by '|', with the positions where a match may begin. */
    private record Folded(String text, BitSet starts, int firstNameEnd) {

        static Folded of(Collection<String> texts) {
            StringBuilder out = new StringBuilder();
            BitSet starts = new BitSet();
            int firstNameEnd = -1;
            for (String text : texts) {
                if (text == null || text.isBlank()) {
                    continue;
                }
                String folded = WHITESPACE.matcher(normalize(text)).replaceAll("");
                starts.set(out.length(), out.length() + folded.length());
                out.append(folded);
                if (firstNameEnd < 0) {
                    firstNameEnd = out.length();
                }
                out.append('|');
                for (char c : folded.toCharArray()) {
                    String syllable = pinyin(c);
                    if (syllable == null) {
                        starts.set(out.length());
                        out.append(c);
                    } else {
                        starts.set(out.length());
                        out.append(syllable);
                    }
                }
                out.append('|');
            }
            return new Folded(out.toString(), starts, firstNameEnd);
        }

        boolean contains(String term) {
            for (int at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
                if (starts.get(at)) {
                    return true;
                }
            }
            return false;
        }

        String marked(boolean markNamePinyin) {
            StringBuilder out = new StringBuilder(text.length() + starts.cardinality());
            for (int i = 0; i < text.length(); i++) {
                // never between the two halves of a surrogate pair: no well-formed term starts there
                if (starts.get(i) && !Character.isLowSurrogate(text.charAt(i))) {
                    out.append(markNamePinyin && firstNameEnd >= 0 && i == firstNameEnd + 1 ? NAME_PINYIN_START : MATCH_START);
                }
                out.append(text.charAt(i));
            }
            return out.toString();
        }

        /** The first text (the name) starts with the term, in Chinese or in pinyin. */
        boolean startsWith(String term) {
            if (text.startsWith(term)) {
                return true;
            }
            int pinyinStart = firstNameEnd + 1;
            return firstNameEnd >= 0 && text.startsWith(term, pinyinStart);
        }
    }

    /** Readings by character, filled as characters are met: pinyin4j formats on every call. */
    private static final String[] READINGS = new String[Character.MAX_VALUE + 1];
    private static final String NO_READING = "";

    private static String pinyin(char c) {
        String reading = READINGS[c];
        if (reading == null) {
            String found = lookUpPinyin(c);
            reading = found == null ? NO_READING : found;
            READINGS[c] = reading; // Strings are immutable: a racing thread at worst looks the same reading up again
        }
        return reading == NO_READING ? null : reading;
    }

    private static String lookUpPinyin(char c) {
        try {
            String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, PINYIN);
            return readings == null || readings.length == 0 ? null : readings[0];
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException(e);
        }
    }

    private static HanyuPinyinOutputFormat pinyinFormat() {
        HanyuPinyinOutputFormat format = new HanyuPinyinOutputFormat();
        format.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        format.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        format.setVCharType(HanyuPinyinVCharType.WITH_V);
        return format;
    }
}
