package org.linfenatlas.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Set;

/** The county names a user's scope may name: property "name" of the bundled gis-data/counties.geojson. */
public final class Counties {
    private static final String RESOURCE = "/gis-data/counties.geojson";

    private Counties() {
    }

    public static Set<String> bundled() {
        return Holder.NAMES;
    }

    private static final class Holder {
        static final Set<String> NAMES = load();

        private static Set<String> load() {
            try (InputStream in = Counties.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the classpath");
                }
                Set<String> names = new LinkedHashSet<>();
                for (JsonNode feature : new ObjectMapper().readTree(in).path("features")) {
                    names.add(feature.path("properties").path("name").asText());
                }
                return java.util.Collections.unmodifiableSet(names);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read " + RESOURCE, e);
            }
        }
    }
}
