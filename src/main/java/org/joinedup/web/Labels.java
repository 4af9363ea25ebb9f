package org.joinedup.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
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
