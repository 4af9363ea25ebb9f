package org.joinedup.matching;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How many mentors' places one learner can hold at once, and for how long an unanswered proposal holds one. */
@ConfigMapping(prefix = "joinedup.matching.limits")
public interface MatchingLimits {

    /** Open learning requests one learner may have; staff creating requests for them count too. */
    @WithDefault("5")
    int openRequests();

    /** Proposals a learner made themself that the mentor has not answered yet (staff and cohort proposals do not count). */
    @WithDefault("3")
    int openProposals();

    /** How long a proposal waits for the mentor's answer before it expires and frees the place. */
    @WithDefault("14d")
    Duration proposalExpiry();
}
