package org.linfenatlas.e2e;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The system chromium driven by the system chromedriver: Selenium Manager is never asked to find or
 * download anything. Without a browser the tests are skipped, unless {@code browser.required=true} (CI).
 */
final class HeadlessChromium {
    static final String CHROMIUM = System.getProperty("chromium.binary", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getProperty("chromedriver.binary", "/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    /** Skips (or, when browser.required=true, fails) the calling test class if chromium or chromedriver is missing. */
    static void requireBrowser() {
        boolean present = Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
        String message = "browser tests need " + CHROMIUM + " and " + CHROMEDRIVER;
        if (!present && Boolean.getBoolean("browser.required")) {
            fail(message + " (browser.required=true)");
        }
        if (!present) {
            message += "; skipping the browser tests (set -Dbrowser.required=true to make this a failure)";
            System.err.println("[WARNING] " + message);
            Assumptions.abort(message);
        }
    }

    /** A desktop window of the given size. */
    static Session desktop(int width, int height) throws IOException {
        ChromeOptions options = base();
        options.addArguments("--window-size=" + width + "," + height);
        Session session = start(options);
        // The headless window reserves room for browser chrome; make the page's viewport exactly width×height.
        session.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        return session;
    }

    /** A desktop window whose DevTools network events chromedriver records in its "performance" log ({@link NetworkLog}). */
    static Session desktopRecordingNetwork(int width, int height) throws IOException {
        ChromeOptions options = base();
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        options.addArguments("--window-size=" + width + "," + height);
        Session session = start(options);
        session.driver().executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
        return session;
    }

    /** A phone: narrow viewport, touch, device pixel ratio 2. */
    static Session phone(int width, int height) throws IOException {
        ChromeOptions options = base();
        options.addArguments("--window-size=" + width + "," + height);
        options.setExperimentalOption("mobileEmulation",
                Map.of("deviceMetrics", Map.of("width", width, "height", height, "pixelRatio", 2.0, "touch", true)));
        return start(options);
    }

    private static ChromeOptions base() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--disable-extensions", "--hide-scrollbars", "--lang=zh-CN");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        return options;
    }

    private static Session start(ChromeOptions options) throws IOException {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        Path profile = Files.createTempDirectory("atlas-chromium-");
        options.addArguments("--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        return new Session(driver, profile);
    }

    record Session(ChromeDriver driver, Path profile) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            try {
                driver.quit();
            } finally {
                try (Stream<Path> files = Files.walk(profile)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                } catch (IOException ignored) {
                    // chromium may still be writing its profile while it exits; the directory is in /tmp
                }
            }
        }
    }
}
