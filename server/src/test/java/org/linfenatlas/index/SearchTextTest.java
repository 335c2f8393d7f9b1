package org.linfenatlas.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchTextTest {
    private final SearchText falls = SearchText.of(List.of("壶口瀑布", "Hukou Waterfall"), List.of("黄河上的瀑布"));
    private final SearchText export = SearchText.of(List.of("农产品出口基地", "Farm export base"), List.of("吉县"));

    @Test
    void pinyinFindsChineseName() {
        assertEquals(3, falls.score(SearchText.terms("hukou")));
    }

    @Test
    void pinyinMatchMustStartAtASyllable() {
        assertEquals(0, export.score(SearchText.terms("hukou")), "出口 is chu-kou, not hu-kou");
    }

    @Test
    void pinyinPrefixOfASyllableStillMatches() {
        assertEquals(3, falls.score(SearchText.terms("huk")));
    }

    @Test
    void chineseSubstringMatchesAnywhere() {
        assertEquals(2, falls.score(SearchText.terms("瀑布")));
    }

    @Test
    void englishIsCaseInsensitive() {
        assertEquals(2, falls.score(SearchText.terms("WATERFALL")));
    }

    @Test
    void descriptionMatchesRankBelowNames() {
        assertEquals(1, falls.score(SearchText.terms("huanghe")));
    }

    @Test
    void spacedPinyinMatchesAsItsParts() {
        assertEquals(List.of("hu", "kou"), SearchText.terms(" Hu  Kou "));
        assertEquals(3, falls.score(SearchText.terms("hu kou")));
    }
}
