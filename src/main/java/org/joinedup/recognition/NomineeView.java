package org.joinedup.recognition;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.joinedup.organisation.OrganisationView;
import org.joinedup.vocabulary.PlaceView;

/**
 * A nominee of a round as staff and judges see them: who they are, the evidence their published
 * records carry, and every nomination with its reasons and the records linked to it.
 */
public record NomineeView(
        long leaderId,
        String name,
        String currentRole,
        OrganisationView organisation,
        String sector,
        Evidence evidence,
        List<Entry> nominations) {

    /** What the nominee's published records and mentoring show, so the list rests on more than reputation. */
    @Schema(name = "NomineeEvidence")
    public record Evidence(
            @Schema(description = "Published records by verification level (e.g. {\"verified\": 2, \"self-reported\": 1})")
            Map<String, Long> recordsByVerification,
            @Schema(description = "Outcomes of their published records with a judgement (a baseline, a result and a direction)") long outcomesJudged,
            @Schema(description = "Of those, how many improved") long outcomesImproved,
            @Schema(description = "Mentorships they completed as mentor (peers mentored)") long peersMentored) {
    }

    /** One nomination; {@code nominatedBy} is null for judges, who do not see who nominated. */
    @Schema(name = "NomineeNomination")
    public record Entry(
            long id,
            @Schema(description = "The nominator's name (or e-mail address, for a public nomination); shown to programme staff and admins only")
            String nominatedBy,
            List<NominationView.Reason> reasons,
            List<LinkedRecord> records,
            Instant createdAt) {
    }

    /** A record linked to a nomination, with what a judge weighs: where, how verified, what changed. */
    @Schema(name = "NominatedRecord")
    public record LinkedRecord(long id, String title, List<PlaceView> areas, String verification, List<Outcome> outcomes) {
    }

    /** An outcome with its judgement: improved is null when it cannot be judged (no direction), false when it got worse. */
    @Schema(name = "NominatedRecordOutcome")
    public record Outcome(String metric, String description, BigDecimal baseline, BigDecimal result, String unit, Boolean improved) {
    }
}
