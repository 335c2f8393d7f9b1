package org.linfenatlas.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Failed sign-ins remembered in memory, per user name and per client address: after
 * {@code maxFailures} within {@code window}, further attempts on that name or from that address
 * wait until the oldest failure leaves the window. A success clears the name's failures.
 */
public final class LoginThrottle {
    /** Beyond this many remembered keys, stale ones are dropped first (a flood of made-up names must not grow the heap). */
    private static final int MAX_KEYS = 100_000;

    private final Clock clock;
    private final int maxFailures;
    private final Duration window;
    private final Map<String, Deque<Instant>> failures = new HashMap<>();

    public LoginThrottle(Clock clock, int maxFailures, Duration window) {
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
    }

    /** Five failures in fifteen minutes. */
    public LoginThrottle(Clock clock) {
        this(clock, 5, Duration.ofMinutes(15));
    }

    /** How long the caller must wait before trying this name from this address again; empty when it may try now. */
    public synchronized Optional<Duration> retryAfter(String userName, String address) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        for (String key : new String[] {nameKey(userName), addressKey(address)}) {
            Deque<Instant> times = recent(key, now);
            if (times != null && times.size() >= maxFailures) {
                Duration left = Duration.between(now, times.peekFirst().plus(window));
                wait = left.compareTo(wait) > 0 ? left : wait;
            }
        }
        return wait.isZero() || wait.isNegative() ? Optional.empty() : Optional.of(wait);
    }

    public synchronized void failed(String userName, String address) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_KEYS) {
            dropStale(now);
        }
        for (String key : new String[] {nameKey(userName), addressKey(address)}) {
            Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            times.addLast(now);
            while (times.size() > maxFailures) {
                times.removeFirst();
            }
        }
    }

    public synchronized void succeeded(String userName) {
        failures.remove(nameKey(userName));
    }

    private Deque<Instant> recent(String key, Instant now) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return null;
        }
        while (!times.isEmpty() && !times.peekFirst().plus(window).isAfter(now)) {
            times.removeFirst();
        }
        if (times.isEmpty()) {
            failures.remove(key);
            return null;
        }
        return times;
    }

    private void dropStale(Instant now) {
        for (Iterator<String> keys = failures.keySet().iterator(); keys.hasNext(); ) {
            Deque<Instant> times = failures.get(keys.next());
            if (times.isEmpty() || !times.peekLast().plus(window).isAfter(now)) {
                keys.remove();
            }
        }
        if (failures.size() >= MAX_KEYS) {
            failures.clear(); // under a flood of fresh keys: forget rather than grow without bound
        }
    }

    private static String nameKey(String userName) {
        return "name:" + (userName == null ? "" : userName.toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
