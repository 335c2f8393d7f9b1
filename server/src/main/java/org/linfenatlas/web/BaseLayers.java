package org.linfenatlas.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.linfenatlas.config.ConfigException;

/**
 * Optional online base layers for the map, off unless the operator names them: the page must
 * work offline with the county polygons as its base map.
 */
public final class BaseLayers {
    private BaseLayers() {
    }

    public static Map<String, Object> pageConfig(List<String> names, String tiandituKey) {
        List<Map<String, Object>> layers = new ArrayList<>();
        for (String name : names) {
            switch (name) {
                case "osm" -> layers.add(layer("osm", "OpenStreetMap", "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
                        "© OpenStreetMap contributors", 19, List.of()));
                case "tianditu" -> {
                    if (tiandituKey == null || tiandituKey.isBlank()) {
                        throw new ConfigException("the tianditu base layer needs --tianditu-key");
                    }
                    layers.add(layer("tianditu", "天地图 Tianditu", "https://t{s}.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile"
                            + "&VERSION=1.0.0&LAYER=vec&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk="
                            + tiandituKey, "© 天地图 Tianditu", 18, List.of("0", "1", "2", "3", "4", "5", "6", "7")));
                }
                default -> throw new ConfigException("unknown base layer '" + name + "' (known: osm, tianditu)");
            }
        }
        return Map.of("baseLayers", layers);
    }

    private static Map<String, Object> layer(String id, String name, String url, String attribution, int maxZoom, List<String> subdomains) {
        Map<String, Object> layer = new LinkedHashMap<>();
        layer.put("id", id);
        layer.put("name", name);
        layer.put("url", url);
        layer.put("attribution", attribution);
        layer.put("maxZoom", maxZoom);
        if (!subdomains.isEmpty()) {
            layer.put("subdomains", subdomains);
        }
        return layer;
    }
}
