package org.linfenatlas.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Pdf;
import org.openqa.selenium.print.PrintOptions;

/**
 * The projects table, its downloads, the filtered statistics and the printed report of a county, in headless
 * Chromium against the real jar.
 */
class ExportsIT {
    private static final String JI_COUNTY = "141028"; // 吉县
    private static RunningJar atlas;
    private static HeadlessChromium.Session browser;
    private static MapPage page;

    @BeforeAll
    static void start() throws Exception {
        HeadlessChromium.requireBrowser();
        atlas = RunningJar.startFresh("exports");
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

    @AfterEach
    void noConsoleErrors() {
        assertEquals(List.of(), page.consoleErrors(), "console errors");
    }

    @Test
    void theTableListsTheFilteredProjectsLinkedToTheMapWithDownloads() throws Exception {
        page.open("#category=energy");
        page.openTab("table");
        long matched = atlas.json("/api/collections/projects/items?limit=1&category=energy").path("numberMatched").asLong();
        page.waitFor(d -> page.count("#tabpanel-table tbody tr") > 0);
        assertEquals(Math.min(50, matched), page.count("#tabpanel-table tbody tr"), "one page of the filtered projects");
        assertTrue(page.text("#table-count").contains(Long.toString(matched)), page.text("#table-count"));

        // sorted by the server: by name descending after a click on the name (ascending by default)
        page.find("#tabpanel-table button.sort[data-column='name']").click();
        page.waitFor(d -> "descending".equals(page.js(
                "return document.querySelector(\"#tabpanel-table th[aria-sort]\")?.getAttribute('aria-sort');")));
        String lastByName = atlas.json("/api/collections/projects/items?limit=1&category=energy&sortby=-name,id").at("/features/0/id").asText();
        page.waitFor(d -> lastByName.equals(page.js("return document.querySelector('#tabpanel-table tbody tr')?.dataset.id;")));
        assertTrue(page.requestedUrls().stream().anyMatch(u -> u.contains("/items?") && u.contains("sortby=-name") && u.contains("skipGeometry=true")),
                "the table asks the server for a page without geometries");

        // a row selects its project; the selection is the highlighted row
        String id = (String) page.js("return document.querySelector('#tabpanel-table tbody tr').dataset.id;");
        page.find("#tabpanel-table tbody tr").click();
        page.waitFor(d -> page.hash().contains("sel=project:" + id));
        page.waitFor(d -> page.count("#tabpanel-table tbody tr.selected[data-id='" + id + "']") == 1);

        // the download links carry the filter, and the CSV holds every matching project
        String href = (String) page.js("return document.querySelector(\"#tabpanel-table a[data-format='csv']\").href;");
        assertTrue(href.contains("category=energy") && href.contains("f=csv"), href);
        HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, csv.statusCode());
        long rows = csv.body().lines().filter(l -> !l.isBlank()).count() - 1;
        assertTrue(rows >= matched, "one row per project at least (a quoted cell may hold a line end): " + rows);
        assertTrue(page.count("#tabpanel-table a[data-format='gpkg']") == 1 && page.count("#tabpanel-table a[data-format='json']") == 1);
    }

    @Test
    void theStatisticsSayWhichFiltersApply() throws Exception {
        page.open("#category=energy");
        page.openTab("stats");
        long matched = atlas.json("/api/collections/projects/items?limit=1&category=energy").path("numberMatched").asLong();
        page.waitFor(Duration.ofSeconds(20), d -> page.count("#stats-total") == 1
                && page.text("#stats-total").replaceAll("\\D", "").equals(Long.toString(matched)));
        assertTrue(page.count("#stats-filters") == 1 && !page.text("#stats-filters").isBlank());
        assertTrue(page.count("#stats-status li") >= 4, "a bar per status");
        JsonNode statuses = atlas.json("/api/stats?category=energy").path("statuses");
        List<String> shown = page.all("#stats-status .stat-value").stream().map(e -> e.getText().replaceAll("\\D", "")).toList();
        List<String> expected = new java.util.ArrayList<>();
        for (String status : List.of("build", "upgrade", "plan", "existing")) {
            expected.add(statuses.path(status).asText());
        }
        assertEquals(expected, shown, "the bars per status are the server's counts of the filtered projects");
        page.find("#stats-shade").click();
        page.waitFor(d -> page.find("#stats-shade").isSelected());
    }

    @Test
    void thePrintedReportOfJiCountyFitsItsTable() throws Exception {
        page.open("#sel=county:" + JI_COUNTY);
        page.waitFor(Duration.ofSeconds(20), d -> page.count("[data-print-place]") == 1);
        page.js("window.print = () => { document.documentElement.dataset.printed = 'yes'; };");
        page.find("[data-print-place]").click();
        page.waitFor(Duration.ofSeconds(20), d -> "yes".equals(page.js("return document.documentElement.dataset.printed || null;")));
        long projects = ((Number) page.js("return document.querySelectorAll('#print-body tbody tr').length;")).longValue();
        long inJi = atlas.json("/api/collections/projects/items?limit=1&county=" + RunningJar.enc("吉县")).path("numberMatched").asLong();
        assertTrue(inJi > 10);
        assertEquals(inJi, projects, "the report lists every project of 吉县 the server has");
        String title = (String) page.js("return document.querySelector('#print-head h1').textContent;"); // not displayed on screen
        assertTrue(title.contains("吉县"), title);
        browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertEquals("none", page.js("return getComputedStyle(document.querySelector('.sidebar')).display;"));
            assertEquals("block", page.js("return getComputedStyle(document.querySelector('#print-body')).display;"));
            // no row cut off: none lies outside an ancestor that clips (overflow other than visible)
            Object clipped = page.js("""
                    const rows = [...document.querySelectorAll('#print-body tr')];
                    const out = [];
                    for (const row of rows) {
                      const r = row.getBoundingClientRect();
                      if (r.height === 0) out.push('hidden ' + row.dataset.id);
                      for (let a = row.parentElement; a && a !== document.documentElement; a = a.parentElement) {
                        const s = getComputedStyle(a);
                        if (s.overflowY !== 'visible' || s.overflowX !== 'visible') {
                          const b = a.getBoundingClientRect();
                          if (r.bottom > b.bottom + 1 || r.right > b.right + 1) out.push(row.dataset.id + ' clipped by ' + a.className);
                        }
                      }
                    }
                    return out.join('; ');""");
            assertEquals("", clipped, "rows clipped in print");
        } finally {
            browser.driver().executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
        PrintOptions options = new PrintOptions();
        options.setPageSize(new org.openqa.selenium.print.PageSize(29.7, 21.0));
        Pdf pdf = browser.driver().print(options);
        byte[] raw = Base64.getDecoder().decode(pdf.getContent());
        java.nio.file.Files.write(java.nio.file.Path.of("target", "exports-report-141028.pdf"), raw); // to look at
        String bytes = new String(raw, StandardCharsets.ISO_8859_1);
        long pages = java.util.regex.Pattern.compile("/Type\\s*/Page[^s]").matcher(bytes).results().count();
        assertTrue(bytes.startsWith("%PDF") && pages >= 1, "a PDF with pages: " + pages);
        assertTrue(pages <= 4, "an A4 report of a county is a few pages: " + pages);
    }
}
