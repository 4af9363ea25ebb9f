package org.joinedup.integration;

import jakarta.persistence.Embeddable;

/** A published report, evaluation or article that supports a record. */
@Embeddable
public class EvidenceLink {
    public String title;
    public String url;
}
