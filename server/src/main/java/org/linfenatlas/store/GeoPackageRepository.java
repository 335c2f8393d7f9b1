package org.linfenatlas.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.extension.rtree.RTreeIndexExtension;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureResultSet;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.sf.GeometryType;
import org.linfenatlas.model.Feature;
import org.linfenatlas.model.LayerSpec;
import org.linfenatlas.model.Layers;
import org.linfenatlas.model.PropertySpec;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * The embedded store: one OGC GeoPackage file (SQLite) written with NGA's reference library, so
 * that QGIS and ogrinfo open it as they would any GeoPackage. One feature table per stored layer,
 * named after the layer, with an R-tree index, a text column `id` and one column per property;
 * arrays and objects are stored as JSON text.
 */
public final class GeoPackageRepository implements LayerRepository {
    public static final String FILE_NAME = "linfen-atlas.gpkg";
    private static final String GEOMETRY_COLUMN = "geom";
    private static final long SRS_WGS84 = 4326;
    private static final String VERSION_COLUMN = "atlas_version";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final GeoPackage geoPackage;

    private GeoPackageRepository(Path file, GeoPackage geoPackage) {
        this.file = file;
        this.geoPackage = geoPackage;
    }

    /** Opens the GeoPackage in the data dir, creating the dir and file when missing. */
    public static GeoPackageRepository open(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve(FILE_NAME);
        return openFile(file);
    }

    public static GeoPackageRepository openFile(Path file) throws IOException {
        File f = file.toFile();
        if (!f.exists()) {
            GeoPackageManager.create(f);
        }
        GeoPackageRepository repository = new GeoPackageRepository(file, GeoPackageManager.open(f));
        try {
            repository.prepare();
        } catch (SQLException | RuntimeException e) {
            repository.close();
            throw new StoreException("cannot prepare " + file + ": " + e.getMessage(), e);
        }
        return repository;
    }

    /**
     * Durability first: WAL with synchronous=FULL syncs the log at every commit, so an acknowledged
     * write survives a killed process and a lost page cache. Then the tables the write path needs,
     * and the columns that later versions of the layer specs added to files made by earlier ones.
     */
    private void prepare() throws SQLException {
        try (Statement s = jdbc().createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
            s.execute("PRAGMA busy_timeout=5000");
            s.execute("CREATE TABLE IF NOT EXISTS atlas_layer_versions (layer TEXT PRIMARY KEY, epoch TEXT NOT NULL,"
                    + " version INTEGER NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS atlas_history (collection TEXT NOT NULL, feature_id TEXT NOT NULL,"
                    + " version INTEGER NOT NULL, time TEXT NOT NULL, operation TEXT NOT NULL, author_id INTEGER,"
                    + " author_name TEXT, before TEXT, after TEXT, PRIMARY KEY (collection, feature_id, version))");
        }
        for (LayerSpec layer : Layers.STORED) {
            if (geoPackage.isFeatureTable(layer.id())) {
                addMissingColumns(layer);
            }
            // every layer has its epoch before any ETag is served, also in a file made before versions existed
            try (PreparedStatement insert = jdbc().prepareStatement(
                    "INSERT OR IGNORE INTO atlas_layer_versions (layer, epoch, version) VALUES (?, ?, 0)")) {
                insert.setString(1, layer.id());
                insert.setString(2, WriteRules.newEpoch());
                insert.executeUpdate();
            }
        }
    }

    private void addMissingColumns(LayerSpec layer) throws SQLException {
        java.util.Set<String> present = new java.util.HashSet<>();
        try (Statement s = jdbc().createStatement();
             ResultSet rs = s.executeQuery("PRAGMA table_info(\"" + layer.id() + "\")")) {
            while (rs.next()) {
                present.add(rs.getString("name"));
            }
        }
        try (Statement s = jdbc().createStatement()) {
            if (!present.contains(VERSION_COLUMN)) {
                s.execute("ALTER TABLE \"" + layer.id() + "\" ADD COLUMN " + VERSION_COLUMN + " INTEGER NOT NULL DEFAULT 1");
            }
            for (PropertySpec p : layer.properties()) {
                if (!present.contains(p.name())) {
                    s.execute("ALTER TABLE \"" + layer.id() + "\" ADD COLUMN \"" + p.name() + "\" " + columnType(p).name());
                }
            }
        }
    }

    private Connection jdbc() {
        return geoPackage.getConnection().getConnection();
    }

    @Override
    public synchronized boolean isEmpty() {
        return geoPackage.getFeatureTables().stream()
                .noneMatch(table -> geoPackage.getFeatureDao(table).count() > 0);
    }

    @Override
    public synchronized List<Feature> readAll(LayerSpec layer) {
        if (!geoPackage.isFeatureTable(layer.id())) {
            return List.of();
        }
        // Plain JDBC rather than the DAO's rows, which look each column's type up by a regular expression and
        // decode each geometry to rewrite it as WKB: a third of the start-up at 100,000 features. The rows are
        // read here, in order, and decoded (WKB, JSON) on every core.
        List<PropertySpec> properties = layer.properties();
        StringBuilder sql = new StringBuilder("SELECT id, ").append(GEOMETRY_COLUMN).append(", ").append(VERSION_COLUMN);
        properties.forEach(p -> sql.append(", \"").append(p.name()).append('"'));
        // SQLite compares text as UTF-8 bytes: code point order, as the other repositories sort ids.
        sql.append(" FROM \"").append(layer.id()).append("\" ORDER BY id");
        List<Object[]> rows = new ArrayList<>();
        try (Statement s = jdbc().createStatement(); ResultSet rs = s.executeQuery(sql.toString())) {
            while (rs.next()) {
                Object[] row = new Object[3 + properties.size()];
                row[0] = rs.getString(1);
                row[1] = rs.getBytes(2);
                long version = rs.getLong(3);
                row[2] = rs.wasNull() ? 1L : version;
                for (int i = 0; i < properties.size(); i++) {
                    row[3 + i] = columnValue(rs, 4 + i, properties.get(i));
                }
                rows.add(row);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read " + layer.id() + " from " + file, e);
        }
        Feature[] features = new Feature[rows.size()];
        int chunk = 4096;
        java.util.stream.IntStream.range(0, (rows.size() + chunk - 1) / chunk).parallel().forEach(c -> {
            WKBReader wkbReader = new WKBReader(); // not thread-safe: one per chunk
            for (int i = c * chunk; i < Math.min(rows.size(), (c + 1) * chunk); i++) {
                features[i] = toFeature(rows.get(i), layer, wkbReader);
            }
        });
        return java.util.Arrays.asList(features);
    }

    /** A column's value as the DAO gave it: Long, Double or String (JSON still text), or null. */
    private static Object columnValue(ResultSet rs, int column, PropertySpec p) throws SQLException {
        Object value = switch (p.type()) {
            case INTEGER -> rs.getLong(column);
            case NUMBER -> rs.getDouble(column);
            default -> rs.getString(column);
        };
        return rs.wasNull() ? null : value;
    }

    private static Feature toFeature(Object[] row, LayerSpec layer, WKBReader wkbReader) {
        String id = (String) row[0];
        try {
            byte[] wkb = GeoPackageBinary.wkb((byte[]) row[1]);
            var geometry = wkb == null ? Feature.NO_GEOMETRY : wkbReader.read(wkb);
            Map<String, Object> props = new LinkedHashMap<>();
            List<PropertySpec> properties = layer.properties();
            for (int i = 0; i < properties.size(); i++) {
                PropertySpec p = properties.get(i);
                Object value = row[3 + i];
                if (value != null) {
                    props.put(p.name(), p.type().isJson() ? JSON.readValue((String) value, Object.class) : value);
                }
            }
            return new Feature(id, geometry, props, (Long) row[2]);
        } catch (IOException | ParseException | IllegalArgumentException e) {
            throw new StoreException("cannot decode feature " + id + " of " + layer.id(), e);
        }
    }

    @Override
    public synchronized void replaceAll(Map<LayerSpec, List<Feature>> layers) {
        Map<LayerSpec, FeatureDao> daos = new LinkedHashMap<>();
        layers.keySet().forEach(layer -> daos.put(layer,
                geoPackage.isFeatureTable(layer.id()) ? geoPackage.getFeatureDao(layer.id()) : createTable(layer)));
        WKBWriter wkbWriter = new WKBWriter(2);
        geoPackage.beginTransaction();
        boolean ok = false;
        try {
            for (Map.Entry<LayerSpec, FeatureDao> e : daos.entrySet()) {
                FeatureDao dao = e.getValue();
                dao.deleteAll();
                for (Feature feature : layers.get(e.getKey())) {
                    dao.create(toRow(dao, feature.withVersion(1), e.getKey(), wkbWriter));
                }
                newEpoch(e.getKey());
            }
            ok = true;
        } catch (SQLException e) {
            throw new StoreException("cannot write to " + file, e);
        } finally {
            geoPackage.endTransaction(ok);
        }
    }

    @Override
    public synchronized Optional<Feature> read(LayerSpec layer, String featureId) {
        if (!geoPackage.isFeatureTable(layer.id())) {
            return Optional.empty();
        }
        FeatureRow row = row(geoPackage.getFeatureDao(layer.id()), featureId);
        return row == null ? Optional.empty() : Optional.of(toFeature(row, layer, new WKBReader()));
    }

    @Override
    public synchronized LayerVersion version(LayerSpec layer) {
        try (PreparedStatement q = jdbc().prepareStatement("SELECT epoch, version FROM atlas_layer_versions WHERE layer = ?")) {
            q.setString(1, layer.id());
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? new LayerVersion(rs.getString(1), rs.getLong(2)) : new LayerVersion("0", 0);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the version of " + layer.id() + " in " + file, e);
        }
    }

    @Override
    public synchronized HistoryEntry commit(Change change) {
        LayerSpec layer = Layers.byId(change.collection()).filter(LayerSpec::stored)
                .orElseThrow(() -> new IllegalArgumentException("not a stored layer: " + change.collection()));
        FeatureDao dao = geoPackage.isFeatureTable(layer.id()) ? geoPackage.getFeatureDao(layer.id()) : createTable(layer);
        geoPackage.beginTransaction();
        boolean ok = false;
        try {
            // A write first: the transaction takes SQLite's write lock before it reads, waiting (busy_timeout) for
            // the user store's connection rather than failing when a read transaction would have to upgrade.
            bumpVersion(layer);
            FeatureRow row = row(dao, change.featureId());
            Feature before = row == null ? null : toFeature(row, layer, new WKBReader());
            long version = WriteRules.nextVersion(change, before, lastHistoryVersion(layer, change.featureId()));
            Feature after = change.after() == null ? null : change.after().withVersion(version);
            if (after == null) {
                dao.delete(row);
            } else if (row == null) {
                dao.create(toRow(dao, after, layer, new WKBWriter(2)));
            } else {
                dao.update(fill(row, after, layer, new WKBWriter(2)));
            }
            HistoryEntry entry = new HistoryEntry(layer.id(), change.featureId(), version, change.time(), change.operation(),
                    change.author(), before, after);
            HistoryCodec.insert(jdbc(), "atlas_history", HistoryCodec.TimeColumn.TEXT, entry);
            ok = true;
            return entry;
        } catch (SQLException e) {
            throw new StoreException("cannot write to " + file, e);
        } finally {
            geoPackage.endTransaction(ok);
        }
    }

    @Override
    public synchronized List<HistoryEntry> history(LayerSpec layer, String featureId) {
        try {
            return HistoryCodec.read(jdbc(), "atlas_history", HistoryCodec.TimeColumn.TEXT, layer.id(), featureId);
        } catch (SQLException e) {
            throw new StoreException("cannot read the history of " + featureId + " in " + file, e);
        }
    }

    @Override
    public synchronized List<HistoryEntry> recentHistory(LayerSpec layer, int limit, boolean deletedOnly) {
        if (!geoPackage.isFeatureTable(layer.id())) {
            return List.of(); // the first change of a layer creates its table: no table, no history
        }
        try {
            return HistoryCodec.recent(jdbc(), "atlas_history", HistoryCodec.TimeColumn.TEXT, "\"" + layer.id() + "\"",
                    layer.id(), limit, deletedOnly);
        } catch (SQLException e) {
            throw new StoreException("cannot read the history of " + layer.id() + " in " + file, e);
        }
    }

    private static FeatureRow row(FeatureDao dao, String featureId) {
        FeatureResultSet rows = dao.queryForEq("id", featureId);
        try {
            return rows.moveToNext() ? rows.getRow() : null;
        } finally {
            rows.close();
        }
    }

    private long lastHistoryVersion(LayerSpec layer, String featureId) throws SQLException {
        try (PreparedStatement q = jdbc().prepareStatement(
                "SELECT max(version) FROM atlas_history WHERE collection = ? AND feature_id = ?")) {
            q.setString(1, layer.id());
            q.setString(2, featureId);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private void bumpVersion(LayerSpec layer) throws SQLException {
        try (PreparedStatement update = jdbc().prepareStatement(
                "INSERT INTO atlas_layer_versions (layer, epoch, version) VALUES (?, ?, 1)"
                        + " ON CONFLICT (layer) DO UPDATE SET version = version + 1")) {
            update.setString(1, layer.id());
            update.setString(2, WriteRules.newEpoch());
            update.executeUpdate();
        }
    }

    private void newEpoch(LayerSpec layer) throws SQLException {
        try (PreparedStatement update = jdbc().prepareStatement(
                "INSERT INTO atlas_layer_versions (layer, epoch, version) VALUES (?, ?, 1)"
                        + " ON CONFLICT (layer) DO UPDATE SET epoch = excluded.epoch, version = version + 1")) {
            update.setString(1, layer.id());
            update.setString(2, WriteRules.newEpoch());
            update.executeUpdate();
        }
    }

    @Override
    public String describe() {
        return "GeoPackage " + file.toAbsolutePath();
    }

    @Override
    public synchronized void close() {
        geoPackage.close();
    }

    private FeatureDao createTable(LayerSpec layer) {
        GeometryColumns geometryColumns = new GeometryColumns();
        geometryColumns.setTableName(layer.id());
        geometryColumns.setColumnName(GEOMETRY_COLUMN);
        geometryColumns.setGeometryType(GeometryType.GEOMETRY);
        geometryColumns.setZ((byte) 0);
        geometryColumns.setM((byte) 0);
        geometryColumns.setSrsId(SRS_WGS84);
        List<FeatureColumn> columns = new ArrayList<>();
        columns.add(FeatureColumn.createColumn("id", GeoPackageDataType.TEXT, true));
        columns.add(FeatureColumn.createColumn(VERSION_COLUMN, GeoPackageDataType.INTEGER, true, 1L));
        for (PropertySpec p : layer.properties()) {
            columns.add(FeatureColumn.createColumn(p.name(), columnType(p)));
        }
        geoPackage.createFeatureTable(FeatureTableMetadata.create(geometryColumns, "fid", columns));
        geoPackage.execSQL("CREATE UNIQUE INDEX \"" + layer.id() + "_id\" ON \"" + layer.id() + "\" (id)");
        FeatureDao dao = geoPackage.getFeatureDao(layer.id());
        new RTreeIndexExtension(geoPackage).create(dao.getTable());
        return dao;
    }

    private static GeoPackageDataType columnType(PropertySpec p) {
        return switch (p.type()) {
            case INTEGER -> GeoPackageDataType.INTEGER;
            case NUMBER -> GeoPackageDataType.DOUBLE;
            default -> GeoPackageDataType.TEXT;
        };
    }

    private static FeatureRow toRow(FeatureDao dao, Feature feature, LayerSpec layer, WKBWriter wkbWriter) {
        return fill(dao.newRow(), feature, layer, wkbWriter);
    }

    private static FeatureRow fill(FeatureRow row, Feature feature, LayerSpec layer, WKBWriter wkbWriter) {
        try {
            // a feature without geometry is stored with a NULL geometry, as GeoPackage allows
            row.setGeometry(feature.hasGeometry()
                    ? GeoPackageGeometryData.createFromWkbAndBuildEnvelope(wkbWriter.write(feature.geometry())) : null);
            row.setValue("id", feature.id());
            row.setValue(VERSION_COLUMN, feature.version());
            for (PropertySpec p : layer.properties()) {
                Object value = feature.property(p.name());
                row.setValue(p.name(), value == null ? null : toColumnValue(p, value));
            }
        } catch (IOException e) {
            throw new StoreException("cannot encode feature " + feature.id(), e);
        }
        return row;
    }

    private static Object toColumnValue(PropertySpec p, Object value) throws JsonProcessingException {
        return switch (p.type()) {
            case INTEGER -> ((Number) value).longValue();
            case NUMBER -> ((Number) value).doubleValue();
            case STRING -> value.toString();
            case JSON_ARRAY, JSON_OBJECT -> JSON.writeValueAsString(value);
        };
    }

    private static Feature toFeature(FeatureRow row, LayerSpec layer, WKBReader wkbReader) {
        String id = (String) row.getValue("id");
        try {
            GeoPackageGeometryData data = row.getGeometry();
            var geometry = data == null || data.getWkb() == null ? Feature.NO_GEOMETRY : wkbReader.read(data.getWkb());
            Map<String, Object> props = new LinkedHashMap<>();
            for (PropertySpec p : layer.properties()) {
                Object value = row.getValue(p.name());
                if (value != null) {
                    props.put(p.name(), p.type().isJson() ? JSON.readValue((String) value, Object.class) : value);
                }
            }
            Object version = row.getValue(VERSION_COLUMN);
            return new Feature(id, geometry, props, version == null ? 1 : ((Number) version).longValue());
        } catch (IOException | ParseException e) {
            throw new StoreException("cannot decode feature " + id + " of " + layer.id(), e);
        }
    }
}
