package org.joinedup.shortlist;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.joinedup.organisation.OrganisationView;
import org.joinedup.vocabulary.PlaceView;

/** One leader on a shortlist: who they are, the private note, and who added them when. */
public record ShortlistEntryView(
        ShortlistLeader leader,
        @Schema(description = "The private note; null when there is none") String note,
        @Schema(description = "Who added the leader (a name); null once that account is erased") String addedBy,
        Instant addedAt,
        Instant updatedAt) {

    /** Enough of a leader to tell who they are; the profile is at /api/leaders/{id}. */
    public record ShortlistLeader(
            long id,
            String name,
            String currentRole,
            OrganisationView organisation,
            PlaceView homeArea) {
    }
}
