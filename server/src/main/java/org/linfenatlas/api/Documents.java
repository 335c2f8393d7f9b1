package org.linfenatlas.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
            "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/optimistic-locking-etags");

    private Documents() {
    }

    static Map<String, Object> landing(String api) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("title", "Linfen Atlas — 临汾区域融合发展规划图");
        doc.put("description", "Counties, belts, rivers and projects of Linfen's regional plans as OGC API – Features.");
        doc.put("links", List.of(
                new Link(api, "self", Http.JSON, "This document"),
                new Link(api + "/openapi", "service-desc", Http.OPENAPI, "The API definition (OpenAPI 3.0)"),
                new Link(api + "/docs", "service-doc", "text/html", "The API documentation"),
                new Link(api + "/conformance", "conformance", Http.JSON, "Conformance classes"),
                new Link(api + "/collections", "data", Http.JSON, "The collections"),
                new Link(api + "/indicators", "related", Http.JSON, "The plan's indicators (表2) with their actual values"),
                new Link(api + "/economy", "related", Http.JSON, "Economy 2015–2020 (表1)"),
                new Link(api + "/circles", "related", Http.JSON, "The five cooperation circles and their partner regions")));
        return doc;
    }

    static Map<String, Object> conformance() {
        return Map.of("conformsTo", CONFORMANCE);
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
        doc.put("links", List.of(
                new Link(href, self ? "self" : "collection", Http.JSON, info.spec().title()),
                new Link(href + "/items", "items", Http.GEOJSON, info.spec().title() + " as GeoJSON")));
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

    static Map<String, Object> stats(Stats stats) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("total", stats.total());
        doc.put("investment_yi_yuan", stats.investmentYiYuan());
        doc.put("belts", stats.belts().stream().map(Documents::group).toList());
        doc.put("counties", stats.counties().stream().map(Documents::group).toList());
        doc.put("categories", stats.categories().stream().map(Documents::group).toList());
        doc.put("stages", stats.stages());
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
        if (g.name() != null) {
            doc.put("categories", new java.util.TreeMap<>(g.categories()));
        }
        return doc;
    }
}
