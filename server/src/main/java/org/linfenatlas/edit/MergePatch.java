package org.linfenatlas.edit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import org.linfenatlas.model.Feature;

/** JSON Merge Patch (RFC 7396), and the JSON of a stored feature that a patch applies to. */
public final class MergePatch {
    private static final ObjectMapper JSON = new ObjectMapper();

    private MergePatch() {
    }

    /** The target with the patch applied (neither is changed): null removes a member, objects merge, all else replaces. */
    public static JsonNode apply(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy() : JSON.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            if (member.getValue().isNull()) {
                result.remove(member.getKey());
            } else {
                result.set(member.getKey(), apply(result.get(member.getKey()), member.getValue()));
            }
        }
        return result;
    }

    /** The feature as a GeoJSON Feature object with its geometry at full precision and in its stored orientation. */
    public static ObjectNode toJson(Feature feature) {
        ObjectNode json = JSON.createObjectNode();
        json.put("type", "Feature");
        json.put("id", feature.id());
        json.set("geometry", feature.hasGeometry() ? ExactGeoJson.of(feature.geometry()) : json.nullNode());
        json.set("properties", JSON.valueToTree(feature.properties()));
        return json;
    }
}
