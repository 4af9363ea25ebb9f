package org.joinedup.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generator moved to the benchmark tooling still writes, from its defaults, the demo file the service loads. */
class DemoDataGeneratorTest {

    @Test
    void itsDefaultsWriteTheDemoDataTheServiceLoads(@TempDir Path dir) throws Exception {
        var out = dir.resolve("generated-leaders.json");
        DemoDataGenerator.main(new String[] { "--out", out.toString() });
        assertEquals(Files.readString(Path.of("seed-data/demo/generated-leaders.json")), Files.readString(out));
    }
}
