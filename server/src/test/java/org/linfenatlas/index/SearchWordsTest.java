package org.linfenatlas.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linfenatlas.model.Feature;
import org.linfenatlas.model.Layers;
import org.linfenatlas.testdata.TestLayers;

/** Words and readings: the segmenter with Linfen's place names, and the readings table, against the committed data. */
class SearchWordsTest {
    private final SearchWords words = SearchWords.get();

    private List<String> split(String text, String... ownNames) {
        BitSet bounds = words.boundaries(text, List.of(ownNames));
        List<String> out = new ArrayList<>();
        for (int at = 0; at < text.length(); ) {
            int next = bounds.nextSetBit(at + 1);
            out.add(text.substring(at, next));
            at = next;
        }
        return out;
    }

    private String reading(String text) {
        return String.join(" ", words.syllables(text));
    }

    @Test
    void everyCountyIsReadAsItsEnglishNameSaysAndKnownByThatName() {
        Map<String, String> english = new LinkedHashMap<>();
        for (Feature county : TestLayers.withSyntheticProjects(0, 1).get(Layers.COUNTIES_SPEC)) {
            english.put(county.text("name"), county.text("name_en"));
        }
        assertEquals(17, english.size());
        assertEquals(List.copyOf(english.keySet()), List.copyOf(words.countyNames()), "dictionary.tsv lists the counties of counties.geojson");
        english.forEach((name, en) -> {
            assertEquals(en, words.englishName(name), name);
            String shortName = en.substring(0, en.indexOf(' ')).toLowerCase(Locale.ROOT); // Hongtong, Ji, Yaodu
            String read = String.join("", words.syllables(name));
            assertTrue(read.startsWith(shortName), name + " reads " + read + ", its English name says " + en);
            assertEquals(name, words.countyNamed(shortName + en.substring(en.indexOf(' ') + 1).toLowerCase(Locale.ROOT)), en);
            assertEquals(name, words.countyNamed(read), read);
        });
    }

    @Test
    void placeNamesAreReadFromTheTable() {
        assertEquals("hong tong xian", reading("洪洞县"));
        assertEquals("yao du qu", reading("尧都区"));
        assertEquals("bai shan si xiang", reading("柏山寺乡"));
        assertEquals("tuan bai xiang", reading("团柏乡"));
        assertEquals("kuai bin jie dao", reading("浍滨街道"));
        assertEquals("gu ye shan", reading("姑射山"));
        assertEquals("dong xue", reading("洞穴"), "elsewhere characters keep pinyin4j's first reading");
        String[] mixed = words.syllables("G108国道");
        assertNull(mixed[0]);
        assertEquals("guo", mixed[4]);
    }

    @Test
    void theSegmenterKeepsPlaceNamesWholeAndCutsCountyNamesAtTheirSuffix() {
        assertEquals(List.of("花卉", "商品", "集", "群", "：", "发展", "食用", "和", "观赏", "花卉"), split("花卉商品集群：发展食用和观赏花卉"));
        assertEquals(List.of("永和", "县", "乾坤湾", "通用", "机场"), split("永和县乾坤湾通用机场"));
        assertEquals(List.of("吉县", "壶口", "瀑布"), split("吉县壶口瀑布"));
        assertEquals(List.of("古县", "旧县", "镇"), split("古县旧县镇"));
        assertEquals(List.of("千古", "县城"), split("千古县城"), "a place name only where the words fall so");
        assertEquals(List.of("临汾", "市", "休闲", "农业", "及", "乡村", "旅游", "示范区"), split("临汾市休闲农业及乡村旅游示范区"));
    }

    @Test
    void aFeaturesOwnNamesAreWordsOfItsTexts() {
        assertEquals(List.of("在", "陶寺", "遗址", "公园", "开展"), split("在陶寺遗址公园开展", "陶寺遗址公园"));
        List<String> alone = split("蒲县煤炭集运站");
        List<String> inText = new ArrayList<>(List.of("建设"));
        inText.addAll(alone);
        inText.add("项目");
        assertEquals(inText, split("建设蒲县煤炭集运站项目", "蒲县煤炭集运站"), "cut inside as the name alone is");
        assertEquals(List.of("大", "槐树", "寻根"), split("大槐树寻根", "槐树"), "an own name is a word even inside a dictionary word");
    }

    @Test
    void theVersionChangesWithTheResources() {
        assertTrue(SearchText.version().matches("\\d+-[0-9a-f]{16}"), SearchText.version());
    }
}
