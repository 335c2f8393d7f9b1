package org.linfenatlas.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linfenatlas.store.StoreError;

/** What every UserStore does; each implementation's test opens a fresh, empty store. */
abstract class UserStoreContract {
    static final String PASSWORD = "correct horse battery";
    final MutableClock clock = new MutableClock();
    UserStore store;

    abstract UserStore openEmpty(MutableClock clock) throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = openEmpty(clock);
    }

    @AfterEach
    void close() {
        if (store != null) {
            store.close();
        }
    }

    User editor(String name) {
        return store.addUser(name, Role.EDITOR, List.of("吉县", "乡宁县"), PASSWORD);
    }

    @Test
    void addedUserIsListedWithRoleAndCounties() {
        User added = editor("li.wei");
        assertEquals(List.of(added), store.users());
        assertEquals(List.of("吉县", "乡宁县"), store.users().get(0).counties());
        assertEquals(Role.EDITOR, store.users().get(0).role());
    }

    @Test
    void rightPasswordSignsIn() {
        User added = editor("li.wei");
        assertEquals(added.id(), store.verifyPassword("li.wei", PASSWORD).orElseThrow().id());
    }

    @Test
    void wrongPasswordAndUnknownNameAreRefused() {
        editor("li.wei");
        assertTrue(store.verifyPassword("li.wei", "wrong password").isEmpty());
        assertTrue(store.verifyPassword("nobody", PASSWORD).isEmpty());
    }

    @Test
    void chineseNameIsAccepted() {
        store.addUser("王芳", Role.ADMIN, List.of(), PASSWORD);
        assertTrue(store.user("王芳").isPresent());
    }

    @Test
    void nameWithSpaceIsRejected() {
        StoreError e = assertThrows(StoreError.class, () -> store.addUser("li wei", Role.ADMIN, List.of(), PASSWORD));
        assertEquals(StoreError.Kind.INVALID, e.kind());
    }

    @Test
    void secondUserOfTheSameNameIsAConflict() {
        editor("li.wei");
        StoreError e = assertThrows(StoreError.class, () -> editor("li.wei"));
        assertEquals(StoreError.Kind.CONFLICT, e.kind());
    }

    @Test
    void unknownCountyIsRejectedNamingIt() {
        StoreError e = assertThrows(StoreError.class,
                () -> store.addUser("li.wei", Role.EDITOR, List.of("吉县", "太原市"), PASSWORD));
        assertEquals(StoreError.Kind.INVALID, e.kind());
        assertTrue(e.getMessage().contains("unknown county 太原市"), e.getMessage());
    }

    @Test
    void editorWithoutCountiesIsRejected() {
        assertThrows(StoreError.class, () -> store.addUser("li.wei", Role.EDITOR, List.of(), PASSWORD));
    }

    @Test
    void shortPasswordIsRejected() {
        StoreError e = assertThrows(StoreError.class, () -> store.addUser("li.wei", Role.ADMIN, List.of(), "short"));
        assertEquals(StoreError.Kind.INVALID, e.kind());
    }

    @Test
    void tokenAuthenticatesUntilRevoked() {
        User user = editor("li.wei");
        UserStore.IssuedToken token = store.createToken("li.wei", "qgis");
        assertEquals(user.id(), store.tokenUser(token.token()).orElseThrow().id());
        assertEquals(1, store.revokeTokens("li.wei"));
        assertTrue(store.tokenUser(token.token()).isEmpty());
    }

    @Test
    void revokingOneTokenByIdLeavesTheOthers() {
        editor("li.wei");
        UserStore.IssuedToken first = store.createToken("li.wei", "a");
        UserStore.IssuedToken second = store.createToken("li.wei", "b");
        store.revokeToken("li.wei", first.id());
        assertTrue(store.tokenUser(first.token()).isEmpty());
        assertTrue(store.tokenUser(second.token()).isPresent());
    }

    @Test
    void revokingAnotherUsersTokenIsNotFound() {
        editor("li.wei");
        editor("zhang.min");
        UserStore.IssuedToken token = store.createToken("li.wei", null);
        StoreError e = assertThrows(StoreError.class, () -> store.revokeToken("zhang.min", token.id()));
        assertEquals(StoreError.Kind.NOT_FOUND, e.kind());
    }

    @Test
    void disabledUserIsRefusedByTokenSessionAndPassword() {
        User user = editor("li.wei");
        UserStore.IssuedToken token = store.createToken("li.wei", null);
        UserStore.NewSession session = store.createSession(user.id());
        store.setDisabled("li.wei", true);
        assertTrue(store.tokenUser(token.token()).isEmpty());
        assertTrue(store.session(session.id()).isEmpty());
        assertTrue(store.verifyPassword("li.wei", PASSWORD).isEmpty());
    }

    @Test
    void sessionCarriesUserAndCsrfHash() {
        User user = editor("li.wei");
        UserStore.NewSession created = store.createSession(user.id());
        UserStore.Session session = store.session(created.id()).orElseThrow();
        assertEquals(user.id(), session.user().id());
        assertTrue(Secrets.matchesHash(created.csrfToken(), session.csrfHash()));
    }

    @Test
    void expiredSessionIsRefusedAndPurged() {
        User user = editor("li.wei");
        UserStore.NewSession created = store.createSession(user.id());
        var signedIn = clock.instant();
        clock.advance(UserStore.SESSION_LIFETIME.plusSeconds(1));
        assertTrue(store.session(created.id()).isEmpty());
        clock.set(signedIn);
        assertTrue(store.session(created.id()).isEmpty(), "the expired session should have been deleted");
    }

    @Test
    void sessionIsLiveJustBeforeItsEnd() {
        User user = editor("li.wei");
        UserStore.NewSession created = store.createSession(user.id());
        clock.advance(UserStore.SESSION_LIFETIME.minus(Duration.ofSeconds(1)));
        assertTrue(store.session(created.id()).isPresent());
    }

    @Test
    void newPasswordWorksAndEndsSessions() {
        User user = editor("li.wei");
        UserStore.NewSession session = store.createSession(user.id());
        store.setPassword("li.wei", "another long password");
        assertTrue(store.verifyPassword("li.wei", "another long password").isPresent());
        assertTrue(store.verifyPassword("li.wei", PASSWORD).isEmpty());
        assertTrue(store.session(session.id()).isEmpty());
    }

    @Test
    void renewedCsrfTokenReplacesTheOldOne() {
        User user = editor("li.wei");
        UserStore.NewSession created = store.createSession(user.id());
        String renewed = store.renewCsrfToken(created.id()).orElseThrow();
        String hash = store.session(created.id()).orElseThrow().csrfHash();
        assertTrue(Secrets.matchesHash(renewed, hash));
        assertFalse(Secrets.matchesHash(created.csrfToken(), hash));
    }

    @Test
    void deletedSessionIsRefused() {
        User user = editor("li.wei");
        UserStore.NewSession created = store.createSession(user.id());
        store.deleteSession(created.id());
        assertTrue(store.session(created.id()).isEmpty());
    }
}
