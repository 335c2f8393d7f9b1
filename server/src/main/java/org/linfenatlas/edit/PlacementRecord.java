package org.linfenatlas.edit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.linfenatlas.model.Feature;

/**
 * A position an editor sets by hand is a real position, and is recorded as one: when an edit moves the
 * geometry and the client left precision as it was, the project becomes precision {@code site} and
 * place_basis says who placed it and when (unless the client wrote a place_basis of its own with the
 * move). A client that sends another precision with the move (say, to keep a coarser one) is taken at
 * its word.
 */
public final class PlacementRecord {
    /** Editors work in Linfen: the date of the record is Linfen's date. */
    static final ZoneId LINFEN = ZoneId.of("Asia/Shanghai");

    private PlacementRecord() {
    }

    /**
     * @param before the stored project, null when the edit creates it (then nothing is changed: the client states its precision)
     * @param after  the validated project the edit would store
     */
    public static Feature afterEdit(Feature before, Feature after, String editorName, Instant when) {
        if (before == null || before.geometry().equalsExact(after.geometry())
                || !Objects.equals(before.property("precision"), after.property("precision"))) {
            return after;
        }
        Map<String, Object> properties = new LinkedHashMap<>(after.properties());
        properties.put("precision", "site");
        if (Objects.equals(before.property("place_basis"), after.property("place_basis"))) {
            properties.put("place_basis", basis(editorName, LocalDate.ofInstant(when, LINFEN)));
        }
        return new Feature(after.id(), after.geometry(), SpecOrder.of(properties), after.version());
    }

    static String basis(String editorName, LocalDate date) {
        return "由 " + editorName + " 于 " + date + " 在地图上标定 / Placed on the map by " + editorName + " on " + date;
    }
}
