package org.linfenatlas.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigTest {
    @Test
    void helpNamesTheWarmUpCommand() {
        assertTrue(Config.help().contains("java -jar linfen-atlas.jar warm-up"), Config.help());
    }

    @Test
    void warmUpIsParsedAsACommand() {
        assertEquals("warm-up", Config.parse(new String[] {"warm-up"}, Map.of()).command());
    }
}
