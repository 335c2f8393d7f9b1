package org.linfenatlas.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Request lines reach the stream whole and in order; a full queue drops lines and says how many. */
class BatchingLogWriterTest {

    @Test
    void everyLineIsWrittenInOrderByTheTimeItStops() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BatchingLogWriter writer = new BatchingLogWriter(out, 10_000);
        writer.start();
        List<String> lines = IntStream.range(0, 5000).mapToObj(i -> "GET /api/" + i + " 200 0ms").toList();
        for (String line : lines) {
            writer.write(line);
        }
        writer.stop();
        assertEquals(String.join("\n", lines) + "\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void fullQueueDropsLinesAndCountsThem() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BatchingLogWriter writer = new BatchingLogWriter(out, 2); // not started: nothing drains the queue yet
        writer.write("one");
        writer.write("two");
        writer.write("three");
        writer.start();
        writer.stop();
        assertEquals("one\ntwo\n[request log: 1 lines dropped, the queue was full]\n", out.toString(StandardCharsets.UTF_8));
    }
}
