package org.linfenatlas.index;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.linfenatlas.model.Feature;

/**
 * Text a feature is found by, at four levels that rank its matches: its name (and English name), its
 * aliases, its counties (Chinese, pinyin and English names: 吉县, jixian, Ji County) and its summaries.
 * Each text is kept as written (folded to lower case without spaces), where a term may begin at any Chinese
 * character and at the beginning of any word of letters or digits (Chinese substrings find it, and English
 * words by their beginning); and, for Chinese text, as the toneless pinyin of its words
 * and (but in summaries) their initials, where a term must begin where a word begins and end where a
 * syllable ends: {@code yonghe} finds 永和 but not 食用和观赏 (shi-yong-he), {@code hukou} 壶口 but not
 * 出口 (chu-kou), {@code jixian} 吉县 but not 及乡 (ji-xiang). Words come from {@link SearchWords}.
 */
public final class SearchText {
    /** In the marked texts: a match may begin at the next character (and one may end before it). */
    public static final char MATCH_START = '\u0001';
    /** As MATCH_START, and here the feature's name begins, as written, in pinyin or in initials. */
    public static final char NAME_START = '\u0002';
    /**
     * A match may end before the next character but not begin at it: a syllable boundary inside a word of
     * pinyin, any character inside a word of English (a term finds the words it begins: water, waterfall).
     */
    public static final char MATCH_END = '\u0003';
    /** Ends every text, pinyin and initials, in plain and marked texts alike: a match may end before it. */
    public static final char END = '\u0004';

    /** Scores: every term in the name and the name starts with the first; every term in the name; ... */
    public static final int NAME_PREFIX = 5;
    public static final int NAME = 4;
    public static final int ALIAS = 3;
    public static final int COUNTY = 2;
    public static final int OTHER = 1;

    /** Longs in a {@link #signature()}. */
    public static final int SIGNATURE_WORDS = 8;

    /** The version of the folding below: raise it with any change to what a text becomes (HanLP's too). */
    private static final int ALGORITHM = 2;

    /**
     * Pinyin syllables that a query may spell one by one ("hu kou", "ji xian"): pinyin4j's toneless readings of
     * U+4E00–U+9FFF but those without a vowel (m, n, ng, hm, hng, r).
     */
    private static final Set<String> SYLLABLES = Set.of((
            "a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can cang cao ce cen " +
            "ceng cha chai chan chang chao che chen cheng chi chong chou chu chuai chuan chuang chui chun chuo ci cong cou " +
            "cu cuan cui cun cuo da dai dan dang dao de dei deng di dia dian diao die ding diu dong dou du duan dui dun " +
            "duo e ei en eng er fa fan fang fei fen feng fo fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua " +
            "guai guan guang gui gun guo ha hai han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo " +
            "ji jia jian jiang jiao jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke ken keng kong kou ku kua " +
            "kuai kuan kuang kui kun kuo la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu lo long " +
            "lou lu luan lue lun luo lv lve ma mai man mang mao me mei men meng mi mian miao mie min ming miu mo mou mu na " +
            "nai nan nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong nou nu nuan nuo nv nve o ou pa pai " +
            "pan pang pao pei pen peng pi pian piao pie pin ping po pou pu qi qia qian qiang qiao qie qin qing qiong qiu " +
            "qu quan que qui qun ran rang rao re ren reng ri rong rou ru ruan rui run ruo sa sai san sang sao se sen seng " +
            "sha shai shan shang shao she shei shen sheng shi shou shu shua shuai shuan shuang shui shun shuo si song sou " +
            "su suan sui sun suo ta tai tan tang tao te tei teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai " +
            "wan wang wei wen weng wo wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye " +
            "yi yiao yin ying yo yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe " +
            "zhei zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui zun zuo"
            ).split(" "));

    /** County-level texts by the project's list of counties: few lists, many projects, one text for each list. */
    private static final Map<List<String>, Counties> COUNTY_TEXTS = new ConcurrentHashMap<>();
    private static final int MAX_COUNTY_TEXTS = 4096;
    /** Levels of {@link #own}. */
    private static final int OWN_NAME = 0;
    private static final int OWN_ALIAS = 1;
    private static final int OWN_OTHER = 2;

    /** The name, alias and summary levels, one after another in one text (a 100,000-project index holds 100,000). */
    private final Folded own;
    private final Counties counties;

    private record Counties(List<String> names, Folded text) {
    }

    private SearchText(Folded own, Counties counties) {
        this.own = own;
        this.counties = counties;
    }

    /**
     * What stored search texts were made by: this class's algorithm, the place names and readings. A
     * store that keeps search texts (PostGIS) makes them anew when this changes.
     */
    public static String version() {
        return ALGORITHM + "-" + SearchWords.get().fingerprint();
    }

    /** Names (name, name_en), aliases, counties and summaries of a searchable feature. */
    public static SearchText of(Feature f) {
        return of(f.text("name"), f.text("name_en"), strings(f.property("aliases")), strings(f.property("counties")),
                List.of(nonNull(f.text("summary_zh")), nonNull(f.text("summary_en"))));
    }

    /**
     * @param name        the feature's name: a term it starts with ranks first
     * @param nameEn      its English name, or null
     * @param aliases     other names
     * @param countyNames the county-level divisions it lies in (洪洞县)
     * @param descriptions summaries
     */
    public static SearchText of(String name, String nameEn, List<String> aliases, List<String> countyNames,
                                List<String> descriptions) {
        List<String> own = new ArrayList<>();
        own.add(fold(nonNull(name)));
        aliases.forEach(a -> own.add(fold(a)));
        Folded.Builder text = new Folded.Builder(own);
        text.add(name, true, true);
        text.add(nameEn, true, false);
        text.endLevel();
        aliases.forEach(a -> text.add(a, true, false));
        text.endLevel();
        descriptions.forEach(d -> text.add(d, false, false));
        text.endLevel();
        return new SearchText(text.build(), countyText(countyNames));
    }

    private static Counties countyText(List<String> countyNames) {
        Counties known = COUNTY_TEXTS.get(countyNames);
        if (known != null) {
            return known;
        }
        Folded.Builder text = new Folded.Builder(List.of());
        for (String county : countyNames) {
            text.add(county, true, false);
            text.add(SearchWords.get().englishName(county), false, false);
        }
        text.endLevel();
        Counties made = new Counties(List.copyOf(countyNames), text.build());
        if (COUNTY_TEXTS.size() < MAX_COUNTY_TEXTS) {
            COUNTY_TEXTS.putIfAbsent(made.names(), made);
        }
        return made;
    }

    /**
     * 512-bit signature of the characters and character pairs in all the text: a feature whose
     * signature lacks any bit of the terms' {@link #mask} cannot match, which rules out most
     * features before any string is scanned.
     */
    public long[] signature() {
        long[] bits = new long[SIGNATURE_WORDS];
        addGrams(own.text, bits);
        addGrams(counties.text().text, bits);
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

    /**
     * How well the terms match, 0 when one of them matches nowhere: each term counts at the best level
     * it matches at (name, alias, county, other), the feature at its terms' worst; every term in the name
     * and the name starting with the first term scores {@link #NAME_PREFIX}.
     */
    public int score(List<String> terms) {
        int score = NAME;
        for (String term : terms) {
            int best = own.bestLevel(term);
            int level = best == OWN_NAME ? NAME : best == OWN_ALIAS ? ALIAS
                    : counties.text().bestLevel(term) == 0 ? COUNTY : best == OWN_OTHER ? OTHER : 0;
            if (level == 0) {
                return 0;
            }
            score = Math.min(score, level);
        }
        return score == NAME && own.startsWith(terms.get(0)) ? NAME_PREFIX : score;
    }

    /**
     * The county-level division the terms name as a whole, as projects' {@code counties} name it, or null:
     * 吉县 for 吉县, jixian, "ji xian", "jixian county", "Ji County"; 洪洞县 for 洪洞, hongtong, hongtongxian.
     * Such a search lists that county's projects first, each group in the order of {@link #rank}.
     */
    public static String countyNamed(List<String> terms) {
        return terms.isEmpty() ? null : SearchWords.get().countyNamed(String.join("", terms));
    }

    /** Whether the feature lies in this county (its {@code counties} name it). */
    public boolean inCounty(String county) {
        return counties.names().contains(county);
    }

    /**
     * The terms that order a search's matches: those of the query, or for a query that names a county, that
     * county's name (jixian, "jixian county" and "Ji County" are ordered as 吉县 is, hongtong as 洪洞).
     */
    public static List<String> rankingTerms(List<String> terms) {
        String county = countyNamed(terms);
        return county == null ? terms : List.of(SearchWords.get().countyShortName(county));
    }

    /**
     * Where a match goes in the order of a search, 0 for no match: its score for the {@code rankingTerms}
     * (at least {@link #OTHER}); with {@code namedCounty}, all that county's matches come before the others.
     */
    public int rank(List<String> terms, List<String> rankingTerms, String namedCounty) {
        int score = score(terms);
        if (score == 0) {
            return 0;
        }
        if (!rankingTerms.equals(terms)) {
            score = Math.max(OTHER, score(rankingTerms));
        }
        return namedCounty != null && inCounty(namedCounty) ? score + NAME_PREFIX : score;
    }

    /** The highest {@link #rank}. */
    public static final int MAX_RANK = 2 * NAME_PREFIX;

    /** All the text, plain (no marks): every match is a substring of it, for a store's quick test. */
    public String plain() {
        return own.plain(OWN_NAME) + own.plain(OWN_ALIAS) + counties.text().plain(0) + own.plain(OWN_OTHER);
    }

    /** The name level, plain. */
    public String plainNames() {
        return own.plain(OWN_NAME);
    }

    /**
     * The name level marked: {@link #MATCH_START}, {@link #NAME_START} and {@link #MATCH_END} before the
     * characters they describe, so that a store matching regular expressions (PostGIS) matches and
     * scores exactly as this class does.
     */
    public String markedNames() {
        return own.marked(OWN_NAME);
    }

    public String markedAliases() {
        return own.marked(OWN_ALIAS);
    }

    public String markedCounties() {
        return counties.text().marked(0);
    }

    public String markedOther() {
        return own.marked(OWN_OTHER);
    }

    /**
     * Splits a query into folded terms at spaces and commas. Pinyin typed syllable by syllable is one
     * term: "hu kou" is hukou, "ji xian county" is jixian and county.
     */
    public static List<String> terms(String query) {
        List<String> terms = new ArrayList<>();
        StringBuilder syllables = new StringBuilder();
        for (String part : stripControls(normalize(query)).split("[\\s,，、;；]+")) {
            if (part.isEmpty()) {
                continue;
            }
            if (SYLLABLES.contains(part)) {
                syllables.append(part);
                continue;
            }
            if (!syllables.isEmpty()) {
                terms.add(syllables.toString());
                syllables.setLength(0);
            }
            terms.add(part);
        }
        if (!syllables.isEmpty()) {
            terms.add(syllables.toString());
        }
        return terms;
    }

    static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
    }

    /** Text as it is matched: normalized, without white space and control characters (the marks are control characters). */
    static String fold(String text) {
        return fold(text, null);
    }

    /**
     * As {@link #fold(String)}, and sets in {@code starts} (when given) the positions a match may begin at:
     * every character but where a word of letters or of digits goes on (and the second half of a surrogate pair).
     */
    private static String fold(String text, BitSet starts) {
        String normalized = normalize(text);
        StringBuilder out = new StringBuilder(normalized.length());
        int previous = OTHER_CHARACTER;
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
                previous = OTHER_CHARACTER;
                continue;
            }
            int kind = Character.isDigit(c) ? DIGIT : Character.isLetter(c) && !isHan(c) ? LETTER : OTHER_CHARACTER;
            if (starts != null && (kind == OTHER_CHARACTER || kind != previous) && !Character.isLowSurrogate(c)) {
                starts.set(out.length());
            }
            previous = kind;
            out.append(c);
        }
        return out.toString();
    }

    private static final int OTHER_CHARACTER = 0;
    private static final int LETTER = 1;
    private static final int DIGIT = 2;

    private static String stripControls(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.chars().filter(c -> !Character.isISOControl(c) || Character.isWhitespace(c)).forEach(c -> out.append((char) c));
        return out.toString();
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof Collection<?> values) {
            values.forEach(v -> out.add(String.valueOf(v)));
        }
        return out;
    }

    static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }

    /**
     * Texts by level, each followed by {@link #END}: as written, where a match may begin at any Chinese
     * character or word of letters or digits; then, for Chinese, the pinyin of its words, and their
     * initials, where a match begins at a word and ends at a syllable.
     */
    static final class Folded {
        final String text;
        /** Where each level's texts end (exclusive), in order. */
        private final int[] levelEnds;
        /** A match may begin here. */
        private final BitSet starts;
        /** A match may end before it, not begin at it (a syllable inside a word, a character inside an English word). */
        private final BitSet ends;
        /** Where the name begins (as written, in pinyin, in initials): a term starting there ranks first. */
        private final int[] nameStarts;

        private Folded(String text, BitSet starts, BitSet ends, int[] nameStarts, int[] levelEnds) {
            this.text = text;
            this.levelEnds = levelEnds;
            this.starts = starts;
            this.ends = ends;
            this.nameStarts = nameStarts;
        }

        /** A match may end just before position i. */
        private boolean endsAt(int i) {
            return i < text.length() && (text.charAt(i) == END || starts.get(i) || ends.get(i));
        }

        /** The first level the term matches in, or -1: one pass over its occurrences. */
        int bestLevel(String term) {
            if (term.isEmpty()) {
                return -1;
            }
            for (int at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
                if (starts.get(at) && endsAt(at + term.length())) {
                    int level = 0; // levels come in order: the first match is in the best one
                    while (levelEnds[level] <= at) {
                        level++;
                    }
                    return level;
                }
            }
            return -1;
        }

        private int levelStart(int level) {
            return level == 0 ? 0 : levelEnds[level - 1];
        }

        String plain(int level) {
            return text.substring(levelStart(level), levelEnds[level]);
        }

        boolean startsWith(String term) {
            for (int at : nameStarts) {
                if (text.startsWith(term, at) && endsAt(at + term.length())) {
                    return true;
                }
            }
            return false;
        }

        String marked(int level) {
            int from = levelStart(level);
            int to = levelEnds[level];
            StringBuilder out = new StringBuilder(2 * (to - from));
            for (int i = from; i < to; i++) {
                if (starts.get(i)) {
                    out.append(Arrays.binarySearch(nameStarts, i) >= 0 ? NAME_START : MATCH_START);
                } else if (ends.get(i)) {
                    out.append(MATCH_END);
                }
                out.append(text.charAt(i));
            }
            return out.toString();
        }

        static final class Builder {
            private final StringBuilder text = new StringBuilder();
            private final BitSet starts = new BitSet();
            private final BitSet ends = new BitSet();
            private final List<Integer> nameStarts = new ArrayList<>();
            private final List<Integer> levelEnds = new ArrayList<>();
            private final List<String> ownNames;

            /** @param ownNames the feature's own names (folded): words wherever they occur in its texts */
            Builder(List<String> ownNames) {
                this.ownNames = ownNames;
            }

            /**
             * @param initials whether to add the initials of its words
             * @param isName   whether this is the feature's name, whose beginnings rank first
             */
            void add(String raw, boolean initials, boolean isName) {
                if (raw == null) {
                    return;
                }
                BitSet wordStarts = new BitSet();
                String folded = fold(raw, wordStarts);
                if (folded.isEmpty()) {
                    return;
                }
                if (isName) {
                    nameStarts.add(text.length());
                }
                int base = text.length();
                text.append(folded);
                for (int i = 0; i < folded.length(); i++) {
                    // never between the two halves of a surrogate pair: no well-formed term starts or ends there
                    if (wordStarts.get(i)) {
                        starts.set(base + i);
                    } else if (!Character.isLowSurrogate(folded.charAt(i))) {
                        ends.set(base + i);
                    }
                }
                text.append(END);
                if (folded.codePoints().noneMatch(SearchText::isHan)) {
                    return;
                }
                SearchWords words = SearchWords.get();
                BitSet bounds = words.boundaries(folded, ownNames);
                String[] readings = words.syllables(folded);
                if (isName) {
                    nameStarts.add(text.length());
                }
                readWords(folded, bounds, readings, false);
                if (initials) {
                    if (isName) {
                        nameStarts.add(text.length());
                    }
                    readWords(folded, bounds, readings, true);
                }
            }

            /** Appends the pinyin (or the initials) of each word, then END. */
            private void readWords(String folded, BitSet bounds, String[] readings, boolean initials) {
                for (int from = 0; from < folded.length(); ) {
                    int to = bounds.nextSetBit(from + 1);
                    boolean first = true;
                    for (int j = from; j < to; ) {
                        String syllable;
                        if (readings[j] != null) {
                            syllable = initials ? readings[j].substring(0, 1) : readings[j];
                            j++;
                        } else if (Character.isLetterOrDigit(folded.codePointAt(j))) {
                            int end = j;
                            while (end < to && readings[end] == null && Character.isLetterOrDigit(folded.codePointAt(end))) {
                                end += Character.charCount(folded.codePointAt(end));
                            }
                            syllable = initials ? null : folded.substring(j, Math.min(end, to));
                            j = end;
                        } else {
                            j++;
                            continue; // punctuation: in the text as written only
                        }
                        if (syllable == null) {
                            continue;
                        }
                        (first ? starts : ends).set(text.length());
                        first = false;
                        text.append(syllable);
                    }
                    from = to;
                }
                text.append(END);
            }

            /** Ends a level: the texts added since the last end (or the beginning) form it. */
            void endLevel() {
                levelEnds.add(text.length());
            }

            Folded build() {
                // BitSets grow by doubling: copies of the exact size, as an index keeps 100,000 of them
                return new Folded(text.toString(), BitSet.valueOf(starts.toLongArray()), BitSet.valueOf(ends.toLongArray()), nameStarts.stream().mapToInt(Integer::intValue).toArray(),
                        levelEnds.stream().mapToInt(Integer::intValue).toArray());
            }
        }
    }
}
