package org.linfenatlas.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.linfenatlas.data.GisDataFiles.GisFeature;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/** The union behind each belt: the fast coverage union where it applies, the general union where it does not. */
class BeltDissolverTest {
    private static final GeometryFactory GEOMETRIES = new GeometryFactory();

    private static Geometry box(double minX, double minY, double maxX, double maxY) {
        return GEOMETRIES.toGeometry(new Envelope(minX, maxX, minY, maxY));
    }

    @Test
    void eachBeltOfTheCommittedCountiesIsTheirGeneralUnionVertexForVertex() {
        List<GisFeature> counties = GisDataFiles.load("counties.geojson");
        var byBelt = counties.stream().collect(Collectors.groupingBy(c -> (String) c.properties().get("belt"),
                Collectors.mapping(GisFeature::geometry, Collectors.toList())));
        assertEquals(3, byBelt.size());
        byBelt.forEach((belt, parts) -> {
            Geometry union = BeltDissolver.union(parts).norm();
            assertTrue(union.isValid(), belt);
            assertTrue(UnaryUnionOp.union(parts).norm().equalsExact(union), belt + " differs from the general union");
        });
    }

    @Test
    void overlappingPartsStillGetTheirTrueUnion() {
        Geometry union = BeltDissolver.union(List.of(box(0, 0, 2, 2), box(1, 0, 3, 2)));
        assertTrue(union.isValid());
        assertEquals(6.0, union.getArea(), 1e-12);
        assertEquals(box(0, 0, 3, 2).getEnvelopeInternal(), union.getEnvelopeInternal());
    }

    @Test
    void neighboursThatDoNotShareTheirVerticesStillGetTheirTrueUnion() {
        // the second square's left edge runs along part of the first's right edge, without a vertex where they part
        Geometry union = BeltDissolver.union(List.of(box(0, 0, 1, 1), box(1, 0.5, 2, 1.5)));
        assertTrue(union.isValid());
        assertEquals(2.0, union.getArea(), 1e-12);
        assertEquals(1, union.getNumGeometries());
        assertTrue(union.equalsTopo(box(0, 0, 1, 1).union(box(1, 0.5, 2, 1.5))));
    }

    @Test
    void separatePartsStayAMultiPolygon() {
        Geometry union = BeltDissolver.union(List.of(box(0, 0, 1, 1), box(2, 0, 3, 1)));
        assertEquals(2, union.getNumGeometries());
        assertEquals(2.0, union.getArea(), 1e-12);
    }
}
