package org.linfenatlas.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linfenatlas.model.Feature;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

class EditStampTest {
    private static final Feature PROJECT = new Feature("p", new GeometryFactory().createPoint(new Coordinate(111, 36)),
            Map.of("name", "吉县光伏电站"));

    @Test
    void setsWhenInUtcToTheSecondAndWho() {
        Feature stamped = EditStamp.apply(PROJECT, 42, Instant.parse("2025-03-04T18:30:00.123456Z"));
        assertEquals("2025-03-04T18:30:00Z", stamped.property("updated_at"));
        assertEquals(42L, stamped.property("updated_by"));
    }

    @Test
    void keepsTheLayersPropertyOrder() {
        Feature stamped = EditStamp.apply(PROJECT, 42, Instant.parse("2025-03-04T18:30:00Z"));
        assertEquals(List.of("name", "updated_at", "updated_by"), List.copyOf(stamped.properties().keySet()));
    }
}
