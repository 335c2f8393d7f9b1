package org.linfenatlas.store;

/**
 * A stored layer's version as its repository keeps it: {@code version} grows with every committed
 * change, {@code epoch} is new whenever the layer is replaced whole (seed, import), so that feature
 * versions, which start again at 1 then, are never mistaken for the earlier ones.
 */
public record LayerVersion(String epoch, long version) {
    public String revision() {
        return epoch + "." + version;
    }
}
