package org.linfenatlas.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    final MutableClock clock = new MutableClock();
    final LoginThrottle throttle = new LoginThrottle(clock, 5, Duration.ofMinutes(15));

    @Test
    void fourFailuresStillAllowATry() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("li.wei", "10.0.0.1");
        }
        assertTrue(throttle.retryAfter("li.wei", "10.0.0.1").isEmpty());
    }

    @Test
    void fiveFailuresForOneNameBlockItFromAnyAddress() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("li.wei", "10.0.0." + i);
        }
        assertEquals(Optional.of(Duration.ofMinutes(15)), throttle.retryAfter("li.wei", "10.9.9.9"));
    }

    @Test
    void fiveFailuresFromOneAddressBlockItForAnyName() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("user" + i, "10.0.0.1");
        }
        assertTrue(throttle.retryAfter("wang.fang", "10.0.0.1").isPresent());
    }

    @Test
    void anotherUserFromAnotherAddressIsNotBlocked() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("li.wei", "10.0.0.1");
        }
        assertTrue(throttle.retryAfter("wang.fang", "10.0.0.2").isEmpty());
    }

    @Test
    void waitEndsWhenTheOldestFailureLeavesTheWindow() {
        throttle.failed("li.wei", "10.0.0.1");
        clock.advance(Duration.ofMinutes(5));
        for (int i = 0; i < 4; i++) {
            throttle.failed("li.wei", "10.0.0.1");
        }
        assertEquals(Optional.of(Duration.ofMinutes(10)), throttle.retryAfter("li.wei", "10.0.0.1"));
        clock.advance(Duration.ofMinutes(10));
        assertTrue(throttle.retryAfter("li.wei", "10.0.0.1").isEmpty());
    }

    @Test
    void namesAreCountedRegardlessOfCase() {
        for (int i = 0; i < 5; i++) {
            throttle.failed(i % 2 == 0 ? "Li.Wei" : "li.wei", "10.0.0." + i);
        }
        assertTrue(throttle.retryAfter("LI.WEI", "10.9.9.9").isPresent());
    }

    @Test
    void successClearsTheNamesFailures() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("li.wei", "10.0.0." + i);
        }
        throttle.succeeded("li.wei");
        throttle.failed("li.wei", "10.0.0.9");
        assertTrue(throttle.retryAfter("li.wei", "10.8.8.8").isEmpty());
    }
}
