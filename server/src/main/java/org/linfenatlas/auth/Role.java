package org.linfenatlas.auth;

/** What a signed-in user may do: an admin everything, an editor the projects of its counties. */
public enum Role {
    ADMIN, EDITOR;

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
