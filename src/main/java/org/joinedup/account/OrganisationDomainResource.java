package org.joinedup.account;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.platform.ProblemException;
import org.joinedup.security.Roles;

/** The mail domains that name an organisation, which admins keep (none is seeded: see docs/accounts.md). */
@Path("/api/admin/organisations/{code}/domains")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Accounts")
public class OrganisationDomainResource {

    @Inject
    OrganisationDomains domains;

    public record DomainsInput(@NotNull @Size(max = 50) @Schema(examples = "[\"sfh-tr.nhs.uk\"]") List<String> domains,
            @NotBlank @Size(max = 500) @Schema(description = "Where you know the domains from", examples = "the trust's IT service desk, 2026-12-02")
            String source) {
    }

    @GET
    @Operation(operationId = "listOrganisationDomains", summary = "List an organisation's mail domains",
            description = "The domains whose addresses show that someone works for this organisation.")
    public List<OrganisationDomains.Domain> list(@PathParam("code") String code) {
        return domains.of(code).orElseThrow(() -> ProblemException.notFound("Organisation", code));
    }

    @PUT
    @Operation(operationId = "replaceOrganisationDomains", summary = "Replace an organisation's mail domains",
            description = "A domain of another organisation, or a shared one such as nhs.net, is refused. Audited.")
    public List<OrganisationDomains.Domain> replace(@PathParam("code") String code, @Valid @NotNull DomainsInput input) {
        return domains.replace(code, input.domains(), input.source()).orElseThrow(() -> ProblemException.notFound("Organisation", code));
    }
}
