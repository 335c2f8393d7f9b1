package org.linfenatlas.index;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.corpus.io.IIOAdapter;
import com.hankcs.hanlp.collection.trie.DoubleArrayTrie;
import com.hankcs.hanlp.collection.trie.bintrie.BinTrie;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.DynamicCustomDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.Viterbi.ViterbiSegment;
import com.hankcs.hanlp.seg.common.Term;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * The words of Chinese text and the readings of its characters, for pinyin search: where a word
 * begins (HanLP's Viterbi segmenter with Linfen's place names as its user dictionary), and each
 * character's toneless pinyin (pinyin4j's first reading, but for the place names of
 * {@code search/readings.tsv}). Loaded once, on first use: HanLP's small core dictionary and
 * bigrams take a few hundred milliseconds.
 */
final class SearchWords {
    private static final String DICTIONARY = "/search/dictionary.tsv";
    private static final String READINGS = "/search/readings.tsv";
    private static final HanyuPinyinOutputFormat PINYIN = pinyinFormat();

    /** The user dictionary's words with boundaries inside them (洪洞县: 洪洞|县, 通用机场: 通用|机场). */
    private final Map<String, int[]> innerBoundaries;
    /** County-level names (洪洞县) → English names (Hongtong County), short names (洪洞; 吉县 is its own). */
    private final Map<String, String> englishNames;
    private final Map<String, String> countyShortNames = new HashMap<>();
    /** See {@link #countyNamed}. */
    private final Map<String, String> countyForms;
    /** Words read otherwise than by their characters' first readings → one syllable per character. */
    private final Map<String, String[]> readings;
    private final int longestReading;
    /** The first characters of those words, so that most positions need no look-up. */
    private final BitSet readingStarts = new BitSet();
    private final Segment segment;
    /** What the words and readings depend on besides this code: the two resources, hashed. */
    private final String fingerprint;

    private static final class Loaded {
        static final SearchWords INSTANCE = new SearchWords();
    }

    static SearchWords get() {
        return Loaded.INSTANCE;
    }

    private SearchWords() {
        String dictionaryText = resource(DICTIONARY);
        String readingTable = resource(READINGS);
        this.fingerprint = sha256(dictionaryText + "\u0000" + readingTable);
        this.innerBoundaries = new HashMap<>();
        this.englishNames = new LinkedHashMap<>();
        TreeMap<String, CoreDictionary.Attribute> dictionary = new TreeMap<>();
        for (String[] row : rows(dictionaryText, DICTIONARY, 2)) {
            String kind = row[0];
            String spaced = row[1];
            String name = spaced.replace(" ", "");
            List<Integer> inside = new ArrayList<>();
            for (int at = spaced.indexOf(' '); at >= 0; at = spaced.indexOf(' ', at + 1)) {
                inside.add(at - inside.size());
            }
            innerBoundaries.put(name, inside.stream().mapToInt(Integer::intValue).toArray());
            dictionary.put(name, CoreDictionary.Attribute.create("ns 1000"));
            if (!inside.isEmpty() && List.of("city", "county", "town", "township").contains(kind) && inside.get(0) >= 2) {
                dictionary.putIfAbsent(name.substring(0, inside.get(0)), CoreDictionary.Attribute.create("ns 1000"));
            }
            if (row.length > 2 && !row[2].isBlank() && kind.equals("county")) {
                englishNames.put(name, row[2].strip());
                countyShortNames.put(name, !inside.isEmpty() && inside.get(0) >= 2 ? name.substring(0, inside.get(0)) : name);
            }
        }
        this.readings = new HashMap<>();
        int longest = 0;
        for (String[] row : rows(readingTable, READINGS, 2)) {
            String[] syllables = row[1].strip().split(" +");
            if (syllables.length != row[0].length()) {
                throw new IllegalStateException(READINGS + ": " + row[0] + " has " + row[0].length() + " characters but "
                        + syllables.length + " syllables");
            }
            readings.put(row[0], syllables);
            readingStarts.set(row[0].charAt(0));
            longest = Math.max(longest, row[0].length());
        }
        this.longestReading = longest;
        this.segment = segmenter(dictionary);
        this.countyForms = countyForms();
    }

    /**
     * What a query that names a county says, without spaces, lower case: 洪洞县, 洪洞, hongtongxian, hongtong,
     * hongtongcounty (Hongtong County, hongtong county), hongtongxiancounty; for 吉县: 吉县, jixian, jicounty,
     * jixiancounty.
     */
    private Map<String, String> countyForms() {
        Map<String, String> forms = new HashMap<>();
        englishNames.forEach((county, english) -> {
            String shortName = countyShortNames.get(county);
            String pinyin = String.join("", syllables(county));
            String englishFolded = english.toLowerCase(java.util.Locale.ROOT).replace(" ", "");
            String kind = english.substring(english.lastIndexOf(' ') + 1).toLowerCase(java.util.Locale.ROOT);
            for (String form : List.of(county, shortName, pinyin, String.join("", syllables(shortName)), englishFolded,
                    pinyin + kind)) { // kind: county, district or city
                forms.putIfAbsent(form, county);
            }
        });
        return Map.copyOf(forms);
    }

    /** HanLP's Viterbi segmenter over its core dictionary and bigrams, with only these words as user dictionary. */
    private static Segment segmenter(TreeMap<String, CoreDictionary.Attribute> words) {
        // HanLP reads its data from the class path only and writes nothing: by default it reads files of the
        // working directory where they exist and writes dictionary caches beside them. Every Segment reads
        // CustomDictionary.DEFAULT when made: point it at nothing, or HanLP loads its own 3 MB user dictionary
        // first. Its logger goes quiet (it would warn of that missing dictionary and the cache it may not write);
        // a failure to load what segmentation needs still surfaces as an exception.
        HanLP.Config.IOAdapter = new ClassPathOnly();
        HanLP.Config.CustomDictionaryPath = new String[] {"search/no-hanlp-user-dictionary.txt"};
        HanLP.Config.enableDebug(false);
        DoubleArrayTrie<CoreDictionary.Attribute> trie = new DoubleArrayTrie<>();
        trie.build(words);
        Segment segment = new ViterbiSegment()
                .enableCustomDictionary(new DynamicCustomDictionary(trie, new BinTrie<>(), null))
                .enablePartOfSpeechTagging(false)
                .enableNameRecognize(false)
                .enablePlaceRecognize(false)
                .enableOrganizationRecognize(false)
                .enableTranslatedNameRecognize(false)
                .enableJapaneseNameRecognize(false)
                .enableNumberQuantifierRecognize(false)
                .enableOffset(true);
        segment.seg("临汾"); // loads the core dictionary and the bigrams now, not in the first search text
        return segment;
    }

    /** HanLP's data from the class path (the server's jar holds only the three files it reads); no writes. */
    private static final class ClassPathOnly implements IIOAdapter {
        @Override
        public InputStream open(String path) throws IOException {
            InputStream in = SearchWords.class.getResourceAsStream("/" + path);
            if (in == null) {
                throw new FileNotFoundException(path + " is not on the class path");
            }
            return in;
        }

        @Override
        public OutputStream create(String path) throws IOException {
            throw new IOException("HanLP writes no files here (" + path + ")");
        }
    }

    /**
     * Positions in {@code text} where a word begins (and {@code text.length()}): the segmenter's words,
     * place names split as {@code dictionary.tsv} splits them, and each of {@code ownNames} (the feature's
     * own name and aliases) wherever it occurs, as a word of its own, cut inside as it is cut alone.
     */
    BitSet boundaries(String text, Collection<String> ownNames) {
        BitSet bounds = segmented(text);
        List<String> names = ownNames.stream().filter(n -> n.length() >= 2 && !n.equals(text))
                .distinct().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        if (names.isEmpty()) {
            return bounds;
        }
        BitSet taken = new BitSet(text.length());
        for (String name : names) {
            BitSet inner = null;
            for (int at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
                int end = at + name.length();
                if (taken.nextSetBit(at) >= 0 && taken.nextSetBit(at) < end) {
                    continue; // inside or across a longer name's occurrence
                }
                if (inner == null) {
                    inner = segmented(name);
                }
                bounds.clear(at + 1, end);
                for (int b = inner.nextSetBit(0); b >= 0; b = inner.nextSetBit(b + 1)) {
                    bounds.set(at + b);
                }
                taken.set(at, end);
                at = end - 1;
            }
        }
        return bounds;
    }

    private BitSet segmented(String text) {
        BitSet bounds = new BitSet(text.length() + 1);
        bounds.set(text.length());
        for (Term term : segment.seg(text)) {
            bounds.set(term.offset);
            int[] inner = innerBoundaries.get(term.word);
            if (inner != null) {
                for (int b : inner) {
                    bounds.set(term.offset + b);
                }
            }
        }
        return bounds;
    }

    /** Each character's syllable (null where it has none: not a Han character, or one pinyin4j does not know). */
    String[] syllables(String text) {
        String[] out = new String[text.length()];
        for (int i = 0; i < text.length(); i++) {
            String[] word = null;
            for (int n = readingStarts.get(text.charAt(i)) ? Math.min(longestReading, text.length() - i) : 0; n >= 2 && word == null; n--) {
                word = readings.get(text.substring(i, i + n));
            }
            if (word != null) {
                System.arraycopy(word, 0, out, i, word.length);
                i += word.length - 1;
            } else {
                out[i] = pinyin(text.charAt(i));
            }
        }
        return out;
    }

    /** The English name of a county-level division (洪洞县 → Hongtong County), or null. */
    String englishName(String county) {
        return englishNames.get(county);
    }

    /** The county a query names, as the {@code counties} of projects name it (洪洞县), or null. */
    String countyNamed(String joinedTerms) {
        return countyForms.get(joinedTerms);
    }

    /** A county's name without its suffix where it has one of two characters or more (洪洞县 → 洪洞; 吉县 → 吉县). */
    String countyShortName(String county) {
        return countyShortNames.getOrDefault(county, county);
    }

    /** The county-level names this knows, in the order of {@code dictionary.tsv}. */
    Collection<String> countyNames() {
        return englishNames.keySet();
    }

    String fingerprint() {
        return fingerprint;
    }

    /** Readings by character, filled as characters are met: pinyin4j formats on every call. */
    private static final String[] CHARACTER_READINGS = new String[Character.MAX_VALUE + 1];
    private static final String NO_READING = "";

    static String pinyin(char c) {
        String reading = CHARACTER_READINGS[c];
        if (reading == null) {
            String found = lookUpPinyin(c);
            reading = found == null ? NO_READING : found;
            CHARACTER_READINGS[c] = reading; // Strings are immutable: a racing thread at worst looks the same reading up again
        }
        return reading == NO_READING ? null : reading;
    }

    private static String lookUpPinyin(char c) {
        try {
            String[] found = PinyinHelper.toHanyuPinyinStringArray(c, PINYIN);
            return found == null || found.length == 0 ? null : found[0];
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

    private static String resource(String path) {
        try (InputStream in = SearchWords.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tab-separated rows of a resource, without comments and blank lines. */
    private static List<String[]> rows(String text, String path, int minColumns) {
        List<String[]> rows = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] row = line.split("\t", -1);
            if (row.length < minColumns || row[0].isBlank() || row[1].isBlank()) {
                throw new IllegalStateException(path + ": malformed line '" + line + "'");
            }
            rows.add(row);
        }
        return rows;
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
