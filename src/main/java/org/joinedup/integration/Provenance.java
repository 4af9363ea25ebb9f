package org.joinedup.integration;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The source sentence every assertion carries: who said it, when, and for which revision. */
final class Provenance {

    /** Dates are the registry's, in the UK. */
    private static final ZoneId UK = ZoneId.of("Europe/London");

    private Provenance() {
    }

    static String ofRecord(String source, String reportedBy, String sourceList, Instant createdAt) {
        if (IntegrationRecord.SOURCE_IMPORT.equals(source)) {
            return "imported from " + (sourceList == null ? "a list" : sourceList) + " on " + date(createdAt);
        }
        if (IntegrationRecord.SOURCE_ADMIN.equals(source)) {
            return "reported by admin " + reportedBy + " on behalf of the leader on " + date(createdAt);
        }
        if (IntegrationRecord.SOURCE_DELEGATE.equals(source)) {
            return "reported by " + reportedBy + ", the leader's delegate, on " + date(createdAt);
        }
        return "self-reported by the leader on " + date(createdAt);
    }

    /**
     * "confirmed by Ann Lee (Director of Nursing) of Sherwood Forest Hospitals on 2026-05-01 for
     * revision 3", "verified by Integrated Care Pioneers (Sam Roe) on ... for revision 3"; a legacy
     * row says what its writer typed and that it does not count.
     */
    static String ofAssertion(Endorsement e, String organisationName, String programmeLabel) {
        String who = e.accountId == null && !e.legacy ? "an erased account" : e.endorserName;
        if (e.legacy) {
            return "stated by " + who + (e.statedOrganisation == null ? "" : " of " + e.statedOrganisation) + " on " + date(e.createdAt)
                    + ", before corroboration was given by accounts: not counted";
        }
        String when = " on " + date(e.updatedAt) + " for revision " + e.recordRevision;
        if (Endorsement.VERIFICATION.equals(e.kind)) {
            String verb = e.confirmed() ? "verified" : "verification rejected";
            return verb + " by " + programmeLabel + " (" + who + ")" + when;
        }
        String title = e.endorserRole == null || e.accountId == null ? "" : " (" + e.endorserRole + ")";
        return e.decision + " by " + who + title + " of " + organisationName + when;
    }

    static LocalDate date(Instant at) {
        return at == null ? null : LocalDate.ofInstant(at, UK);
    }
}
