package org.linfenatlas.edit;

import java.util.ArrayList;
import java.util.List;
import org.linfenatlas.store.StoreError;
import org.linfenatlas.store.StoreError.Problem;

/** The problems found so far in a request, so that a refusal can name all of them at once. */
final class Problems {
    private final List<Problem> found = new ArrayList<>();

    void add(String property, String problem) {
        found.add(new Problem(property, problem));
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    void throwMalformedIfAny(String message) {
        if (!found.isEmpty()) {
            throw StoreError.malformed(message, found);
        }
    }

    void throwInvalidIfAny(String message) {
        if (!found.isEmpty()) {
            throw StoreError.invalid(message + " (" + found.size() + (found.size() == 1 ? " problem)" : " problems)"), found);
        }
    }
}
