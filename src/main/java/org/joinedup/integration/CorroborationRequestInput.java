package org.joinedup.integration;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record CorroborationRequestInput(
        @Schema(description = "The code of one of the record's partner organisations", examples = "RK5") String organisation) {
}
