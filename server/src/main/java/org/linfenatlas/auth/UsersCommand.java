package org.linfenatlas.auth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import org.linfenatlas.config.ConfigException;
import org.linfenatlas.store.StoreError;

/**
 * The commands "users add|list|disable|enable|set-password" and "tokens create|revoke". Passwords
 * come from standard input (its first line), never from the command line, where other local users
 * and the shell history would see them. A new token is printed once, as the last line.
 */
public final class UsersCommand {
    private final UserStore store;
    private final BufferedReader stdin;
    private final PrintStream out;

    /** What the command line said besides the words: --role, --counties, --label, --id (each null when absent). */
    public record Options(String role, List<String> counties, String label, Long tokenId) {
        public static final Options NONE = new Options(null, null, null, null);
    }

    public UsersCommand(UserStore store, BufferedReader stdin, PrintStream out) {
        this.store = store;
        this.stdin = stdin;
        this.out = out;
    }

    /** @param command "users" or "tokens"; @param arguments the words after it, e.g. [add, li.wei] */
    public void run(String command, List<String> arguments, Options options) throws IOException {
        String action = arguments.isEmpty() ? "" : arguments.get(0);
        switch (command + " " + action) {
            case "users add" -> add(name(arguments), options);
            case "users list" -> list();
            case "users disable" -> {
                store.setDisabled(name(arguments), true);
                out.println("disabled user " + arguments.get(1) + "; its sessions are ended and its tokens refused");
            }
            case "users enable" -> {
                store.setDisabled(name(arguments), false);
                out.println("enabled user " + arguments.get(1));
            }
            case "users set-password" -> {
                store.setPassword(name(arguments), password());
                out.println("changed the password of " + arguments.get(1) + "; its sessions are ended");
            }
            case "tokens create" -> createToken(name(arguments), options);
            case "tokens revoke" -> revoke(name(arguments), options);
            default -> throw new ConfigException("unknown command '" + (command + " " + action).strip() + "'; "
                    + "users add|list|disable|enable|set-password, tokens create|revoke (see --help)");
        }
    }

    private void add(String name, Options options) throws IOException {
        if (options.role() == null) {
            throw new ConfigException("users add needs --role admin|editor");
        }
        Role role = switch (options.role().toLowerCase(Locale.ROOT)) {
            case "admin" -> Role.ADMIN;
            case "editor" -> Role.EDITOR;
            default -> throw new ConfigException("--role must be admin or editor, got " + options.role());
        };
        List<String> counties = options.counties() == null ? List.of() : options.counties();
        User user = store.addUser(name, role, counties, password());
        out.println("added user " + user.name() + " (" + describe(user) + ")");
    }

    private void list() {
        out.println("name\trole\tcounties\tstate");
        for (User user : store.users()) {
            out.println(user.name() + "\t" + user.role().code() + "\t" + String.join(",", user.counties()) + "\t"
                    + (user.disabled() ? "disabled" : "enabled"));
        }
    }

    private void createToken(String name, Options options) {
        UserStore.IssuedToken token = store.createToken(name, options.label());
        out.println("token " + token.id() + " for " + name + (options.label() == null ? "" : " (" + options.label() + ")")
                + "; it is shown only now: send it as 'Authorization: Bearer TOKEN'");
        out.println(token.token());
    }

    private void revoke(String name, Options options) {
        if (options.tokenId() != null) {
            store.revokeToken(name, options.tokenId());
            out.println("revoked token " + options.tokenId() + " of " + name);
        } else {
            out.println("revoked " + store.revokeTokens(name) + " token(s) of " + name);
        }
    }

    private static String name(List<String> arguments) {
        if (arguments.size() != 2) {
            throw new ConfigException("expected '" + String.join(" ", arguments) + "' to be followed by one user name");
        }
        return arguments.get(1);
    }

    private String password() throws IOException {
        String line = stdin.readLine();
        if (line == null || line.isEmpty()) {
            throw StoreError.of(StoreError.Kind.INVALID, "no password: give it as the first line of standard input");
        }
        Passwords.requireAcceptable(line);
        return line;
    }

    private static String describe(User user) {
        return user.counties().isEmpty() ? user.role().code() : user.role().code() + "; " + String.join(", ", user.counties());
    }
}
