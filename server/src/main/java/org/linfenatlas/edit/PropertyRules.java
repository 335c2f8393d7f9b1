package org.linfenatlas.edit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.linfenatlas.model.Layers;
import org.linfenatlas.model.PropertySpec;
import org.linfenatlas.model.Vocabulary;

/** The rules for a project's properties; see {@link ProjectValidator} for the list. */
final class PropertyRules {
    static final Set<String> SERVER_OWNED = Set.of("belts", "updated_at", "updated_by");
    static final List<String> REQUIRED = List.of("name", "category", "kind", "status", "precision", "counties");
    static final Map<String, Integer> MAX_LENGTHS = Map.ofEntries(
            Map.entry("name", 200), Map.entry("name_en", 300), Map.entry("summary_zh", 2000), Map.entry("summary_en", 2000),
            Map.entry("source", 2000), Map.entry("place_basis", 2000), Map.entry("progress_zh", 500), Map.entry("progress_en", 500),
            Map.entry("parent", 200), Map.entry("category", 40), Map.entry("kind", 40), Map.entry("status", 40),
            Map.entry("precision", 40), Map.entry("stage", 40), Map.entry("counties_basis", 40));
    static final Map<String, List<String>> VOCABULARIES = Map.of(
            "category", Vocabulary.CATEGORIES, "status", Vocabulary.STATUSES, "precision", Vocabulary.PRECISIONS,
            "kind", Vocabulary.KINDS, "stage", Vocabulary.STAGES, "counties_basis", Vocabulary.COUNTIES_BASES);
    static final List<String> YEARS = List.of("start_year", "completion_year", "investment_year");
    static final int FIRST_YEAR = 1949;
    static final int LAST_YEAR = 2100;
    static final List<String> INVESTMENTS = List.of("investment_planned_yi_yuan", "investment_completed_yi_yuan");
    static final int MAX_ALIASES = 20;
    static final int MAX_ALIAS_LENGTH = 200;
    static final Pattern FIGURE_KEY = Pattern.compile("[a-z][a-z0-9_]{0,40}");
    static final Set<String> PLACED_PRECISIONS = Set.of("site", "landmark", "town");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final CountyAreas counties;

    PropertyRules(CountyAreas counties) {
        this.counties = counties;
    }

    /** The properties to store, in the layer's order; each problem found is added to {@code problems}. */
    Map<String, Object> check(JsonNode properties, String featureId, Problems problems) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (SERVER_OWNED.contains(name) || value.isNull()) {
                continue;
            }
            if (name.equals("id") && value.isTextual() && value.textValue().equals(featureId)) {
                continue; // gis-data files repeat the id among the properties
            }
            Layers.PROJECTS_SPEC.property(name).ifPresentOrElse(
                    spec -> {
                        Object typed = typed(spec, value, problems);
                        if (typed != null) {
                            values.put(name, typed);
                        }
                    },
                    () -> problems.add(name, "unknown property"));
        }
        REQUIRED.stream().filter(name -> !values.containsKey(name) && !properties.hasNonNull(name))
                .forEach(name -> problems.add(name, "required"));
        checkTexts(values, problems);
        checkVocabularies(values, problems);
        checkAliases(values, problems);
        checkProgress(values, problems);
        List<String> countyNames = checkCounties(values, problems);
        if (countyNames != null) {
            values.put("belts", counties.beltsOf(countyNames));
        }
        if (PLACED_PRECISIONS.contains(values.get("precision")) && !values.containsKey("place_basis")) {
            problems.add("place_basis", "required when precision is " + values.get("precision") + ": say where the position comes from");
        }
        return SpecOrder.of(values);
    }

    private static Object typed(PropertySpec spec, JsonNode value, Problems problems) {
        String name = spec.name();
        switch (spec.type()) {
            case STRING -> {
                if (value.isTextual()) {
                    return value.textValue();
                }
                problems.add(name, "must be a string");
            }
            case INTEGER -> {
                if (value.isNumber() && value.canConvertToExactIntegral() && value.canConvertToLong()) {
                    return value.longValue();
                }
                problems.add(name, "must be an integer");
            }
            case NUMBER -> {
                if (value.isNumber() && Double.isFinite(value.doubleValue())) {
                    return value.doubleValue();
                }
                problems.add(name, "must be a finite number");
            }
            case JSON_ARRAY -> {
                List<String> items = new ArrayList<>();
                value.forEach(item -> items.add(item.isTextual() ? item.textValue() : null));
                if (value.isArray() && !items.contains(null)) {
                    return List.copyOf(items);
                }
                problems.add(name, "must be an array of strings");
            }
            case JSON_OBJECT -> {
                return figures(name, value, problems);
            }
        }
        return null;
    }

    /** Figures keep the numbers as JSON gives them (as the seeded data does), keys in the client's order. */
    private static Object figures(String name, JsonNode value, Problems problems) {
        if (!value.isObject()) {
            problems.add(name, "must be an object of numbers");
            return null;
        }
        boolean ok = true;
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> figure = it.next();
            JsonNode number = figure.getValue();
            if (!FIGURE_KEY.matcher(figure.getKey()).matches()) {
                problems.add(name, "key '" + clip(figure.getKey()) + "' must be lowercase ascii: " + FIGURE_KEY.pattern());
                ok = false;
            }
            boolean finite = number.isNumber() && Double.isFinite(number.doubleValue())
                    && (!number.isIntegralNumber() || number.canConvertToLong());
            if (!finite) {
                problems.add(name, "'" + clip(figure.getKey()) + "' must be a finite number");
                ok = false;
            }
        }
        return ok ? JSON.convertValue(value, Object.class) : null;
    }

    private static void checkTexts(Map<String, Object> values, Problems problems) {
        MAX_LENGTHS.forEach((name, max) -> {
            if (values.get(name) instanceof String text) {
                if (text.isBlank()) {
                    problems.add(name, "must not be blank (leave it out or send null instead)");
                } else if (length(text) > max) {
                    problems.add(name, "has " + length(text) + " characters; at most " + max);
                }
            }
        });
    }

    private static void checkVocabularies(Map<String, Object> values, Problems problems) {
        VOCABULARIES.forEach((name, allowed) -> {
            Object value = values.get(name);
            if (value != null && !allowed.contains(value)) {
                problems.add(name, "'" + clip(value.toString()) + "' is not one of " + String.join(", ", allowed));
            }
        });
    }

    @SuppressWarnings("unchecked")
    private static void checkAliases(Map<String, Object> values, Problems problems) {
        if (!(values.get("aliases") instanceof List<?> aliases)) {
            return;
        }
        if (aliases.size() > MAX_ALIASES) {
            problems.add("aliases", "has " + aliases.size() + " names; at most " + MAX_ALIASES);
        }
        for (String alias : (List<String>) aliases) {
            if (alias.isBlank() || length(alias) > MAX_ALIAS_LENGTH) {
                problems.add("aliases", "each must have 1 to " + MAX_ALIAS_LENGTH + " characters, not blank");
                return;
            }
        }
    }

    private static void checkProgress(Map<String, Object> values, Problems problems) {
        for (String name : YEARS) {
            if (values.get(name) instanceof Long year && (year < FIRST_YEAR || year > LAST_YEAR)) {
                problems.add(name, year + " is not a year from " + FIRST_YEAR + " to " + LAST_YEAR);
            }
        }
        if (values.get("start_year") instanceof Long start && values.get("completion_year") instanceof Long end && start > end) {
            problems.add("completion_year", end + " is before start_year " + start);
        }
        for (String name : INVESTMENTS) {
            if (values.get(name) instanceof Double amount && amount < 0) {
                problems.add(name, "must not be negative");
            }
        }
    }

    /** The valid county names, or null when they are absent or wrong (then nothing that depends on them is checked). */
    @SuppressWarnings("unchecked")
    private List<String> checkCounties(Map<String, Object> values, Problems problems) {
        if (!(values.get("counties") instanceof List<?> list)) {
            return null;
        }
        List<String> names = (List<String>) list;
        boolean ok = true;
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            if (!counties.exists(name)) {
                problems.add("counties", "'" + clip(name) + "' is not a county of Linfen");
                ok = false;
            } else if (!seen.add(name)) {
                problems.add("counties", "'" + name + "' is named twice");
                ok = false;
            }
        }
        boolean cityWide = "city".equals(values.get("precision"));
        if (names.isEmpty() && !cityWide && !"none".equals(values.get("precision"))) {
            problems.add("counties", "must name at least one county (only a project at precision city or none names none)");
            ok = false;
        } else if (!names.isEmpty() && cityWide) {
            problems.add("precision", "city is for projects that name no county; with counties it is county or finer");
        }
        return ok ? names : null;
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    private static String clip(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "…";
    }
}
