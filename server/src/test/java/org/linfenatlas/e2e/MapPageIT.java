package org.linfenatlas.e2e;

import static java.util.stream.Collectors.toSet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/** The map page at 1280×800 against the real jar; expectations come from the same server's API. */
class MapPageIT {
    private static final String CJK = ".*[\\u4e00-\\u9fff].*";
    private static RunningJar atlas;
    private static HeadlessChromium.Session browser;
    private static MapPage page;
    private static List<JsonNode> counties;
    private static List<JsonNode> belts;
    private static List<JsonNode> rivers;
    private static JsonNode stats;
    /** Projects without a position: listed by the API, not drawn. */
    private static int unplaced;
    private static final String PLACED = "site,landmark,town,county,city";

    @BeforeAll
    static void start() throws Exception {
        HeadlessChromium.requireBrowser();
        atlas = RunningJar.startFresh("desktop");
        browser = HeadlessChromium.desktop(1280, 800);
        page = new MapPage(browser.driver(), atlas);
        counties = features("counties");
        belts = features("belts");
        rivers = features("rivers");
        stats = atlas.json("/api/stats");
        unplaced = atlas.projectsMatching("precision=none");
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
    void openFreshPage() {
        page.consoleErrors(); // forget messages from the previous test
        page.open(null);
    }

    /** Whatever a test did on the page, nothing broke the Content-Security-Policy it is served with. */
    @AfterEach
    void nothingViolatedThePolicy() {
        assertEquals(List.of(), page.policyViolations(), "Content-Security-Policy violations");
    }

    @Test
    void pageRunsUnderItsContentSecurityPolicy() {
        Object ran = page.js("const s = document.createElement('script'); s.textContent = 'window.inlineRan = true;';"
                + " document.head.appendChild(s); return window.inlineRan === true;");
        assertEquals(Boolean.FALSE, ran, "an inline script ran");
        List<String> refused = page.waitFor(d -> {
            List<String> v = page.policyViolations();
            return v.isEmpty() ? null : v;
        });
        assertTrue(refused.get(0).contains("script-src 'self'"), refused::toString);
    }

    private static List<JsonNode> features(String collection) throws Exception {
        JsonNode fc = atlas.json("/api/collections/" + collection + "/items?limit=10000");
        return StreamSupport.stream(fc.path("features").spliterator(), false).toList();
    }

    /** Points and areas placed only by county or city: one badge per county (and one for the city), not drawn one by one. */
    static final String UNPLACED = "precision IN ('county','city') AND kind <> 'line'";

    /** The projects drawn one by one or in clusters (not in badges, not without a position) that also match {@code extra}. */
    private static int placed(String extra) {
        try {
            return atlas.projectsMatching("precision=" + PLACED + "&filter=" + RunningJar.enc("NOT (" + UNPLACED + ")") + extra);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The projects drawn on the map: all but those without a position (precision none, geometry null). */
    private static int totalProjects() {
        return stats.path("total").asInt() - unplaced;
    }

    /** The most common category that is not every project (so filtering by it must hide something). */
    private static String aSelectiveCategory() {
        String best = null;
        int bestCount = 0;
        for (JsonNode c : stats.path("categories")) {
            int n = c.path("count").asInt();
            if (n > bestCount && n < totalProjects()) {
                best = c.path("id").asText();
                bestCount = n;
            }
        }
        assertTrue(best != null, "the data needs projects of at least two categories; stats: " + stats);
        return best;
    }

    private void waitForHashToSettle() throws InterruptedException {
        String last = page.hash();
        for (int stable = 0; stable < 4; ) {
            Thread.sleep(150);
            String now = page.hash();
            stable = now.equals(last) ? stable + 1 : 0;
            last = now;
        }
    }

    @Test
    void theMapAsksNoTileOutsideTheProjectsExtent() throws Exception {
        page.waitFor(d -> page.projectsOnMap() == placed(""));
        JsonNode bbox = atlas.json("/api/collections/projects").at("/extent/spatial/bbox/0");
        java.util.regex.Pattern tile = java.util.regex.Pattern.compile("/tiles/WebMercatorQuad/(\\d+)/(\\d+)/(\\d+)\\?");
        List<String> asked = page.requestedUrls().stream().filter(u -> u.contains("/api/collections/projects/tiles/")).toList();
        assertFalse(asked.isEmpty());
        for (String url : asked) {
            java.util.regex.Matcher m = tile.matcher(url);
            assertTrue(m.find(), url);
            int z = Integer.parseInt(m.group(1));
            int row = Integer.parseInt(m.group(2));
            int col = Integer.parseInt(m.group(3));
            double n = Math.pow(2, z);
            double west = col / n * 360 - 180;
            double east = (col + 1) / n * 360 - 180;
            double north = Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * row / n))));
            double south = Math.toDegrees(Math.atan(Math.sinh(Math.PI * (1 - 2 * (row + 1) / n))));
            assertTrue(west <= bbox.get(2).asDouble() && east >= bbox.get(0).asDouble() && south <= bbox.get(3).asDouble()
                    && north >= bbox.get(1).asDouble(), url + " lies outside the projects' extent " + bbox);
        }
    }

    @Test
    void loadsWithoutConsoleErrorsAndRequestsNothingButItsOwnServer() throws IOException {
        List<String> urls = page.requestedUrls();
        List<String> foreign = urls.stream()
                .filter(u -> !u.startsWith(atlas.origin() + "/") && !u.startsWith("data:") && !u.startsWith("blob:"))
                .toList();
        assertEquals(List.of(), foreign, "requests that left the atlas server");
        for (String layer : List.of("counties", "belts", "rivers")) {
            long requests = urls.stream().filter(u -> u.contains("/api/collections/" + layer + "/items")).count();
            assertEquals(1, requests, "requests for layer " + layer);
        }
        assertEquals(List.of(), urls.stream().filter(u -> u.contains("/api/collections/projects/items")).toList(),
                "the map asks for the projects of its view (tiles), never for the collection");
        assertTrue(urls.stream().anyMatch(u -> u.contains("/api/collections/projects/tiles/WebMercatorQuad/")), urls::toString);
        assertEquals(List.of(), page.consoleErrors(), "browser console errors");
        page.screenshot("desktop");
    }

    @Test
    void drawsEveryCountyFilledByItsBeltAndTheThreeBeltOutlines() {
        assertEquals(17, counties.size(), "counties served by the API");
        assertEquals(17, page.count("path.county-shape"));
        Set<String> labels = page.all(".leaflet-tooltip.county-label").stream().map(WebElement::getText).collect(toSet());
        assertEquals(counties.stream().map(c -> c.path("properties").path("name").asText()).collect(toSet()), labels);
        for (String belt : List.of("fen", "yellow", "taiyue")) {
            long members = counties.stream().filter(c -> c.path("properties").path("belt").asText().equals(belt)).count();
            assertEquals(members, page.count("path.county-shape.belt-" + belt), "counties drawn in the colour of " + belt);
            assertEquals(1, page.count("path.belt-outline.belt-" + belt), "outline of belt " + belt);
        }
        assertEquals(3, page.count("path.belt-outline"));
    }

    @Test
    void untickingTheRiversLayerHidesRiversAndTheirLabels() {
        assertFalse(rivers.isEmpty(), "the API serves rivers");
        assertEquals(rivers.size(), page.count("path.river-line"));
        assertEquals(rivers.size(), page.count(".leaflet-tooltip.river-label"));

        page.find("label[for=layer-rivers]").click();
        page.waitFor(d -> page.count("path.river-line") == 0 && page.count(".leaflet-tooltip.river-label") == 0);
        assertFalse(page.find("#layer-rivers").isSelected());
        assertEquals(17, page.count("path.county-shape"), "other layers stay");

        page.find("label[for=layer-rivers]").click();
        page.waitFor(d -> page.count("path.river-line") == rivers.size());
    }

    @Test
    void categoryFilterLeavesOnlyProjectsOfThatCategoryOnTheMap() throws Exception {
        String category = aSelectiveCategory();
        int expected = placed("&category=" + category);
        page.waitFor(d -> page.projectsOnMap() == placed(""));

        page.openTab("filters");
        page.find("input[data-facet=category][value=" + category + "]").click();

        page.waitFor(d -> page.mapSettled() && page.projectsOnMap() == expected);
        assertTrue(expected < placed(""));
        // the summary counts every matching project, also those without a position, which the map leaves out
        assertEquals(String.valueOf(atlas.projectsMatching("category=" + category)), page.find("#filter-summary").getAttribute("data-shown"));
        assertEquals(List.of(category), page.categoriesOnMap(), "categories still drawn");
        assertTrue(page.hash().contains("category=" + category), page.hash());
    }

    /** Each option's count as the filters panel shows it, by "facet/value". */
    @SuppressWarnings("unchecked")
    private static Map<String, String> facetCounts() {
        return (Map<String, String>) page.js("""
                const out = {};
                document.querySelectorAll('.filter-body label.check-row').forEach(l => {
                  const i = l.querySelector('input');
                  out[i.dataset.facet + '/' + i.value] = l.querySelector('.count').textContent;
                });
                return out;""");
    }

    /** The count /api/stats gives an option: the statistics of the projects the other facets' filters select. */
    private static String statsCount(JsonNode stats, String facet, String value) {
        if (facet.equals("status")) {
            return stats.path("statuses").path(value).asText("0");
        }
        String group = Map.of("category", "categories", "belt", "belts", "county", "counties").get(facet);
        String key = facet.equals("county") ? "name" : "id";
        for (JsonNode g : stats.path(group)) {
            if (g.path(key).asText().equals(value)) {
                return g.path("count").asText();
            }
        }
        return "0";
    }

    @Test
    void everyFacetCountIsTheServerCountUnderTheOtherFacetsFilters() throws Exception {
        String category = aSelectiveCategory();
        page.openTab("filters");
        page.find("input[data-facet=category][value=" + category + "]").click();
        page.find("input[data-facet=belt][value=yellow]").click();
        JsonNode both = atlas.json("/api/stats?category=" + category + "&belt=yellow");
        page.waitFor(d -> both.path("total").asText().equals(page.find("#filter-summary").getAttribute("data-shown")));
        Map<String, JsonNode> byFacet = Map.of(
                "category", atlas.json("/api/stats?belt=yellow"),
                "belt", atlas.json("/api/stats?category=" + category),
                "county", both,
                "status", both);
        Map<String, String> expected = new HashMap<>();
        facetCounts().keySet().forEach(key -> {
            String[] fv = key.split("/", 2);
            expected.put(key, statsCount(byFacet.get(fv[0]), fv[0], fv[1]));
        });
        assertEquals(17 + 11 + 3 + 4, expected.size(), "an option per county, category, belt and status");
        page.waitFor(d -> expected.equals(facetCounts()));
        assertEquals(stats.path("total").asText(), page.find("#filter-summary").getAttribute("data-total"));
    }

    @Test
    void projectsKnownOnlyByTheirCountyAreCountedInBadgesNotDrawnAsInventedPoints() throws Exception {
        page.waitFor(d -> page.projectsOnMap() == placed(""));
        assertEquals(0, page.count(".leaflet-marker-pane .project-marker.prec-county, .leaflet-marker-pane .project-marker.prec-city"));
        Map<String, Long> badges = page.waitFor(d -> page.badgeCounts().isEmpty() ? null : page.badgeCounts());
        Map<String, Long> expected = new HashMap<>();
        for (JsonNode county : counties) {
            String name = county.at("/properties/name").asText();
            long n = atlas.projectsMatching("county=" + RunningJar.enc(name) + "&filter=" + RunningJar.enc(UNPLACED));
            if (n > 0) {
                expected.put(name, n);
            }
        }
        expected.put("city", (long) atlas.projectsMatching("filter=" + RunningJar.enc(UNPLACED + " AND precision = 'city'")));
        assertEquals(expected, badges, "each badge counts its county's projects without a known site, as the API does");

        page.find(".unplaced-badge[data-key='吉县']").click();
        page.waitFor(d -> page.count(".unplaced-card") == 1);
        String n = page.find(".unplaced-badge[data-key='吉县'] .ub-count").getText();
        assertTrue(page.text(".unplaced-card .card-title").contains(n), page.text(".unplaced-card .card-title"));
        int listed = atlas.projectsMatching("county=" + RunningJar.enc("吉县") + "&filter=" + RunningJar.enc(UNPLACED));
        page.waitFor(d -> page.count(".unplaced-card .project-list li") == Math.min(40, listed));
        assertEquals(n, String.valueOf(listed), "the list is the server's answer for the badge's projects");

        page.find(".unplaced-card [data-show-approx]").click();
        page.waitFor(d -> page.count(".unplaced-badge") == 0);
        page.waitFor(d -> page.projectsOnMap() == totalProjects());
        assertTrue(page.hash().contains("approx=points"), page.hash());
    }

    private static List<List<Double>> vertices(JsonNode geometry) {
        List<List<Double>> out = new ArrayList<>();
        boolean single = geometry.path("type").asText().equals("LineString");
        for (JsonNode line : single ? List.of(geometry.path("coordinates")) : geometry.path("coordinates")) {
            for (JsonNode p : line) {
                out.add(List.of(p.get(0).asDouble(), p.get(1).asDouble()));
            }
        }
        return out;
    }

    @Test
    void linesCopiedFromARiverAreDrawnAsCorridorsNotInTheStyleOfAnActualCourse() throws Exception {
        Set<List<Double>> river = new HashSet<>();
        for (JsonNode r : rivers) {
            river.addAll(vertices(r.path("geometry")));
        }
        java.util.function.Predicate<JsonNode> alongARiver = f -> {
            if (!f.at("/geometry/type").asText().contains("LineString")) {
                return false;
            }
            List<List<Double>> v = vertices(f.path("geometry"));
            return v.stream().filter(river::contains).count() >= 0.8 * v.size();
        };
        Set<String> inCatalogue = new HashSet<>();
        for (JsonNode f : atlas.json("/api/collections/projects/items?limit=10000").path("features")) {
            if (alongARiver.test(f)) {
                inCatalogue.add(f.path("id").asText());
            }
        }
        assertTrue(inCatalogue.size() > 0, "the catalogue has lines along the rivers");
        // The lines the page's tiles draw one by one (a short one may be inside a cluster at the city's zoom); their
        // vertices are a subset of the line's own (simplified), so the page recognises them all the same.
        Set<String> drawn = new HashSet<>();
        long zoom = Math.round(Double.parseDouble(page.hash().replaceAll(".*map=([^/]*)/.*", "$1")));
        for (String url : page.requestedUrls()) {
            if (url.contains("/api/collections/projects/tiles/WebMercatorQuad/" + zoom + "/")) {
                for (JsonNode f : atlas.json(url.substring(atlas.origin().length())).path("features")) {
                    if (inCatalogue.contains(f.path("id").asText())) {
                        drawn.add(f.path("id").asText());
                    }
                }
            }
        }
        assertFalse(drawn.isEmpty(), "the long corridors are drawn at the city's zoom: " + drawn + " of " + inCatalogue);
        page.waitFor(d -> page.count("path.project-shape.corridor") == drawn.size());
        assertEquals(0L, page.js("return [...document.querySelectorAll('path.project-shape.corridor')]"
                + ".filter(p => p.getAttribute('stroke-dasharray') || Number(p.getAttribute('stroke-width')) < 10).length;"),
                "a corridor is a wide translucent band");
    }

    @Test
    void townsAreLabelledFromCountyZoomOnAndASearchForOneTakesTheMapThere() throws Exception {
        assertEquals(0, page.count(".leaflet-tooltip.place-label"), "no town labels at the city's zoom");
        JsonNode taosi = atlas.json("/api/collections/places/items?q=taosi&limit=5").path("features").get(0);
        String name = taosi.at("/properties/name").asText();

        page.find("#search-input").sendKeys("taosi");
        page.waitFor(d -> page.count("#search-results [role=option][data-type=place]") >= 1);
        page.find("#search-results [role=option][data-type=place]").click();
        page.waitFor(d -> page.all(".leaflet-tooltip.place-label").stream().anyMatch(l -> l.getText().equals(name)));
        String[] view = page.hash().replaceAll(".*map=([^&]*).*", "$1").split("/");
        assertTrue(Double.parseDouble(view[0]) >= 10, "zoomed in to the town: " + page.hash());
        assertEquals(taosi.at("/geometry/coordinates/1").asDouble(), Double.parseDouble(view[1]), 0.01);
        assertEquals(taosi.at("/geometry/coordinates/0").asDouble(), Double.parseDouble(view[2]), 0.01);
    }

    @Test
    void clearFiltersBringsEveryProjectBack() {
        String category = aSelectiveCategory();
        page.openTab("filters");
        page.find("input[data-facet=category][value=" + category + "]").click();
        page.find("input[data-facet=belt][value=yellow]").click();
        page.waitFor(d -> page.projectsOnMap() < placed(""));

        page.find("#filter-clear").click();
        page.waitFor(d -> page.projectsOnMap() == placed(""));
        assertEquals(stats.path("total").asText(), page.find("#filter-summary").getAttribute("data-shown"));
        assertEquals(0, page.all(".facet input:checked").size());
        assertFalse(page.hash().contains("category="), page.hash());
    }

    @Test
    void aProjectWithoutPositionIsFoundAndItsCardOpensWithoutAMarker() throws Exception {
        String id = "agriculture-cluster-cosmetics";
        page.find("#search-input").sendKeys("化妆品集群");
        page.waitFor(d -> page.count("#search-results [role=option][data-id='" + id + "']") == 1);
        page.find("#search-results [role=option][data-id='" + id + "']").click();
        page.waitFor(d -> page.count(".project-card[data-id='" + id + "']") == 1);
        assertEquals("化妆品集群", page.text(".project-card .card-title"));
        assertEquals(placed(""), page.projectsOnMap(), "nothing drawn for it, the map unchanged");
    }

    @Test
    void searchingYongheListsYongheProjectsAndChoosingOneOpensItsCard() throws Exception {
        JsonNode found = atlas.json("/api/collections/projects/items?limit=20&q=yonghe");
        assertTrue(found.path("numberReturned").asInt() > 0, "the server finds projects for q=yonghe");

        page.find("#search-input").sendKeys("yonghe");
        page.waitFor(d -> page.count("#search-results [role=option][data-type=project]") == found.path("numberReturned").asInt());
        WebElement option = page.all("#search-results [role=option][data-type=project]").stream()
                .filter(o -> o.getText().contains("永和")).findFirst()
                .orElseThrow(() -> new AssertionError("no result mentions 永和"));
        String id = option.getAttribute("data-id");
        JsonNode project = atlas.json("/api/collections/projects/items/" + RunningJar.enc(id));

        option.click();
        page.waitFor(d -> page.count(".project-card[data-id='" + id + "']") == 1);
        assertEquals(project.path("properties").path("name").asText(), page.text(".project-card .card-title"));
        String facts = page.text(".project-card .facts");
        for (JsonNode county : project.path("properties").path("counties")) {
            assertTrue(facts.contains(county.asText()), "card lists county " + county + ": " + facts);
        }
        assertTrue(page.text(".project-card").contains(project.path("properties").path("source").asText()), "card shows the source");
        assertTrue(page.hash().contains("sel=project:" + id), page.hash());
        page.screenshot("desktop-project-card");
    }

    @Test
    void searchSaysHowManyMatchedAndShowsAllOfThemInTheDetailPanel() throws Exception {
        JsonNode first = atlas.json("/api/collections/projects/items?limit=20&q=hongtong");
        int total = first.path("numberMatched").asInt();
        assertTrue(total > 20, "more projects than the list shows: " + total);
        List<String> all = new java.util.ArrayList<>();
        atlas.json("/api/collections/projects/items?limit=1000&q=hongtong").path("features").forEach(f -> all.add(f.path("id").asText()));

        WebElement input = page.find("#search-input");
        input.sendKeys("hongtong");
        page.waitFor(d -> page.count("#search-results [role=option][data-type=project]") == 20);
        String count = page.text("#search-results .search-count");
        assertTrue(count.contains(String.valueOf(total)) && count.contains("20"), count);
        assertTrue(page.find("#search-status").getAttribute("textContent").contains(String.valueOf(total)),
                "the live status says how many matched");
        WebElement showAll = page.find("#search-results [role=option][data-type=all]");
        assertTrue(showAll.getText().contains(String.valueOf(total)), showAll.getText());
        page.screenshot("desktop-search-count");

        input.sendKeys(Keys.ARROW_UP); // from nothing chosen, up reaches the last option: show all
        assertEquals(showAll.getAttribute("id"), input.getAttribute("aria-activedescendant"));
        input.sendKeys(Keys.ENTER);
        page.waitFor(d -> page.count(".search-list [data-search-item]") == total);
        List<String> listed = page.all(".search-list [data-search-item]").stream().map(b -> b.getAttribute("data-search-item")).toList();
        assertEquals(all, listed, "every match, in the server's order");
        assertTrue(page.text(".search-list .search-list-count").contains(String.valueOf(total)));
        assertEquals("detail-title", page.js("return document.activeElement.id;"), "focus moves to the list");

        page.find(".search-list [data-search-item='" + all.get(25) + "']").click();
        page.waitFor(d -> page.count(".project-card[data-id='" + all.get(25) + "']") == 1);
        page.find("[data-back-search]").click();
        page.waitFor(d -> page.count(".search-list [data-search-item]") == total);
        page.screenshot("desktop-search-all");
        page.find("#detail [data-close]").click();
        page.waitFor(d -> page.count(".search-list") == 0);
    }

    @Test
    void searchResultsCanBeChosenWithTheKeyboard() {
        WebElement input = page.find("#search-input");
        input.sendKeys("yonghe");
        page.waitFor(d -> page.count("#search-results [role=option]") > 0);
        String first = page.text("#search-results [role=option] .search-name");

        input.sendKeys(Keys.ARROW_DOWN);
        assertEquals("search-opt-0", input.getAttribute("aria-activedescendant"));
        input.sendKeys(Keys.ENTER);

        page.waitFor(d -> page.count("#detail-title") == 1);
        assertEquals(first, page.text("#detail-title"));
        assertEquals("detail-title", page.js("return document.activeElement.id;"), "focus moves to the opened card");
    }

    @Test
    void clickingACountyOpensItsPanelWithItsProjects() throws Exception {
        JsonNode county = counties.stream()
                .max((a, b) -> Integer.compare(projectsIn(a), projectsIn(b))).orElseThrow();
        String name = county.path("properties").path("name").asText();
        int expected = atlas.projectsMatching("county=" + RunningJar.enc(name));

        page.clickVisiblePartOf(page.find("path.county-shape.county-" + county.path("id").asText()));

        page.waitFor(d -> page.count(".place-card[data-type=county]") == 1);
        assertEquals(name, page.text(".place-card .card-title"));
        page.waitFor(d -> String.valueOf(expected).equals(page.text(".place-card .project-count")));
        assertTrue(expected > 40, "the busiest county has more projects than the first page: " + expected);
        page.waitFor(d -> page.count(".place-card .project-list li") == 40);
        page.find(".place-card [data-more]").click(); // the next page from the server
        page.waitFor(d -> page.count(".place-card .project-list li") == Math.min(80, expected));
        String beltId = county.path("properties").path("belt").asText();
        assertTrue(page.count(".place-card .facts [data-select='belt:" + beltId + "']") == 1, "panel names the county's belt");
        assertTrue(page.hash().contains("sel=county:" + county.path("id").asText()), page.hash());
    }

    private static int projectsIn(JsonNode county) {
        String name = county.path("properties").path("name").asText();
        for (JsonNode c : stats.path("counties")) {
            if (c.path("name").asText().equals(name)) {
                return c.path("count").asInt();
            }
        }
        return 0;
    }

    @Test
    void aBundlesCardListsItsChildrenFromTheServerAndAChildLinksBackToIt() throws Exception {
        JsonNode child = atlas.json("/api/collections/projects/items?limit=1&filter=" + RunningJar.enc("parent IS NOT NULL")
                + "&sortby=id").at("/features/0");
        String parent = child.at("/properties/parent").asText();
        Set<String> children = new HashSet<>();
        atlas.json("/api/collections/projects/items?limit=1000&parent=" + RunningJar.enc(parent)).path("features")
                .forEach(f -> children.add(f.path("id").asText()));
        assertTrue(children.size() > 1, parent + " bundles several projects");

        page.open("#sel=project:" + RunningJar.enc(parent));
        page.waitFor(d -> page.count(".card-details .children-slot [data-select^='project:']") == children.size());
        assertEquals(children, page.all(".card-details .children-slot [data-select^='project:']").stream()
                .map(e -> e.getAttribute("data-select").substring("project:".length())).collect(toSet()));

        page.find(".card-details .children-slot [data-select='project:" + child.path("id").asText() + "']").click();
        page.waitFor(d -> page.count(".card-details .parent-slot [data-select='project:" + parent + "']") == 1);
    }

    @Test
    void legendBeltButtonOpensTheBeltPanelWithItsCounties() throws Exception {
        JsonNode yellow = belts.stream().filter(b -> b.path("id").asText().equals("yellow")).findFirst().orElseThrow();
        Set<String> members = new HashSet<>();
        yellow.path("properties").path("counties").forEach(c -> members.add(c.asText()));

        page.find(".legend [data-select='belt:yellow']").click();

        page.waitFor(d -> page.count(".place-card[data-type=belt][data-id=yellow]") == 1);
        assertEquals(yellow.path("properties").path("name").asText(), page.text(".place-card .card-title"));
        Set<String> shown = page.all(".place-card .facts [data-select^='county:']").stream()
                .map(WebElement::getText).collect(toSet());
        assertEquals(members, shown);
        String inYellow = String.valueOf(atlas.projectsMatching("belt=yellow"));
        page.waitFor(d -> inYellow.equals(page.text(".place-card .project-count")));
    }

    @Test
    void statisticsTabShowsTheServerStatisticsPerBeltAndCategory() throws Exception {
        page.openTab("stats");
        page.waitFor(d -> page.count("#stats-total") == 1);
        assertEquals(stats.path("total").asText(), page.text("#stats-total").replaceAll("\\D", ""));
        assertTrue(stats.path("investment_count").asInt() > 0);
        assertEquals(stats.path("investment_count").asText(), page.text("#stats-investment-count").replaceAll("\\D", ""),
                "the stated investment says how few projects state one");

        Map<String, String> shown = new HashMap<>();
        for (WebElement cell : page.all(".stat-table tbody td[data-belt]")) {
            String category = cell.findElement(org.openqa.selenium.By.xpath("..")).getAttribute("data-category");
            shown.put(cell.getAttribute("data-belt") + "/" + category, cell.getText().replace("–", "0"));
        }
        List<String> mismatches = new ArrayList<>();
        for (JsonNode belt : stats.path("belts")) {
            belt.path("categories").fields().forEachRemaining(e -> {
                String key = belt.path("id").asText() + "/" + e.getKey();
                if (!String.valueOf(e.getValue().asInt()).equals(shown.get(key))) {
                    mismatches.add(key + ": api " + e.getValue() + ", page " + shown.get(key));
                }
            });
        }
        assertEquals(List.of(), mismatches);
        JsonNode cityWide = atlas.json("/api/stats?filter=" + RunningJar.enc(
                "belts IS NULL OR NOT A_OVERLAPS(belts, ('fen','yellow','taiyue'))"));
        for (JsonNode c : cityWide.path("categories")) {
            assertEquals(c.path("count").asText(), page.text(".stat-table tr[data-category='" + c.path("id").asText() + "'] td[data-city]")
                    .replace("–", "0"), "the city column is the server's count of projects in no belt: " + c.path("id").asText());
        }
    }

    @Test
    void permalinkRestoresViewLayersFiltersAndSelection() throws Exception {
        String category = aSelectiveCategory();
        page.find("label[for=layer-rivers]").click();
        page.openTab("filters");
        page.find("input[data-facet=category][value=" + category + "]").click();
        page.find("#search-input").sendKeys("yonghe");
        page.waitFor(d -> page.count("#search-results [role=option][data-type=project]") > 0);
        page.find("#search-results [role=option][data-type=project]").click();
        page.waitFor(d -> page.count(".project-card") == 1);
        waitForHashToSettle();
        String hash = page.hash();
        String title = page.text(".project-card .card-title");
        String shown = page.find("#filter-summary").getAttribute("data-shown");
        Object ring = page.js("const r = document.querySelector('.selection-ring, .selection-shape').getBoundingClientRect(); return [Math.round(r.x), Math.round(r.y)];");
        assertTrue(hash.contains("map=") && hash.contains("sel=project:") && hash.contains("category=" + category), hash);

        page.open(hash);
        waitForHashToSettle();

        assertEquals(hash, page.hash(), "the restored page describes the same state");
        assertEquals(title, page.text(".project-card .card-title"));
        assertFalse(page.find("#layer-rivers").isSelected());
        assertEquals(0, page.count("path.river-line"));
        page.openTab("filters");
        assertTrue(page.find("input[data-facet=category][value=" + category + "]").isSelected());
        assertEquals(shown, page.find("#filter-summary").getAttribute("data-shown"));
        assertEquals(ring, page.js("const r = document.querySelector('.selection-ring, .selection-shape').getBoundingClientRect(); return [Math.round(r.x), Math.round(r.y)];"),
                "the selected project is drawn at the same place on screen (same centre and zoom)");
    }

    @Test
    void copyLinkOffersTheCurrentPermalink() {
        page.find("[data-select^='county:']").click();
        page.waitFor(d -> page.hash().contains("sel=county:"));

        page.find("#copy-link").click();
        page.waitFor(d -> page.find("#toast").isDisplayed());
        // Either the clipboard took it, or (no clipboard permission) the link is shown to copy by hand.
        Object offered = page.js("const t = document.getElementById('toast'); const f = t.querySelector('input');"
                + " return t.dataset.copied || (f && f.value) || null;");
        assertEquals(page.driver.getCurrentUrl(), offered);
    }

    @Test
    void englishSwitchTranslatesTheInterfaceAndTheMapLabels() {
        String chineseTitle = page.text("h1");
        page.find("#lang-switch").click();

        page.waitFor(d -> "en".equals(page.js("return document.documentElement.lang;")));
        assertNotEquals(chineseTitle, page.text("h1"));
        assertFalse(page.text("h1").matches(CJK), page.text("h1"));
        for (WebElement tab : page.all("[role=tab]")) {
            assertFalse(tab.getText().matches(CJK), "tab " + tab.getText());
        }
        Set<String> expected = counties.stream()
                .map(c -> c.path("properties").path("name_en").asText().replaceAll(" (County|District|City)$", ""))
                .collect(toSet());
        assertEquals(expected, page.all(".leaflet-tooltip.county-label").stream().map(WebElement::getText).collect(toSet()));
        assertTrue(page.hash().contains("lang=en"), page.hash());

        page.find("#lang-switch").click();
        page.waitFor(d -> "zh-CN".equals(page.js("return document.documentElement.lang;")));
        assertEquals(chineseTitle, page.text("h1"));
    }
}
