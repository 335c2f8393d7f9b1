package org.linfenatlas.filter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.linfenatlas.model.LayerSpec;
import org.linfenatlas.model.PropertySpec;
import org.linfenatlas.model.Vocabulary;

/**
 * What a filter may name in one collection (OGC API – Features Part 3 queryables): the feature id,
 * the geometry, every scalar property and the lists of names. Not queryable: objects (figures) and the
 * counties' seat coordinates. Any other name is refused (the queryables say additionalProperties: false).
 */
public final class Queryables {
    public static final String ID = "id";
    public static final String GEOMETRY = "geometry";
    /** The list properties; each holds strings (names of counties, belts, other names). */
    static final Set<String> STRING_LISTS = Set.of("counties", "belts", "aliases");
    /** Property → its closed list of values (for a list property: of its elements). */
    private static final Map<String, List<String>> ENUMS = Map.of(
            "category", Vocabulary.CATEGORIES, "status", Vocabulary.STATUSES, "precision", Vocabulary.PRECISIONS,
            "kind", Vocabulary.KINDS, "stage", Vocabulary.STAGES, "belt", Vocabulary.BELTS, "belts", Vocabulary.BELTS);

    /**
     * @param integer  whether a number is always whole (JSON Schema "integer")
     * @param values   its closed list of values (of its elements, for an array), empty when open
     */
    public record Queryable(String name, ValueType type, boolean integer, String title, List<String> values) {
        public Queryable {
            values = List.copyOf(values);
        }
    }

    private final String collection;
    private final Map<String, Queryable> byName;

    private Queryables(String collection, Map<String, Queryable> byName) {
        this.collection = collection;
        this.byName = byName;
    }

    private static final Map<LayerSpec, Queryables> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    /** The collection's queryables (made once per layer spec). */
    public static Queryables of(LayerSpec spec) {
        return CACHE.computeIfAbsent(spec, Queryables::make);
    }

    private static Queryables make(LayerSpec spec) {
        Map<String, Queryable> byName = new LinkedHashMap<>();
        byName.put(ID, new Queryable(ID, ValueType.STRING, false, "Feature id", List.of()));
        byName.put(GEOMETRY, new Queryable(GEOMETRY, ValueType.GEOMETRY, false, "Geometry (CRS84)", List.of()));
        for (PropertySpec p : spec.properties()) {
            ValueType type = switch (p.type()) {
                case STRING -> ValueType.STRING;
                case INTEGER, NUMBER -> ValueType.NUMBER;
                case JSON_ARRAY -> STRING_LISTS.contains(p.name()) ? ValueType.STRING_ARRAY : null;
                case JSON_OBJECT -> null;
            };
            if (type != null) {
                byName.put(p.name(), new Queryable(p.name(), type, p.type() == org.linfenatlas.model.PropertyType.INTEGER,
                        p.description(), ENUMS.getOrDefault(p.name(), List.of())));
            }
        }
        return new Queryables(spec.id(), java.util.Collections.unmodifiableMap(byName));
    }

    public String collection() {
        return collection;
    }

    public Optional<Queryable> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Every queryable, id and geometry first, then the properties in the layer's order. */
    public List<Queryable> all() {
        return List.copyOf(byName.values());
    }

    public List<String> names() {
        return all().stream().map(Queryable::name).toList();
    }
}
