package org.joinedup.integration;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.joinedup.organisation.OrganisationView;
import org.joinedup.vocabulary.PlaceView;

/** An integration record as clients see it, with its areas resolved to current ICBs and regions. */
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
        String verification,
        List<EndorsementView> endorsements,
        Instant createdAt,
        Instant updatedAt) {

    /** An outcome with its judgement (see {@link OutcomeJudgement}): a worse result shows as improved false, never hidden. */
    public record OutcomeView(String metric, String description, BigDecimal baseline, BigDecimal result, String unit,
            String period, String source, BigDecimal change, BigDecimal relativeChange, Boolean improved) {
    }

    public record EvidenceView(String title, String url) {
    }

    public record EndorsementView(long id, String kind, String endorserName, String endorserOrganisation, String endorserRole,
            String comment, Instant createdAt) {

        static EndorsementView of(Endorsement e) {
            return new EndorsementView(e.id, e.kind, e.endorserName, e.statedOrganisation, e.endorserRole, e.comment, e.createdAt);
        }
    }
}
