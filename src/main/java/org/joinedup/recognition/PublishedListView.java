package org.joinedup.recognition;

import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A round's published list: the selected, in order, with their citations. */
public record PublishedListView(long roundId, String name, String question, Instant publishedAt, List<Entry> entries) {

    /** leaderId and profile are there only when the caller may see the profile; an erased person shows as having left. */
    @Schema(name = "ListedNominee")
    public record Entry(int position, boolean ranked, Long leaderId, String name, String role, String organisation, String citation,
            @Schema(description = "Link to the profile, when the caller may see it", examples = "/leaders/42") String profile) {
    }
}
