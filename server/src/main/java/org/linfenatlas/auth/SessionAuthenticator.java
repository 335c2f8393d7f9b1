package org.linfenatlas.auth;

import io.javalin.http.Context;
import java.util.Optional;
import org.linfenatlas.store.StoreError;

/**
 * Signs requests in by the atlas_session cookie or by "Authorization: Bearer TOKEN", looked up in
 * the store on every request, so that a revoked token, a disabled user or a signed-out session is
 * refused at once. Writes by cookie also need the session's CSRF token in X-CSRF-Token; a bearer
 * token needs none, as no browser sends it by itself.
 */
public final class SessionAuthenticator implements Authenticator {
    public static final String SESSION_COOKIE = "atlas_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String BEARER = "Bearer ";

    private final UserStore store;

    public SessionAuthenticator(UserStore store) {
        this.store = store;
    }

    public UserStore store() {
        return store;
    }

    @Override
    public Optional<Principal> principal(Context ctx) {
        Optional<String> token = bearerToken(ctx);
        if (token.isPresent()) {
            return store.tokenUser(token.get()).map(User::principal);
        }
        return session(ctx).map(s -> s.user().principal());
    }

    @Override
    public Principal requireWriter(Context ctx) {
        Optional<String> token = bearerToken(ctx);
        if (token.isPresent()) {
            return store.tokenUser(token.get()).map(User::principal).orElseThrow(() -> {
                ctx.header("WWW-Authenticate", "Bearer realm=\"linfen-atlas\", error=\"invalid_token\"");
                return StoreError.of(StoreError.Kind.UNAUTHORIZED, "the API token is not valid (unknown, revoked, or its user is disabled)");
            });
        }
        UserStore.Session session = session(ctx).orElseThrow(() ->
                StoreError.of(StoreError.Kind.UNAUTHORIZED, "sign in to write"));
        if (!Secrets.matchesHash(ctx.header(CSRF_HEADER), session.csrfHash())) {
            throw StoreError.of(StoreError.Kind.FORBIDDEN, "a write signed in by session cookie needs the session's "
                    + CSRF_HEADER + " header (missing or wrong)");
        }
        return session.user().principal();
    }

    /** The live session the request's cookie names. */
    Optional<UserStore.Session> session(Context ctx) {
        return sessionId(ctx).flatMap(store::session);
    }

    static Optional<String> sessionId(Context ctx) {
        return Optional.ofNullable(ctx.cookie(SESSION_COOKIE)).filter(id -> !id.isEmpty());
    }

    static Optional<String> bearerToken(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        return Optional.of(header.substring(BEARER.length()).strip());
    }
}
