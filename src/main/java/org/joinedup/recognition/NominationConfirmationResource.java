package org.joinedup.recognition;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.account.LinkProblems;

/** Confirming a public nomination with the token of the link mailed to the nominator's address. */
@Path("/api/nominations/confirm")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Nomination rounds")
public class NominationConfirmationResource {

    @Inject
    PublicNominations publicNominations;

    @Schema(name = "NominationConfirmation")
    public record Confirmation(@NotBlank @Size(max = 100) String token) {
    }

    @POST
    @PermitAll
    @Operation(operationId = "confirmNomination", summary = "Confirm a nomination made without signing in",
            description = "With the token from the mailed link; the nomination counts from then on. Only while the round is taking "
                    + "nominations (else 409). A forged, used, replaced or "
                    + "out-of-date link is a 410.")
    @APIResponse(responseCode = "200", description = "Confirmed", content = @Content(schema = @Schema(implementation = NominationView.class)))
    @APIResponse(responseCode = "410", description = LinkProblems.GONE)
    public NominationView confirm(@Valid @NotNull Confirmation confirmation) {
        return publicNominations.confirm(confirmation.token()).orElseThrow(LinkProblems::gone);
    }
}
