package org.linfenatlas.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a layer is: its id (the OGC collection id), titles, property schema and the whitelists of
 * properties that may be filtered and sorted on. Stored layers live in a store; derived ones
 * (belts) are computed from others on load.
 *
 * @param filters query parameter name → property it filters (array properties match any element)
 */
public record LayerSpec(
        String id,
        String title,
        String titleZh,
        String description,
        boolean stored,
        List<PropertySpec> properties,
        Map<String, String> filters,
        List<String> sortable,
        boolean searchable) {

    public Optional<PropertySpec> property(String name) {
        return properties.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
