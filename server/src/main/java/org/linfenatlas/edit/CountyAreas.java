package org.linfenatlas.edit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.linfenatlas.model.Feature;
import org.linfenatlas.model.Vocabulary;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/**
 * The counties a project may name: their belts, the city's extent, and each county's area grown by
 * the placement tolerance, in local metres (an equirectangular projection around the city, good to
 * well under 1 % over a few km, which is all the tolerance asks of it).
 */
final class CountyAreas {
    /** Added around the counties' envelope: positions beyond it are certainly not in Linfen. */
    static final double EXTENT_MARGIN_DEGREES = 0.05;

    private final Map<String, String> beltByName = new LinkedHashMap<>();
    private final Map<String, Geometry> grownByName = new LinkedHashMap<>();
    private final Envelope extent = new Envelope();
    private final double metresPerDegreeLon;
    private final double metresPerDegreeLat;

    CountyAreas(List<Feature> counties, double toleranceMetres) {
        if (counties.isEmpty()) {
            throw new IllegalArgumentException("no counties: projects are placed in counties");
        }
        counties.forEach(c -> extent.expandToInclude(c.geometry().getEnvelopeInternal()));
        double latitude = Math.toRadians(extent.centre().y);
        metresPerDegreeLon = 111_320 * Math.cos(latitude);
        metresPerDegreeLat = 110_950;
        for (Feature c : counties) {
            beltByName.put(c.text("name"), c.text("belt"));
            grownByName.put(c.text("name"), toMetres(c.geometry()).buffer(toleranceMetres));
        }
        extent.expandBy(EXTENT_MARGIN_DEGREES);
    }

    boolean exists(String name) {
        return beltByName.containsKey(name);
    }

    /** The belts of the named (existing) counties, in the plan's order of belts. */
    List<String> beltsOf(List<String> names) {
        Set<String> belts = names.stream().map(beltByName::get).collect(Collectors.toSet());
        return Vocabulary.BELTS.stream().filter(belts::contains).toList();
    }

    Envelope extent() {
        return extent;
    }

    /** The named counties (all of them when none is named: the city) grown by the tolerance, in local metres. */
    Geometry grownArea(List<String> names) {
        List<Geometry> parts = new ArrayList<>();
        (names.isEmpty() ? grownByName.keySet() : names).forEach(n -> parts.add(grownByName.get(n)));
        return UnaryUnionOp.union(parts);
    }

    Geometry toMetres(Geometry lonLat) {
        Geometry copy = lonLat.copy();
        copy.apply((Coordinate c) -> {
            c.x *= metresPerDegreeLon;
            c.y *= metresPerDegreeLat;
        });
        copy.geometryChanged();
        return copy;
    }
}
