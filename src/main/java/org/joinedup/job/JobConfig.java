package org.joinedup.job;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How running jobs report. */
@ConfigMapping(prefix = "joinedup.jobs")
public interface JobConfig {

    /** How often a running job writes its progress to its row; each write is also its heartbeat. */
    @WithDefault("1S")
    Duration progressInterval();

    /**
     * A job whose heartbeat is older than this belongs to a service copy that died, and is marked
     * failed. Many heartbeats long, so a slow moment or a short PostgreSQL outage does not fail a job
     * that is still running.
     */
    @WithDefault("60S")
    Duration lease();

    /** How long a finished job's row (its progress, errors and result) is kept for people to look at. */
    @WithDefault("P90D")
    Duration keep();
}
