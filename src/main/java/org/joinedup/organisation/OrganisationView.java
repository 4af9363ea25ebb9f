package org.joinedup.organisation;

import java.time.LocalDate;
import org.joinedup.platform.CodeOrObject;

/** An organisation as clients see it; a closed one names its successor where known. */
public record OrganisationView(String code, String name, String kind, boolean closed, LocalDate closedOn, String successorCode,
        String successorName) {

    /** An organisation in a request: its code, or this view of it as a GET showed it. */
    public static class Code extends CodeOrObject {

        public Code() {
            super(OrganisationView.class);
        }
    }
}
