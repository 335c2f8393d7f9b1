package org.linfenatlas.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.linfenatlas.config.Config;
import org.linfenatlas.config.ConfigException;
import org.linfenatlas.store.StoreError;

class UsersCommandTest {
    private static final String PASSWORD = "correct horse battery";

    @TempDir
    Path dataDir;
    UserStore store;

    @BeforeEach
    void open() throws Exception {
        store = GeoPackageUserStore.open(dataDir, Counties.bundled(), new MutableClock());
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** Runs the command line as Main parses it, with the given standard input; returns standard output. */
    private String run(String stdin, String... args) throws Exception {
        Config config = Config.parse(args, java.util.Map.of());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new UsersCommand(store, new BufferedReader(new StringReader(stdin)), new PrintStream(out, true, StandardCharsets.UTF_8))
                .run(config.command(), config.arguments(),
                        new UsersCommand.Options(config.role(), config.counties(), config.label(), config.tokenId()));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void addReadsThePasswordFromStandardInput() throws Exception {
        run(PASSWORD + "\nnext line ignored\n", "users", "add", "li.wei", "--role", "editor", "--counties", "吉县,乡宁县");
        User user = store.verifyPassword("li.wei", PASSWORD).orElseThrow();
        assertEquals(List.of("吉县", "乡宁县"), user.counties());
        assertEquals(Role.EDITOR, user.role());
    }

    @Test
    void addWithoutPasswordIsRefused() {
        assertThrows(StoreError.class, () -> run("", "users", "add", "li.wei", "--role", "admin"));
        assertTrue(store.users().isEmpty());
    }

    @Test
    void addWithShortPasswordIsRefused() {
        assertThrows(StoreError.class, () -> run("1234567\n", "users", "add", "li.wei", "--role", "admin"));
        assertTrue(store.users().isEmpty());
    }

    @Test
    void addWithoutRoleIsAUsageError() {
        assertThrows(ConfigException.class, () -> run(PASSWORD + "\n", "users", "add", "li.wei"));
    }

    @Test
    void unknownCountyIsRejectedNamingItAndTheKnownOnes() {
        StoreError e = assertThrows(StoreError.class,
                () -> run(PASSWORD + "\n", "users", "add", "li.wei", "--role", "editor", "--counties", "吉县,太原"));
        assertTrue(e.getMessage().contains("unknown county 太原"), e.getMessage());
        assertTrue(e.getMessage().contains("乡宁县"), e.getMessage());
    }

    @Test
    void listShowsNameRoleCountiesAndStateButNoHash() throws Exception {
        store.addUser("li.wei", Role.EDITOR, List.of("吉县"), PASSWORD);
        store.addUser("wang.fang", Role.ADMIN, List.of(), PASSWORD);
        store.setDisabled("wang.fang", true);
        String out = run("", "users", "list");
        assertTrue(out.contains("li.wei\teditor\t吉县\tenabled"), out);
        assertTrue(out.contains("wang.fang\tadmin\t\tdisabled"), out);
        assertFalse(out.contains("$argon2"), out);
    }

    @Test
    void disableRefusesTheUser() throws Exception {
        store.addUser("li.wei", Role.ADMIN, List.of(), PASSWORD);
        run("", "users", "disable", "li.wei");
        assertTrue(store.verifyPassword("li.wei", PASSWORD).isEmpty());
    }

    @Test
    void setPasswordReadsTheNewOneFromStandardInput() throws Exception {
        store.addUser("li.wei", Role.ADMIN, List.of(), PASSWORD);
        run("a brand new password\n", "users", "set-password", "li.wei");
        assertTrue(store.verifyPassword("li.wei", "a brand new password").isPresent());
    }

    @Test
    void tokensCreatePrintsAWorkingTokenAsTheLastLine() throws Exception {
        store.addUser("li.wei", Role.ADMIN, List.of(), PASSWORD);
        String[] lines = run("", "tokens", "create", "li.wei", "--label", "qgis").strip().split("\n");
        assertEquals("li.wei", store.tokenUser(lines[lines.length - 1]).orElseThrow().name());
    }

    @Test
    void tokensRevokeRefusesAllTheUsersTokens() throws Exception {
        store.addUser("li.wei", Role.ADMIN, List.of(), PASSWORD);
        String first = store.createToken("li.wei", null).token();
        String second = store.createToken("li.wei", null).token();
        run("", "tokens", "revoke", "li.wei");
        assertTrue(store.tokenUser(first).isEmpty());
        assertTrue(store.tokenUser(second).isEmpty());
    }

    @Test
    void tokensRevokeWithIdRefusesThatTokenOnly() throws Exception {
        store.addUser("li.wei", Role.ADMIN, List.of(), PASSWORD);
        UserStore.IssuedToken first = store.createToken("li.wei", null);
        String second = store.createToken("li.wei", null).token();
        run("", "tokens", "revoke", "li.wei", "--id", Long.toString(first.id()));
        assertTrue(store.tokenUser(first.token()).isEmpty());
        assertTrue(store.tokenUser(second).isPresent());
    }

    @Test
    void unknownSubcommandIsAUsageError() {
        assertThrows(ConfigException.class, () -> run("", "users", "delete", "li.wei"));
    }
}
