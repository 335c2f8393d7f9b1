package org.linfenatlas.store;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.linfenatlas.model.Feature;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * How a history entry is stored, the same in every repository: a row of the history table, with the
 * feature before and after as JSON of its properties and its geometry as WKB (base64), so that a revert
 * or restore gives back every coordinate bit for bit, which 6-decimal GeoJSON would not.
 */
public final class HistoryCodec {
    private static final ObjectMapper JSON = new ObjectMapper();

    private HistoryCodec() {
    }

    /**
     * How a repository's history table holds the time, ISO text (SQLite) or timestamptz (PostgreSQL), and
     * how its rows are put in order, newest first: by time, then by the order they were committed (SQLite's
     * rowid, PostgreSQL's identity column {@code seq}), as two changes may share a second.
     */
    public enum TimeColumn {
        /** julianday: ISO texts with and without fractions of a second do not sort as text. */
        TEXT("julianday(h.time) DESC, h.rowid DESC"),
        TIMESTAMPTZ("h.time DESC, h.seq DESC");

        private final String newestFirst;

        TimeColumn(String newestFirst) {
            this.newestFirst = newestFirst;
        }
    }

    /** Appends the entry to the history table (in the caller's transaction). */
    public static void insert(Connection c, String table, TimeColumn time, HistoryEntry e) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + " (collection, feature_id, version,"
                + " time, operation, author_id, author_name, before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, e.collection());
            insert.setString(2, e.featureId());
            insert.setLong(3, e.version());
            if (time == TimeColumn.TEXT) {
                insert.setString(4, e.time().toString());
            } else {
                insert.setObject(4, OffsetDateTime.ofInstant(e.time(), ZoneOffset.UTC));
            }
            insert.setString(5, e.operation().code());
            if (e.author() == null) {
                insert.setNull(6, Types.BIGINT);
                insert.setNull(7, Types.VARCHAR);
            } else {
                insert.setLong(6, e.author().userId());
                insert.setString(7, e.author().name());
            }
            insert.setString(8, encode(e.before()));
            insert.setString(9, encode(e.after()));
            insert.executeUpdate();
        }
    }

    /** The feature's entries, newest first. */
    public static List<HistoryEntry> read(Connection c, String table, TimeColumn time, String collection, String featureId)
            throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM " + table + " h WHERE collection = ? AND feature_id = ? ORDER BY version DESC";
        try (PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, collection);
            q.setString(2, featureId);
            return entries(q, time, collection);
        }
    }

    /**
     * The collection's latest entries across its features, newest first, at most {@code limit}. With
     * {@code deletedOnly}, only features deleted now, each once, by the entry that deleted it: its last
     * entry is a deletion and {@code layerTable} holds no feature of its id (none came back by an import).
     */
    public static List<HistoryEntry> recent(Connection c, String table, TimeColumn time, String layerTable, String collection,
                                            int limit, boolean deletedOnly) throws SQLException {
        String sql = "SELECT " + COLUMNS + " FROM " + table + " h WHERE h.collection = ?"
                + (deletedOnly ? " AND h.after IS NULL"
                        + " AND h.version = (SELECT max(m.version) FROM " + table + " m"
                        + " WHERE m.collection = h.collection AND m.feature_id = h.feature_id)"
                        + " AND NOT EXISTS (SELECT 1 FROM " + layerTable + " f WHERE f.id = h.feature_id)" : "")
                + " ORDER BY " + time.newestFirst + " LIMIT ?";
        try (PreparedStatement q = c.prepareStatement(sql)) {
            q.setString(1, collection);
            q.setInt(2, limit);
            return entries(q, time, collection);
        }
    }

    private static final String COLUMNS = "h.feature_id, h.version, h.time, h.operation, h.author_id, h.author_name, h.before, h.after";

    private static List<HistoryEntry> entries(PreparedStatement q, TimeColumn time, String collection) throws SQLException {
        List<HistoryEntry> entries = new ArrayList<>();
        try (ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                long authorId = rs.getLong(5);
                Author author = rs.wasNull() ? null : new Author(authorId, rs.getString(6));
                Instant when = time == TimeColumn.TEXT ? Instant.parse(rs.getString(3))
                        : rs.getObject(3, OffsetDateTime.class).toInstant();
                entries.add(new HistoryEntry(collection, rs.getString(1), rs.getLong(2), when,
                        HistoryEntry.Operation.valueOf(rs.getString(4).toUpperCase(Locale.ROOT)), author,
                        decode(rs.getString(7)), decode(rs.getString(8))));
            }
        }
        return entries;
    }

    public static String encode(Feature feature) {
        if (feature == null) {
            return null;
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", feature.id());
        doc.put("version", feature.version());
        doc.put("wkb", Base64.getEncoder().encodeToString(new WKBWriter(2).write(feature.geometry())));
        doc.put("properties", feature.properties());
        try {
            return JSON.writeValueAsString(doc);
        } catch (IOException e) {
            throw new StoreException("cannot encode feature " + feature.id() + " for its history", e);
        }
    }

    public static Feature decode(String text) {
        if (text == null) {
            return null;
        }
        try {
            Map<String, Object> doc = JSON.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() { });
            @SuppressWarnings("unchecked")
            Map<String, Object> props = (Map<String, Object>) doc.get("properties");
            return new Feature((String) doc.get("id"),
                    new WKBReader().read(Base64.getDecoder().decode((String) doc.get("wkb"))),
                    props, ((Number) doc.get("version")).longValue());
        } catch (IOException | ParseException | RuntimeException e) {
            throw new StoreException("cannot decode a history entry", e);
        }
    }
}
