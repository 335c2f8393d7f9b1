package org.linfenatlas.api;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.linfenatlas.model.Feature;
import org.linfenatlas.model.Layers;
import org.linfenatlas.store.FeatureStore;
import org.linfenatlas.store.ItemsQuery;
import org.linfenatlas.tiles.ZoomLevelGeometry;
import org.locationtech.jts.geom.Geometry;

/**
 * Features with their geometries for a zoom level (OGC API – Features Part 7, the zoom-level parameter). The counties
 * and the belts tile the city without gaps or overlaps: each layer is simplified as one coverage, once per revision and
 * zoom, so that neighbours still share their edges; any other feature is simplified alone.
 */
final class ZoomLevels {
    /** Collections whose areas are a coverage (the belts are unions of whole counties). */
    static final Set<String> COVERAGES = Set.of(Layers.COUNTIES, Layers.BELTS);
    /** Enough for every zoom of both coverages; a write's new revision makes the older entries garbage. */
    private static final int MAX_KEPT = 64;

    private final FeatureStore store;
    /** "collection revision level" → feature id → its simplified area. */
    private final Map<String, Map<String, Geometry>> coverages = new ConcurrentHashMap<>();

    ZoomLevels(FeatureStore store) {
        this.store = store;
    }

    /** The features as they are when {@code zoomLevel} is null, else with geometries for that zoom. */
    List<Feature> apply(String collection, List<Feature> features, Double zoomLevel) {
        if (zoomLevel == null) {
            return features;
        }
        int level = ZoomLevelGeometry.level(zoomLevel);
        Map<String, Geometry> coverage = COVERAGES.contains(collection) ? coverage(collection, level) : Map.of();
        List<Feature> out = new ArrayList<>(features.size());
        for (Feature f : features) {
            if (!f.hasGeometry()) {
                out.add(f);
                continue;
            }
            Geometry g = coverage.get(f.id());
            out.add(f.withGeometry(g != null ? g : ZoomLevelGeometry.simplify(f.geometry(), level)));
        }
        return out;
    }

    Feature apply(String collection, Feature feature, Double zoomLevel) {
        return apply(collection, List.of(feature), zoomLevel).get(0);
    }

    private Map<String, Geometry> coverage(String collection, int level) {
        // the revision first, then the features: what is read before a write is never kept under the write's revision
        String key = collection + " " + store.revision(collection) + " " + level;
        Map<String, Geometry> known = coverages.get(key);
        if (known != null) {
            return known;
        }
        List<String> ids = new ArrayList<>();
        List<Geometry> areas = new ArrayList<>();
        store.forEachSelected(ItemsQuery.all(collection), f -> {
            if (f.hasGeometry() && f.geometry().getDimension() == 2) {
                ids.add(f.id());
                areas.add(f.geometry());
            }
        });
        List<Geometry> simplified = ZoomLevelGeometry.simplifyCoverage(areas, level);
        Map<String, Geometry> byId = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            byId.put(ids.get(i), simplified.get(i));
        }
        if (coverages.size() >= MAX_KEPT) {
            coverages.clear();
        }
        coverages.put(key, Map.copyOf(byId));
        return byId;
    }
}
