package org.linfenatlas.auth;

import io.javalin.http.Context;
import java.util.Optional;

/**
 * Who sent a request: a browser session (cookie) or an API token (Authorization: Bearer). The HTTP
 * layer asks this for every user-specific or writing request; nothing it answers is cached.
 */
public interface Authenticator {
    /** The signed-in user, or empty for the public (no, unknown, expired or revoked credentials). */
    Optional<Principal> principal(Context ctx);

    /**
     * The user allowed to write with this request: signed in (else StoreError UNAUTHORIZED), and, when
     * signed in by session cookie, carrying the session's CSRF token in X-CSRF-Token (else FORBIDDEN).
     */
    Principal requireWriter(Context ctx);

    /** The public only: every write is refused with UNAUTHORIZED (a server without users, or the handler tests). */
    Authenticator NOBODY = new Authenticator() {
        public Optional<Principal> principal(Context ctx) {
            return Optional.empty();
        }

        public Principal requireWriter(Context ctx) {
            throw org.linfenatlas.store.StoreError.of(org.linfenatlas.store.StoreError.Kind.UNAUTHORIZED, "sign in to write");
        }
    };
}
