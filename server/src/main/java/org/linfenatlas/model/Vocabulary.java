package org.linfenatlas.model;

import java.util.List;
import java.util.Map;

/** The closed value lists of the project schema, shared by validation, the API and the tests. */
public final class Vocabulary {
    public static final List<String> BELTS = List.of("fen", "yellow", "taiyue");
    public static final List<String> CATEGORIES = List.of("energy", "manufacturing", "logistics", "agriculture",
            "culture_tourism", "innovation", "ecology", "education_health", "transport", "new_infrastructure", "urban");
    public static final List<String> STATUSES = List.of("build", "upgrade", "plan", "existing");
    /** From the most to the least precise; {@code none}: no position (geometry null). */
    public static final List<String> PRECISIONS = List.of("site", "landmark", "town", "county", "city", "none");
    /** {@code none}: not a place at all (a product category); its geometry is null. */
    public static final List<String> KINDS = List.of("point", "line", "area", "none");
    /** Where a project's counties come from (see gis-data/README.md). */
    public static final List<String> COUNTIES_BASES = List.of("name", "text", "inferred");
    /** Kinds of the places layer. */
    public static final List<String> PLACE_KINDS = List.of("county_seat", "town", "township", "subdistrict");
    /** How a project is going, as its county's editors report it (the plans' status says what the plan intends). */
    public static final List<String> STAGES = List.of("planning", "preparation", "construction", "completed", "suspended");
    public static final Map<String, String> STAGE_LABELS_ZH = Map.of(
            "planning", "谋划", "preparation", "前期", "construction", "在建", "completed", "建成", "suspended", "暂缓");

    /** Query parameter name → its closed list of values. */
    public static final Map<String, List<String>> BY_FILTER = Map.of(
            "belt", BELTS, "category", CATEGORIES, "status", STATUSES, "precision", PRECISIONS, "kind", KINDS,
            "stage", STAGES, "counties_basis", COUNTIES_BASES, "place_kind", PLACE_KINDS);

    private Vocabulary() {
    }
}
