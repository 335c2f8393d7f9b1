package org.linfenatlas.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.extension.rtree.RTreeIndexExtension;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.sf.GeometryType;
import org.linfenatlas.model.Feature;
import org.linfenatlas.model.LayerSpec;
import org.linfenatlas.model.PropertySpec;
import org.linfenatlas.store.FeaturePage;
import org.linfenatlas.store.FeatureStore;
import org.linfenatlas.store.ItemsQuery;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.WKTWriter;

/**
 * Downloads of an items selection: {@code f=csv} and {@code f=gpkg} on every collection's items. The
 * selection is the items request's (bbox, q, the property filters, and whatever else {@link
 * ItemsRequestParser} turns into an {@link ItemsQuery}: a {@code filter} parameter arrives here with no
 * change); {@code limit} and {@code offset} are ignored: a download holds every matching feature.
 *
 * <p>Streaming: the store is read {@value #CHUNK} features at a time ({@link ItemsQuery#withPage}), and
 * each chunk is written before the next is read, so at most one chunk of features is held (plus what the
 * store holds anyway). CSV rows go straight to the response; a GeoPackage is written to a temporary file,
 * which is then streamed and deleted. Chunks are read one after another, not in one transaction: a write
 * committed during a download may shift a feature from one chunk to the next (the download then lacks or
 * repeats it), as with paging through items.
 */
final class Downloads {
    static final List<String> FORMATS = List.of("csv", "gpkg");
    static final String CSV = "text/csv;charset=utf-8";
    static final String GPKG = "application/geopackage+sqlite3";
    static final int CHUNK = 2000;
    /** Joins the elements of a list in a cell: the enumeration comma, as Chinese text lists things. */
    static final String LIST_SEPARATOR = "、";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Downloads() {
    }

    /** The download format the request names, or null for any other (GeoJSON, or an invalid f for the parser to refuse). */
    static String format(Map<String, List<String>> params) {
        List<String> f = params.get("f");
        return f != null && f.size() == 1 && FORMATS.contains(f.get(0)) ? f.get(0) : null;
    }

    /** The selection of the request: its parameters but f, limit and offset, parsed and checked as for items. */
    static ItemsQuery selection(LayerSpec spec, Map<String, List<String>> params) {
        Map<String, List<String>> rest = new LinkedHashMap<>(params);
        rest.remove("f");
        rest.remove("limit");
        rest.remove("offset");
        if (rest.containsKey(ItemsRequestParser.ZOOM_LEVEL)) {
            throw ApiException.badParameter("'" + ItemsRequestParser.ZOOM_LEVEL + "' is for maps: a download (f=" + format(params)
                    + ") has the exact geometries");
        }
        return ItemsRequestParser.parse(spec, rest).query();
    }

    static String fileName(LayerSpec spec, String format) {
        return "linfen-" + spec.id() + "-" + LocalDate.now(ZoneOffset.UTC).toString().replace("-", "") + "." + format;
    }

    static void send(Context ctx, FeatureStore store, LayerSpec spec, String format) {
        ItemsQuery query = selection(spec, ctx.queryParamMap());
        ctx.status(200);
        ctx.header("Content-Type", format.equals("csv") ? CSV : GPKG);
        ctx.header("Content-Disposition", "attachment; filename=\"" + fileName(spec, format) + "\"");
        ctx.header("Cache-Control", "no-store");
        if (ctx.method() == io.javalin.http.HandlerType.HEAD) {
            return;
        }
        try {
            if (format.equals("csv")) {
                OutputStream out = ctx.res().getOutputStream();
                csv(store, spec, query, out);
                out.flush();
            } else {
                Path dir = Files.createTempDirectory("linfen-download");
                Path file = dir.resolve(fileName(spec, "gpkg"));
                try {
                    geoPackage(store, spec, query, file);
                    ctx.res().setContentLengthLong(Files.size(file));
                    OutputStream out = ctx.res().getOutputStream();
                    Files.copy(file, out);
                    out.flush();
                } finally {
                    Files.deleteIfExists(file);
                    Files.deleteIfExists(dir.resolve(file.getFileName() + "-journal"));
                    Files.deleteIfExists(dir);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every feature of the selection, a chunk at a time, in the selection's order; returns how many. */
    static long forEach(FeatureStore store, ItemsQuery query, Consumer<List<Feature>> chunk) {
        long offset = 0;
        while (true) {
            FeaturePage page = store.items(query.withPage(offset, CHUNK));
            if (!page.features().isEmpty()) {
                chunk.accept(page.features());
            }
            offset += page.features().size();
            if (page.features().size() < CHUNK || offset >= page.numberMatched()) {
                return offset;
            }
        }
    }

    /** UTF-8 with a byte-order mark (so that Excel reads Chinese), a header row, CRLF line ends (RFC 4180). */
    static void csv(FeatureStore store, LayerSpec spec, ItemsQuery query, OutputStream out) throws IOException {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        w.write('\uFEFF');
        List<String> header = new ArrayList<>();
        header.add("id");
        spec.properties().forEach(p -> header.add(p.name()));
        header.add("lon");
        header.add("lat");
        header.add("wkt");
        row(w, header);
        WKTWriter wkt = new WKTWriter();
        try {
            forEach(store, query, features -> {
                try {
                    for (Feature f : features) {
                        List<String> cells = new ArrayList<>(header.size());
                        cells.add(text(f.id()));
                        for (PropertySpec p : spec.properties()) {
                            cells.add(cell(f.property(p.name())));
                        }
                        Point point = representativePoint(f.geometry());
                        cells.add(point == null ? "" : number(round(point.getX())));
                        cells.add(point == null ? "" : number(round(point.getY())));
                        cells.add(wkt.write(f.geometry()));
                        row(w, cells);
                    }
                    w.flush(); // a chunk at a time to the client
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        w.flush();
    }

    /** A point on the feature (inside a polygon, on a line): where a spreadsheet or a geocoder puts it. */
    static Point representativePoint(Geometry g) {
        if (g == null || g.isEmpty()) {
            return null;
        }
        return g.getInteriorPoint();
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }

    private static void row(Writer w, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(',');
            }
            w.write(quote(cells.get(i)));
        }
        w.write("\r\n");
    }

    static String quote(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }

    /**
     * A property as a cell: text as it is, numbers plainly, lists joined by 、, objects (figures) as
     * key=value pairs joined by "; ".
     */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number n) {
            return number(n);
        }
        if (value instanceof List<?> list) {
            boolean numbers = list.stream().allMatch(v -> v instanceof Number);
            List<String> parts = new ArrayList<>();
            list.forEach(v -> parts.add(value(v)));
            return text(String.join(numbers ? ", " : LIST_SEPARATOR, parts));
        }
        if (value instanceof Map<?, ?> map) {
            List<String> parts = new ArrayList<>();
            map.forEach((k, v) -> parts.add(k + "=" + value(v)));
            return text(String.join("; ", parts));
        }
        return text(value.toString());
    }

    private static String value(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof Number n) {
            return number(n);
        }
        if (v instanceof String s) {
            return s;
        }
        try {
            return JSON.writeValueAsString(v);
        } catch (JsonProcessingException e) {
            return v.toString();
        }
    }

    private static String number(Number n) {
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            return Double.isFinite(d) ? new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString() : "";
        }
        return n.toString();
    }

    /** Text that a spreadsheet would take for a formula (=, +, -, @ first) gets a leading apostrophe (CSV injection). */
    static String text(String s) {
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            return "'" + s;
        }
        return s;
    }

    /**
     * One feature table named as the collection, in EPSG:4326 (lon/lat), with an R-tree: id, then the
     * properties (integers and numbers as such, text as text, lists and objects as JSON text).
     */
    static void geoPackage(FeatureStore store, LayerSpec spec, ItemsQuery query, Path file) throws IOException {
        File f = file.toFile();
        GeoPackageManager.create(f);
        GeoPackage gp = GeoPackageManager.open(f);
        try {
            GeometryColumns geometryColumns = new GeometryColumns();
            geometryColumns.setTableName(spec.id());
            geometryColumns.setColumnName("geom");
            geometryColumns.setGeometryType(GeometryType.GEOMETRY);
            geometryColumns.setZ((byte) 0);
            geometryColumns.setM((byte) 0);
            geometryColumns.setSrsId(4326L);
            List<FeatureColumn> columns = new ArrayList<>();
            columns.add(FeatureColumn.createColumn("id", GeoPackageDataType.TEXT, true));
            for (PropertySpec p : spec.properties()) {
                columns.add(FeatureColumn.createColumn(p.name(), switch (p.type()) {
                    case INTEGER -> GeoPackageDataType.INTEGER;
                    case NUMBER -> GeoPackageDataType.DOUBLE;
                    default -> GeoPackageDataType.TEXT;
                }));
            }
            gp.createFeatureTable(FeatureTableMetadata.create(geometryColumns, "fid", columns));
            FeatureDao dao = gp.getFeatureDao(spec.id());
            WKBWriter wkb = new WKBWriter(2);
            forEach(store, query, features -> {
                gp.beginTransaction();
                boolean ok = false;
                try {
                    for (Feature feature : features) {
                        FeatureRow row = dao.newRow();
                        row.setGeometry(GeoPackageGeometryData.createFromWkbAndBuildEnvelope(wkb.write(feature.geometry())));
                        row.setValue("id", feature.id());
                        for (PropertySpec p : spec.properties()) {
                            row.setValue(p.name(), column(p, feature.property(p.name())));
                        }
                        dao.create(row);
                    }
                    ok = true;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    gp.endTransaction(ok);
                }
            });
            new RTreeIndexExtension(gp).create(dao.getTable());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            gp.close();
        }
    }

    private static Object column(PropertySpec p, Object value) {
        if (value == null) {
            return null;
        }
        try {
            return switch (p.type()) {
                case INTEGER -> ((Number) value).longValue();
                case NUMBER -> ((Number) value).doubleValue();
                case STRING -> value.toString();
                case JSON_ARRAY, JSON_OBJECT -> JSON.writeValueAsString(value);
            };
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
