package org.linfenatlas.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.Select;

/**
 * The cooperation circles in headless Chromium against the real jar: the view opens from the header (its code
 * loaded only then), draws every region's outline and a flow to every region, filters by circle and by sector,
 * lists every sector's path for a clicked region; offline, without console errors; fits a phone's width.
 */
class CirclesIT {
    private static RunningJar atlas;
    private static HeadlessChromium.Session browser;
    private static MapPage page;

    @BeforeAll
    static void start() throws Exception {
        HeadlessChromium.requireBrowser();
        Path dataDir = Files.createTempDirectory("atlas-circles-");
        atlas = RunningJar.start(dataDir);
        browser = HeadlessChromium.desktop(1280, 900);
        page = new MapPage(browser.driver(), atlas);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (atlas != null) {
            atlas.close();
        }
    }

    @BeforeEach
    void freshPage() {
        page.open(null);
        page.consoleErrors();
    }

    @AfterEach
    void noConsoleErrors() {
        assertEquals(List.of(), page.consoleErrors(), "console errors");
    }

    private static void openCircles(MapPage p) {
        p.find("#circles-open").click();
        p.waitFor(Duration.ofSeconds(20), d -> "true".equals(p.js("return document.querySelector('#circles')?.dataset.ready || null;")));
    }

    private static long count(MapPage p, String css) {
        return ((Number) p.js("return document.querySelectorAll(arguments[0]).length;", css)).longValue();
    }

    private static void assertOffline(MapPage p) {
        List<String> elsewhere = p.requestedUrls().stream()
                .filter(u -> !u.startsWith(atlas.origin() + "/") && !u.startsWith("data:") && !u.startsWith("blob:")).toList();
        assertEquals(List.of(), elsewhere, "requests to other hosts");
    }

    @Test
    void opensDrawsEveryRegionFiltersAndListsTheSectorPaths() throws Exception {
        List<String> scriptsBefore = page.requestedUrls().stream().filter(u -> u.endsWith(".js")).toList();
        assertTrue(page.requestedUrls().stream().noneMatch(u -> u.endsWith("circles.css")), "nothing of the view before it opens");
        openCircles(page);
        // the view's code (a module of its own, or the bundle's chunk of it) is fetched when it opens, not before
        assertTrue(page.requestedUrls().stream().filter(u -> u.endsWith(".js")).anyMatch(u -> !scriptsBefore.contains(u)),
                "the view's code fetched on opening");
        JsonNode data = atlas.json("/api/circles");
        int regions = data.path("regions").size();
        int areas = 0;
        for (JsonNode r : data.path("regions")) {
            String id = r.path("id").asText();
            if (r.path("kind").asText().equals("area")) {
                areas++;
                assertTrue(count(page, "#circles path.circ-region[data-region='" + id + "']") >= 1, id + " is drawn");
            }
            assertEquals(1, count(page, "#circles [data-region='" + id + "'].chip"), id + " is listed");
        }
        assertEquals(String.valueOf(regions), page.js("return document.querySelector('#circles').dataset.shown;"));
        assertTrue(count(page, "#circles path.circ-flow") >= regions, "a flow to every region");
        assertTrue(areas >= 13);

        // filter by circle: only the regions that circle lists stay
        for (JsonNode c : data.path("circles")) {
            page.find("#circles [data-circle='" + c.path("id").asInt() + "']").click();
            int n = c.path("regions").size();
            page.waitFor(d -> String.valueOf(n).equals(page.js("return document.querySelector('#circles').dataset.shown;")));
            assertEquals(n, count(page, "#circles .circ-regions [data-region]"), "circle " + c.path("id"));
            for (JsonNode id : c.path("regions")) {
                assertEquals(1, count(page, "#circles .circ-regions [data-region='" + id.asText() + "']"));
            }
        }
        page.find("#circles [data-circle='all']").click();
        // filter by sector: 专栏13 (ecology) names 关中, 郑洛西, 省内地区 and 京津冀 only
        new Select(page.find("#circles [data-sector-filter]")).selectByValue("ecology");
        page.waitFor(d -> "4".equals(page.js("return document.querySelector('#circles').dataset.shown;")));
        new Select(page.find("#circles [data-sector-filter]")).selectByValue("all");

        // clicking a region on the map lists every sector's path for it
        page.js("document.querySelector(\"#circles path.circ-region[data-region='yangtze-delta']\")"
                + ".dispatchEvent(new MouseEvent('click', {bubbles: true}));");
        page.waitFor(d -> count(page, "#circles [data-detail='yangtze-delta']") == 1);
        assertEquals(data.path("sectors").size(), count(page, "#circles [data-detail] .circ-path"), "every sector");
        long withPath = 0;
        for (JsonNode p : data.path("paths")) {
            for (JsonNode id : p.path("regions")) {
                withPath += id.asText().equals("yangtze-delta") ? 1 : 0;
            }
        }
        assertEquals(withPath, count(page, "#circles [data-detail] .circ-path[data-has-path='true']"));
        String energy = (String) page.js("return document.querySelector(\"#circles [data-detail] [data-sector='energy'] dd\").textContent;");
        assertTrue(energy.contains("晋电送浙"), energy);
        page.screenshot("circles-desktop");

        page.find("#lang-switch").click();
        page.waitFor(d -> String.valueOf(page.js("return document.querySelector('#circles .circ-title').textContent;"))
                .equals("The five cooperation circles"));
        page.find("#circles [data-region='chengyu'].chip").click();
        page.waitFor(d -> count(page, "#circles [data-detail='chengyu']") == 1);
        assertTrue(String.valueOf(page.js("return document.querySelector(\"#circles [data-detail] [data-sector='education-health'] dd\").textContent;"))
                .contains("West China"));
        page.find("#lang-switch").click();
        assertOffline(page);
        assertEquals(List.of(), page.policyViolations(), "Content-Security-Policy violations");

        page.find("#circles [data-close]").click();
        page.waitFor(d -> count(page, "#circles") == 0);
        assertEquals("false", page.find("#circles-open").getDomAttribute("aria-expanded"));
    }

    @Test
    void aRegionListsTheProjectsThatNameItAsTheServerHasThem() throws Exception {
        JsonNode region = null;
        for (JsonNode r : atlas.json("/api/circles").path("regions")) {
            if (r.path("id").asText().equals("golden-triangle")) {
                region = r;
            }
        }
        List<String> words = new java.util.ArrayList<>();
        region.path("plan_names").forEach(w -> words.add(w.asText()));
        java.util.Set<String> expected = new java.util.TreeSet<>();
        for (JsonNode f : atlas.json("/api/collections/projects/items?limit=10000&skipGeometry=true").path("features")) {
            JsonNode p = f.path("properties");
            StringBuilder text = new StringBuilder(p.path("name").asText()).append(' ').append(p.path("summary_zh").asText());
            p.path("aliases").forEach(a -> text.append(' ').append(a.asText()));
            if (words.stream().anyMatch(w -> text.toString().contains(w))) {
                expected.add(f.path("id").asText());
            }
        }
        assertTrue(expected.size() > 1, "the plan names some projects after it: " + expected);
        openCircles(page);
        page.find("#circles [data-region='golden-triangle'].chip").click();
        page.waitFor(d -> count(page, "#circles [data-detail] .circ-projects [data-project]") == expected.size());
        @SuppressWarnings("unchecked")
        List<String> shown = (List<String>) page.js("return [...document.querySelectorAll('#circles [data-detail] [data-project]')].map(b => b.dataset.project);");
        assertEquals(expected, new java.util.TreeSet<>(shown));
    }

    @Test
    void onAPhoneTheViewFitsItsWidth() throws Exception {
        try (HeadlessChromium.Session phone = HeadlessChromium.phone(375, 740)) {
            MapPage small = new MapPage(phone.driver(), atlas);
            small.open(null);
            openCircles(small);
            Number pageWidth = (Number) small.js("return document.documentElement.scrollWidth;");
            assertTrue(pageWidth.intValue() <= 375, "the page scrolls sideways: " + pageWidth);
            Number mapHeight = (Number) small.js("return document.querySelector('#circles .circ-map').getBoundingClientRect().height;");
            assertTrue(mapHeight.intValue() >= 250, "the map has room: " + mapHeight);
            small.screenshot("circles-phone");
            assertEquals(List.of(), small.consoleErrors());
        }
    }
}
