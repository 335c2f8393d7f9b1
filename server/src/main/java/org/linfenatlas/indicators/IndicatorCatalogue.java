package org.linfenatlas.indicators;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plan's tables as gis-data/ holds them: 表2's indicators (indicators.json) and 表1's economy by
 * year (economy.json). Reference data, read once at start-up from the --gis-data directory when it has
 * the files, else from the copy bundled in the jar; never changed by the server. What changes, the
 * actual values recorded per year, lives in an {@link ActualsStore}.
 */
public final class IndicatorCatalogue {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the write path needs to know of an indicator to check a value. */
    public record Indicator(String id, String field, String unit, boolean integer, String better) {
        /** The largest value that makes sense: 100 for a share in per cent, 366 for days of a year. */
        public double max() {
            return switch (unit) {
                case "%" -> 100;
                case "天" -> 366;
                default -> 1e12;
            };
        }
    }

    private final JsonNode indicators;
    private final JsonNode economy;
    private final Map<String, Indicator> byId;
    private final List<Integer> actualYears;

    private IndicatorCatalogue(JsonNode indicators, JsonNode economy) {
        this.indicators = indicators;
        this.economy = economy;
        Map<String, Indicator> map = new LinkedHashMap<>();
        for (JsonNode i : indicators.path("indicators")) {
            String id = i.path("id").asText();
            if (id.isEmpty() || map.containsKey(id)) {
                throw new IllegalStateException("indicators.json: missing or repeated id '" + id + "'");
            }
            map.put(id, new Indicator(id, i.path("field").asText(), i.path("unit").asText(), i.path("integer").asBoolean(),
                    i.path("better").asText("higher")));
        }
        if (map.isEmpty()) {
            throw new IllegalStateException("indicators.json lists no indicator");
        }
        this.byId = Map.copyOf(map);
        List<Integer> years = new ArrayList<>();
        indicators.path("actual_years").forEach(y -> years.add(y.asInt()));
        this.actualYears = List.copyOf(years);
    }

    /** From {@code directory} where it has the file, else the bundled copy. */
    public static IndicatorCatalogue load(Path directory) {
        return new IndicatorCatalogue(read(directory, "indicators.json"), read(directory, "economy.json"));
    }

    private static volatile IndicatorCatalogue bundled;

    /** The copy bundled in the jar (read once). */
    public static IndicatorCatalogue bundled() {
        IndicatorCatalogue c = bundled;
        if (c == null) {
            c = load(null);
            bundled = c;
        }
        return c;
    }

    private static JsonNode read(Path directory, String name) {
        try {
            if (directory != null && Files.isRegularFile(directory.resolve(name))) {
                return JSON.readTree(directory.resolve(name).toFile());
            }
            try (InputStream in = IndicatorCatalogue.class.getResourceAsStream("/gis-data/" + name)) {
                if (in == null) {
                    throw new IllegalStateException("gis-data/" + name + " is not bundled");
                }
                return JSON.readTree(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read gis-data/" + name, e);
        }
    }

    public Optional<Indicator> indicator(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The years whose actual values are recorded (after the baseline, up to the target year). */
    public List<Integer> actualYears() {
        return actualYears;
    }

    /** indicators.json as read (a tree the caller must not change). */
    public JsonNode indicatorsDocument() {
        return indicators;
    }

    /** economy.json as read (a tree the caller must not change). */
    public JsonNode economyDocument() {
        return economy;
    }
}
