package org.joinedup.leader;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.joinedup.organisation.OrganisationView;
import org.joinedup.platform.Versioned;
import org.joinedup.recognition.Recognition;
import org.joinedup.vocabulary.PlaceView;

/**
 * A leader as clients see it, cut to the caller by {@link ProfileAudience}: {@code contact} only for
 * the leader themself and admins (so what they GET they can PUT back), never in search or matches.
 */
public record LeaderView(
        long id,
        int version,
        String name,
        String currentRole,
        @JsonInclude(JsonInclude.Include.ALWAYS) OrganisationView organisation,
        String doingNow,
        LocalDate doingNowAsOf,
        PlaceView homeArea,
        /** A code of the sectors vocabulary, or null. */
        @JsonInclude(JsonInclude.Include.ALWAYS) String sector,
        MentoringView mentoring,
        String visibility,
        boolean illustrative,
        Instant createdAt,
        Instant updatedAt,
        /**
         * The published nomination rounds that selected the leader, newest first, as far as the caller
         * may see each round's list (ProfileAudience#show); empty in audit entries, which record the profile only.
         */
        @JsonInclude(JsonInclude.Include.ALWAYS) List<Recognition> recognitions,
        @JsonInclude(JsonInclude.Include.NON_NULL) Contact contact) implements Versioned {

    static LeaderView of(Leader leader, PlaceView home, OrganisationView organisation, List<Recognition> recognitions) {
        var offer = leader.mentoring;
        return new LeaderView(leader.id, leader.version, leader.name, leader.currentRole, organisation, leader.doingNow,
                leader.doingNowAsOf, home, leader.sector, new MentoringView(offer.willing, offer.capacity, offer.active,
                        List.copyOf(offer.formats), offer.trained, List.copyOf(offer.conflicts), pausedUntil(offer), pausedUntil(offer) == null ? null : offer.pauseReason),
                leader.visibility.code, leader.illustrative, leader.createdAt, leader.updatedAt, recognitions, null);
    }

    /** A pause that is over shows as none: it ends by itself on its day. */
    private static LocalDate pausedUntil(MentoringOffer offer) {
        return MentoringOffer.paused(offer.pausedUntil, MentoringOffer.today()) ? offer.pausedUntil : null;
    }

    /**
     * {@code active}: mentorships proposed, accepted or active now, which count against {@code capacity}.
     * {@code pausedUntil}: not available to matching before this day (absent when not paused); {@code pauseReason}
     * only for programme staff, admins and the leader.
     */
    public record MentoringView(boolean willing, int capacity, int active, List<String> formats, boolean trained, List<String> conflicts,
            @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate pausedUntil,
            @JsonInclude(JsonInclude.Include.NON_NULL) String pauseReason) {

        /** The offer without the pause's reason (other audiences). */
        MentoringView withoutPauseReason() {
            return new MentoringView(willing, capacity, active, formats, trained, conflicts, pausedUntil, null);
        }
    }
}
