package org.linfenatlas.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The indicators dashboard in headless Chromium against the real jar: it opens from the header (loading its code
 * and Apache ECharts only then), shows every field and indicator with the baseline and target the API serves,
 * Table 1 as charts and as a table, offline and without console errors; an admin records an actual value and
 * sees it; a 375 px phone shows it without horizontal overflow; print shows the dashboard alone.
 */
class DashboardIT {
    private static final String ADMIN = "stats-admin";
    private static final String ADMIN_PASSWORD = "a-long-admin-password";

    private static RunningJar atlas;
    private static HeadlessChromium.Session browser;
    private static MapPage page;

    @BeforeAll
    static void start() throws Exception {
        HeadlessChromium.requireBrowser();
        Path dataDir = Files.createTempDirectory("atlas-dashboard-");
        RunningJar.command(dataDir, ADMIN_PASSWORD + "\n", "users", "add", ADMIN, "--role", "admin");
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
    void signedOutPage() {
        page.open(null);
        browser.driver().manage().deleteAllCookies();
        page.open(null);
        page.consoleErrors();
    }

    @AfterEach
    void noConsoleErrors() {
        assertEquals(List.of(), page.consoleErrors(), "console errors");
    }

    private static void openDashboard(MapPage p) {
        p.find("#dashboard-open").click();
        p.waitFor(Duration.ofSeconds(20), d -> "true".equals(p.js("return document.querySelector('#dashboard')?.dataset.ready || null;")));
        p.waitFor(Duration.ofSeconds(20), d -> p.js("return document.querySelector('#dashboard')?.dataset.charts || null;") != null);
        assertEquals("ready", p.js("return document.querySelector('#dashboard').dataset.charts;"), "ECharts drew the charts");
    }

    /** The element's text read by script: no WebElement to go stale while the dashboard re-renders. */
    private static String textNow(MapPage p, String css) {
        Object text = p.js("return document.querySelector(arguments[0])?.textContent ?? '';", css);
        return text == null ? "" : text.toString();
    }

    /** Every request the page made went to the atlas itself (or was data the page made: data:, blob:). */
    private static void assertOffline(MapPage p) {
        List<String> elsewhere = p.requestedUrls().stream()
                .filter(u -> !u.startsWith(atlas.origin() + "/") && !u.startsWith("data:") && !u.startsWith("blob:")).toList();
        assertEquals(List.of(), elsewhere, "requests to other hosts");
    }

    @Test
    void theMapsFirstViewLoadsNeitherTheDashboardNorEcharts() {
        List<String> urls = page.requestedUrls();
        List<String> scriptsBefore = urls.stream().filter(u -> u.endsWith(".js")).toList();
        assertTrue(urls.stream().noneMatch(u -> u.contains("vendor/echarts") || u.endsWith("dashboard.css")),
                "nothing of the dashboard before it opens: " + urls);
        openDashboard(page);
        urls = page.requestedUrls();
        // the dashboard's code (a module of its own, or the bundle's chunk of it) is fetched when it opens, not before
        assertTrue(urls.stream().filter(u -> u.endsWith(".js") && !u.contains("vendor/")).anyMatch(u -> !scriptsBefore.contains(u)),
                "the dashboard's code fetched on opening: " + urls);
        assertTrue(urls.stream().anyMatch(u -> u.endsWith("/vendor/echarts/echarts.common.min.js")), "ECharts from the atlas");
        assertTrue(urls.stream().anyMatch(u -> u.endsWith("/css/dashboard.css")));
        assertOffline(page);
        assertEquals(List.of(), page.policyViolations(), "Content-Security-Policy violations");
    }

    @Test
    void everyFieldAndIndicatorWithBaselineAndTargetFromTheApi() throws Exception {
        openDashboard(page);
        JsonNode api = atlas.json("/api/indicators");
        assertEquals(7, page.count("#dashboard [data-field]"), "seven fields");
        assertEquals(api.path("indicators").size(), page.count("#dashboard [data-indicator]"), "every indicator");
        for (JsonNode ind : api.path("indicators")) {
            String id = ind.path("id").asText();
            String card = "#dashboard [data-field='" + ind.path("field").asText() + "'] [data-indicator='" + id + "']";
            assertEquals(1, page.count(card), id + " in its field");
            String name = page.text(card + " .ind-name");
            assertTrue(name.startsWith(ind.path("name").asText()), id + ": " + name);
            String target = page.text(card + " [data-target]");
            assertTrue(target.contains(ind.path("target").path("text").asText()), id + " target as written: " + target);
            String baseline = page.text(card + " [data-baseline]");
            JsonNode value = ind.path("baseline").path("value");
            if (value.isNull()) {
                String kind = ind.path("baseline").path("text").asText().equals("-") ? "dash" : "blank";
                assertEquals(1, page.count(card + " [data-baseline] [data-not-stated='" + kind + "']"), id + ": not stated (" + kind + ")");
            } else {
                String shown = baseline.replace(",", "").replaceAll("[^0-9.]", "");
                assertEquals(0, new BigDecimal(shown).compareTo(value.decimalValue()), id + " baseline " + baseline);
            }
            assertEquals(1, page.count(card + " .ind-goal"), id + ": the target's mark on its bar");
            assertEquals("none", page.find(card).getDomAttribute("data-state"), id + ": nothing recorded yet");
        }
        assertEquals(0, page.count("#dashboard [data-record]"), "no form for the public");

        // Table 1: every cell as the API serves it, and three charts drawn as SVG
        JsonNode economy = atlas.json("/api/economy");
        for (JsonNode row : economy.path("rows")) {
            for (JsonNode column : economy.path("columns")) {
                String cell = page.text("#dashboard [data-economy-table] tr[data-year='" + row.path("year").asInt() + "'] td[data-column='"
                        + column.path("id").asText() + "']");
                assertEquals(0, new BigDecimal(cell).compareTo(row.path(column.path("id").asText()).decimalValue()),
                        row.path("year") + " " + column.path("id") + ": " + cell);
            }
        }
        assertEquals("4.1%", page.text("#dashboard tr[data-growth] td[data-column='gdp']"));
        assertEquals(3, page.count("#dashboard .chart svg"), "three charts");
        assertTrue(page.count("#dashboard [data-chart='gdp'] svg path") > 10, "the GDP chart has bars and a line");
        assertOffline(page);
        assertEquals(List.of(), page.policyViolations());
        page.screenshot("dashboard-desktop");
        page.js("document.querySelector('#dashboard .dash-economy').scrollIntoView();");
        page.screenshot("dashboard-economy");

        page.find("#lang-switch").click();
        page.waitFor(d -> textNow(page, "#dashboard .dash-title").equals("Indicators of regional integration"));
        page.waitFor(d -> "ready".equals(page.js("return document.querySelector('#dashboard').dataset.charts;")));
        JsonNode first = api.path("indicators").get(0);
        assertTrue(page.text("#dashboard [data-indicator='" + first.path("id").asText() + "'] .ind-name")
                .startsWith(first.path("name_en").asText()), "English names follow the language switch");
        assertEquals("not stated", page.text("#dashboard [data-indicator='industry-large-enterprises'] [data-baseline]"));
        page.find("#lang-switch").click();

        page.find("#dashboard [data-close]").click();
        page.waitFor(d -> page.count("#dashboard") == 0);
        assertEquals("false", page.find("#dashboard-open").getDomAttribute("aria-expanded"));
    }

    @Test
    void anAdminRecordsAnActualValueAndItAppears() throws Exception {
        new EditorPage(page).signIn(ADMIN, ADMIN_PASSWORD);
        openDashboard(page);
        String card = "#dashboard [data-indicator='ecology-good-air-days']";
        page.find(card + " [data-record]").click();
        page.waitFor(d -> page.count(card + " form.ind-form") == 1);
        new Select(page.find(card + " select[name=year]")).selectByValue("2023");
        page.waitFor(d -> textNow(page, card + " .ind-current").contains("2023"));
        page.find(card + " input[name=value]").sendKeys("280");
        page.find(card + " input[name=source]").sendKeys("临汾市生态环境局 2023年环境状况公报");
        page.screenshot("dashboard-record");
        page.find(card + " form.ind-form button[type=submit]").click();
        page.waitFor(d -> textNow(page, card + " [data-latest]").contains("280"));
        assertEquals("partial", page.find(card).getDomAttribute("data-state"), "225 → 280 of >300");
        assertTrue(page.text(card + " .ind-actuals").contains("2023"));

        JsonNode actual = atlas.json("/api/indicators/ecology-good-air-days/actuals/2023");
        assertEquals(280, actual.path("value").asInt());
        assertEquals("临汾市生态环境局 2023年环境状况公报", actual.path("source").asText());

        // the same year again: the form reads the value and its ETag, and the save changes it (If-Match)
        page.find(card + " [data-record]").click();
        new Select(page.find(card + " select[name=year]")).selectByValue("2023");
        page.waitFor(d -> "280".equals(page.find(card + " input[name=value]").getDomProperty("value")));
        WebElement value = page.find(card + " input[name=value]");
        value.clear();
        value.sendKeys("305");
        page.find(card + " form.ind-form button[type=submit]").click();
        page.waitFor(d -> textNow(page, card + " [data-latest]").contains("305"));
        assertEquals("reached", page.find(card).getDomAttribute("data-state"), "305 > 300");
        page.js("document.querySelector(arguments[0]).scrollIntoView({block: 'center'});", card);
        page.screenshot("dashboard-progress");
        JsonNode history = atlas.json("/api/indicators/ecology-good-air-days").path("history");
        assertEquals(2, history.size());
        assertEquals("update", history.get(0).path("operation").asText());

        // a value the server refuses is shown at its field
        String share = "#dashboard [data-indicator='ecology-forest-cover']";
        page.find(share + " [data-record]").click();
        page.find(share + " input[name=value]").sendKeys("120");
        page.find(share + " input[name=source]").sendKeys("林业局");
        page.find(share + " form.ind-form button[type=submit]").click();
        page.waitFor(d -> !textNow(page, share + " .field-error").isBlank());
        assertEquals("true", page.find(share + " input[name=value]").getDomAttribute("aria-invalid"));
        List<String> errors = new ArrayList<>(page.consoleErrors());
        errors.removeIf(m -> m.contains("the server responded with a status of 422"));
        assertEquals(List.of(), errors, "console errors besides the refusal provoked");
        assertOffline(page);
    }

    @Test
    void printShowsTheDashboardAlone() {
        openDashboard(page);
        browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertEquals("none", page.js("return getComputedStyle(document.querySelector('.app-header')).display;"));
            assertEquals("none", page.js("return getComputedStyle(document.querySelector('#map')).display;"));
            assertEquals("static", page.js("return getComputedStyle(document.querySelector('#dashboard')).position;"));
            assertEquals("none", page.js("return getComputedStyle(document.querySelector('#dashboard .dash-actions')).display;"));
        } finally {
            browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    @Test
    void onAPhoneTheDashboardFitsItsWidth() throws Exception {
        try (HeadlessChromium.Session phone = HeadlessChromium.phone(375, 740)) {
            MapPage small = new MapPage(phone.driver(), atlas);
            small.open(null);
            openDashboard(small);
            Number viewport = (Number) small.js("return document.documentElement.clientWidth;");
            assertEquals(375, viewport.intValue());
            Number pageWidth = (Number) small.js("return document.documentElement.scrollWidth;");
            assertTrue(pageWidth.intValue() <= 375, "the page scrolls sideways: " + pageWidth);
            Map<?, ?> dashboard = (Map<?, ?>) small.js("const d = document.querySelector('#dashboard');"
                    + "return {scroll: d.scrollWidth, client: d.clientWidth};");
            assertTrue(((Number) dashboard.get("scroll")).intValue() <= ((Number) dashboard.get("client")).intValue(),
                    "the dashboard scrolls sideways: " + dashboard);
            @SuppressWarnings("unchecked")
            List<String> outside = (List<String>) small.js("return [...document.querySelectorAll('#dashboard *')]"
                    + ".filter(el => { const r = el.getBoundingClientRect(); return r.width > 0 && (r.right > 375.5 || r.left < -0.5)"
                    + " && !el.closest('.table-wrap'); }).slice(0, 10).map(el => el.tagName + '.' + el.className + ' ' + Math.round(el.getBoundingClientRect().right));");
            assertEquals(List.of(), outside, "elements beyond the screen's edge (only the wide table scrolls, in its own box)");
            assertFalse(small.all("#dashboard [data-indicator]").isEmpty());
            small.screenshot("dashboard-phone");
            assertEquals(List.of(), small.consoleErrors(), "console errors on the phone");
        }
    }
}
