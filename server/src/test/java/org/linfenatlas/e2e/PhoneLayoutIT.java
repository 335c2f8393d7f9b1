package org.linfenatlas.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/** The map page on a 375×740 touch screen. */
class PhoneLayoutIT {
    private static final int WIDTH = 375;
    private static final int HEIGHT = 740;
    private static RunningJar atlas;
    private static HeadlessChromium.Session browser;
    private static MapPage page;

    @BeforeAll
    static void start() throws Exception {
        HeadlessChromium.requireBrowser();
        atlas = RunningJar.startFresh("phone");
        browser = HeadlessChromium.phone(WIDTH, HEIGHT);
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
    void openFreshPage() {
        page.open(null);
    }

    /** Whatever a test did on the page, nothing broke the Content-Security-Policy it is served with. */
    @AfterEach
    void nothingViolatedThePolicy() {
        assertEquals(List.of(), page.policyViolations(), "Content-Security-Policy violations");
    }

    private boolean drawerOpen() {
        return page.find("#sidebar").isDisplayed() && page.find("#sidebar").getRect().getX() >= 0;
    }

    @Test
    void mapTakesTheWholeWidthAndMostOfTheHeightWithPanelsTuckedAway() throws IOException {
        assertEquals(WIDTH, ((Number) page.js("return window.innerWidth;")).intValue(), "viewport width");
        Rectangle map = page.find("#map").getRect();
        assertEquals(WIDTH, map.getWidth());
        assertTrue(map.getHeight() >= HEIGHT * 0.6, "map height " + map.getHeight());
        assertFalse(page.find("#sidebar").isDisplayed(), "the side panel starts closed");
        assertEquals(17, page.count("path.county-shape"));
        assertTrue(page.find("#drawer-toggle").isDisplayed());
        page.screenshot("phone");
    }

    @Test
    void drawerToggleOpensThePanelsAndTappingTheMapAreaClosesThem() throws IOException {
        WebElement toggle = page.find("#drawer-toggle");
        assertEquals("false", toggle.getAttribute("aria-expanded"));

        toggle.click();
        page.waitFor(d -> drawerOpen());
        assertEquals("true", toggle.getAttribute("aria-expanded"));
        page.screenshot("phone-drawer");

        page.find("label[for=layer-rivers]").click();
        page.waitFor(d -> page.count("path.river-line") == 0);

        new Actions(page.driver).moveToLocation(WIDTH - 10, HEIGHT / 2).click().perform();
        page.waitFor(d -> !page.find("#sidebar").isDisplayed());
        assertEquals("false", toggle.getAttribute("aria-expanded"));
    }

    @Test
    void everyControlIsAtLeastFortyPixelsForFingers() {
        page.find("#drawer-toggle").click();
        page.waitFor(d -> drawerOpen());

        @SuppressWarnings("unchecked")
        List<String> small = (List<String>) page.js("""
                const targets = document.querySelectorAll(
                  '.app-header button, #search-input, [role=tab], .check-row, #sidebar button, .leaflet-control-zoom a, .leaflet-marker-icon');
                const small = [];
                for (const el of targets) {
                  const r = el.getBoundingClientRect();
                  const onScreen = r.width > 0 && r.height > 0 && r.right > 0 && r.left < innerWidth && r.bottom > 0 && r.top < innerHeight;
                  if (!onScreen || getComputedStyle(el).visibility === 'hidden') continue;
                  if (r.height < 40 || r.width < 40) small.push(el.className + ' "' + el.textContent.trim().slice(0, 20) + '" ' + Math.round(r.width) + 'x' + Math.round(r.height));
                }
                return small;""");
        assertEquals(List.of(), small, "touch targets under 40 px");
    }

    @Test
    void aChosenCountyOpensAsABottomSheetThatLeavesTheMapVisible() throws IOException {
        page.find("#search-input").sendKeys("yonghe");
        page.waitFor(d -> page.count("#search-results [role=option][data-type=county]") > 0);
        page.find("#search-results [role=option][data-type=county]").click();

        page.waitFor(d -> page.count(".place-card[data-type=county]") == 1);
        Rectangle sheet = page.find("#detail").getRect();
        Rectangle map = page.find("#map").getRect();
        assertEquals(WIDTH, sheet.getWidth());
        assertEquals(HEIGHT, sheet.getY() + sheet.getHeight(), 1, "the sheet sits on the bottom edge");
        assertTrue(sheet.getHeight() <= HEIGHT * 0.6, "sheet height " + sheet.getHeight());
        assertTrue(sheet.getY() - map.getY() >= 200, "at least 200 px of map stay visible above the sheet");
        page.screenshot("phone-county");

        page.find("#detail [data-close]").click();
        page.waitFor(d -> !page.find("#detail").isDisplayed());
    }
}
