package org.linfenatlas.store.postgis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.linfenatlas.index.SearchText;
import org.linfenatlas.model.Feature;
import org.linfenatlas.model.LayerSpec;
import org.linfenatlas.model.PropertySpec;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * How a layer spec maps to its table in the schema {@value #SCHEMA} (see
 * db/migration/postgis/V1__layers.sql). Table and column names come only from the layer specs
 * and are checked against a strict pattern before they reach SQL text; values are always bound.
 *
 * <p>Geometries cross the wire as WKB ({@code ST_AsBinary} / {@code ST_GeomFromWKB}) and are read
 * and written with JTS, the server's one geometry model; postgis-jdbc would add a second model to
 * convert from, and binary WKB keeps every coordinate bit for bit.
 */
final class LayerTable {
    static final String SCHEMA = "atlas";
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What a searchable layer's rows keep of their SearchText, in the order {@link #bindSearchText} binds them. */
    private static final List<String> SEARCH_COLUMNS = List.of("search_text", "search_names", "search_names_marked",
            "search_aliases_marked", "search_counties_marked", "search_text_marked");

    private final LayerSpec spec;
    private final String table;
    static final String VERSION = "atlas_version";
    private final Map<String, String> selectOverrides;
    /** The feature version's column, or 1 for a relation without one (the belts view). */
    private final String version;

    private LayerTable(LayerSpec spec, String relation, Map<String, String> selectOverrides) {
        this.spec = spec;
        this.table = SCHEMA + "." + name(relation);
        this.selectOverrides = selectOverrides;
        this.version = spec.stored() && relation.equals(spec.id()) ? VERSION : "1";
        spec.properties().forEach(p -> name(p.name()));
    }

    /** The table of a stored layer. */
    static LayerTable of(LayerSpec spec) {
        if (!spec.stored()) {
            throw new IllegalArgumentException("layer " + spec.id() + " is not stored");
        }
        return new LayerTable(spec, spec.id(), Map.of());
    }

    /** A relation (table or view) read as the given layer, with SQL expressions for some columns. */
    static LayerTable view(LayerSpec spec, String relation, Map<String, String> selectOverrides) {
        return new LayerTable(spec, relation, Map.copyOf(selectOverrides));
    }

    /** A name from the layer specs, refused unless it is a plain lower-case SQL identifier. */
    static String name(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a safe SQL name: " + name);
        }
        return name;
    }

    LayerSpec spec() {
        return spec;
    }

    String table() {
        return table;
    }

    /** The column (or expression) that holds a property, for WHERE and ORDER BY. */
    String column(String property) {
        if (property.equals("id")) {
            return "id";
        }
        PropertySpec p = spec.property(property)
                .orElseThrow(() -> new IllegalArgumentException("layer " + spec.id() + " has no property " + property));
        return selectOverrides.getOrDefault(p.name(), name(p.name()));
    }

    /** id, WKB geometry and every property, in the order {@link #read} expects. */
    String selectList() {
        List<String> columns = new ArrayList<>();
        columns.add("id");
        columns.add("ST_AsBinary(geom)");
        columns.add(version);
        for (PropertySpec p : spec.properties()) {
            String column = column(p.name());
            columns.add(p.type().isJson() ? "(" + column + ")::text" : column);
        }
        return String.join(", ", columns);
    }

    /** The feature in the columns of {@link #selectList()}, starting at column {@code first}. */
    Feature read(ResultSet rs, int first, WKBReader wkb) throws SQLException {
        String id = rs.getString(first);
        try {
            byte[] geometryWkb = rs.getBytes(first + 1);
            var geometry = geometryWkb == null ? Feature.NO_GEOMETRY : wkb.read(geometryWkb);
            long featureVersion = rs.getLong(first + 2);
            Map<String, Object> props = new LinkedHashMap<>();
            int i = first + 3;
            for (PropertySpec p : spec.properties()) {
                Object value = switch (p.type()) {
                    case STRING -> rs.getString(i);
                    case INTEGER -> nullable(rs, rs.getLong(i));
                    case NUMBER -> nullable(rs, rs.getDouble(i));
                    case JSON_ARRAY, JSON_OBJECT -> {
                        String text = rs.getString(i);
                        yield text == null ? null : JSON.readValue(text, Object.class);
                    }
                };
                if (value != null) {
                    props.put(p.name(), value);
                }
                i++;
            }
            return new Feature(id, geometry, props, featureVersion);
        } catch (ParseException | JsonProcessingException e) {
            throw new SQLException("cannot decode feature " + id + " of " + spec.id(), e);
        }
    }

    private static Object nullable(ResultSet rs, Object value) throws SQLException {
        return rs.wasNull() ? null : value;
    }

    /** INSERT with one bound parameter per column; searchable layers also get their search text. */
    String insertSql() {
        List<String[]> columns = boundColumns();
        return "INSERT INTO " + table + " (" + String.join(", ", columns.stream().map(c -> c[0]).toList())
                + ") VALUES (" + String.join(", ", columns.stream().map(c -> c[1]).toList()) + ")";
    }

    /** UPDATE of every column but the id, with the parameters {@link #bindInsert} binds, then the id. */
    String updateSql() {
        List<String[]> columns = boundColumns();
        return "UPDATE " + table + " SET " + String.join(", ", columns.subList(1, columns.size()).stream()
                .map(c -> c[0] + " = " + c[1]).toList()) + " WHERE id = ?";
    }

    /** Column and bound value expression, in the order {@link #bindInsert} binds them. */
    private List<String[]> boundColumns() {
        List<String[]> columns = new ArrayList<>();
        columns.add(new String[] {"id", "?"});
        columns.add(new String[] {"geom", "ST_GeomFromWKB(?, 4326)"});
        columns.add(new String[] {VERSION, "?"});
        for (PropertySpec p : spec.properties()) {
            columns.add(new String[] {name(p.name()), switch (p.type()) {
                case JSON_ARRAY -> "CAST(? AS jsonb)";
                case JSON_OBJECT -> "CAST(? AS json)";
                default -> "?";
            }});
        }
        if (spec.searchable()) {
            SEARCH_COLUMNS.forEach(c -> columns.add(new String[] {c, "?"}));
        }
        return columns;
    }

    void bindInsert(PreparedStatement insert, Feature feature, WKBWriter wkb) throws SQLException {
        insert.setString(1, feature.id());
        bindValues(insert, feature, wkb, 2);
    }

    void bindUpdate(PreparedStatement update, Feature feature, WKBWriter wkb) throws SQLException {
        int next = bindValues(update, feature, wkb, 1);
        update.setString(next, feature.id());
    }

    /** Binds every column but the id from parameter {@code first} on; returns the next parameter's index. */
    private int bindValues(PreparedStatement insert, Feature feature, WKBWriter wkb, int first) throws SQLException {
        if (feature.hasGeometry()) {
            insert.setBytes(first, wkb.write(feature.geometry()));
        } else {
            insert.setNull(first, Types.BINARY); // SQL NULL: ST_GeomFromWKB(NULL) is NULL
        }
        insert.setLong(first + 1, feature.version());
        int i = first + 2;
        for (PropertySpec p : spec.properties()) {
            Object value = feature.property(p.name());
            if (value == null) {
                insert.setNull(i, switch (p.type()) {
                    case INTEGER -> Types.BIGINT;
                    case NUMBER -> Types.DOUBLE;
                    default -> Types.VARCHAR;
                });
            } else {
                switch (p.type()) {
                    case INTEGER -> insert.setLong(i, ((Number) value).longValue());
                    case NUMBER -> insert.setDouble(i, ((Number) value).doubleValue());
                    case STRING -> insert.setString(i, value.toString());
                    case JSON_ARRAY, JSON_OBJECT -> insert.setString(i, json(feature, value));
                }
            }
            i++;
        }
        if (spec.searchable()) {
            i = bindSearchText(insert, SearchText.of(feature), i);
        }
        return i;
    }

    /** UPDATE of the search columns alone, with the parameters {@link #bindSearchText} binds, then the id. */
    String searchTextUpdateSql() {
        return "UPDATE " + table + " SET " + String.join(", ", SEARCH_COLUMNS.stream().map(c -> c + " = ?").toList())
                + " WHERE id = ?";
    }

    /** Binds a feature's search text from parameter {@code first} on; returns the next parameter's index. */
    static int bindSearchText(PreparedStatement statement, SearchText text, int first) throws SQLException {
        statement.setString(first, text.plain());
        statement.setString(first + 1, text.plainNames());
        statement.setString(first + 2, text.markedNames());
        statement.setString(first + 3, text.markedAliases());
        statement.setString(first + 4, text.markedCounties());
        statement.setString(first + 5, text.markedOther());
        return first + SEARCH_COLUMNS.size();
    }

    /** The columns the migrations must have created for this layer. */
    List<String> requiredColumns() {
        List<String> columns = new ArrayList<>(List.of("id", "geom", VERSION));
        spec.properties().forEach(p -> columns.add(p.name()));
        if (spec.searchable()) {
            columns.addAll(SEARCH_COLUMNS);
        }
        return columns;
    }

    private static String json(Feature feature, Object value) throws SQLException {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot encode a property of feature " + feature.id(), e);
        }
    }
}
