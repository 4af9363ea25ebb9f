package org.joinedup.search.index;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import org.jboss.logging.Logger;
import org.joinedup.job.JobResource;
import org.joinedup.platform.ProblemException;
import org.joinedup.security.CurrentUser;

/**
 * Sets the index up at start: creates it if missing, and rebuilds it in the background when
 * index-mappings/ is newer than the live index (search keeps answering from the old one
 * meanwhile). While Elasticsearch is unreachable the service still starts, accepts writes into
 * the outbox and keeps trying.
 */
@ApplicationScoped
public class IndexSetup {

    private static final Logger LOG = Logger.getLogger(IndexSetup.class);

    @Inject
    LeaderIndex index;

    @Inject
    ReindexJob rebuilds;

    @Inject
    Indexer indexer;

    void onStart(@Observes StartupEvent start) {
        trySetUp();
    }

    @Scheduled(every = "10s", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retryUntilReady() {
        if (index.liveIndex().isEmpty()) {
            trySetUp();
        }
    }

    void trySetUp() {
        try {
            int liveVersion = index.ensure();
            indexer.nudge();
            if (liveVersion < LeaderIndex.mappingVersion()) {
                LOG.infof("Live index has mapping version %d, index-mappings/ has %d: rebuilding in the background", liveVersion,
                        LeaderIndex.mappingVersion());
                rebuild();
            }
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Elasticsearch not ready (%s); writes are kept in the outbox and the index will be set up when it answers",
                    e.getMessage());
        }
    }

    /** As a job started by the system, so it shows with the others; when copies start together, one rebuilds. */
    private void rebuild() {
        try {
            var job = rebuilds.start(CurrentUser.SYSTEM);
            LOG.infof("Rebuild started as job %d (%s)", job.id(), JobResource.path(job.id()));
        } catch (ProblemException e) {
            LOG.infof("Background rebuild not started here: %s", e.getMessage());
        }
    }
}
