package org.joinedup.matching;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.joinedup.platform.Versioned;

/**
 * A programme's matching profile as clients see it: a weight from 0 to 10 for every part of the score (5 gives the
 * part's usual points, 0 turns it off, 10 doubles it) and the musts. {@code builtIn} when the programme has no profile
 * of its own (version 0) and the default applies; {@code programme} is null for the default used when none is named.
 */
public record MatchingProfileView(
        @Schema(description = "Programme code (programmes vocabulary); null for the default profile used when no programme is named") String programme,
        String programmeLabel, int version,
        @Schema(description = "True when no profile is stored for the programme and the built-in default applies") boolean builtIn,
        @Schema(description = "Weight 0 to 10 of each part of the score: services, approaches, scope, evidence, outcomes, distance, depth, "
                + "formats, trained, trackRecord, role, words, place") Map<String, Integer> weights,
        @Schema(description = "Rules a mentor must meet to be matched at all, each one of: same-region, trained, verified-record, "
                + "approach-in-common") List<String> musts,
        Instant updatedAt) implements Versioned {

    static MatchingProfileView of(String programme, String label, MatchProfile profile, int version, boolean builtIn, Instant updatedAt) {
        return new MatchingProfileView(programme, label, version, builtIn, profile.weights(),
                profile.musts().stream().map(MatchProfile.Must::code).toList(), updatedAt);
    }

    /** The profile these weights and musts make, for the scorer. */
    public MatchProfile toProfile() {
        return new MatchProfile(weights, musts.stream().map(code -> MatchProfile.Must.of(code).orElseThrow()).toList());
    }
}
