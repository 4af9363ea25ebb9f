package org.joinedup.search.index;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.joinedup.job.JobService;
import org.joinedup.job.JobView;
import org.joinedup.platform.Problem;
import org.joinedup.platform.ProblemException;

/** Rebuilding the index as a job (the first kind): started by an admin, or by a start that finds index-mappings/ newer. */
@ApplicationScoped
public class ReindexJob {

    public static final String KIND = "reindex";

    @Inject
    JobService jobs;

    @Inject
    Reindexer reindexer;

    @Inject
    LeaderIndex index;

    /** Starts a rebuild in this copy; 409 naming the rebuild under way in any copy, 503 before the index is set up. */
    public JobView start(String startedBy) {
        if (index.liveIndex().isEmpty()) {
            throw notSetUp();
        }
        return jobs.start(KIND, "documents", startedBy, reindexer::reindex);
    }

    static ProblemException notSetUp() {
        return new ProblemException(Problem.of("search-unavailable", "Search unavailable", 503,
                "the search index is not set up yet; try again shortly")).retryAfter(Problem.RETRY_AFTER_SECONDS);
    }
}
