package org.linfenatlas.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linfenatlas.filter.Queryables;
import org.linfenatlas.filter.ValueType;
import org.linfenatlas.store.CollectionInfo;
import org.linfenatlas.store.Stats;
import org.locationtech.jts.geom.Envelope;

/** The JSON documents of the API other than features: landing page, conformance, collections, stats. */
final class Documents {
    static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
            "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/create-replace-delete",
            "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/update",
            "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/optimistic-locking-etags",
            // Part 3 (OGC 19-079r2) and CQL2 (OGC 21-065): what CqlParameters, the filter package and the stores implement
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables-query-parameters",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
            "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
            "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json",
            "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
            "http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators",
            "http://www.opengis.net/spec/cql2/1.0/conf/case-insensitive-comparison",
            "http://www.opengis.net/spec/cql2/1.0/conf/accent-insensitive-comparison",
            "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions",
            "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions-plus",
            "http://www.opengis.net/spec/cql2/1.0/conf/spatial-functions",
            "http://www.opengis.net/spec/cql2/1.0/conf/array-functions",
            "http://www.opengis.net/spec/cql2/1.0/conf/property-property",
            // Part 7 (draft OGC 24-020), Geometry Simplification: zoom-level on items and on a feature (ZoomLevels)
            "http://www.opengis.net/spec/ogcapi-features-7/1.0/conf/zoom-level",
            "http://www.opengis.net/spec/ogcapi-features-7/1.0/conf/zoom-level-features");
    /** The media type of a JSON Schema document (the queryables). */
    static final String SCHEMA_JSON = "application/schema+json";
    static final String QUERYABLES_REL = "http://www.opengis.net/def/rel/ogc/1.0/queryables";

    private Documents() {
    }

    static Map<String, Object> landing(String api) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("title", "Linfen Atlas — 临汾区域融合发展规划图");
        doc.put("description", "Counties, belts, rivers, projects and places of Linfen's regional plans as OGC API – Features."
                + " Places contain GeoNames data (https://www.geonames.org/), licensed under CC BY 4.0.");
        doc.put("links", List.of(
                new Link(api, "self", Http.JSON, "This document"),
                new Link(api + "/openapi", "service-desc", Http.OPENAPI, "The API definition (OpenAPI 3.0)"),
                new Link(api + "/docs", "service-doc", "text/html", "The API documentation"),
                new Link(api + "/conformance", "conformance", Http.JSON, "Conformance classes"),
                new Link(api + "/collections", "data", Http.JSON, "The collections"),
                new Link(api + "/tileMatrixSets", TilesDocuments.TILING_SCHEMES_REL, Http.JSON, "The tile matrix sets of the tiles"),
                new Link(api + "/indicators", "related", Http.JSON, "The plan's indicators (表2) with their actual values"),
                new Link(api + "/economy", "related", Http.JSON, "Economy 2015–2020 (表1)"),
                new Link(api + "/circles", "related", Http.JSON, "The five cooperation circles and their partner regions")));
        return doc;
    }

    static Map<String, Object> conformance() {
        List<String> all = new ArrayList<>(CONFORMANCE);
        all.addAll(TilesDocuments.CONFORMANCE);
        return Map.of("conformsTo", all);
    }

    static Map<String, Object> collections(String api, List<CollectionInfo> infos) {
        List<Object> collections = new ArrayList<>();
        infos.forEach(info -> collections.add(collection(api, info, false)));
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("links", List.of(new Link(api + "/collections", "self", Http.JSON, "The collections")));
        doc.put("collections", collections);
        doc.put("crs", Crs.uris());
        return doc;
    }

    static Map<String, Object> collection(String api, CollectionInfo info, boolean self) {
        String href = api + "/collections/" + info.id();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", info.id());
        doc.put("title", info.spec().title() + " — " + info.spec().titleZh());
        doc.put("description", info.spec().description());
        if (info.id().equals(org.linfenatlas.model.Layers.PLACES)) {
            doc.put("attribution", "Contains GeoNames data (https://www.geonames.org/), licensed under CC BY 4.0"
                    + " (https://creativecommons.org/licenses/by/4.0/)");
        }
        List<Link> links = new java.util.ArrayList<>(List.of(
                new Link(href, self ? "self" : "collection", Http.JSON, info.spec().title()),
                new Link(href + "/items", "items", Http.GEOJSON, info.spec().title() + " as GeoJSON"),
                new Link(href + "/queryables", QUERYABLES_REL, SCHEMA_JSON, "What a filter on " + info.spec().title() + " may name")));
        links.addAll(OgcApi.downloadLinks(href + "/items", Map.of()));
        if (TilesApi.TILED.contains(info.id())) {
            links.add(new Link(href + "/tiles", TilesDocuments.TILESETS_VECTOR_REL, Http.JSON, info.spec().title() + " as vector tiles"));
        }
        doc.put("links", links);
        Envelope e = info.extent();
        List<Double> bbox = e.isNull() ? List.of(110.0, 35.0, 113.0, 37.0)
                : List.of(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY());
        doc.put("extent", Map.of("spatial", Map.of("bbox", List.of(bbox), "crs", Crs.CRS84.uri())));
        doc.put("itemType", "feature");
        doc.put("crs", Crs.uris());
        doc.put("storageCrs", Crs.CRS84.uri());
        doc.put("numberOfFeatures", info.count());
        return doc;
    }

    /**
     * The collection's queryables as a JSON Schema (2020-12) document, OGC API – Features Part 3: every name a
     * filter may use with its type; closed value lists as enum; the geometry by format (and its Part 5 role);
     * nothing else (additionalProperties false: another name is a 400).
     */
    static Map<String, Object> queryables(String api, CollectionInfo info) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Queryables.Queryable q : Queryables.of(info.spec()).all()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("title", q.title());
            switch (q.type()) {
                case GEOMETRY -> {
                    p.put("format", "geometry-any");
                    p.put("x-ogc-role", "primary-geometry");
                }
                case STRING_ARRAY -> {
                    Map<String, Object> items = new LinkedHashMap<>();
                    items.put("type", "string");
                    if (!q.values().isEmpty()) {
                        items.put("enum", q.values());
                    }
                    p.put("type", "array");
                    p.put("items", items);
                }
                default -> {
                    p.put("type", q.integer() ? "integer" : q.type() == ValueType.NUMBER ? "number" : "string");
                    if (!q.values().isEmpty()) {
                        p.put("enum", q.values());
                    }
                }
            }
            if (q.name().equals(Queryables.ID)) {
                p.put("x-ogc-role", "id");
            }
            properties.put(q.name(), p);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        doc.put("$id", api + "/collections/" + info.id() + "/queryables");
        doc.put("type", "object");
        doc.put("title", info.spec().title() + " — " + info.spec().titleZh());
        doc.put("description", "What a filter (CQL2, OGC API – Features Part 3) on " + info.id() + " may name: geometries are in "
                + "CRS84 unless filter-crs says otherwise; lists are sets of strings (A_CONTAINS, A_OVERLAPS, A_EQUALS, "
                + "A_CONTAINEDBY).");
        doc.put("properties", properties);
        doc.put("additionalProperties", false);
        return doc;
    }

    static Map<String, Object> stats(Stats stats) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("total", stats.total());
        doc.put("investment_yi_yuan", stats.investmentYiYuan());
        doc.put("investment_count", stats.investmentCount());
        doc.put("belts", stats.belts().stream().map(Documents::group).toList());
        doc.put("counties", stats.counties().stream().map(Documents::group).toList());
        doc.put("categories", stats.categories().stream().map(Documents::group).toList());
        doc.put("stages", stats.stages());
        doc.put("statuses", stats.statuses());
        return doc;
    }

    private static Map<String, Object> group(Stats.Group g) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("id", g.id());
        if (g.name() != null) {
            doc.put("name", g.name());
            doc.put("name_en", g.nameEn());
        }
        if (g.belt() != null) {
            doc.put("belt", g.belt());
        }
        doc.put("count", g.count());
        doc.put("investment_yi_yuan", g.investmentYiYuan());
        doc.put("investment_count", g.investmentCount());
        if (g.name() != null) {
            doc.put("categories", new java.util.TreeMap<>(g.categories()));
        }
        return doc;
    }
}
