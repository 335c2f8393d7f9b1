package org.linfenatlas.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The page's Content-Security-Policy, made from the online base layers /config.json offers. */
class PageHeadersTest {
    @Test
    void withoutBaseLayersImagesComeFromTheServerItselfOnly() {
        assertEquals("default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; "
                        + "img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; "
                        + "form-action 'self'; frame-ancestors 'none'",
                PageHeaders.forPageConfig(BaseLayers.pageConfig(List.of(), null)).contentSecurityPolicy());
    }

    @Test
    void aConfiguredBaseLayersOriginMayServeImagesAndNothingElse() {
        String policy = PageHeaders.forPageConfig(BaseLayers.pageConfig(List.of("osm"), null)).contentSecurityPolicy();
        assertTrue(policy.contains("; img-src 'self' data: blob: https://tile.openstreetmap.org;"), policy);
        assertEquals(1, policy.split("openstreetmap", -1).length - 1, policy);
    }

    @Test
    void aTemplateWithSubdomainsAllowsEachSubdomainsOrigin() {
        String policy = PageHeaders.forPageConfig(BaseLayers.pageConfig(List.of("tianditu"), "key")).contentSecurityPolicy();
        assertTrue(policy.contains("img-src 'self' data: blob: https://t0.tianditu.gov.cn https://t1.tianditu.gov.cn "
                + "https://t2.tianditu.gov.cn https://t3.tianditu.gov.cn https://t4.tianditu.gov.cn https://t5.tianditu.gov.cn "
                + "https://t6.tianditu.gov.cn https://t7.tianditu.gov.cn;"), policy);
        assertTrue(!policy.contains("key"), "the tile key is not an origin: " + policy);
    }

    @Test
    void aTemplateWithSubdomainsButNoListTakesLeafletsDefaultSubdomains() {
        assertEquals(List.of("https://a.tile.example.org", "https://b.tile.example.org", "https://c.tile.example.org"),
                PageHeaders.tileOrigins("https://{s}.tile.example.org/{z}/{x}/{y}.png", List.of()));
    }

    @Test
    void anOriginKeepsItsPort() {
        assertEquals(List.of("http://tiles.example.org:8080"), PageHeaders.tileOrigins("http://Tiles.example.org:8080/{z}/{x}/{y}.png", List.of()));
    }

    @Test
    void tilesOfThePagesOwnServerNeedNoOrigin() {
        assertEquals(List.of(), PageHeaders.tileOrigins("/tiles/{z}/{x}/{y}.png", List.of()));
    }

    @Test
    void aTemplateThatIsNotAnHttpUrlWithAPlainHostIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> PageHeaders.tileOrigins("ftp://tiles.example.org/{z}.png", List.of()));
        assertThrows(IllegalArgumentException.class, () -> PageHeaders.tileOrigins("https://{z}.example.org/{x}.png", List.of()));
        assertThrows(IllegalArgumentException.class, () -> PageHeaders.tileOrigins("https://a b;script-src */x.png", List.of()));
    }

    @Test
    void theHeadersAreThePolicyNosniffAndSameOriginReferrers() {
        PageHeaders headers = PageHeaders.forPageConfig(Map.of("baseLayers", List.of()));
        assertEquals(List.of(Map.entry("Content-Security-Policy", headers.contentSecurityPolicy()),
                Map.entry("X-Content-Type-Options", "nosniff"), Map.entry("Referrer-Policy", "same-origin")), headers.headers());
    }
}
