package org.joinedup.search.index;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the indexer drains the outbox. */
@ConfigMapping(prefix = "joinedup.indexer")
public interface IndexerConfig {

    /** Off in a copy that should only serve requests. */
    @WithDefault("true")
    boolean enabled();

    /** Outbox rows claimed per bulk request. */
    @WithDefault("500")
    int batchSize();

    /**
     * How long a claim keeps other copies off a row: longer than a bulk request takes, short enough
     * that the rows of a copy that crashed are picked up again soon. A row whose lease ran out while
     * its copy was still working is at worst written twice, which external versions make harmless.
     */
    @WithDefault("20S")
    Duration lease();

    /** How often to look for rows written by other copies or due for retry; local writes wake it at once. */
    @WithDefault("1S")
    Duration pollInterval();

    /** How long a stopping copy waits for the batch in hand before handing its rows back unfinished. */
    @WithDefault("10S")
    Duration stopGrace();

    /** Failed tries of one row before it is parked for an admin to replay. */
    @WithDefault("8")
    int maxAttempts();

    /**
     * When to compare the index with PostgreSQL and queue every difference (Quarkus cron, or "off").
     * A delete leaves a tombstone that Elasticsearch forgets after index.gc_deletes; an older write
     * arriving later (from a copy that stalled) would bring an erased leader back, and only this
     * comparison finds it. One copy runs it; the others see the claim and skip.
     */
    @WithDefault("0 30 2 * * ?")
    String reconcileCron();

    /**
     * Elasticsearch's index.gc_deletes: a copy whose indexer was paused longer than this may have
     * just written over a forgotten delete, so it reconciles once it resumes.
     */
    @WithDefault("60S")
    Duration gcDeletes();
}
