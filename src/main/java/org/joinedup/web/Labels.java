package org.joinedup.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
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

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

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

    public String sector(String code) {
        return label(VocabularyKind.SECTORS, code);
    }

    /** The sectors a profile form offers, in the vocabulary's order. */
    public List<VocabularyItem> sectors() {
        return items(VocabularyKind.SECTORS);
    }

    /**
     * The assertion's source sentence as the API gives it (integration/Provenance, the one place
     * that words it), with its date as the pages write dates: "on 2 December 2026".
     */
    public String assertion(RecordView.EndorsementView e) {
        return ISO_DATE.matcher(e.source()).replaceAll(m -> Formats.display(LocalDate.parse(m.group())));
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
