package org.joinedup.leader;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.joinedup.vocabulary.PlaceView;

/** A leader as clients see it. Contact details are never part of it. */
public record LeaderView(
        long id,
        int version,
        String name,
        String currentRole,
        String organisation,
        String doingNow,
        LocalDate doingNowAsOf,
        PlaceView homeArea,
        MentoringView mentoring,
        String visibility,
        boolean illustrative,
        Instant createdAt,
        Instant updatedAt) {

    static LeaderView of(Leader leader, PlaceView home) {
        var offer = leader.mentoring;
        return new LeaderView(leader.id, leader.version, leader.name, leader.currentRole, leader.organisation, leader.doingNow,
                leader.doingNowAsOf, home, new MentoringView(offer.willing, offer.capacity, offer.active,
                        List.copyOf(offer.formats), offer.trained, List.copyOf(offer.conflicts)),
                leader.visibility.code, leader.illustrative, leader.createdAt, leader.updatedAt);
    }

    /**
     * The profile as a particular caller may see it: anyone without an account gets a reduced one
     * (no "doing now"); the organisations a leader refuses to be matched with are shown only to
     * the leader themself and to staff.
     */
    public LeaderView seenBy(boolean signedIn, boolean selfOrStaff) {
        var offer = selfOrStaff ? mentoring
                : new MentoringView(mentoring.willing(), mentoring.capacity(), mentoring.active(), mentoring.formats(), mentoring.trained(), List.of());
        return new LeaderView(id, version, name, currentRole, organisation, signedIn ? doingNow : null, signedIn ? doingNowAsOf : null,
                homeArea, offer, visibility, illustrative, createdAt, updatedAt);
    }

    /** {@code active}: mentorships proposed, accepted or active now, which count against {@code capacity}. */
    public record MentoringView(boolean willing, int capacity, int active, List<String> formats, boolean trained, List<String> conflicts) {
    }
}
