package org.linfenatlas.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linfenatlas.model.Feature;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/** A position set by hand is recorded as one, unless the editor says otherwise. */
class PlacementRecordTest {
    private static final GeometryFactory G = new GeometryFactory();
    private static final Instant WHEN = Instant.parse("2025-03-04T18:30:00Z");
    private static final Point SEAT = G.createPoint(new Coordinate(110.68, 36.10));
    private static final Point MOVED = G.createPoint(new Coordinate(110.70, 36.12));

    @Test
    void aMovedProjectBecomesASitePlacedByTheEditor() {
        Feature after = PlacementRecord.afterEdit(project(SEAT, "county", null), project(MOVED, "county", null), "王编辑", WHEN);
        assertEquals("site", after.property("precision"));
        assertEquals("由 王编辑 于 2025-03-05 在地图上标定 / Placed on the map by 王编辑 on 2025-03-05", after.property("place_basis"));
    }

    @Test
    void theRecordIsInTheLayersPropertyOrder() {
        Feature after = PlacementRecord.afterEdit(project(SEAT, "county", null), project(MOVED, "county", null), "王编辑", WHEN);
        assertEquals(List.of("name", "precision", "place_basis", "stage"), List.copyOf(after.properties().keySet()));
    }

    @Test
    void aPrecisionTheEditorSendsWithTheMoveIsKept() {
        Feature edited = project(MOVED, "landmark", "县城东侧 / east of the county seat");
        assertSame(edited, PlacementRecord.afterEdit(project(SEAT, "county", null), edited, "王编辑", WHEN));
    }

    @Test
    void aPlaceBasisTheEditorWritesWithTheMoveIsKept() {
        Feature before = project(SEAT, "landmark", "old basis");
        Feature after = PlacementRecord.afterEdit(before, project(MOVED, "landmark", "新的依据 / surveyed in 2025"), "王编辑", WHEN);
        assertEquals("site", after.property("precision"));
        assertEquals("新的依据 / surveyed in 2025", after.property("place_basis"));
    }

    @Test
    void anEditThatKeepsTheGeometryChangesNothing() {
        Feature edited = project(SEAT.copy(), "county", null);
        assertSame(edited, PlacementRecord.afterEdit(project(SEAT, "county", null), edited, "王编辑", WHEN));
    }

    @Test
    void aNewProjectKeepsThePrecisionItStates() {
        Feature created = project(MOVED, "county", null);
        assertSame(created, PlacementRecord.afterEdit(null, created, "王编辑", WHEN));
    }

    @Test
    void theVersionIsKept() {
        Feature after = PlacementRecord.afterEdit(project(SEAT, "county", null), project(MOVED, "county", null).withVersion(4), "王编辑", WHEN);
        assertEquals(4, after.version());
    }

    private static Feature project(org.locationtech.jts.geom.Geometry where, String precision, String placeBasis) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", "吉县光伏电站");
        p.put("precision", precision);
        p.put("place_basis", placeBasis);
        p.put("stage", "construction");
        return new Feature("energy-jixian-solar", where, p);
    }
}
