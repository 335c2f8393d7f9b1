package org.linfenatlas.store;

import java.util.List;
import org.linfenatlas.model.Feature;

/** One page of an items query and how many features matched in all. */
public record FeaturePage(List<Feature> features, long numberMatched) {
}
