package org.linfenatlas.edit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.linfenatlas.store.StoreError;
import org.linfenatlas.store.StoreError.Problem;

/** The limits a write request body is held to before anything looks at its content. */
final class RequestBody {
    static final int MAX_BYTES = 1 << 20;
    static final int MAX_DEPTH = 20;
    private static final int MAX_NUMBER_LENGTH = 100;

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH)
                    .maxStringLength(MAX_BYTES)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private RequestBody() {
    }

    static JsonNode parse(byte[] body) {
        if (body.length > MAX_BYTES) {
            throw StoreError.of(StoreError.Kind.TOO_LARGE, "the body has " + body.length + " bytes; at most " + MAX_BYTES + " are accepted");
        }
        String text;
        try {
            // Jackson would also take UTF-16 or UTF-32; a write body must be UTF-8 (RFC 8259).
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw malformed("the body is not UTF-8 text");
        }
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (StreamConstraintsException e) {
            throw malformed("the body exceeds a limit: " + e.getOriginalMessage());
        } catch (JsonProcessingException e) {
            throw malformed("the body is not valid JSON: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")"));
        }
        if (node == null || node.isMissingNode()) {
            throw malformed("the body is empty");
        }
        return node;
    }

    /** Whether the JSON nests deeper than {@link #MAX_DEPTH} (a node built in code has not been through {@link #parse}). */
    static boolean tooDeep(JsonNode node) {
        return depthExceeds(node, 1);
    }

    private static boolean depthExceeds(JsonNode node, int depth) {
        if (!node.isContainerNode()) {
            return false;
        }
        if (depth > MAX_DEPTH) {
            return true;
        }
        for (JsonNode child : node) {
            if (depthExceeds(child, depth + 1)) {
                return true;
            }
        }
        return false;
    }

    private static StoreError malformed(String problem) {
        return StoreError.malformed(problem, List.of(new Problem("", problem)));
    }
}
