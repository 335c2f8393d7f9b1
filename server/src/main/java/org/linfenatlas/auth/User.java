package org.linfenatlas.auth;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;

/** A stored user, without its password hash. {@code counties}: Chinese county names, as in counties.geojson. */
public record User(long id, String name, Role role, List<String> counties, boolean disabled, Instant created) {
    public User {
        counties = List.copyOf(counties);
    }

    public Principal principal() {
        return new Principal(id, name, role, new LinkedHashSet<>(counties));
    }
}
