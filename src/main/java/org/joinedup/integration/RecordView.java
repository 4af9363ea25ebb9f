package org.joinedup.integration;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.joinedup.organisation.OrganisationView;
import org.joinedup.platform.Versioned;
import org.joinedup.vocabulary.PlaceView;

/**
 * An integration record as clients see it, with its areas resolved to current ICBs and regions.
 * {@code verification} is the level that holds for the current {@code revision} (since
 * {@code verificationSince}); {@code source} says who reported it. {@code corroboration} is a
 * note for the owner and programme staff only (null for everyone else), and rejections are
 * among {@code endorsements} only for them and the account that gave them.
 */
public record RecordView(
        long id,
        int version,
        long leaderId,
        String title,
        String summary,
        List<PlaceView> areas,
        List<String> services,
        String scope,
        List<String> approaches,
        String programme,
        String role,
        List<OrganisationView> partnerOrganisations,
        LocalDate periodStart,
        LocalDate periodEnd,
        List<OutcomeView> outcomes,
        List<EvidenceView> evidence,
        int revision,
        String source,
        String verification,
        Instant verificationSince,
        Instant wordingEditedAt,
        String corroboration,
        List<EndorsementView> endorsements,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "draft (seen by its leader and programme staff only, published with POST /api/records/{id}/publish) or published")
        String state,
        @Schema(description = "The mentor this work was learned from, when it was started from a mentorship's follow-up")
        LearnedFrom learnedFrom,
        @Schema(description = "The others who led the work together with its leader and confirmed it, with their own roles: only "
                + "leaders you may see (the others are left out)")
        List<CoLeaderView> ledWith) implements Versioned {

    public boolean draft() {
        return "draft".equals(state);
    }

    /**
     * The record as it shows among a co-leader's work: with their own role (the record stays its
     * owner's: {@code leaderId} names the owner).
     */
    public RecordView withRole(String coLeaderRole) {
        return new RecordView(id, version, leaderId, title, summary, areas, services, scope, approaches, programme, coLeaderRole,
                partnerOrganisations, periodStart, periodEnd, outcomes, evidence, revision, source, verification, verificationSince,
                wordingEditedAt, corroboration, endorsements, createdAt, updatedAt, state, learnedFrom, ledWith);
    }

    /** The mentor a record was learned from. */
    public record LearnedFrom(long leaderId, String name) {
    }

    /** An outcome with its judgement (see {@link OutcomeJudgement}): a worse result shows as improved false, never hidden. */
    public record OutcomeView(String metric, String description, BigDecimal baseline, BigDecimal result, String unit,
            String period, String source, BigDecimal change, BigDecimal relativeChange, Boolean improved) {
    }

    public record EvidenceView(String title, String url) {
    }

    /**
     * An endorsement (organisation set) or a verification (programme set), with its status against
     * the record's revision (current, wording-edited-since, earlier-version, legacy) and its source.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EndorsementView(long id, String kind, String decision, String status, String source, String endorserName,
            String endorserRole, OrganisationView organisation, String programme, String statedOrganisation, String comment,
            int recordRevision, boolean illustrative, Instant createdAt, Instant updatedAt) {
    }
}
