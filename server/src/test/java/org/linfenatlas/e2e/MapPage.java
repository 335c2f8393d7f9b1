package org.linfenatlas.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What the tests do with the map page, in the page's own terms. */
final class MapPage {
    final ChromeDriver driver;
    private final RunningJar atlas;

    MapPage(ChromeDriver driver, RunningJar atlas) {
        this.driver = driver;
        this.atlas = atlas;
    }

    /** Opens the page (with an optional #hash) from a blank page, so that it really reloads, and waits until it is ready. */
    MapPage open(String hash) {
        driver.get("about:blank");
        driver.get(atlas.url("/") + (hash == null ? "" : hash));
        awaitReady();
        return this;
    }

    void awaitReady() {
        String state = waitFor(Duration.ofSeconds(30), d -> {
            Object ready = js("return document.documentElement.dataset.ready || null;");
            return ready == null ? null : ready.toString();
        });
        assertEquals("true", state, "the page did not load all its layers; banner: " + text("#banner"));
        waitFor(Duration.ofSeconds(30), d -> !projectsLoading());
    }

    <T> T waitFor(Function<WebDriver, T> condition) {
        return waitFor(Duration.ofSeconds(15), condition);
    }

    <T> T waitFor(Duration timeout, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(100)).until(condition);
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    int count(String css) {
        return all(css).size();
    }

    String text(String css) {
        List<WebElement> found = all(css);
        return found.isEmpty() ? "" : found.get(0).getText().strip();
    }

    String hash() {
        return (String) js("return location.hash;");
    }

    /** Browser console messages at SEVERE level since the last call (reading empties the buffer). */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    /** Console errors of the page's Content-Security-Policy refusing something, since the last read (which empties the buffer). */
    List<String> policyViolations() {
        return consoleErrors().stream().filter(m -> m.contains("Content Security Policy")).toList();
    }

    /** Every URL the page fetched (document, scripts, styles, images, fonts, XHR/fetch). */
    @SuppressWarnings("unchecked")
    List<String> requestedUrls() {
        return (List<String>) js("return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))"
                + ".map(e => e.name);");
    }

    void openTab(String id) {
        find("#tab-" + id).click();
        waitFor(d -> find("#tabpanel-" + id).isDisplayed());
    }

    /**
     * Projects drawn on the map now, from the server's tiles: single markers + the counts of clusters + lines and
     * areas (one path each). The badges of projects without a known site are counted by {@link #badgeCounts()}.
     */
    long projectsOnMap() {
        return ((Number) js("""
                const markers = document.querySelectorAll('.leaflet-marker-pane .project-marker').length;
                const clustered = [...document.querySelectorAll('.leaflet-marker-pane .project-cluster .cl-count')]
                  .reduce((n, el) => n + Number(el.textContent), 0);
                const shapes = document.querySelectorAll('path.project-shape').length;
                return markers + clustered + shapes;""")).longValue();
    }

    /** The badges of projects without a known site: county name (or "city") → the count it shows. */
    @SuppressWarnings("unchecked")
    java.util.Map<String, Long> badgeCounts() {
        return (java.util.Map<String, Long>) js("""
                return Object.fromEntries([...document.querySelectorAll('.unplaced-badge')]
                  .map(el => [el.dataset.key, Number(el.querySelector('.ub-count').textContent)]));""");
    }

    /** Whether the page is still waiting for tiles of projects. */
    boolean projectsLoading() {
        return Boolean.TRUE.equals(js("return document.documentElement.dataset.projectsLoading === 'true';"));
    }

    /** Neither the projects of the view nor the badges of projects without a known site are being asked. */
    boolean mapSettled() {
        return Boolean.TRUE.equals(js("const d = document.documentElement.dataset; return !d.projectsLoading && !d.badgesLoading;"));
    }

    /** Categories of everything drawn in the projects layer (markers, clusters' members, shapes). */
    @SuppressWarnings("unchecked")
    List<String> categoriesOnMap() {
        return (List<String>) js("""
                const cats = [];
                document.querySelectorAll('.leaflet-marker-pane .project-marker, path.project-shape').forEach(el =>
                  el.classList.forEach(c => { if (c.startsWith('cat-')) cats.push(c.slice(4)); }));
                document.querySelectorAll('.leaflet-marker-pane .project-cluster .cl-ring, .unplaced-badge .ub-ring').forEach(el =>
                  cats.push(...el.dataset.categories.split(',')));
                return [...new Set(cats)];""");
    }

    /**
     * Clicks (with a real pointer) a point of the element, an SVG path, where the element itself is topmost,
     * i.e. where a user would hit it rather than a marker drawn over it.
     */
    void clickVisiblePartOf(WebElement element) {
        @SuppressWarnings("unchecked")
        List<Number> point = (List<Number>) js("""
                const el = arguments[0], r = el.getBoundingClientRect();
                for (let f = 0; f < 0.5; f += 0.04) for (const [sx, sy] of [[1, 1], [-1, 1], [1, -1], [-1, -1], [0, 1], [1, 0], [0, -1], [-1, 0]]) {
                  const x = Math.round(r.left + r.width * (0.5 + sx * f)), y = Math.round(r.top + r.height * (0.5 + sy * f));
                  if (document.elementFromPoint(x, y) === el) return [x, y];
                }
                return null;""", element);
        if (point == null) {
            throw new AssertionError("no visible point of the element to click");
        }
        new Actions(driver).moveToLocation(point.get(0).intValue(), point.get(1).intValue()).click().perform();
    }

    void screenshot(String name) throws IOException {
        Path dir = Path.of(System.getProperty("atlas.jar", "target/linfen-atlas.jar")).toAbsolutePath().getParent().resolve("screenshots");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
    }
}
