package org.linfenatlas.store;

import java.util.List;
import java.util.Map;

/**
 * Project counts and stated investment per belt, county and category. A project in several
 * counties or belts counts once in each; {@code total} counts it once.
 */
public record Stats(long total, double investmentYiYuan, List<Group> belts, List<Group> counties, List<Group> categories) {

    /** @param belt the county's belt, null for other groups */
    public record Group(String id, String name, String nameEn, String belt, long count, double investmentYiYuan,
                        Map<String, Long> categories) {
    }
}
