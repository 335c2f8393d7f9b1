package org.linfenatlas.edit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.linfenatlas.model.Feature;
import org.linfenatlas.model.Layers;
import org.linfenatlas.testdata.TestLayers;
import org.locationtech.jts.geom.Coordinate;

/** The real counties, and a valid project in 吉县 to break one rule at a time. */
final class EditFixtures {
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<Feature> COUNTIES = TestLayers.withSyntheticProjects(0, 1L).get(Layers.COUNTIES_SPEC);
    static final ProjectValidator VALIDATOR = new ProjectValidator(COUNTIES);

    private EditFixtures() {
    }

    static Feature county(String name) {
        return COUNTIES.stream().filter(c -> name.equals(c.text("name"))).findFirst().orElseThrow();
    }

    /** A point well inside the county. */
    static Coordinate inside(String countyName) {
        return county(countyName).geometry().getInteriorPoint().getCoordinate();
    }

    static ObjectNode validProject() {
        Coordinate c = inside("吉县");
        return (ObjectNode) json("""
                {"type": "Feature", "id": "energy-jixian-solar",
                 "geometry": {"type": "Point", "coordinates": [%s, %s]},
                 "properties": {"name": "吉县光伏电站", "name_en": "Jixian solar plant", "category": "energy",
                   "counties": ["吉县"], "kind": "point", "status": "build", "figures": {"capacity_mw": 100},
                   "precision": "county", "stage": "construction", "start_year": 2023, "completion_year": 2025,
                   "investment_planned_yi_yuan": 4.5, "progress_zh": "主体完工"}}
                """.formatted(c.x, c.y));
    }

    /** The valid project with a JSON Merge Patch applied. */
    static JsonNode project(String mergePatch) {
        return MergePatch.apply(validProject(), json(mergePatch));
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
