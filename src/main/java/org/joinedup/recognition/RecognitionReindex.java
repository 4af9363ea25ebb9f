package org.joinedup.recognition;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.joinedup.leader.LeaderService;

/**
 * When a round is published, its nominees' search documents change (the {@code recognised} facet):
 * they are marked changed in the publishing transaction, which queues them in the search outbox
 * with the publication, as any other change to a leader is.
 */
@ApplicationScoped
class RecognitionReindex {

    @Inject
    Recognitions recognitions;

    @Inject
    LeaderService leaders;

    void onPublished(@Observes RoundPublished published) {
        leaders.markChanged(recognitions.nominees(published.roundId()));
    }
}
