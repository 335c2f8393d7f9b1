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
 */
public record Stats(long total, double investmentYiYuan, List<Group> belts, List<Group> counties, List<Group> categories,
                    Map<String, Long> stages, long investmentCount) {
    public static final String UNSET = "unset";

    /** Without the count of projects that state an investment (0). */
    public Stats(long total, double investmentYiYuan, List<Group> belts, List<Group> counties, List<Group> categories,
                 Map<String, Long> stages) {
        this(total, investmentYiYuan, belts, counties, categories, stages, 0);
    }

    /** Per-stage counts in the documented order, from the counts of the stored values (null key: no stage). */
    public static Map<String, Long> stageCounts(Map<String, Long> byStoredValue) {
        Map<String, Long> others = new TreeMap<>();
        Long unset = 0L;
        for (Map.Entry<String, Long> e : byStoredValue.entrySet()) {
            if (e.getKey() == null) {
                unset = e.getValue();
            } else if (!Vocabulary.STAGES.contains(e.getKey())) {
                others.put(e.getKey(), e.getValue());
            }
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        Vocabulary.STAGES.forEach(stage -> counts.put(stage, byStoredValue.getOrDefault(stage, 0L)));
        counts.putAll(others);
        counts.put(UNSET, unset);
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
