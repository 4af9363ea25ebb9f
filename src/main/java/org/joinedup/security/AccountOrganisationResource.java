package org.joinedup.security;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.platform.ProblemException;

/** Which organisation an account speaks for: set by admins and programme staff, so outside the admin-only paths. */
@Path("/api/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.PROGRAMME, Roles.ADMIN })
@Tag(name = "Accounts and audit")
public class AccountOrganisationResource {

    @Inject
    AccountService accounts;

    public record OrganisationChange(
            @Size(max = 20) @Schema(description = "An organisation code (GET /api/organisations), or null for none", examples = "RK5")
            String organisation) {
    }

    @PUT
    @Path("/{id}/organisation")
    @Operation(operationId = "updateAccountOrganisation", summary = "Set an account's organisation",
            description = "The organisation an account belongs to, or null for none (audited); programme staff may not change an admin account's.")
    public AccountView organisation(@PathParam("id") long id, @Valid @NotNull OrganisationChange change) {
        return accounts.setOrganisation(id, change.organisation()).orElseThrow(() -> ProblemException.notFound("Account", id));
    }
}
