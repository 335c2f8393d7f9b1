package org.linfenatlas.api;

import java.util.List;
import java.util.Map;
import org.linfenatlas.store.ItemsQuery;

/**
 * A validated items request: the store query plus how to write the answer.
 *
 * @param properties the properties to return, null for all
 * @param linkParams the request's parameters (minus offset), kept by next/prev links
 * @param skipGeometry write every feature's geometry as null (skipGeometry=true: lists that need no shapes)
 * @param zoomLevel the zoom (WebMercatorQuad) to simplify geometries for (OGC API – Features Part 7), null for exact
 */
public record ItemsRequest(ItemsQuery query, Crs crs, List<String> properties, Map<String, String> linkParams,
                           boolean skipGeometry, Double zoomLevel) {
    public ItemsRequest {
        properties = properties == null ? null : List.copyOf(properties);
        linkParams = Map.copyOf(linkParams);
    }
}
