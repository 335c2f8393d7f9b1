package org.linfenatlas.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.linfenatlas.model.Vocabulary;

/**
 * Project counts and stated investment per belt, county and category, and project counts per
 * stage. A project in several counties or belts counts once in each; {@code total} counts it once.
 *
 * @param stages project count per stage code: every code of Vocabulary.STAGES in its order (0 when
 *               none), then any other stored value, then {@link #UNSET} for projects without a stage
 * @param investmentCount how many projects state an investment (figures.investment_yi_yuan), so that
 *               {@code investmentYiYuan} reads as "stated by N projects", not as the plans' total
 * @param statuses project count per status code: every code of Vocabulary.STATUSES in its order (0 when
 *               none), then any other stored value, then {@link #UNSET} only when some project has none
 */
public record Stats(long total, double investmentYiYuan, List<Group> belts, List<Group> counties, List<Group> categories,
                    Map<String, Long> stages, long investmentCount, Map<String, Long> statuses) {
    public static final String UNSET = "unset";

    /** Without the per-status counts (empty). */
    public Stats(long total, double investmentYiYuan, List<Group> belts, List<Group> counties, List<Group> categories,
                 Map<String, Long> stages, long investmentCount) {
        this(total, investmentYiYuan, belts, counties, categories, stages, investmentCount, Map.of());
    }

    /** Without the count of projects that state an investment (0). */
    public Stats(long total, double investmentYiYuan, List<Group> belts, List<Group> counties, List<Group> categories,
                 Map<String, Long> stages) {
        this(total, investmentYiYuan, belts, counties, categories, stages, 0);
    }

    /** Per-stage counts in the documented order, from the counts of the stored values (null key: no stage). */
    public static Map<String, Long> stageCounts(Map<String, Long> byStoredValue) {
        return codeCounts(Vocabulary.STAGES, byStoredValue, true);
    }

    /** Per-status counts in the documented order, from the counts of the stored values (null key: no status). */
    public static Map<String, Long> statusCounts(Map<String, Long> byStoredValue) {
        return codeCounts(Vocabulary.STATUSES, byStoredValue, false);
    }

    private static Map<String, Long> codeCounts(List<String> codes, Map<String, Long> byStoredValue, boolean alwaysUnset) {
        Map<String, Long> others = new TreeMap<>();
        Long unset = 0L;
        for (Map.Entry<String, Long> e : byStoredValue.entrySet()) {
            if (e.getKey() == null) {
                unset = e.getValue();
            } else if (!codes.contains(e.getKey())) {
                others.put(e.getKey(), e.getValue());
            }
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        codes.forEach(code -> counts.put(code, byStoredValue.getOrDefault(code, 0L)));
        counts.putAll(others);
        if (alwaysUnset || unset > 0) {
            counts.put(UNSET, unset);
        }
        return Collections.unmodifiableMap(counts);
    }

    /** @param belt the county's belt, null for other groups */
    public record Group(String id, String name, String nameEn, String belt, long count, double investmentYiYuan,
                        Map<String, Long> categories, long investmentCount) {
        /** Without the count of projects that state an investment (0). */
        public Group(String id, String name, String nameEn, String belt, long count, double investmentYiYuan,
                     Map<String, Long> categories) {
            this(id, name, nameEn, belt, count, investmentYiYuan, categories, 0);
        }
    }
}
