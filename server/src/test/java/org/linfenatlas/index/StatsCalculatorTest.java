package org.linfenatlas.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linfenatlas.model.Feature;
import org.linfenatlas.model.Layers;
import org.linfenatlas.testdata.TestLayers;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/** Stage counts of /api/stats as the in-memory index computes them (StoreContractTest holds PostGIS to the same answer). */
class StatsCalculatorTest {
    private static final GeometryFactory G = new GeometryFactory();
    private final List<Feature> counties = TestLayers.withSyntheticProjects(0, 1L).get(Layers.COUNTIES_SPEC);

    @Test
    void stagesAreCountedInVocabularyOrderWithUnsetLast() {
        List<Feature> projects = List.of(project("a", "construction"), project("b", "construction"),
                project("c", "completed"), project("d", null));
        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("planning", 0L);
        expected.put("preparation", 0L);
        expected.put("construction", 2L);
        expected.put("completed", 1L);
        expected.put("suspended", 0L);
        expected.put("unset", 1L);
        Map<String, Long> stages = StatsCalculator.compute(projects, counties).stages();
        assertEquals(List.copyOf(expected.entrySet()), List.copyOf(stages.entrySet()));
    }

    @Test
    void theBundledDataHasNoStageYet() {
        List<Feature> projects = TestLayers.withSyntheticProjects(0, 1L).get(Layers.PROJECTS_SPEC);
        Map<String, Long> stages = StatsCalculator.compute(projects, counties).stages();
        assertEquals((long) projects.size(), stages.get("unset"));
    }

    @Test
    void aStoredValueOutsideTheVocabularyIsStillCounted() {
        Map<String, Long> stages = StatsCalculator.compute(List.of(project("a", "abandoned")), counties).stages();
        assertEquals(1L, stages.get("abandoned"));
    }

    @Test
    void statusesAreCountedInVocabularyOrderWithZeros() {
        List<Feature> projects = List.of(withStatus("a", "plan"), withStatus("b", "plan"), withStatus("c", "existing"));
        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("build", 0L);
        expected.put("upgrade", 0L);
        expected.put("plan", 2L);
        expected.put("existing", 1L);
        Map<String, Long> statuses = StatsCalculator.compute(projects, counties).statuses();
        assertEquals(List.copyOf(expected.entrySet()), List.copyOf(statuses.entrySet()));
    }

    @Test
    void projectsWithoutAStatusAreCountedAsUnset() {
        Map<String, Long> statuses = StatsCalculator.compute(List.of(project("a", null)), counties).statuses();
        assertEquals(1L, statuses.get("unset"));
    }

    @Test
    void theStatusesOfTheBundledDataAddUpToTheTotal() {
        List<Feature> projects = TestLayers.withSyntheticProjects(0, 1L).get(Layers.PROJECTS_SPEC);
        Map<String, Long> statuses = StatsCalculator.compute(projects, counties).statuses();
        assertEquals((long) projects.size(), statuses.values().stream().mapToLong(Long::longValue).sum());
    }

    private static Feature withStatus(String id, String status) {
        Feature f = project(id, null);
        Map<String, Object> p = new LinkedHashMap<>(f.properties());
        p.put("status", status);
        return new Feature(id, f.geometry(), p);
    }

    private static Feature project(String id, String stage) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", id);
        p.put("category", "energy");
        p.put("counties", new ArrayList<>(List.of("吉县")));
        p.put("belts", List.of("yellow"));
        p.put("stage", stage);
        return new Feature(id, G.createPoint(new Coordinate(110.68, 36.1)), p);
    }
}
