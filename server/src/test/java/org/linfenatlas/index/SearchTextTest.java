package org.linfenatlas.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchTextTest {
    private final SearchText falls = SearchText.of("壶口瀑布", "Hukou Waterfall", List.of("壶口"), List.of("吉县"),
            List.of("黄河上的瀑布"));
    private final SearchText export = SearchText.of("农产品出口基地", "Farm export base", List.of(), List.of("吉县"),
            List.of("隘口附近的口岸"));
    private final SearchText flowers = SearchText.of("花卉商品集群", null, List.of(), List.of("尧都区"),
            List.of("发展食用和观赏花卉"));
    private final SearchText leisure = SearchText.of("临汾市休闲农业及乡村旅游示范区", null, List.of(), List.of(), List.of());
    private final SearchText airport = SearchText.of("永和县乾坤湾通用机场", null, List.of("永和乾坤湾通用机场"), List.of("永和县"),
            List.of("在永和县乾坤湾通用机场建设跑道"));

    private static int score(SearchText text, String query) {
        return text.score(SearchText.terms(query));
    }

    @Test
    void pinyinFindsChineseName() {
        assertEquals(SearchText.NAME_PREFIX, score(falls, "hukou"));
        assertEquals(SearchText.NAME_PREFIX, score(falls, "hukoupubu"), "a match may go on across words");
    }

    @Test
    void pinyinMatchMustStartAtAWord() {
        assertEquals(0, score(export, "hukou"), "出口 is chu-kou, not hu-kou");
        assertEquals(SearchText.OTHER, score(export, "kou"), "口 of 出口 and 隘口 is inside a word, but 口岸 begins one");
        assertEquals(0, score(flowers, "yonghe"), "食用和 is shi-yong he: yong is inside the word 食用");
        assertEquals(SearchText.OTHER, score(flowers, "shiyong"));
    }

    @Test
    void pinyinMatchMustEndAtASyllable() {
        SearchText chineseOnly = SearchText.of("壶口瀑布", null, List.of(), List.of(), List.of());
        assertEquals(0, chineseOnly.score(SearchText.terms("huk")), "huk stops inside kou");
        assertEquals(SearchText.NAME, score(falls, "huk"), "but it begins the English word Hukou");
        assertEquals(0, score(leisure, "jixian"), "及乡 is ji-xiang: xian stops inside xiang");
        assertEquals(SearchText.NAME, score(leisure, "jixiang"));
    }

    @Test
    void initialsOfWordsMatchLikePinyin() {
        assertEquals(SearchText.NAME_PREFIX, score(falls, "hk"));
        assertEquals(SearchText.NAME_PREFIX, score(falls, "hkpb"));
        assertEquals(SearchText.COUNTY, score(export, "jx"));
        assertEquals(0, score(flowers, "fzsy"), "summaries have no initials");
    }

    @Test
    void chineseSubstringMatchesAnywhere() {
        assertEquals(SearchText.NAME, score(falls, "瀑布"));
        assertEquals(SearchText.NAME, score(export, "出口"));
        assertEquals(SearchText.OTHER, score(flowers, "用和观"));
    }

    @Test
    void englishWordsMatchFromTheirBeginningWhateverTheCase() {
        assertEquals(SearchText.NAME, score(falls, "WATERFALL"));
        assertEquals(SearchText.NAME, score(falls, "water"));
        assertEquals(0, score(falls, "aterfal"));
        assertEquals(SearchText.NAME, score(export, "export base"));
        SearchText road = SearchText.of("G241古县段", null, List.of(), List.of(), List.of());
        assertEquals(SearchText.NAME_PREFIX, road.score(SearchText.terms("g241")));
        assertEquals(SearchText.NAME, road.score(SearchText.terms("241")), "digits after letters begin a word");
        assertEquals(0, road.score(SearchText.terms("41")));
    }

    @Test
    void levelsRankNameAboveAliasAboveCountyAboveSummary() {
        assertEquals(SearchText.NAME_PREFIX, score(airport, "yonghe"));
        assertEquals(SearchText.NAME, score(airport, "jichang"), "通用机场 is a word of the name, cut inside as 通用|机场");
        SearchText aliased = SearchText.of("黄河金三角（曲沃）智慧果蔬产业示范区", null, List.of("黄河金三角智慧菜谷"), List.of("曲沃县"),
                List.of("在曲沃建设"));
        assertEquals(SearchText.ALIAS, score(aliased, "caigu"));
        assertEquals(SearchText.COUNTY, score(aliased, "quwoxian"), "曲沃县 is only the county");
        assertEquals(SearchText.OTHER, score(aliased, "jianshe"));
        assertEquals(SearchText.NAME, score(aliased, "quwo"), "曲沃 is in the name too");
        assertEquals(SearchText.OTHER, score(aliased, "jianshe quwo"), "several terms: the worst of their best levels");
    }

    @Test
    void countiesMatchByNameShortNameSuffixAndEnglish() {
        SearchText inHongtong = SearchText.of("某项目", null, List.of(), List.of("洪洞县"), List.of());
        for (String q : List.of("洪洞", "洪洞县", "hongtong", "hongtongxian", "hongtong xian", "hongtong county", "htx", "Hongtong County")) {
            assertEquals(SearchText.COUNTY, score(inHongtong, q), q);
        }
        assertEquals(0, score(inHongtong, "hongdong"), "洪洞 is read Hongtong");
        SearchText inJi = SearchText.of("某项目", null, List.of(), List.of("吉县"), List.of());
        for (String q : List.of("吉县", "jixian", "ji xian", "jixian county", "ji county")) {
            assertEquals(SearchText.COUNTY, score(inJi, q), q);
        }
        SearchText inYaodu = SearchText.of("某项目", null, List.of(), List.of("尧都区"), List.of());
        assertEquals(SearchText.COUNTY, score(inYaodu, "yaodu"));
        assertEquals(SearchText.COUNTY, score(inYaodu, "yaoduqu"));
        assertEquals(0, score(inYaodu, "yaodou"));
    }

    @Test
    void aQueryThatNamesACountyIsOrderedByThatCountysName() {
        for (String q : List.of("jixian", "ji xian", "jixian county", "Ji County", "吉县", "JiXian")) {
            assertEquals("吉县", SearchText.countyNamed(SearchText.terms(q)), q);
            assertEquals(List.of("吉县"), SearchText.rankingTerms(SearchText.terms(q)), q);
        }
        for (String q : List.of("hongtong", "hongtongxian", "洪洞", "hongtong county", "洪洞县")) {
            assertEquals("洪洞县", SearchText.countyNamed(SearchText.terms(q)), q);
            assertEquals(List.of("洪洞"), SearchText.rankingTerms(SearchText.terms(q)), q);
        }
        assertEquals(null, SearchText.countyNamed(SearchText.terms("ji")));
        assertEquals(null, SearchText.countyNamed(SearchText.terms("jixian jichang")));
        List<String> terms = SearchText.terms("jixian county");
        assertEquals(SearchText.NAME_PREFIX + SearchText.NAME_PREFIX, SearchText.of("吉县通用机场", null, List.of(), List.of("吉县"),
                List.of()).rank(terms, SearchText.rankingTerms(terms), "吉县"), "in the county, and its name starts with 吉县");
        assertEquals(SearchText.OTHER, SearchText.of("某项目", "Jixian project", List.of(), List.of("大宁县"), List.of())
                .rank(SearchText.terms("jixian"), List.of("吉县"), "吉县"), "found, elsewhere, without 吉县: last");
    }

    @Test
    void spacedSyllablesAreOneTerm() {
        assertEquals(List.of("hukou"), SearchText.terms(" Hu  Kou "));
        assertEquals(List.of("jixian", "county"), SearchText.terms("ji xian county"));
        assertEquals(List.of("yaodu", "dianzhan"), SearchText.terms("yaodu dianzhan"));
        assertEquals(List.of("尧都", "物流"), SearchText.terms("尧都 物流"));
        assertEquals(SearchText.NAME_PREFIX, score(falls, "hu kou"));
        assertEquals(0, score(export, "hu kou"));
    }

    @Test
    void controlCharactersAreNotPartOfTerms() {
        assertEquals(List.of("壶口"), SearchText.terms("壶\u0001口"));
        assertTrue(falls.plain().indexOf(SearchText.MATCH_START) < 0);
    }

    @Test
    void markedTextsHoldTheSameCharactersAsThePlainOnes() {
        for (SearchText text : List.of(falls, export, flowers, leisure, airport)) {
            String marked = text.markedNames() + text.markedAliases() + text.markedCounties() + text.markedOther();
            String stripped = marked.replaceAll("[\\u0001\\u0002\\u0003]", "");
            assertEquals(text.plain(), stripped);
        }
    }
}
