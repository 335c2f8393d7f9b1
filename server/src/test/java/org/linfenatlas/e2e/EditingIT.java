package org.linfenatlas.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * A county editor of 吉县 maintains projects in the map page, in headless Chromium against the real jar.
 * Users are made with the documented CLI before the server starts; every expectation is checked against the API.
 */
class EditingIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EDITOR = "jixian";
    private static final String PASSWORD = "a-long-editor-password";
    private static final String ADMIN = "city-admin";
    private static final String ADMIN_PASSWORD = "a-long-admin-password";
    /** Chromium logs every refused fetch; the refusals these tests provoke on purpose are not page errors. */
    private static final String EXPECTED_REFUSAL = "the server responded with a status of (403|412|422)";

    private static Path dataDir;
    private static RunningJar atlas;
    private static HeadlessChromium.Session browser;
    private static MapPage page;
    private static EditorPage editor;
    private static String token;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        HeadlessChromium.requireBrowser();
        dataDir = Files.createTempDirectory("atlas-editing-");
        RunningJar.command(dataDir, PASSWORD + "\n", "users", "add", EDITOR, "--role", "editor", "--counties", "吉县");
        RunningJar.command(dataDir, ADMIN_PASSWORD + "\n", "users", "add", ADMIN, "--role", "admin");
        String out = RunningJar.command(dataDir, "", "tokens", "create", ADMIN).strip();
        token = out.substring(out.lastIndexOf('\n') + 1).strip();
        atlas = RunningJar.start(dataDir);
        browser = HeadlessChromium.desktop(1280, 800);
        page = new MapPage(browser.driver(), atlas);
        editor = new EditorPage(page);
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
        page.consoleErrors();
        page.open(null);
    }

    @AfterEach
    void noConsoleErrors() {
        List<String> errors = page.consoleErrors().stream().filter(m -> !m.matches(".*" + EXPECTED_REFUSAL + ".*")).toList();
        assertEquals(List.of(), errors, "console errors");
    }

    private static List<JsonNode> projects() throws Exception {
        JsonNode fc = atlas.json("/api/collections/projects/items?limit=10000");
        return StreamSupport.stream(fc.path("features").spliterator(), false).toList();
    }

    /** Point projects of 吉县 alone, the most isolated first (so that at street zoom no cluster hides them). */
    private static List<JsonNode> jixianPoints() throws Exception {
        List<JsonNode> all = projects();
        List<JsonNode> points = new ArrayList<>(all.stream()
                .filter(f -> f.path("geometry").path("type").asText().equals("Point"))
                .filter(f -> f.path("properties").path("counties").toString().equals("[\"吉县\"]")).toList());
        points.sort(Comparator.comparingDouble((JsonNode f) -> -nearestOther(f, all)));
        return points;
    }

    private static double nearestOther(JsonNode f, List<JsonNode> all) {
        double best = Double.MAX_VALUE;
        for (JsonNode o : all) {
            if (o == f || !o.path("geometry").path("type").asText().equals("Point")) {
                continue;
            }
            double dx = o.at("/geometry/coordinates/0").asDouble() - f.at("/geometry/coordinates/0").asDouble();
            double dy = o.at("/geometry/coordinates/1").asDouble() - f.at("/geometry/coordinates/1").asDouble();
            best = Math.min(best, Math.hypot(dx, dy));
        }
        return best;
    }

    private static JsonNode item(String id) throws Exception {
        return atlas.json("/api/collections/projects/items/" + RunningJar.enc(id));
    }

    private static JsonNode history(String id) throws Exception {
        return atlas.json("/api/collections/projects/items/" + RunningJar.enc(id) + "/history");
    }

    private static String id(JsonNode f) {
        return f.path("id").asText();
    }

    /** A change made by the admin's API token, as another person would make it meanwhile. */
    private static int patchAsAdmin(String id, String patch) throws Exception {
        String path = "/api/collections/projects/items/" + RunningJar.enc(id);
        String etag = atlas.get(path).headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(atlas.url(path)))
                .method("PATCH", HttpRequest.BodyPublishers.ofString(patch))
                .header("Content-Type", "application/merge-patch+json").header("If-Match", etag)
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }

    private Rectangle markerRect(String id) {
        return page.waitFor(d -> page.count(".project-marker[data-id='" + id + "']") == 1
                ? page.find(".project-marker[data-id='" + id + "']").getRect() : null);
    }

    @Test
    void editorOfJixianMovesAProjectSavesAndAfterReloadTheApiMapAndHistoryHaveTheMove() throws Exception {
        JsonNode project = jixianPoints().get(0);
        String id = id(project);
        double lon = project.at("/geometry/coordinates/0").asDouble();
        double lat = project.at("/geometry/coordinates/1").asDouble();
        // approx=points: a project known only by its county is drawn at its approximate spot, to be dragged from there
        String view = String.format(java.util.Locale.ROOT, "#map=15/%.5f/%.5f&approx=points&sel=project:%s", lat, lon, RunningJar.enc(id));
        page.open(view);
        editor.signIn(EDITOR, PASSWORD);
        editor.awaitCard(id);
        Rectangle before = markerRect(id);

        editor.edit();
        WebElement handle = page.waitFor(d -> page.count(".edit-marker") == 1 ? page.find(".edit-marker") : null);
        new Actions(page.driver).clickAndHold(handle).moveByOffset(30, 10).moveByOffset(30, 10).release().perform();
        page.waitFor(d -> "true".equals(page.find(".geometry-editor").getDomAttribute("data-moved")));
        page.screenshot("editing-move");
        editor.saveAndWait(id);

        JsonNode saved = item(id);
        assertNotEquals(lon, saved.at("/geometry/coordinates/0").asDouble(), "longitude moved");
        assertTrue(saved.at("/geometry/coordinates/1").asDouble() < lat, "dragged down: latitude is smaller");
        assertEquals("site", saved.at("/properties/precision").asText(), "a position set on the map is a site");
        assertTrue(saved.at("/properties/place_basis").asText().contains(EDITOR), saved.at("/properties/place_basis").asText());

        page.open(view);
        Rectangle after = markerRect(id);
        assertEquals(before.getX() + 60, after.getX(), 2, "the marker is drawn where it was dragged to (x)");
        assertEquals(before.getY() + 20, after.getY(), 2, "the marker is drawn where it was dragged to (y)");

        JsonNode entry = history(id).path("entries").get(0);
        assertEquals("update", entry.path("operation").asText());
        assertTrue(entry.path("changes").toString().contains("\"geometry\""), entry.toString());
        page.find(".project-card [data-card-tab=history]").click();
        page.waitFor(d -> page.count(".history-entry[data-operation=update] [data-property=geometry]") == 1);
        page.screenshot("editing-history");
    }

    @Test
    void editorSeesNoEditControlOnAnotherCountysProjectAndTheServerRefusesAHandMadeRequest() throws Exception {
        JsonNode xiangning = projects().stream()
                .filter(f -> f.path("properties").path("counties").toString().equals("[\"乡宁县\"]")).findFirst().orElseThrow();
        String id = id(xiangning);
        editor.signIn(EDITOR, PASSWORD);
        editor.openProject(id);
        assertEquals(1, page.count("[data-account]"), "still signed in after the reload");
        assertEquals(0, page.count(".project-card [data-edit]"), "no edit button");
        assertEquals(0, page.count(".project-card [data-delete]"), "no delete button");

        Object status = browser.driver().executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const url = 'api/collections/projects/items/' + encodeURIComponent(arguments[0]);
                const csrf = document.cookie.split('; ').find(c => c.startsWith('atlas_csrf=')).slice(11);
                fetch(url).then(r => fetch(url, { method: 'PATCH', headers: {
                    'Content-Type': 'application/merge-patch+json', 'If-Match': r.headers.get('ETag'), 'X-CSRF-Token': csrf },
                    body: JSON.stringify({ properties: { name_en: 'hijacked' } }) }))
                  .then(r => done(r.status), e => done(String(e)));""", id);
        assertEquals(403L, status);
        assertEquals(xiangning.at("/properties/name_en").asText(), item(id).at("/properties/name_en").asText());
    }

    @Test
    void secondOfTwoConcurrentEditorsSeesTheConflictFieldByFieldAndReappliesOnTop() throws Exception {
        String id = id(jixianPoints().get(1));
        editor.signIn(EDITOR, PASSWORD);
        editor.openProject(id).edit().type("progress_zh", "征地已完成");

        assertEquals(200, patchAsAdmin(id, "{\"properties\":{\"name_en\":\"Changed meanwhile\"}}"), "the other person's save");
        editor.save();
        page.waitFor(d -> editor.isDisplayed(".conflict"));
        assertEquals(1, page.count(".conflict tr[data-field=name_en] td.changed"), "their change is listed");
        assertTrue(page.text(".conflict tr[data-field=name_en]").contains("Changed meanwhile"));
        assertTrue(page.text(".conflict tr[data-field=progress_zh]").contains("征地已完成"), "my change is listed");
        assertTrue(page.text(".conflict").contains(ADMIN), "names who changed it");
        page.screenshot("editing-conflict");

        page.find(".conflict [data-reapply]").click();
        page.waitFor(d -> !editor.isDisplayed(".conflict"));
        assertEquals("Changed meanwhile", editor.field("name_en").getDomProperty("value"), "the form now holds their version");
        editor.saveAndWait(id);

        JsonNode saved = item(id);
        assertEquals("Changed meanwhile", saved.at("/properties/name_en").asText(), "their change kept");
        assertEquals("征地已完成", saved.at("/properties/progress_zh").asText(), "my change applied on top");
    }

    @Test
    void refusedValuesAreShownNextToTheirFieldsAndNothingIsStored() throws Exception {
        String id = id(jixianPoints().get(2));
        JsonNode before = item(id);
        editor.signIn(EDITOR, PASSWORD);
        editor.openProject(id).edit().type("completion_year", "2300").type("investment_planned_yi_yuan", "12.5");
        editor.save();
        page.waitFor(d -> !editor.fieldError("completion_year").isEmpty());
        page.screenshot("editing-422");
        assertTrue(editor.fieldError("completion_year").contains("2100"), editor.fieldError("completion_year"));
        assertEquals("true", editor.field("completion_year").getDomAttribute("aria-invalid"));
        assertEquals("", editor.fieldError("investment_planned_yi_yuan"), "a valid field has no error");
        assertEquals(before.path("properties"), item(id).path("properties"), "nothing was stored");
    }

    @Test
    void aFieldCanBeEditedAndSavedWithTheKeyboardAlone() throws Exception {
        String id = id(jixianPoints().get(3));
        editor.signIn(EDITOR, PASSWORD);
        editor.openProject(id);
        page.find(".project-card [data-edit]").sendKeys(Keys.ENTER);
        page.waitFor(d -> page.count(".project-editor") == 1);
        for (int i = 0; i < 60 && !"progress_en".equals(page.js("return document.activeElement.name || null;")); i++) {
            page.driver.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        assertEquals("progress_en", page.js("return document.activeElement.name;"), "reached the field with Tab");
        page.driver.switchTo().activeElement().sendKeys("Land acquired");
        for (int i = 0; i < 80 && page.js("return document.activeElement.dataset.save === undefined;") == Boolean.TRUE; i++) {
            page.driver.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        page.driver.switchTo().activeElement().sendKeys(Keys.ENTER);
        page.waitFor(Duration.ofSeconds(15), d -> page.count(".project-editor") == 0);
        assertEquals("Land acquired", item(id).at("/properties/progress_en").asText());
    }

    @Test
    void textAUserTypedIsShownAsTextAndRunsNothing() throws Exception {
        String id = id(jixianPoints().get(4));
        String script = "<img src=x onerror=alert(1)>";
        assertEquals(200, patchAsAdmin(id, "{\"properties\":{\"summary_zh\":\"" + script + "\",\"name\":\"" + script + "\"}}"));
        editor.openProject(id);
        assertEquals(script, page.text(".project-card .summary"));
        assertEquals(script, page.text(".project-card .card-title"));
        page.find(".project-card [data-card-tab=history]").click();
        page.waitFor(d -> page.count(".history-entry") >= 1);
        assertTrue(page.text(".history").contains(script), "the history shows it as text");
        assertEquals(0L, page.js("return document.querySelectorAll('#detail img, .leaflet-tooltip img').length;"));
        assertFalse(hasAlert(), "no script ran");
    }

    @Test
    void theMapPageIsServedUnderAStrictContentSecurityPolicy() throws Exception {
        String csp = atlas.get("/").headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(csp.contains("script-src 'self'"), csp);
        editor.signIn(EDITOR, PASSWORD);
        editor.openProject(id(jixianPoints().get(5))).edit();
        assertEquals(1, page.count(".project-editor"), "the editor works under the policy");
    }

    @Test
    void myProjectsAreThoseWhollyInTheEditorsCountiesAsTheServerPagesThem() throws Exception {
        List<JsonNode> jixianOnly = projects().stream()
                .filter(f -> f.path("properties").path("counties").toString().equals("[\"吉县\"]")).toList();
        long needPosition = jixianOnly.stream()
                .filter(f -> List.of("county", "city", "none").contains(f.at("/properties/precision").asText())).count();
        assertTrue(needPosition > 0 && needPosition < jixianOnly.size());
        editor.signIn(EDITOR, PASSWORD);
        page.openTab("mine");
        page.waitFor(d -> String.valueOf(jixianOnly.size()).equals(page.js("return document.querySelector('.mine-count')?.dataset.n || null;")));
        assertEquals(Math.min(50, jixianOnly.size()), page.count(".mine-table tbody tr"));

        page.find("#tabpanel-mine .mine-filters input[type=checkbox]").click();
        page.waitFor(d -> String.valueOf(needPosition).equals(page.js("return document.querySelector('.mine-count')?.dataset.n || null;")));
        page.waitFor(d -> page.count(".mine-table tbody tr") == Math.min(50, needPosition));
        assertEquals(page.count(".mine-table tbody tr"), page.count(".mine-table tbody tr .needs-position"), "every row needs a position");
        assertTrue(page.requestedUrls().stream().anyMatch(u -> u.contains("precision=county%2Ccity%2Cnone") && u.contains("skipGeometry=true")),
                "the server narrows the list, without geometries");
    }

    @Test
    void adminDeletesAfterConfirmingByNameAndRestoresFromTheDeletedList() throws Exception {
        JsonNode project = jixianPoints().get(6);
        String id = id(project);
        String name = project.at("/properties/name").asText();
        editor.signIn(ADMIN, ADMIN_PASSWORD);
        editor.openProject(id);
        page.find(".project-card [data-delete]").click();
        page.waitFor(d -> page.count("dialog.confirm-dialog[open]") == 1);
        assertTrue(page.text("dialog.confirm-dialog").contains(name), "the confirmation names the project");
        page.find("dialog.confirm-dialog [data-confirm]").click();
        page.waitFor(d -> page.count(".project-card") == 0);
        assertEquals(404, atlas.get("/api/collections/projects/items/" + RunningJar.enc(id)).statusCode());

        page.openTab("mine");
        page.waitFor(d -> page.count(".deleted-list [data-restore='" + id + "']") == 1);
        page.screenshot("editing-my-projects");
        page.find(".deleted-list [data-restore='" + id + "']").click();
        editor.awaitCard(id);
        assertEquals(name, item(id).at("/properties/name").asText());
        assertEquals("restore", history(id).path("entries").get(0).path("operation").asText());
    }

    @Test
    void onA375PixelPhoneTheFormFitsTheScreenAndSaves() throws Exception {
        String id = id(jixianPoints().get(7));
        try (HeadlessChromium.Session phone = HeadlessChromium.phone(375, 740)) {
            MapPage small = new MapPage(phone.driver(), atlas);
            EditorPage phoneEditor = new EditorPage(small);
            small.open(null);
            phoneEditor.signIn(EDITOR, PASSWORD);
            phoneEditor.openProject(id).edit();
            assertEquals(375L, small.js("return document.documentElement.scrollWidth;"), "no sideways scrolling");
            @SuppressWarnings("unchecked")
            List<Number> rights = (List<Number>) small.js(
                    "return [...document.querySelectorAll('.project-editor input, .project-editor select, .project-editor textarea, .project-editor .btn')]"
                    + ".filter(e => e.offsetParent).map(e => e.getBoundingClientRect().right);");
            assertFalse(rights.isEmpty());
            assertTrue(rights.stream().allMatch(r -> r.doubleValue() <= 375.5), "every control inside the screen: " + rights);
            WebElement summary = phoneEditor.field("summary_en");
            small.js("arguments[0].scrollIntoView({block: 'center'});", summary);
            summary.clear();
            summary.sendKeys("Edited on a phone");
            small.screenshot("editing-phone");
            Rectangle save = small.find(".project-editor [data-save]").getRect();
            assertTrue(save.getY() + save.getHeight() <= 740 && save.getY() >= 0, "Save stays in view while scrolling: " + save);
            phoneEditor.saveAndWait(id);
            assertEquals("Edited on a phone", item(id).at("/properties/summary_en").asText());
            List<String> errors = small.consoleErrors();
            assertEquals(List.of(), errors, "console errors on the phone");
        }
    }

    @Test
    void editorAddsAProjectByClickingItsSpotInTheCountyAndFillingTheForm() throws Exception {
        JsonNode jixian = StreamSupport.stream(atlas.json("/api/collections/counties/items").path("features").spliterator(), false)
                .filter(c -> c.at("/properties/name").asText().equals("吉县")).findFirst().orElseThrow();
        JsonNode seat = jixian.at("/properties/seat");
        page.open(String.format(java.util.Locale.ROOT, "#map=13/%.5f/%.5f", seat.get(1).asDouble(), seat.get(0).asDouble()));
        editor.signIn(EDITOR, PASSWORD);
        page.find("[data-add-project]").click();
        new Actions(page.driver).moveToElement(page.find("#map"), 90, 90).click().perform();
        page.waitFor(d -> page.count(".project-editor") == 1);
        editor.type("name", "吉县新建游客服务中心").type("name_en", "Jixian visitor centre");
        page.driver.findElement(org.openqa.selenium.By.cssSelector(".project-editor [name=category] option[value=culture_tourism]")).click();
        editor.save();
        page.waitFor(Duration.ofSeconds(15), d -> page.count(".project-editor") == 0 && page.count(".project-card") == 1);
        String id = (String) page.js("return document.querySelector('.project-card').dataset.id;");
        JsonNode created = item(id);
        assertEquals("吉县新建游客服务中心", created.at("/properties/name").asText());
        assertEquals("[\"吉县\"]", created.at("/properties/counties").toString(), "placed in the county clicked");
        assertEquals("culture_tourism", created.at("/properties/category").asText());
        assertEquals("create", history(id).path("entries").get(0).path("operation").asText());
        page.open(String.format(java.util.Locale.ROOT, "#map=15/%.5f/%.5f", created.at("/geometry/coordinates/1").asDouble(),
                created.at("/geometry/coordinates/0").asDouble()));
        markerRect(id); // waits for its own marker
    }

    private boolean hasAlert() {
        try {
            page.driver.switchTo().alert();
            return true;
        } catch (NoAlertPresentException e) {
            return false;
        }
    }
}
