package org.linfenatlas.write;

import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.linfenatlas.auth.Authenticator;
import org.linfenatlas.auth.Principal;
import org.linfenatlas.auth.Role;
import org.linfenatlas.store.StoreError;

/**
 * Fixed API tokens for the write tests: {@code Authorization: Bearer <token>} with one of the tokens
 * below is that user; anything else, or no header, is the public. (The real session/CSRF authenticator
 * has tests of its own.)
 */
final class TestAuthenticator implements Authenticator {
    static final Principal ADMIN = new Principal(1, "管理员 Admin", Role.ADMIN, Set.of());
    static final Principal JIXIAN = new Principal(2, "吉县编辑 Jixian editor", Role.EDITOR, Set.of("吉县"));
    static final Principal XIANGNING = new Principal(3, "乡宁县编辑 Xiangning editor", Role.EDITOR, Set.of("乡宁县"));
    static final Principal BOTH = new Principal(4, "两县编辑 Both editor", Role.EDITOR, Set.of("吉县", "乡宁县"));

    static final Map<String, Principal> TOKENS = Map.of("admin", ADMIN, "jixian", JIXIAN, "xiangning", XIANGNING, "both", BOTH);

    @Override
    public Optional<Principal> principal(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.startsWith("Bearer ")) {
            return Optional.empty();
        }
        return Optional.ofNullable(TOKENS.get(header.substring("Bearer ".length()).strip()));
    }

    @Override
    public Principal requireWriter(Context ctx) {
        return principal(ctx).orElseThrow(() -> StoreError.of(StoreError.Kind.UNAUTHORIZED, "sign in to write"));
    }
}
