package org.linfenatlas.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Memory of the chromium processes this JVM started (through chromedriver), from Linux's /proc. */
final class ChromiumMemory {
    private ChromiumMemory() {
    }

    /**
     * Proportional set size (shared pages split between their users, so that a sum is not inflated) in KB: of the
     * largest renderer process (the page's; chromium keeps a spare one), or the sum over every chromium process.
     * 0 where /proc has no answer.
     */
    static long pssKb(boolean pageRendererOnly) {
        var processes = ProcessHandle.current().descendants()
                .filter(p -> {
                    String cmd = commandLine(p.pid());
                    return cmd.contains("chromium") && (!pageRendererOnly || cmd.contains("--type=renderer"));
                })
                .mapToLong(p -> pss(p.pid()));
        return pageRendererOnly ? processes.max().orElse(0) : processes.sum();
    }

    private static String commandLine(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ');
        } catch (IOException gone) {
            return "";
        }
    }

    private static long pss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "smaps_rollup"))) {
                if (line.startsWith("Pss:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | NumberFormatException gone) {
            // the process ended, or this is not Linux
        }
        return 0;
    }
}
