package org.linfenatlas.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linfenatlas.model.Feature;
import org.linfenatlas.store.HistoryEntry;

/**
 * One history entry as the API shows it: version, time, operation, the project's counties, and what
 * changed (each property before and after, the geometry before and after when it moved). The author
 * is shown to signed-in users only.
 */
final class HistoryDocument {
    private HistoryDocument() {
    }

    /**
     * An entry of a collection's change feed: the feature's id and name (as the change left it, or as it
     * was before a deletion), then the entry as {@link #entry} shows it.
     */
    static Map<String, Object> feedEntry(HistoryEntry e, boolean withAuthor) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("featureId", e.featureId());
        Feature shown = e.after() != null ? e.after() : e.before();
        doc.put("name", shown == null ? null : shown.text("name"));
        doc.putAll(entry(e, withAuthor));
        return doc;
    }

    static Map<String, Object> entry(HistoryEntry e, boolean withAuthor) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("version", e.version());
        doc.put("time", e.time().toString());
        doc.put("operation", e.operation().code());
        Feature shown = e.after() != null ? e.after() : e.before();
        doc.put("counties", shown == null ? List.of() : shown.properties().getOrDefault("counties", List.of()));
        if (withAuthor && e.author() != null) {
            doc.put("author", Map.of("id", e.author().userId(), "name", e.author().name()));
        }
        List<Map<String, Object>> changes = new ArrayList<>();
        if (e.before() != null && e.after() != null) {
            for (String name : Revert.changedProperties(e.before(), e.after())) {
                changes.add(change(name, e.before().property(name), e.after().property(name)));
            }
            if (Revert.geometryChanged(e.before(), e.after())) {
                changes.add(change("geometry", geometry(e.before()), geometry(e.after())));
            }
        } else if (shown != null) {
            boolean created = e.before() == null;
            shown.properties().forEach((name, value) -> changes.add(created ? change(name, null, value) : change(name, value, null)));
            changes.add(created ? change("geometry", null, geometry(shown)) : change("geometry", geometry(shown), null));
        }
        doc.put("changes", changes);
        return doc;
    }

    private static Map<String, Object> change(String property, Object before, Object after) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("property", property);
        doc.put("before", before);
        doc.put("after", after);
        return doc;
    }

    private static JsonNode geometry(Feature f) {
        try {
            return FeatureJson.JSON.readTree(f.geometryJson());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
