package org.linfenatlas.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.ScriptTimeoutException;

/**
 * The map page on 100,000 synthetic projects (the benchmark's generator and seed): it shows server clusters, zooms
 * to single projects, filters and searches, and never downloads the whole collection. Exclude it with
 * {@code -DexcludedGroups=big}; {@code -Dbig.count=N} changes the size.
 */
@Tag("big")
class BigRegisterIT {
    private static final int COUNT = Integer.getInteger("big.count", 100_000);
    private static final String PLACED = "site,landmark,town,county,city";
    private static final long MAX_BYTES = 2_000_000;
    private static final int MAX_LIMIT = 1000;
    private static final Pattern LIMIT = Pattern.compile("[?&]limit=(\\d+)");
    private static final Duration LOAD = Duration.ofSeconds(60);

    private static Path dir;
    private static RunningJar atlas;
    private static HeadlessChromium.Session browser;
    private static MapPage page;

    @BeforeAll
    static void start() throws Exception {
        HeadlessChromium.requireBrowser();
        dir = Files.createTempDirectory("atlas-big-");
        Path gis = Files.createDirectories(dir.resolve("gis-data"));
        generate(gis);
        atlas = RunningJar.start(Duration.ofMinutes(4), dir.resolve("data"), "--gis-data", gis.toString());
        browser = HeadlessChromium.desktopRecordingNetwork(1280, 800);
        browser.driver().manage().timeouts().pageLoadTimeout(LOAD);
        page = new MapPage(browser.driver(), atlas);
    }

    /** The benchmark's projects (scripts/bench/synthetic-projects.mjs, its seed) with the real counties and rivers. */
    private static void generate(Path gis) throws Exception {
        Path source = Path.of(System.getProperty("gis.data.dir", "../gis-data")).toAbsolutePath().normalize();
        for (String layer : List.of("counties.geojson", "rivers.geojson")) {
            Files.copy(source.resolve(layer), gis.resolve(layer));
        }
        Path script = source.resolveSibling("scripts/bench/synthetic-projects.mjs");
        Process node = new ProcessBuilder("node", script.toString(), Integer.toString(COUNT), "20261122",
                source.resolve("counties.geojson").toString(), gis.resolve("projects.geojson").toString())
                .redirectErrorStream(true).start();
        String out = new String(node.getInputStream().readAllBytes());
        assertTrue(node.waitFor(2, TimeUnit.MINUTES) && node.exitValue() == 0, "node " + script + " failed: " + out);
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (browser != null) {
                browser.close();
            }
            if (atlas != null) {
                atlas.close();
            }
        } finally {
            if (dir != null) {
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }

    /** The requests of the current test so far. */
    private final List<NetworkLog.Request> requests = new ArrayList<>();

    private List<NetworkLog.Request> requests() {
        requests.addAll(NetworkLog.read(browser.driver()));
        return requests;
    }

    @BeforeEach
    void forgetEarlierRequests() {
        NetworkLog.read(browser.driver());
    }

    /** Whatever a test did, the page never asked for more than 1000 projects in one request. */
    @AfterEach
    void noRequestAskedForMoreThanAThousandProjects() {
        assertEquals(List.of(), tooBig(requests()), "requests for more than " + MAX_LIMIT + " projects at once");
    }

    private static List<String> tooBig(List<NetworkLog.Request> requests) {
        return requests.stream().map(NetworkLog.Request::url)
                .filter(u -> u.contains("/api/collections/projects/items") && limit(u) > MAX_LIMIT).toList();
    }

    private static int limit(String url) {
        Matcher m = LIMIT.matcher(url);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /**
     * Opens the page afresh and waits (not asserting) until it says it is ready; returns its html[data-ready]. A page
     * whose main thread is too busy to answer a script counts as not ready yet.
     */
    private static String open(String hash) throws InterruptedException {
        page.driver.get("about:blank");
        page.driver.get(atlas.url("/") + (hash == null ? "" : hash));
        long deadline = System.nanoTime() + LOAD.toNanos();
        String ready = null;
        while (!"true".equals(ready) && System.nanoTime() < deadline) {
            try {
                ready = String.valueOf(page.js("return document.documentElement.dataset.ready || null;"));
            } catch (ScriptTimeoutException busy) {
                continue;
            }
            Thread.sleep(100);
        }
        return ready;
    }

    private static void openReady() throws InterruptedException {
        assertEquals("true", open(null), () -> "html[data-ready] within " + LOAD + "; banner: " + page.text("#banner"));
    }

    /** Waits until no request has been sent for a second (at most 15 s). */
    private void awaitQuiet() throws InterruptedException {
        int last = -1;
        for (int quiet = 0, waited = 0; quiet < 4 && waited < 60; waited++) {
            Thread.sleep(250);
            int now = requests().size();
            quiet = now == last ? quiet + 1 : 0;
            last = now;
        }
    }

    /** The projects the map draws one by one or in clusters (not in the county badges) that also match the query. */
    private static int placed(String query) throws Exception {
        return atlas.projectsMatching((query.isEmpty() ? "" : query + "&") + "precision=" + PLACED
                + "&filter=" + RunningJar.enc("NOT (" + MapPageIT.UNPLACED + ")"));
    }

    @Test
    void firstViewTransfersUnderTwoMegabytesAndNeverTheWholeCollection() throws Exception {
        browser.driver().executeCdpCommand("Network.clearBrowserCache", Map.of());
        String ready = open(null);
        awaitQuiet();
        List<NetworkLog.Request> sent = requests();
        assertEquals(List.of(), tooBig(sent), "requests for more than " + MAX_LIMIT + " projects at once");
        long bytes = sent.stream().mapToLong(NetworkLog.Request::bytes).sum();
        assertTrue(bytes < MAX_BYTES, "first view transferred " + bytes + " bytes in " + sent.size() + " requests");
        assertEquals("true", ready, "html[data-ready]");
    }

    @Test
    void firstViewShowsClustersCountingEveryPlacedProject() throws Exception {
        openReady();
        page.waitFor(d -> page.count(".project-cluster") > 0);
        int placed = placed("");
        page.waitFor(Duration.ofSeconds(30), d -> page.projectsOnMap() == placed);
        assertTrue(page.count(".project-cluster") < 200, "a readable number of clusters: " + page.count(".project-cluster"));
    }

    @Test
    void zoomingIntoACountyShowsSingleProjectsTheApiKnows() throws Exception {
        JsonNode site = atlas.json("/api/collections/projects/items?limit=1&precision=site").path("features").get(0);
        JsonNode lonLat = site.at("/geometry/coordinates");
        openReady();
        page.js("location.hash = arguments[0];", "map=15/" + lonLat.get(1).asDouble() + "/" + lonLat.get(0).asDouble());
        @SuppressWarnings("unchecked")
        List<String> ids = page.waitFor(d -> {
            List<String> found = (List<String>) page.js(
                    "return [...document.querySelectorAll('.project-marker[data-id]')].map(el => el.dataset.id);");
            return found.isEmpty() ? null : found;
        });
        for (String id : ids.subList(0, Math.min(ids.size(), 20))) {
            assertEquals(200, atlas.get("/api/collections/projects/items/" + RunningJar.enc(id)).statusCode(), "project " + id);
        }
    }

    @Test
    void categoryFilterMakesTheMapCountTheCategorysPlacedProjects() throws Exception {
        String category = "energy";
        int expected = placed("category=" + category);
        openReady();
        page.waitFor(d -> page.count(".project-cluster") > 0);
        page.openTab("filters");
        page.find("input[data-facet=category][value=" + category + "]").click();
        page.waitFor(Duration.ofSeconds(30), d -> page.mapSettled() && page.projectsOnMap() == expected);
        assertEquals(List.of(category), page.categoriesOnMap(), "categories still drawn");
    }

    @Test
    void searchSaysHowManyProjectsTheApiMatched() throws Exception {
        String term = "壶口";
        int matched = atlas.projectsMatching("q=" + RunningJar.enc(term));
        assertTrue(matched > 1000, "a term with many matches: " + matched);
        openReady();
        page.find("#search-input").sendKeys(term);
        String count = page.waitFor(Duration.ofSeconds(30), d -> {
            String text = page.text("#search-results .search-count");
            return text.isEmpty() ? null : text;
        });
        assertTrue(count.contains(String.valueOf(matched)), count + " (the API matched " + matched + ")");
    }
}
