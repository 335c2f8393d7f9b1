package org.linfenatlas.indicators;

import java.time.Instant;
import java.util.Locale;
import org.linfenatlas.store.Author;

/** One committed change of an indicator's value in a year: the version it produced, when, by whom, before and after. */
public record ActualHistoryEntry(String indicator, int year, long version, Instant time, Operation operation, Author author,
                                 Actual before, Actual after) {
    public enum Operation {
        CREATE, UPDATE, DELETE;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Operation of(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }
}
