package io.rtdp.platform.component;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes a server's configuration where the user can read it, key by key in a stable order. */
final class PropertiesFiles {
    private PropertiesFiles() {
    }

    static void write(Path file, String header, Map<?, ?> properties) throws IOException {
        Files.createDirectories(file.getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("# " + header + "\n# Written by ./rtdp up from the platform's settings on every start: edit those, not this file.\n");
            for (Map.Entry<?, ?> e : new java.util.TreeMap<>(properties).entrySet()) {
                out.write(e.getKey() + "=" + String.valueOf(e.getValue()).replace("\\", "\\\\") + "\n");
            }
        }
    }
}
