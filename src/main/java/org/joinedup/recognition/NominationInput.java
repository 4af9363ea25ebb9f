package org.joinedup.recognition;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A nomination as sent: whom, why (per criterion code of the round) and which of the nominee's published records back it. */
@Schema(name = "NominationInput")
public record NominationInput(
        @Schema(description = "A leader of the registry ({\"leaderId\": 12}), or a person not yet in it ({\"name\", \"email\", \"homeArea\"}), "
                + "who is then added and invited") Nominee nominee,
        @Schema(description = "At least one reason, by criterion code of the round; each 1 to 2000 characters",
                examples = "{\"leadership\":\"Brought four councils and two trusts to one plan.\"}") Map<String, String> reasons,
        @Schema(description = "Ids of the nominee's published records that back the reasons; optional") List<Long> recordIds,
        @Schema(description = "Without signing in, in a round open to the public: your e-mail address, where the link to confirm the "
                + "nomination goes; refused when signed in", examples = "pat.public@example.org") String nominatorEmail) {

    @Schema(name = "NomineeInput")
    public record Nominee(
            @Schema(description = "The leader nominated") Long leaderId,
            @Schema(description = "For a person not in the registry: their name") String name,
            @Schema(description = "For a person not in the registry: their e-mail address, where the invitation goes") String email,
            @Schema(description = "For a person not in the registry: the council or ICB they work in (a code)", examples = "E10000024")
            String homeArea,
            @Schema(description = "For a person not in the registry: their role; optional, at most 200 characters") String currentRole) {
    }
}
