package org.joinedup.search.index;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import org.joinedup.followup.FollowUpService;
import org.joinedup.followup.TrackRecord;
import org.joinedup.integration.IntegrationRecordService;
import org.joinedup.leader.LeaderService;
import org.joinedup.recognition.Recognitions;

/** Builds leader documents from the current state in PostgreSQL, through the owning features' services. */
@ApplicationScoped
class LeaderDocuments {

    @Inject
    LeaderService leaders;

    @Inject
    IntegrationRecordService records;

    @Inject
    FollowUpService followUps;

    @Inject
    Recognitions recognitions;

    /** Documents for those of the ids that still exist, read in one transaction so leader and records agree. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<LeaderDocument> load(Collection<Long> leaderIds) {
        var states = leaders.states(leaderIds);
        var ids = states.stream().map(s -> s.leader().id()).toList();
        var recordsByLeader = records.workOfLeaders(ids);
        var trackRecords = followUps.trackRecords(ids);
        var recognised = recognitions.ofLeaders(ids);
        return states.stream()
                .map(state -> LeaderDocument.of(state, recordsByLeader.getOrDefault(state.leader().id(), List.of()),
                        trackRecords.getOrDefault(state.leader().id(), TrackRecord.NONE),
                        recognised.getOrDefault(state.leader().id(), List.of())))
                .toList();
    }
}
