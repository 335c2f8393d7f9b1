package org.linfenatlas.api;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.linfenatlas.model.Feature;

/** What one change altered, and undoing it on top of what came after. */
final class Revert {
    private Revert() {
    }

    /** Property names whose values differ between the two (server-stamped ones included). */
    static Set<String> changedProperties(Feature before, Feature after) {
        Set<String> names = new LinkedHashSet<>(before.properties().keySet());
        names.addAll(after.properties().keySet());
        names.removeIf(name -> Objects.equals(before.property(name), after.property(name)));
        return names;
    }

    static boolean geometryChanged(Feature before, Feature after) {
        return !before.geometry().equalsExact(after.geometry());
    }

    /** The current feature with what the change {@code before → after} altered set back to {@code before}. */
    static Feature undo(Feature current, Feature before, Feature after) {
        Map<String, Object> props = new LinkedHashMap<>(current.properties());
        for (String name : changedProperties(before, after)) {
            Object old = before.property(name);
            if (old == null) {
                props.remove(name);
            } else {
                props.put(name, old);
            }
        }
        return new Feature(current.id(), geometryChanged(before, after) ? before.geometry() : current.geometry(), props,
                current.version());
    }
}
