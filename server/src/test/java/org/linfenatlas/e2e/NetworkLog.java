package org.linfenatlas.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * The requests of a page as chromedriver saw them (the DevTools Network events of its "performance" log, see
 * {@link HeadlessChromium#desktopRecordingNetwork}): known when a request starts, even while the page's main thread
 * is too busy to answer a script. Each {@link #read} takes the events since the previous one.
 */
final class NetworkLog {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Request(String url, long bytes) {
    }

    private NetworkLog() {
    }

    /** The requests sent since the last read, with the bytes received for those that finished (0 for the others). */
    static List<Request> read(ChromeDriver driver) {
        Map<String, String> urls = new LinkedHashMap<>();
        Map<String, Long> bytes = new LinkedHashMap<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message;
            try {
                message = JSON.readTree(entry.getMessage()).path("message");
            } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
                continue;
            }
            JsonNode params = message.path("params");
            switch (message.path("method").asText()) {
                case "Network.requestWillBeSent" -> urls.putIfAbsent(params.path("requestId").asText(), params.at("/request/url").asText());
                case "Network.loadingFinished" -> bytes.put(params.path("requestId").asText(), params.path("encodedDataLength").asLong());
                default -> { }
            }
        }
        List<Request> out = new ArrayList<>();
        urls.forEach((id, url) -> out.add(new Request(url, bytes.getOrDefault(id, 0L))));
        return out;
    }
}
