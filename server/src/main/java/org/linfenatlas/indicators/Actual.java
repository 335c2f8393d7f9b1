package org.linfenatlas.indicators;

import java.time.Instant;
import org.linfenatlas.store.Author;

/**
 * The actual value of an indicator in one year as recorded: the number, where it comes from (a
 * statistical yearbook, a department's report), and the version, time and author of the change that
 * set it. Versions continue the history's numbering, so that they never repeat for one indicator and year.
 */
public record Actual(String indicator, int year, double value, String source, long version, Instant time, Author author) {
}
