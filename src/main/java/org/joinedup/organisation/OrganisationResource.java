package org.joinedup.organisation;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.joinedup.platform.Page;
import org.joinedup.platform.PageRequest;
import org.joinedup.platform.ProblemException;
import org.joinedup.platform.Violation;
import org.joinedup.security.Roles;

@Path("/api/organisations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Organisations")
public class OrganisationResource {

    private static final List<String> KINDS = List.of(OrganisationKind.ICB, OrganisationKind.COUNCIL, OrganisationKind.NHS_TRUST,
            OrganisationKind.UNLISTED);

    @Inject
    OrganisationDirectory directory;

    @GET
    @PermitAll
    @Operation(operationId = "searchOrganisations", summary = "Find organisations",
            description = "By name (every word must appear), open ones first; closed ones too with closed=true; narrowed by kind.")
    public Page<OrganisationView> search(@QueryParam("q") String query, @QueryParam("kind") String kind,
            @QueryParam("closed") @DefaultValue("false") String closed, @Valid @BeanParam PageRequest paging) {
        if (kind != null && !KINDS.contains(kind)) {
            throw ProblemException.invalid(new Violation("kind", "query", "is not a kind of organisation", KINDS));
        }
        if (!List.of("true", "false").contains(closed)) {
            throw ProblemException.invalid(new Violation("closed", "query", "must be true or false", List.of("true", "false")));
        }
        return directory.search(query, kind, Boolean.parseBoolean(closed), paging);
    }

    @GET
    @Path("/{code}")
    @PermitAll
    @Operation(operationId = "getOrganisation", summary = "Get an organisation",
            description = "One organisation by its code: ONS code for ICBs and councils, ODS code for NHS trusts, U00000 for unlisted ones.")
    public OrganisationView find(@PathParam("code") String code) {
        return directory.find(code).orElseThrow(() -> ProblemException.notFound("Organisation", code));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.PROGRAMME, Roles.ADMIN})
    @Operation(operationId = "createOrganisation", summary = "Add an unlisted organisation",
            description = "One that has no official code (a GP federation, a voluntary body, a university); it gets a U code. "
                    + "409 if its name is taken.")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = OrganisationView.class)))
    public Response add(@Valid @NotNull OrganisationInput input) {
        var added = directory.addUnlisted(input);
        return Response.created(URI.create("/api/organisations/" + added.code())).entity(added).build();
    }
}
