package org.joinedup.search.index;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.joinedup.leader.LeaderChanged;
import org.joinedup.leader.LeadersChanged;

/** Turns every leader change into an outbox row in the same transaction, and wakes the indexer once it commits. */
@ApplicationScoped
class LeaderChangeListener {

    @Inject
    SearchOutbox outbox;

    @Inject
    Indexer indexer;

    void queue(@Observes LeaderChanged change) {
        outbox.add(change.leaderId(), change.revision());
    }

    void wake(@Observes(during = TransactionPhase.AFTER_SUCCESS) LeaderChanged change) {
        indexer.nudge();
    }

    /** Many leaders at once (the bulk import): their rows in one statement. */
    void queueAll(@Observes LeadersChanged changes) {
        outbox.addAll(changes.changes());
    }

    void wakeAll(@Observes(during = TransactionPhase.AFTER_SUCCESS) LeadersChanged changes) {
        indexer.nudge();
    }
}
