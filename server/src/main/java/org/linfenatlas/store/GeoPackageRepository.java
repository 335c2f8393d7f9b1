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
        return new GeoPackageRepository(file, GeoPackageManager.open(f));
    }

    @Override
    public boolean isEmpty() {
        return geoPackage.getFeatureTables().stream()
                .noneMatch(table -> geoPackage.getFeatureDao(table).count() > 0);
    }

    @Override
    public List<Feature> readAll(LayerSpec layer) {
        if (!geoPackage.isFeatureTable(layer.id())) {
            return List.of();
        }
        FeatureDao dao = geoPackage.getFeatureDao(layer.id());
        List<Feature> features = new ArrayList<>();
        WKBReader wkbReader = new WKBReader();
        FeatureResultSet rows = dao.queryForAll();
        try {
            while (rows.moveToNext()) {
                features.add(toFeature(rows.getRow(), layer, wkbReader));
            }
        } finally {
            rows.close();
        }
        return features;
    }

    @Override
    public void replaceAll(LayerSpec layer, List<Feature> features) {
        FeatureDao dao = geoPackage.isFeatureTable(layer.id()) ? geoPackage.getFeatureDao(layer.id()) : createTable(layer);
        WKBWriter wkbWriter = new WKBWriter(2);
        dao.beginTransaction();
        boolean ok = false;
        try {
            dao.deleteAll();
            for (Feature feature : features) {
                dao.create(toRow(dao, feature, layer, wkbWriter));
            }
            ok = true;
        } finally {
            dao.endTransaction(ok);
        }
    }

    @Override
    public String describe() {
        return "GeoPackage " + file.toAbsolutePath();
    }

    @Override
    public void close() {
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
        FeatureRow row = dao.newRow();
        try {
            row.setGeometry(GeoPackageGeometryData.createFromWkbAndBuildEnvelope(wkbWriter.write(feature.geometry())));
            row.setValue("id", feature.id());
            for (PropertySpec p : layer.properties()) {
                Object value = feature.property(p.name());
                if (value != null) {
                    row.setValue(p.name(), toColumnValue(p, value));
                }
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
            var geometry = wkbReader.read(row.getGeometry().getWkb());
            Map<String, Object> props = new LinkedHashMap<>();
            for (PropertySpec p : layer.properties()) {
                Object value = row.getValue(p.name());
                if (value != null) {
                    props.put(p.name(), p.type().isJson() ? JSON.readValue((String) value, Object.class) : value);
                }
            }
            return new Feature(id, geometry, props);
        } catch (IOException | ParseException e) {
            throw new StoreException("cannot decode feature " + id + " of " + layer.id(), e);
        }
    }
}
