package org.linfenatlas.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.ScriptTimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * The map page measured in headless Chromium through the DevTools protocol (scripts/bench-page.sh starts the
 * servers and runs this). Every run is a new browser with a new profile, so the cache is cold. Per target:
 * <ul>
 * <li>desktop 1280×800: bytes transferred (encodedDataLength of every http request's Network.loadingFinished event,
 * headers included, from chromedriver's performance log, so also known while the page is busy) and requests sent,
 * once the page is ready and quiet (or at the timeout); times from navigation to {@code html[data-ready=true]}, to the county outlines
 * and to the first projects drawn (the page's {@code performance.mark('atlas:counties'|'atlas:projects')} when it
 * sets them, else the first animation frame after the first {@code .project-marker, .project-cluster} or county
 * path entered the DOM); main-thread time of {@code map.panBy([300, 0])} and of {@code map.zoomIn()} as the delta
 * of {@code Performance.getMetrics} TaskDuration from before the action until the page settled (no DOM change and
 * no new resource for 500 ms; the polling adds well under 1 ms); the JS heap used ({@code JSHeapUsedSize}) and the
 * proportional set size of the page's renderer process (and of all chromium processes) after the first view;</li>
 * <li>a Slow-4G phone: 412×915, 150 ms latency, 200,000 B/s down, 93,750 B/s up, CPU slowed 4×: times to the
 * county outlines and to the first projects.</li>
 * </ul>
 * Medians of {@code --runs} runs; a run that exceeds {@code --timeout} seconds is reported as such and ends that
 * measurement's further runs.
 * <pre>PageBenchmark --target LABEL=URL [--target LABEL=URL …] [--runs 3] [--timeout 90] [--json FILE]</pre>
 */
public final class PageBenchmark {
    /** Injected before any page script: records when things first appear, and finds Leaflet's map. */
    private static final String INSTRUMENT = """
            (() => {
              try { performance.setResourceTimingBufferSize(100000); } catch (e) {}
              const b = window.__atlasBench = { counties: null, projects: null, ready: null, map: null };
              const when = (key) => {
                if (b[key] !== null || b['pending_' + key]) return;
                b['pending_' + key] = true;
                requestAnimationFrame(() => { b[key] = performance.now(); });
              };
              const look = () => {
                if (b.counties === null && document.querySelector('.leaflet-counties-pane path, path.county-shape')) when('counties');
                if (b.projects === null && document.querySelector('.project-marker, .project-cluster')) when('projects');
                if (b.ready === null && document.documentElement.dataset.ready === 'true') b.ready = performance.now();
              };
              const observer = new MutationObserver(() => {
                look();
                if (b.counties !== null && b.projects !== null && b.ready !== null) observer.disconnect();
              });
              observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-ready'] });
              let realL;
              Object.defineProperty(window, 'L', { configurable: true, enumerable: true, get: () => realL, set: (v) => {
                realL = v;
                try { v.Map.addInitHook(function () { if (!b.map) b.map = this; }); } catch (e) {}
              } });
              b.mark = (name) => { const m = performance.getEntriesByName(name, 'mark')[0]; return m ? m.startTime : null; };
              b.entries = () => performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'));
              b.bytes = () => b.entries().reduce((n, e) => n + (e.transferSize || 0), 0);
              b.settle = (quietMs, capMs) => new Promise((resolve) => {
                const t0 = performance.now();
                let last = t0;
                const touch = () => { last = performance.now(); };
                const mo = new MutationObserver(touch);
                mo.observe(document.documentElement, { childList: true, subtree: true, attributes: true, characterData: true });
                const po = new PerformanceObserver(touch);
                po.observe({ type: 'resource' });
                const tick = () => {
                  const now = performance.now();
                  if (now - last >= quietMs || now - t0 > capMs) {
                    mo.disconnect(); po.disconnect();
                    resolve({ ms: last - t0, capped: now - t0 > capMs });
                  } else setTimeout(tick, 50);
                };
                setTimeout(tick, 50);
              });
            })();
            """;

    /**
     * Waits (in the page) until ready and the first projects are drawn, or until the deadline (ms after navigation
     * start), then until quiet. A main thread busy past the deadline ends in the driver's script timeout instead.
     */
    private static final String FIRST_VIEW = """
            const [timeoutMs, done] = [arguments[0], arguments[arguments.length - 1]];
            const b = window.__atlasBench;
            const poll = () => {
              const drawn = b.mark('atlas:projects') !== null || b.projects !== null;
              const ready = document.documentElement.dataset.ready === 'true';
              if ((drawn && ready) || performance.now() > timeoutMs) {
                const complete = drawn && ready;
                (complete ? b.settle(1000, 10000) : Promise.resolve()).then(() => done({
                  complete, ready: b.ready,
                  counties: b.mark('atlas:counties') ?? b.counties, countiesMarked: b.mark('atlas:counties') !== null,
                  projects: b.mark('atlas:projects') ?? b.projects, projectsMarked: b.mark('atlas:projects') !== null,
                  bytes: b.bytes(), requests: b.entries().length, map: b.map !== null }));
              } else setTimeout(poll, 50);
            };
            poll();
            """;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int runs;
    private final Duration timeout;

    private PageBenchmark(int runs, Duration timeout) {
        this.runs = runs;
        this.timeout = timeout;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> targets = new LinkedHashMap<>();
        int runs = 3;
        int timeoutSeconds = 90;
        Path json = null;
        for (int i = 0; i < args.length; i += 2) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null) {
                throw new IllegalArgumentException("missing value for " + args[i]);
            }
            switch (args[i]) {
                case "--target" -> {
                    int eq = value.indexOf('=');
                    targets.put(value.substring(0, eq), value.substring(eq + 1));
                }
                case "--runs" -> runs = Integer.parseInt(value);
                case "--timeout" -> timeoutSeconds = Integer.parseInt(value);
                case "--json" -> json = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("no --target LABEL=URL");
        }
        PageBenchmark bench = new PageBenchmark(runs, Duration.ofSeconds(timeoutSeconds));
        Map<String, Map<String, Measure>> results = new LinkedHashMap<>();
        for (Map.Entry<String, String> target : targets.entrySet()) {
            System.err.println("[bench-page] " + target.getKey() + ": " + target.getValue());
            results.put(target.getKey(), bench.measure(target.getValue()));
        }
        System.out.println(table(results, runs, timeoutSeconds));
        if (json != null) {
            Files.writeString(json, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(results, runs, timeoutSeconds)));
        }
    }

    /** One measured quantity: a value per completed run, and whether a run ran out of time. */
    static final class Measure {
        final String label;
        final String unit;
        final List<Double> values = new ArrayList<>();
        boolean timedOut;
        String note = "";

        Measure(String label, String unit) {
            this.label = label;
            this.unit = unit;
        }

        Double median() {
            if (values.isEmpty()) {
                return null;
            }
            List<Double> sorted = values.stream().sorted().toList();
            int n = sorted.size();
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }
    }

    private static final String[][] MEASURES = {
        {"bytes", "first view: transferred", "KB"},
        {"requests", "first view: requests", ""},
        {"ready", "first view: html[data-ready=true]", "ms"},
        {"counties", "first view: county outlines drawn", "ms"},
        {"projects", "first view: first projects drawn", "ms"},
        {"pan", "pan 300 px: main-thread time", "ms"},
        {"panSettled", "pan 300 px: settled after", "ms"},
        {"zoom", "zoom in: main-thread time", "ms"},
        {"zoomSettled", "zoom in: settled after", "ms"},
        {"heap", "JS heap used after first view", "MB"},
        {"renderer", "page renderer process PSS after first view", "MB"},
        {"chromium", "all chromium processes PSS after first view", "MB"},
        {"phoneCounties", "Slow-4G phone: county outlines drawn", "ms"},
        {"phoneProjects", "Slow-4G phone: first projects drawn", "ms"},
    };

    private Map<String, Measure> measure(String url) {
        Map<String, Measure> m = new LinkedHashMap<>();
        for (String[] def : MEASURES) {
            m.put(def[0], new Measure(def[1], def[2]));
        }
        boolean desktopTimedOut = false;
        boolean phoneTimedOut = false;
        for (int run = 1; run <= runs; run++) {
            if (!desktopTimedOut) {
                desktopTimedOut = desktopRun(url, m, run);
            }
            if (!phoneTimedOut) {
                phoneTimedOut = phoneRun(url, m, run);
            }
        }
        return m;
    }

    /** Returns true when the first view did not complete in time. */
    private boolean desktopRun(String url, Map<String, Measure> m, int run) {
        List<ProcessHandle> browser = new ArrayList<>();
        try (HeadlessChromium.Session session = HeadlessChromium.desktopRecordingNetwork(1280, 800)) {
            browser.addAll(ProcessHandle.current().descendants().toList());
            ChromeDriver driver = prepare(session);
            driver.executeCdpCommand("Performance.enable", Map.of("timeDomain", "threadTicks"));
            long t0 = System.nanoTime();
            driver.get(url);
            Map<String, Object> first;
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> answer = (Map<String, Object>) driver.executeAsyncScript(FIRST_VIEW, timeout.toMillis());
                first = answer;
            } catch (ScriptTimeoutException busy) { // the main thread stayed busy past the deadline
                first = Map.of("complete", false);
            }
            log("desktop run " + run + ": " + first + " (" + (System.nanoTime() - t0) / 1_000_000 + " ms wall)");
            // from chromedriver's log of the DevTools Network events, which a busy page does not hold up
            List<NetworkLog.Request> sent = NetworkLog.read(driver).stream().filter(r -> r.url().startsWith("http")).toList();
            add(m, "bytes", sent.stream().mapToLong(NetworkLog.Request::bytes).sum() / 1024.0);
            add(m, "requests", sent.size());
            boolean complete = Boolean.TRUE.equals(first.get("complete"));
            for (String key : List.of("ready", "counties", "projects")) {
                addIfPresent(m, key, first.get(key));
                m.get(key).timedOut |= first.get(key) == null;
            }
            m.get("counties").note = Boolean.TRUE.equals(first.get("countiesMarked")) ? "mark" : "DOM";
            m.get("projects").note = Boolean.TRUE.equals(first.get("projectsMarked")) ? "mark" : "DOM";
            add(m, "renderer", ChromiumMemory.pssKb(true) / 1024.0);
            add(m, "chromium", ChromiumMemory.pssKb(false) / 1024.0);
            if (complete) {
                add(m, "heap", metric(driver, "JSHeapUsedSize") / 1024 / 1024);
            } else {
                for (String key : List.of("pan", "panSettled", "zoom", "zoomSettled")) {
                    m.get(key).note = "not measured: no first view in " + timeout.toSeconds() + " s";
                }
                for (String key : List.of("bytes", "requests", "renderer", "chromium")) {
                    m.get(key).note = "at the timeout";
                }
                return true;
            }
            boolean map = Boolean.TRUE.equals(first.get("map"));
            interact(driver, m, "pan", map ? "window.__atlasBench.map.panBy([300, 0]);" : null);
            interact(driver, m, "zoom", map ? "window.__atlasBench.map.zoomIn();" : null);
            return false;
        } catch (Exception e) {
            log("desktop run " + run + " did not finish: " + firstLine(e));
            m.forEach((key, x) -> {
                if (!key.startsWith("phone") && x.values.size() < run) {
                    x.timedOut = true;
                }
            });
            return true;
        } finally {
            reap(browser);
        }
    }

    /** Main-thread time (TaskDuration delta) and settle time of one action. */
    private void interact(ChromeDriver driver, Map<String, Measure> m, String key, String script) {
        double before = metric(driver, "TaskDuration");
        Object answer;
        if (script != null) { // the observers start before the action, in the same task
            answer = driver.executeAsyncScript("const settled = window.__atlasBench.settle(500, 20000); " + script
                    + " settled.then(arguments[arguments.length - 1]);");
        } else {
            if (key.equals("pan")) { // no Leaflet map found: a user's drag
                new Actions(driver).moveToElement(driver.findElement(By.id("map"))).clickAndHold().moveByOffset(-300, 0).release().perform();
            } else {
                driver.findElement(By.cssSelector(".leaflet-control-zoom-in")).click();
            }
            answer = driver.executeAsyncScript("window.__atlasBench.settle(500, 20000).then(arguments[arguments.length - 1]);");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> settled = (Map<String, Object>) answer;
        double after = metric(driver, "TaskDuration");
        add(m, key, (after - before) * 1000);
        add(m, key + "Settled", num(settled.get("ms")));
        if (script == null) {
            m.get(key).note = "user input";
        }
        if (Boolean.TRUE.equals(settled.get("capped"))) {
            m.get(key + "Settled").note = "did not settle in 20 s";
        }
    }

    /** Returns true when the projects did not appear in time. */
    private boolean phoneRun(String url, Map<String, Measure> m, int run) {
        List<ProcessHandle> browser = new ArrayList<>();
        try (HeadlessChromium.Session session = HeadlessChromium.phone(412, 915)) {
            browser.addAll(ProcessHandle.current().descendants().toList());
            ChromeDriver driver = prepare(session);
            driver.executeCdpCommand("Network.enable", Map.of());
            driver.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", false, "latency", 150,
                    "downloadThroughput", 200_000, "uploadThroughput", 93_750));
            driver.executeCdpCommand("Emulation.setCPUThrottlingRate", Map.of("rate", 4));
            driver.get(url);
            @SuppressWarnings("unchecked")
            Map<String, Object> first = (Map<String, Object>) driver.executeAsyncScript(FIRST_VIEW, timeout.toMillis());
            log("phone run " + run + ": " + first);
            addIfPresent(m, "phoneCounties", first.get("counties"));
            m.get("phoneCounties").note = Boolean.TRUE.equals(first.get("countiesMarked")) ? "mark" : "DOM";
            if (first.get("counties") == null) {
                m.get("phoneCounties").timedOut = true;
            }
            if (!Boolean.TRUE.equals(first.get("complete"))) {
                m.get("phoneProjects").timedOut = true;
                return true;
            }
            add(m, "phoneProjects", num(first.get("projects")));
            m.get("phoneProjects").note = Boolean.TRUE.equals(first.get("projectsMarked")) ? "mark" : "DOM";
            return false;
        } catch (Exception e) {
            log("phone run " + run + " did not finish: " + firstLine(e));
            m.get("phoneCounties").timedOut = true;
            m.get("phoneProjects").timedOut = true;
            return true;
        } finally {
            reap(browser);
        }
    }

    /** A driver that timed out may leave its browser running when it quits: end what is left of it. */
    private static void reap(List<ProcessHandle> browser) {
        browser.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private ChromeDriver prepare(HeadlessChromium.Session session) {
        ChromeDriver driver = session.driver();
        driver.manage().timeouts().scriptTimeout(timeout.plusSeconds(15));
        driver.manage().timeouts().pageLoadTimeout(timeout.plusSeconds(30));
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", INSTRUMENT));
        return driver;
    }

    @SuppressWarnings("unchecked")
    private static double metric(ChromeDriver driver, String name) {
        Map<String, Object> answer = driver.executeCdpCommand("Performance.getMetrics", Map.of());
        for (Map<String, Object> metric : (List<Map<String, Object>>) answer.get("metrics")) {
            if (name.equals(metric.get("name"))) {
                return num(metric.get("value"));
            }
        }
        throw new IllegalStateException("no metric " + name + " in " + answer);
    }

    private static void add(Map<String, Measure> m, String key, double value) {
        m.get(key).values.add(value);
    }

    private static void addIfPresent(Map<String, Measure> m, String key, Object value) {
        if (value != null) {
            add(m, key, num(value));
        }
    }

    private static double num(Object value) {
        return ((Number) value).doubleValue();
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        return e.getClass().getSimpleName() + ": " + message.lines().findFirst().orElse("");
    }

    private static void log(String line) {
        System.err.println("[bench-page] " + line);
    }

    private static String format(Measure x, int timeoutSeconds) {
        Double median = x.median();
        if (median == null) {
            return (x.timedOut ? "> " + timeoutSeconds + " s" : "–") + (x.note.isEmpty() ? "" : " [" + x.note + "]");
        }
        double min = x.values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = x.values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        String digits = x.unit.equals("MB") || (median < 10 && !x.unit.isEmpty()) ? "%.1f" : "%.0f";
        String out = String.format(digits, median);
        if (x.values.size() > 1) {
            out += " (" + String.format(digits, min) + "–" + String.format(digits, max) + ")";
        }
        if (x.timedOut) {
            out += ", then a run > " + timeoutSeconds + " s";
        }
        return out + (x.note.isEmpty() ? "" : " [" + x.note + "]");
    }

    static String table(Map<String, Map<String, Measure>> results, int runs, int timeoutSeconds) {
        StringBuilder out = new StringBuilder();
        out.append("\nMap page, headless Chromium, median (min–max) of ").append(runs).append(" cold-cache runs, timeout ")
                .append(timeoutSeconds).append(" s; [mark] = the page's performance mark, [DOM] = first element seen\n\n");
        out.append("| measure |");
        results.keySet().forEach(k -> out.append(' ').append(k).append(" |"));
        out.append("\n| --- |");
        results.keySet().forEach(k -> out.append(" --- |"));
        out.append('\n');
        for (String[] def : MEASURES) {
            out.append("| ").append(def[1]).append(def[2].isEmpty() ? "" : " (" + def[2] + ")").append(" |");
            for (Map<String, Measure> m : results.values()) {
                out.append(' ').append(format(m.get(def[0]), timeoutSeconds)).append(" |");
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static ObjectNode toJson(Map<String, Map<String, Measure>> results, int runs, int timeoutSeconds) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("date", Instant.now().toString());
        root.put("runs", runs);
        root.put("timeoutSeconds", timeoutSeconds);
        root.put("loadavg", Files.readString(Path.of("/proc/loadavg")).strip());
        ObjectNode targets = root.putObject("targets");
        for (Map.Entry<String, Map<String, Measure>> target : results.entrySet()) {
            ObjectNode t = targets.putObject(target.getKey());
            for (Map.Entry<String, Measure> e : target.getValue().entrySet()) {
                Measure x = e.getValue();
                ObjectNode node = t.putObject(e.getKey());
                node.put("label", x.label);
                node.put("unit", x.unit);
                if (x.median() != null) {
                    node.put("median", x.median());
                } else {
                    node.putNull("median");
                }
                x.values.forEach(node.putArray("runs")::add);
                node.put("timedOut", x.timedOut);
                node.put("source", x.note);
            }
        }
        return root;
    }
}
