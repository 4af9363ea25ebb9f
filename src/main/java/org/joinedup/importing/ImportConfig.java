package org.joinedup.importing;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the bulk import. */
@ConfigMapping(prefix = "joinedup.import")
public interface ImportConfig {

    /**
     * The largest file taken (413 past it, counted while reading, so a larger one is never held
     * whole). quarkus.http.limits.max-body-size follows it (application.properties).
     */
    @WithDefault("20M")
    MemorySize maxSize();

    /** Leaders written per transaction: large enough to be quick, small enough to keep each transaction short. */
    @WithDefault("250")
    int batchSize();
}
