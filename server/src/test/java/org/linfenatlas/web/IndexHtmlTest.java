package org.linfenatlas.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The map page as the class path serves it runs under script-src 'self': no inline script of any kind. */
class IndexHtmlTest {
    private static final Pattern SCRIPT = Pattern.compile("<script\\b([^>]*)>(.*?)</script\\s*>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("<[a-zA-Z][^>]*>");
    private static final Pattern EVENT_HANDLER = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern SRC = Pattern.compile("\\ssrc\\s*=\\s*\"[^\"]+\"", Pattern.CASE_INSENSITIVE);

    private static String page() throws IOException {
        try (InputStream in = IndexHtmlTest.class.getClassLoader().getResourceAsStream("web/index.html")) {
            assertNotNull(in, "web/index.html is not on the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyScriptIsAFileWithNoInlineCode() throws IOException {
        Matcher scripts = SCRIPT.matcher(page());
        List<String> inline = new ArrayList<>();
        int count = 0;
        while (scripts.find()) {
            count++;
            if (!SRC.matcher(scripts.group(1)).find() || !scripts.group(2).isBlank()) {
                inline.add(scripts.group());
            }
        }
        assertFalse(count == 0, "the page loads its scripts");
        assertEquals(List.of(), inline, "inline scripts");
    }

    @Test
    void noStyleElementOnlyStyleSheetFiles() throws IOException {
        assertFalse(Pattern.compile("<style\\b", Pattern.CASE_INSENSITIVE).matcher(page()).find(), "style-src 'self' refuses a <style> element");
    }

    @Test
    void noElementHasAnEventHandlerAttributeOrAJavascriptUrl() throws IOException {
        Matcher tags = TAG.matcher(page());
        List<String> found = new ArrayList<>();
        while (tags.find()) {
            String tag = tags.group();
            if (EVENT_HANDLER.matcher(tag).find() || tag.toLowerCase(java.util.Locale.ROOT).contains("javascript:")) {
                found.add(tag);
            }
        }
        assertEquals(List.of(), found, "tags with inline script");
    }
}
