package org.linfenatlas.store;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linfenatlas.model.Feature;
import org.linfenatlas.model.LayerSpec;
import org.linfenatlas.model.Layers;

/** Copies every stored layer from one repository to another: the target ends up holding exactly the source's features. */
public final class LayerCopy {
    private LayerCopy() {
    }

    /** Reads all layers first, then replaces them in the target in one transaction; returns features per layer. */
    public static Map<String, Integer> copy(LayerRepository from, LayerRepository to) {
        Map<LayerSpec, List<Feature>> layers = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (LayerSpec layer : Layers.STORED) {
            List<Feature> features = from.readAll(layer);
            layers.put(layer, features);
            counts.put(layer.id(), features.size());
        }
        to.replaceAll(layers);
        return counts;
    }
}
