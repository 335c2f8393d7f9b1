package org.linfenatlas.store;

/** Who committed a change: a user's id and the name it had then (shown only to signed-in users). */
public record Author(long userId, String name) {
}
