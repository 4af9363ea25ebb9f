package org.joinedup.places;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.joinedup.platform.Page;
import org.joinedup.search.SearchResult;

/** Leaders strong where a place is weak: its weakest dimensions, the approaches that build them, and who used those, best first. */
public record StrengthsForGaps(AssessedPlace place,
        @Schema(description = "The assessment this is read from: the place's latest") Assessed assessment,
        @Schema(description = "The weakest dimensions, lowest score first, each with the approaches that build it") List<WeakDimension> weakest,
        @Schema(description = "Councils counted as places like this one (nearest neighbours), by name") List<String> placesLike,
        @Schema(description = "How the leaders are ranked, in words") String ranking,
        Page<Strength> leaders) {

    public record AssessedPlace(String code, String name, String type) {
    }

    public record Assessed(long id, LocalDate assessedOn) {
    }

    /** A weak dimension; {@code approaches} is empty when no approach in the vocabulary builds it. */
    public record WeakDimension(String code, String label, int score, List<String> approaches) {
    }

    /**
     * A leader found, with {@code points} (the ranking's sum), the weak dimensions their records build,
     * and the body of a learning request a client can POST to /api/learning-requests once it adds learnerId.
     */
    public record Strength(SearchResult.Leader leader, int points, List<String> builds, List<String> approaches, boolean outcomeImproved,
            List<String> workedInPlacesLike, List<String> why, LearningRequestBody learningRequest) {
    }

    /** The fields of POST /api/learning-requests this suggests; learnerId is the client's to fill in. */
    public record LearningRequestBody(
            @Schema(description = "Left empty: the learner's leader id, for the client to fill in") Long learnerId,
            @Schema(description = "The assessed place") String area, List<String> services, List<String> approaches, String need) {
    }
}
