package org.linfenatlas.api;

import org.linfenatlas.model.Feature;
import org.linfenatlas.model.LayerSpec;
import org.linfenatlas.store.FeatureStore;

/**
 * Strong ETags of single features that name the feature's version, not the bytes of one answer: the
 * same on every host name and instance, so that they can serve If-Match (OGC API – Features Part 4,
 * optimistic locking). {@code "<layer epoch>-<feature version>"}, with the CRS (when it is not CRS84) and the
 * zoom level (z and the whole zoom its geometry is simplified for, Part 7) after another dash: every representation
 * has its own tag, and each one matches If-Match.
 */
final class FeatureTags {
    private FeatureTags() {
    }

    /** The version part of a feature's tags (a derived layer's features follow its revision). */
    static String version(FeatureStore store, LayerSpec spec, Feature feature) {
        return spec.stored()
                ? store.version(spec.id()).epoch() + "-" + feature.version()
                : store.version(spec.id()).revision() + "-1";
    }

    static String etag(String version, Crs crs) {
        return etag(version, crs, null);
    }

    static String etag(String version, Crs crs, Double zoomLevel) {
        String representation = (crs == Crs.CRS84 ? "" : crs.uri().substring(crs.uri().lastIndexOf('/') + 1))
                + (zoomLevel == null ? "" : "z" + org.linfenatlas.tiles.ZoomLevelGeometry.level(zoomLevel));
        return "\"" + version + (representation.isEmpty() ? "" : "-" + representation) + "\"";
    }

    /**
     * Whether an If-Match header (a list of entity tags, or *) names the feature's current version.
     * Comparison is strong (RFC 9110 13.1.1): a weak tag never matches.
     */
    static boolean matches(String ifMatch, String version) {
        for (String part : ifMatch.split(",")) {
            String tag = part.strip();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
                String opaque = tag.substring(1, tag.length() - 1);
                if (opaque.equals(version) || (opaque.startsWith(version + "-") && opaque.indexOf('-', version.length() + 1) < 0)) {
                    return true;
                }
            }
        }
        return false;
    }
}
