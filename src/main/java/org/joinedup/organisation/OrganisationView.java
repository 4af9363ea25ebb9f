package org.joinedup.organisation;

import java.time.LocalDate;

/** An organisation as clients see it; a closed one names its successor where known. */
public record OrganisationView(String code, String name, String kind, boolean closed, LocalDate closedOn, String successorCode,
        String successorName) {
}
