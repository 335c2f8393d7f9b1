package org.linfenatlas.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.linfenatlas.model.Feature;
import org.linfenatlas.model.LayerSpec;
import org.linfenatlas.model.Layers;
import org.linfenatlas.store.StoreError;
import org.linfenatlas.testdata.TestLayers;

/** The projects of gis-data are the reference: each, as the API serves it, validates to itself. */
class ReferenceProjectsTest {
    private final Map<LayerSpec, List<Feature>> layers = TestLayers.withSyntheticProjects(0, 1L);
    private final ProjectValidator validator = new ProjectValidator(layers.get(Layers.COUNTIES_SPEC));

    @Test
    void everyProjectOfGisDataValidatesUnchanged() {
        List<String> refused = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (Feature project : layers.get(Layers.PROJECTS_SPEC)) {
            try {
                Feature validated = validator.validate(project.id(), MergePatch.toJson(project));
                if (!validated.equals(project) || !List.copyOf(validated.properties().keySet()).equals(List.copyOf(project.properties().keySet()))) {
                    changed.add(project.id());
                }
            } catch (StoreError e) {
                refused.add(project.id() + ": " + e.details());
            }
        }
        assertEquals(List.of(), refused);
        assertEquals(List.of(), changed);
    }

    @Test
    void theReferenceDataIsAllThere() {
        assertEquals(391, layers.get(Layers.PROJECTS_SPEC).size());
    }
}
