package org.joinedup.recognition;

import jakarta.persistence.Embeddable;

/** One criterion a round is judged on, in the round's order (round_criterion). */
@Embeddable
public class RoundCriterion {

    /** A short stable key, lower case: what reasons and scores are filed under. */
    public String code;
    public String name;
    public String description;

    public RoundCriterion() {
    }

    public RoundCriterion(String code, String name, String description) {
        this.code = code;
        this.name = name;
        this.description = description;
    }
}
