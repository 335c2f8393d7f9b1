package org.linfenatlas.data;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linfenatlas.model.Feature;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/** Derives the plan's three belts by dissolving counties on their `belt` property. */
public final class BeltDissolver {
    public record Belt(String id, String name, String nameEn) {
    }

    public static final List<Belt> BELTS = List.of(
            new Belt("fen", "沿汾", "Fen River belt"),
            new Belt("yellow", "沿黄", "Yellow River belt"),
            new Belt("taiyue", "沿太岳", "Taiyue belt"));

    private BeltDissolver() {
    }

    public static List<Feature> dissolve(List<Feature> counties) {
        List<Feature> belts = new ArrayList<>();
        for (Belt belt : BELTS) {
            List<Feature> members = counties.stream().filter(c -> belt.id().equals(c.text("belt"))).toList();
            if (members.isEmpty()) {
                continue;
            }
            Geometry union = UnaryUnionOp.union(members.stream().map(Feature::geometry).toList());
            double area = members.stream().mapToDouble(c -> GeodesicArea.squareKilometres(c.geometry())).sum();
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("name", belt.name());
            props.put("name_en", belt.nameEn());
            props.put("counties", members.stream().map(c -> c.text("name")).toList());
            props.put("area_km2", Math.round(area * 10) / 10.0);
            belts.add(new Feature(belt.id(), union, props));
        }
        return belts;
    }
}
