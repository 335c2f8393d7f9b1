package org.linfenatlas.index;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Text a feature is found by: its Chinese text, the same text in toneless pinyin (so that
 * {@code yonghe} finds 永和 and {@code hukou} finds 壶口), and its English text, all folded to
 * lower case without spaces. Names match more strongly than summaries.
 */
public record SearchText(String primary, String secondary) {
    private static final HanyuPinyinOutputFormat PINYIN = pinyinFormat();

    public static SearchText of(Collection<String> names, Collection<String> descriptions) {
        return new SearchText(fold(names), fold(descriptions));
    }

    /** 2 when every term is in the names, 1 when every term is somewhere, 0 otherwise. */
    public int score(List<String> terms) {
        boolean inPrimary = true;
        for (String term : terms) {
            if (primary.contains(term)) {
                continue;
            }
            inPrimary = false;
            if (!secondary.contains(term)) {
                return 0;
            }
        }
        return inPrimary ? 2 : 1;
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

    private static String fold(Collection<String> texts) {
        StringBuilder out = new StringBuilder();
        for (String text : texts) {
            if (text == null || text.isBlank()) {
                continue;
            }
            String normalized = normalize(text).replaceAll("\\s+", "");
            out.append(normalized).append('|').append(pinyin(normalized)).append('|');
        }
        return out.toString();
    }

    static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
    }

    static String pinyin(String text) {
        StringBuilder out = new StringBuilder(text.length() * 4);
        for (char c : text.toCharArray()) {
            String[] readings = null;
            try {
                readings = PinyinHelper.toHanyuPinyinStringArray(c, PINYIN);
            } catch (BadHanyuPinyinOutputFormatCombination e) {
                throw new IllegalStateException(e);
            }
            out.append(readings == null || readings.length == 0 ? String.valueOf(c) : readings[0]);
        }
        return out.toString();
    }

    private static HanyuPinyinOutputFormat pinyinFormat() {
        HanyuPinyinOutputFormat format = new HanyuPinyinOutputFormat();
        format.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        format.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        format.setVCharType(HanyuPinyinVCharType.WITH_V);
        return format;
    }
}
