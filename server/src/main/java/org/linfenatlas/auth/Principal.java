package org.linfenatlas.auth;

import java.util.Collection;
import java.util.Set;

/** A signed-in user as a request carries it: id, name, role and, for an editor, the counties (Chinese names) it may edit. */
public record Principal(long userId, String name, Role role, Set<String> counties) {
    public Principal {
        counties = Set.copyOf(counties);
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    /** True when every one of the counties is in this user's scope (an admin's scope is every county); false for none. */
    public boolean mayEdit(Collection<String> featureCounties) {
        if (isAdmin()) {
            return true;
        }
        return !featureCounties.isEmpty() && counties.containsAll(featureCounties);
    }
}
