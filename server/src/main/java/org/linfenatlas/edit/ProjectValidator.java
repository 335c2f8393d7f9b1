package org.linfenatlas.edit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.linfenatlas.model.Feature;
import org.linfenatlas.model.Vocabulary;
import org.locationtech.jts.geom.Geometry;

/**
 * Checks a project a client writes (a GeoJSON Feature) and makes the Feature to store, or refuses it
 * with a {@link org.linfenatlas.store.StoreError} that names every problem at once, each as
 * {property, problem} ("geometry", "type", "id", or "" for the body as a whole).
 *
 * <p>MALFORMED (400): not a JSON object of type "Feature" with an object {@code properties} and a
 * {@code geometry} that is an object or null (absent counts as null), or nested deeper than 20. INVALID (422), all else:
 * <ul>
 * <li>properties not in the projects layer spec; values of the wrong JSON type; text that is blank or
 *     too long (name 200, name_en 300, summaries, source and place_basis 2000 (they are bilingual), progress notes 500,
 *     parent 200, aliases at most 20 of at most 200);
 * <li>category, status, precision, kind and stage outside their vocabularies;
 * <li>name, category, kind, status, precision and counties are required: the map, the filters and the
 *     statistics all rest on them, and every project of gis-data has them;
 * <li>counties: existing county names, none twice; the list may be empty only at precision {@code city}
 *     or {@code none}, and is empty at precision {@code city};
 * <li>place_basis is required at precision site, landmark or town (a placed position says where it comes from);
 * <li>figures: an object of finite numbers with lowercase ascii keys;
 * <li>start_year, completion_year and investment_year from 1949 to 2100, start_year not after
 *     completion_year; investments not negative;
 * <li>geometry null exactly at precision {@code none} (no position: not a place, or a site the plans leave
 *     open); kind {@code none} (not a place) only at precision {@code none};
 * <li>geometry: GeoJSON, 2D, every position inside Linfen's extent (the counties' envelope grown by
 *     0.05°), valid for JTS, at most 10,000 vertices, of a type that fits kind, and within
 *     {@link #TOLERANCE_METRES} of its counties (of the whole city when it names none).
 * </ul>
 *
 * <p>What the client does not decide: {@code belts} is derived from the counties (in the plan's order
 * of belts) whatever the client sends; {@code updated_at} and {@code updated_by} are ignored, the
 * server sets them ({@link EditStamp}). Foreign top-level members (bbox, links) are ignored, as RFC
 * 7946 allows. Integers are stored as Long and numbers as Double, as the PostGIS store reads them;
 * figures keep the numbers as JSON gives them, as the seeded data does.
 */
public final class ProjectValidator {
    /**
     * How far outside its counties a project may reach. The county outlines and the lines drawn along
     * the Yellow River come from different surveys of the same border: six Yellow River projects of
     * gis-data leave their counties' outline by up to 1.6 km (see ProjectsCatalogueTest), and 1 km
     * would refuse them.
     */
    public static final double TOLERANCE_METRES = 2_000;

    private final CountyAreas counties;
    private final PropertyRules propertyRules;
    private final GeometryRules geometryRules;

    /** @param counties the county features as the store serves them (name, belt and polygon in CRS84) */
    public ProjectValidator(List<Feature> counties) {
        this.counties = new CountyAreas(counties, TOLERANCE_METRES);
        this.propertyRules = new PropertyRules(this.counties);
        this.geometryRules = new GeometryRules(this.counties, TOLERANCE_METRES);
    }

    /**
     * The JSON of a write request body, held to the limits checked before its content: at most 1 MB
     * (else TOO_LARGE, 413), UTF-8 JSON with one value, no duplicate keys, nesting at most 20 deep,
     * numbers of at most 100 digits (else MALFORMED, 400).
     */
    public static JsonNode parseBody(byte[] body) {
        return RequestBody.parse(body);
    }

    /** The project to store under {@code id} at version 1 (the store sets the real version); see the class comment. */
    public Feature validate(String id, JsonNode body) {
        checkShape(id, body);
        Problems problems = new Problems();
        JsonNode bodyId = body.get("id");
        if (bodyId != null && !bodyId.isNull() && !bodyId.asText().equals(id)) {
            problems.add("id", "'" + bodyId.asText() + "' is not the id of the feature written, '" + id + "'");
        }
        Map<String, Object> properties = propertyRules.check(body.get("properties"), id, problems);
        JsonNode geometryJson = body.get("geometry");
        Geometry geometry;
        if (geometryJson == null || geometryJson.isNull()) {
            geometry = Feature.NO_GEOMETRY;
            if (properties.containsKey("precision") && !"none".equals(properties.get("precision"))) {
                problems.add("geometry", "null only at precision 'none' (no position); at precision '" + properties.get("precision")
                        + "' give the position");
            }
        } else {
            geometry = geometryRules.check(geometryJson, validKind(properties), validCounties(properties), problems);
            if ("none".equals(properties.get("precision"))) {
                problems.add("geometry", "must be null at precision 'none' (no position)");
            }
        }
        if ("none".equals(properties.get("kind")) && properties.containsKey("precision") && !"none".equals(properties.get("precision"))) {
            problems.add("kind", "'none' (not a place) goes with precision 'none' and geometry null");
        }
        problems.throwInvalidIfAny("project " + id + " is not valid");
        return new Feature(id, geometry, properties);
    }

    private static void checkShape(String id, JsonNode body) {
        Problems problems = new Problems();
        if (body == null || !body.isObject()) {
            problems.add("", "the body must be a JSON object: a GeoJSON Feature");
            problems.throwMalformedIfAny("not a GeoJSON Feature");
        }
        if (RequestBody.tooDeep(body)) {
            problems.add("", "JSON nested deeper than " + RequestBody.MAX_DEPTH);
        }
        if (!"Feature".equals(body.path("type").asText(null)) || !body.path("type").isTextual()) {
            problems.add("type", "must be \"Feature\"");
        }
        if (!body.path("properties").isObject()) {
            problems.add("", "'properties' must be an object");
        }
        if (!body.path("geometry").isObject() && !body.path("geometry").isNull() && !body.path("geometry").isMissingNode()) {
            problems.add("geometry", "must be a GeoJSON geometry object or null");
        }
        JsonNode bodyId = body.get("id");
        if (bodyId != null && !bodyId.isNull() && !bodyId.isTextual() && !bodyId.isIntegralNumber()) {
            problems.add("id", "must be a string");
        }
        problems.throwMalformedIfAny("not a GeoJSON Feature of project " + id);
    }

    private static String validKind(Map<String, Object> properties) {
        Object kind = properties.get("kind");
        return Vocabulary.KINDS.contains(kind) && !"none".equals(kind) ? (String) kind : null;
    }

    /** The counties when they passed their checks (belts are derived only then), else null. */
    @SuppressWarnings("unchecked")
    private static List<String> validCounties(Map<String, Object> properties) {
        return properties.containsKey("belts") ? (List<String>) properties.get("counties") : null;
    }
}
