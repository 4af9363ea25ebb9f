package org.joinedup.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Locale;
import org.joinedup.integration.RecordView;
import org.joinedup.vocabulary.Area;
import org.joinedup.vocabulary.Geography;
import org.joinedup.vocabulary.Vocabularies;
import org.joinedup.vocabulary.VocabularyItem;
import org.joinedup.vocabulary.VocabularyKind;

/** Codes as people read them, for templates ({@code inject:labels.service(code)}); the words come from seed-data. */
@Named("labels")
@ApplicationScoped
public class Labels {

    @Inject
    Vocabularies vocabularies;

    @Inject
    Geography geography;

    public String service(String code) {
        return label(VocabularyKind.SERVICES, code);
    }

    public String services(List<String> codes) {
        return String.join(", ", codes.stream().map(this::service).toList());
    }

    public String approach(String code) {
        return label(VocabularyKind.APPROACHES, code);
    }

    public String approaches(List<String> codes) {
        return String.join(", ", codes.stream().map(this::approach).toList());
    }

    public String scope(String code) {
        return label(VocabularyKind.SCOPES, code);
    }

    public String programme(String code) {
        return label(VocabularyKind.PROGRAMMES, code);
    }

    public String outcome(String code) {
        return label(VocabularyKind.OUTCOME_METRICS, code);
    }

    public String role(String code) {
        return label(VocabularyKind.ROLES, code);
    }

    public String format(String code) {
        return label(VocabularyKind.MENTORING_FORMATS, code);
    }

    public String formats(List<String> codes) {
        return String.join(", ", codes.stream().map(this::format).toList());
    }

    /**
     * Who said it, as a person reads it: "confirmed by Pat Partner (Director) of Sherwood Forest
     * Hospitals NHS Foundation Trust on 2 December 2026 for revision 3", "verified by Integrated
     * Care Pioneers (Sam Roe) on ... for revision 3". Legacy rows keep the API's own sentence.
     */
    public String assertion(RecordView.EndorsementView e) {
        if ("legacy".equals(e.status()) || e.endorserName() == null) {
            return e.source();
        }
        var when = " on " + Formats.display(e.updatedAt()) + " for revision " + e.recordRevision();
        if ("verification".equals(e.kind())) {
            return ("confirmed".equals(e.decision()) ? "verified" : "verification rejected") + " by " + programme(e.programme()) + " ("
                    + e.endorserName() + ")" + when;
        }
        var title = e.endorserRole() == null ? "" : " (" + e.endorserRole() + ")";
        var organisation = e.organisation() == null ? "" : " of " + e.organisation().name();
        return e.decision() + " by " + e.endorserName() + title + organisation + when;
    }

    /** The confirmations a profile shows: a rejection is for the leader and programme staff, never the public page. */
    public List<RecordView.EndorsementView> confirmations(RecordView r) {
        return r.endorsements().stream().filter(e -> "confirmed".equals(e.decision())).toList();
    }

    /** The level that holds and since when: "Verified since 2 December 2026". */
    public String level(RecordView r) {
        var level = r.verification() == null ? "" : r.verification().substring(0, 1).toUpperCase(Locale.ROOT) + r.verification().substring(1);
        return r.verificationSince() == null ? level : level + " since " + Formats.display(r.verificationSince());
    }

    public String area(String code) {
        return code == null ? "" : geography.find(code).map(Area::name).orElse(code);
    }

    List<VocabularyItem> items(VocabularyKind kind) {
        return vocabularies.get(kind).items();
    }

    private String label(VocabularyKind kind, String code) {
        return code == null ? "" : vocabularies.get(kind).find(code).map(VocabularyItem::label).orElse(code);
    }
}
