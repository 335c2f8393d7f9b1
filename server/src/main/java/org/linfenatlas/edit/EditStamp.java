package org.linfenatlas.edit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.linfenatlas.model.Feature;

/** The server-owned properties of an edited project: when it was last changed and by whom. */
public final class EditStamp {
    private EditStamp() {
    }

    /** The project with updated_at (RFC 3339, UTC, whole seconds) and updated_by set, properties in the layer's order. */
    public static Feature apply(Feature project, long userId, Instant when) {
        Map<String, Object> properties = new LinkedHashMap<>(project.properties());
        properties.put("updated_at", when.truncatedTo(ChronoUnit.SECONDS).toString());
        properties.put("updated_by", userId);
        return new Feature(project.id(), project.geometry(), SpecOrder.of(properties), project.version());
    }
}
