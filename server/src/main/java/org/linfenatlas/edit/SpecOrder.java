package org.linfenatlas.edit;

import java.util.LinkedHashMap;
import java.util.Map;
import org.linfenatlas.model.Layers;
import org.linfenatlas.model.PropertySpec;

/** Project properties in the order of the layer spec, which is the order the API writes them in. */
final class SpecOrder {
    private SpecOrder() {
    }

    static Map<String, Object> of(Map<String, Object> values) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (PropertySpec p : Layers.PROJECTS_SPEC.properties()) {
            if (values.get(p.name()) != null) {
                ordered.put(p.name(), values.get(p.name()));
            }
        }
        return ordered;
    }
}
