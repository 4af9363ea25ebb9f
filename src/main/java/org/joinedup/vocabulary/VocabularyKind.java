package org.joinedup.vocabulary;

/** The vocabularies the registry knows; each is the file seed-data/vocabularies/{name}.csv. */
public enum VocabularyKind {
    SERVICES("services"),
    SCOPES("scopes"),
    APPROACHES("approaches"),
    OUTCOME_METRICS("outcome-metrics"),
    PROGRAMMES("programmes"),
    ROLES("roles"),
    MENTORING_FORMATS("mentoring-formats"),
    /** SCIROCCO's 12 dimensions of integrated care a place assesses itself on (org.joinedup.places). */
    DIMENSIONS("dimensions"),
    SECTORS("sectors");

    public final String fileName;

    VocabularyKind(String fileName) {
        this.fileName = fileName;
    }
}
