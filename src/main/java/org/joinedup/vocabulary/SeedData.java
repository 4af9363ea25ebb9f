package org.joinedup.vocabulary;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

/** The seed-data/ folder, packaged on the classpath by the build so the service jar is self-contained. */
final class SeedData {

    private SeedData() {
    }

    static List<Map<String, String>> csv(String path) {
        InputStream in = SeedData.class.getClassLoader().getResourceAsStream("seed-data/" + path);
        if (in == null) {
            throw new IllegalStateException("seed-data/" + path + " is missing from the build");
        }
        return CsvTable.read(in, path);
    }

    static List<String> multi(String cell) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        return List.of(cell.split("\\s*\\|\\s*"));
    }
}
